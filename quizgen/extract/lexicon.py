"""Word lists the extraction rules rely on: months, number words, titles, places, verbs.

Kept small and explicit so a reader can see exactly what the rules know. Lists of words are
written as text: split on white space, or on commas where entries have several words.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _names(text: str) -> frozenset[str]:
    return frozenset(n.strip() for n in text.split(",") if n.strip())


MONTH_NAMES = tuple(
    "January February March April May June July August September October November December".split()
)
MONTHS = (
    {name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
    | {
        abbrev: i + 1
        for i, abbrev in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())
    }
    | {"sept": 9}
)
"""Month names and abbreviations (lowercase) -> month number."""
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

UNITS = {
    word: i
    for i, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    word: 10 * (i + 2)
    for i, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
NUMBER_WORDS = {**UNITS, **TENS, "dozen": 12}
ORDINAL_WORDS = {
    word: i + 1
    for i, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split()
    )
}
"""Ordinal words -> their value (``fifth`` -> 5)."""
WORDS_FOR = {v: k for k, v in {**UNITS, **TENS}.items()}

QUALIFIERS = (
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "just over",
    "just under",
    "well over",
    "close to",
    "an estimated",
    "approximately",
    "roughly",
    "around",
    "about",
    "nearly",
    "almost",
    "over",
    "under",
    "some",
)
"""Words that make a figure approximate (longest first matters only within the regex)."""

ABBREVIATIONS = _words(
    """
a.m adm approx apr aug brig capt cmdr co col corp cpl dec dept det dr e.g est etc feb fig ft gen gov
insp maj pfc pvt spc supt
i.e inc jan jr jul jun lt ltd mar mr mrs ms mt no nov oct p.m prof rep rev sen sep sept
sgt sr st u.k u.n u.s vs
"""
)

SPEECH_VERBS = tuple(
    """
promised promises denied denies praised praises accused accuses called calls described
describes welcomed welcomes condemned condemns criticised criticized
said says say told tells added adds stated states wrote writes read reads asked asks
insisted insists warned warns noted notes explained explains declared declares
announced announces claimed claims argued argues replied replies continued acknowledged
admitted recalled commented urged urges stressed stresses emphasised emphasized vowed
vows pledged tweeted posted quoted reported reports concluded
""".split()
)
PARTICIPLE_VERBS = tuple(
    """
saying adding asserting reading writing stating declaring warning noting calling
describing urging claiming arguing insisting
""".split()
)

DOCUMENTS = tuple(
    """
statement editorial caption report letter message commentary article communique
declaration release speech post tweet dispatch interview broadcast column essay address
""".split()
)
"""Nouns for texts that 'read' or 'say' something on behalf of whoever issued them."""

TITLE_WORDS = _words(
    """
engineer farmer worker fisherman pilot driver witness mother neighbour neighbor villager
shopkeeper chef artist singer actor actress player coach mayor governor resident
activist admiral adviser advisor affairs ambassador analyst attorney author bishop
brother captain cardinal ceo chair chairman chairwoman chancellor chief class coach
colonel commander corporal correspondent councillor councilor counterpart defence
defense deputy dictator director doctor dr economist editor emperor envoy executive
expert father finance first foreign founder general governor head historian imam
interior judge justice king lady lawmaker lawyer leader lieutenant lord major manager
marshal mayor minister mr mrs ms national nurse of officer official owner pope premier
president prime prince princess private professor prosecutor queen rabbi representative
researcher resident reverend scientist secretary security senator sergeant
sergeant-major sir sister soldier superintendent inspector detective brigadier speaker
spokesman spokesperson spokeswoman staff
state student survivor teacher unification veteran vice
"""
)

TITLE_ABBREVIATIONS = _words(
    """
adm brig capt cmdr col cpl det dr gen gov insp lt maj mr mrs ms pfc prof pvt rep rev sen sgt
spc supt
"""
)
"""Titles written short with a full stop (``Gen.``, ``Lt.``, ``Rear Adm.``), lowercase."""
TITLE_EXPANSIONS = {
    "adm": "admiral",
    "brig": "brigadier",
    "capt": "captain",
    "cmdr": "commander",
    "col": "colonel",
    "cpl": "corporal",
    "det": "detective",
    "dr": "doctor",
    "gen": "general",
    "gov": "governor",
    "insp": "inspector",
    "lt": "lieutenant",
    "maj": "major",
    "prof": "professor",
    "pvt": "private",
    "rep": "representative",
    "sen": "senator",
    "sgt": "sergeant",
    "supt": "superintendent",
}
"""A short title -> the word a later mention uses (``Col. Ned Roe`` ... ``the colonel``)."""
TITLE_WORDS = TITLE_WORDS | TITLE_ABBREVIATIONS | _words("rear commander")

ROLE_NOUNS = TITLE_WORDS - _words(
    "first class defence defense foreign state affairs interior finance justice unification "
    "security national vice prime of staff"
)
"""Title words that can stand for a whole role on their own."""

ORG_WORDS = _words(
    """
afp agency ap army assembly association authority bank bbc board brigade broadcasting
bulletin center centre channel chosun chronicle club cnn command commission committee
company congress corp corporation council court daily department division express force
forces foundation gazette government group guardian hankyoreh herald ilbo inc
independent institute joongang journal kcna kremlin magazine ministry mirror monitor
nations nato navy network news observer office organisation organization parliament
party pentagon post press radio regiment reuters review senate service sinmun society
standard tass telegraph television times tribune union university xinhua yonhap
"""
)

PUBLICATION_WORDS = _words(
    "service press news newspaper times post herald gazette journal tribune daily agency wire"
)
"""Words of a publication's or news service's name, for a name line above a headline."""

ORG_NOUNS = _words(
    """
agency army body broadcaster channel company daily firm government group magazine
ministry network newspaper office outlet paper party publication station tabloid
website weekly
"""
)
"""Lowercase nouns that, right after a name, make it an organisation (``Rodong Sinmun
newspaper``)."""

EVENT_WORDS = _words(
    """
accord act agreement award campaign conference crisis cup day election festival games
olympics operation plan prize program programme project revolution summit treaty war
"""
)

SITE_WORDS = _words(
    """
isle
airport avenue base bay border bridge building camp canal castle cathedral cemetery
church city coast county desert district fort gate gulf hall harbor harbour hospital
house island islands lake memorial mosque mountain mountains museum ocean palace park
peninsula plaza port prison province region river road sea square stadium state station
strait street temple territory tower valley village wall zone
"""
)

COUNTRIES = _names(
    """
Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria,
Azerbaijan, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin,
Bhutan, Bolivia, Bosnia, Botswana, Brazil, Britain, Brunei, Bulgaria, Burkina Faso,
Burundi, Cambodia, Cameroon, Canada, Chad, Chile, China, Colombia, Congo, Costa Rica,
Croatia, Cuba, Cyprus, Czech Republic, Czechia, Denmark, Djibouti, Dominican Republic,
Ecuador, Egypt, El Salvador, England, Eritrea, Estonia, Eswatini, Ethiopia, Fiji,
Finland, France, Gabon, Gambia, Georgia, Germany, Ghana, Greece, Guatemala, Guinea,
Guyana, Haiti, Honduras, Hong Kong, Hungary, Iceland, India, Indonesia, Iran, Iraq,
Ireland, Israel, Italy, Ivory Coast, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Korea,
Kosovo, Kuwait, Kyrgyzstan, Laos, Latvia, Lebanon, Lesotho, Liberia, Libya,
Liechtenstein, Lithuania, Luxembourg, Madagascar, Malawi, Malaysia, Maldives, Mali,
Malta, Mauritania, Mauritius, Mexico, Moldova, Monaco, Mongolia, Montenegro, Morocco,
Mozambique, Myanmar, Namibia, Nepal, Netherlands, New Zealand, Nicaragua, Niger,
Nigeria, North Korea, North Macedonia, Norway, Oman, Pakistan, Palestine, Panama,
Papua New Guinea, Paraguay, Peru, Philippines, Poland, Portugal, Qatar, Romania,
Russia, Rwanda, Saudi Arabia, Scotland, Senegal, Serbia, Sierra Leone, Singapore,
Slovakia, Slovenia, Somalia, South Africa, South Korea, South Sudan, Spain, Sri Lanka,
Sudan, Suriname, Sweden, Switzerland, Syria, Taiwan, Tajikistan, Tanzania, Thailand,
Tibet, Togo, Tunisia, Turkey, Turkmenistan, Uganda, Ukraine, United Arab Emirates,
United Kingdom, United States, Uruguay, Uzbekistan, Venezuela, Vietnam, Wales, Yemen,
Zambia, Zimbabwe,
"""
)

COUNTRY_ALIASES = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "United States of America": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "ROK": "South Korea",
    "DPRK": "North Korea",
    "Republic of Korea": "South Korea",
    "UAE": "United Arab Emirates",
}
CITIES = _names(
    """
Abuja, Addis Ababa, Algiers, Amsterdam, Ankara, Athens, Auckland, Baghdad, Bangkok,
Beijing, Beirut, Berlin, Bogota, Boston, Brasilia, Brussels, Budapest, Buenos Aires,
Busan, Cairo, Canberra, Cape Town, Caracas, Chicago, Copenhagen, Daegu, Daejeon,
Damascus, Delhi, Dhaka, Doha, Dubai, Dublin, Edinburgh, Geneva, Gwangju, Hanoi, Havana,
Helsinki, Hiroshima, Hong Kong, Houston, Incheon, Islamabad, Istanbul, Jakarta,
Jerusalem, Johannesburg, Kabul, Kaesong, Khartoum, Kiev, Kuala Lumpur, Kyiv, Lagos,
Lima, Lisbon, London, Los Angeles, Macau, Madrid, Manila, Melbourne, Mexico City,
Miami, Minsk, Montreal, Moscow, Mumbai, Nagasaki, Nairobi, New Delhi, New York, Osaka,
Oslo, Ottawa, Panmunjom, Paris, Prague, Pyongyang, Rabat, Rio de Janeiro, Riyadh, Rome,
San Francisco, Santiago, Sao Paulo, Seoul, Shanghai, Singapore, Stockholm, Sydney,
Taipei, Tehran, Tel Aviv, Tokyo, Toronto, Tunis, Vancouver, Vienna, Vladivostok,
Warsaw, Washington, Wonsan, Zurich,
"""
)

AGENCIES = _names(
    """
Reuters, AP, AFP, Associated Press, The Associated Press, Agence France-Presse,
Agence France Presse, Bloomberg, Yonhap, Kyodo, Xinhua, dpa, DPA, PA, PA Media,
Press Association, UPI, Anadolu, EFE, ANSA, TASS, Interfax, KCNA, Bernama, ANI, PTI,
IANS, CNA, NHK, CNN, BBC, BBC News, Al Jazeera,
"""
)
"""News agencies and broadcasters that sign articles (``Jane Doe, Reuters``)."""

BYLINE_WORDS = _words(
    """
of the for and at in on with from to by de da van von staff writer writers reporter reporters
correspondent correspondents editor editors contributor contributors photographer columnist
senior chief political foreign diplomatic defence defense science health business economics
technology sports news special bureau desk updated published posted last min mins read
minutes minute hours hour ago local time a.m a.m. p.m p.m. am pm
"""
)
"""Lowercase words a byline may hold besides names, publications and dates (``staff
writer``, ``Updated 3 March 2024``)."""
BYLINE_ROLES = _words(
    "staff writer writers reporter reporters correspondent correspondents editor editors "
    "contributor contributors columnist bureau desk"
)
"""Words that make ``NAME, WORDS`` a signature even without ``By`` (``Jane Doe, Staff
Writer``)."""
