"""Short passages, one per group of patterns, each with its hand-made fact list.

Attribution forms, a quotation continued in the next paragraph, partial and curly quotes;
numbers in digits and words, with approximations; absolute, range and relative dates (resolved
against the article's date); captions, credits, bylines and datelines left out.
"""

from __future__ import annotations

import pytest
from extract_scoring import KINDS, Score, report, score
from extract_scoring import Expected as E

from quizgen.bank import load_bank
from quizgen.extract import extract, extract_facts
from quizgen.extract.writer import dump, validated
from quizgen.lint import lint

ATTRIBUTION = """\
Harbour town celebrates new bridge

Mayor Ana Souza opened the Riverside Bridge on Monday. "This bridge joins two towns that were \
apart for a century," Souza said.

"It took four years to build," said chief engineer Tom Baker.

"We stand together with every family who lost a home," Prime Minister Lena Park and President \
Omar Haddad said in a joint statement. The statement added that both governments "will never \
forget the victims of the flood".

The Valley Herald, the town's daily newspaper, devoted its front page to the opening.

"A triumph of patience over politics," it said in an editorial.

Tom Baker said the hardest part was the river itself. "The water fought us every single day," \
he said.

Critics said the project was "far too expensive for a small town".

“Water is life,” said farmer Lina Moreno, who lives by the river.
"""

ATTRIBUTION_FACTS = [
    E("quote", "This bridge joins two towns", "Ana Souza"),
    E("quote", "It took four years to build", "Tom Baker"),
    E("quote", "We stand together with every family", "Lena Park and Omar Haddad"),
    E("quote", "will never forget the victims", "Lena Park and Omar Haddad"),
    E("quote", "A triumph of patience over politics", "Valley Herald"),
    E("quote", "The water fought us", "Tom Baker"),
    E("quote", "far too expensive for a small town", "Critics"),
    E("quote", "Water is life", "Lina Moreno"),
    E("person", "Ana Souza", "Mayor"),
    E("person", "Tom Baker", "chief engineer"),
    E("person", "Lena Park", "Prime Minister"),
    E("person", "Omar Haddad", "President"),
    E("person", "Lina Moreno", "farmer"),
    E("date", "Monday", None),
    E("figure", "two towns", 2),
    E("figure", "four years", 4),
    E("place", "Riverside Bridge"),
]

CONTINUED = """\
Governor Maria Silva visited the flooded valley on Friday. "We will rebuild every house and \
every school in this valley.

"It will take years, but no family will be left behind," she said.

She promised that the state would pay for "every brick and every beam" of the new homes.
"""

CONTINUED_FACTS = [
    E("quote", "We will rebuild every house", "Maria Silva"),
    E("quote", "It will take years", "Maria Silva"),
    E("quote", "every brick and every beam", "Maria Silva"),
    E("person", "Maria Silva", "Governor"),
    E("date", "Friday", None),
]

NUMBERS = """\
About 1,200 affiliate stations carried the final episode, which reached 7.2 million viewers.
More than 300 volunteers and nearly forty boats joined the search on the lake.
The storm destroyed three bridges and damaged a dozen homes.
Prices rose 4.5% in March, and the city spent $3 billion on repairs.
Twenty-five schools stayed closed, while fewer than 50 students came back.
The M-26 tank and the F-35 jet stood next to a COVID-19 testing tent at 10:30.
One of the volunteers, a 24th Street resident, said it was the worst storm in decades.
"""

NUMBERS_FACTS = [
    E("figure", "About 1,200 affiliate stations", 1200),
    E("figure", "7.2 million viewers", 7200000),
    E("figure", "More than 300 volunteers", 300),
    E("figure", "nearly forty boats", 40),
    E("figure", "three bridges", 3),
    E("figure", "a dozen homes", 12),
    E("figure", "4.5%", 4.5),
    E("figure", "$3 billion", 3000000000),
    E("figure", "Twenty-five schools", 25),
    E("figure", "fewer than 50 students", 50),
    E("date", "March", "2020-03"),
]

DATES = """\
The treaty was signed on June 25, 1950, ratified on 3 March 1951 and extended in June 1951.
The 1950-1953 war and the 1939-45 conflict shaped the region for decades.
Talks resumed in 2018. Officials met on Thursday and again last week.
The old bridge opened 70 years ago and was rebuilt three years later.
Yesterday the council voted; the new rules start next month.
Between 1960 and 1965 the town grew quickly, and by the 1970s it had doubled.
"""

DATES_FACTS = [
    E("date", "June 25, 1950", "1950-06-25"),
    E("date", "3 March 1951", "1951-03-03"),
    E("date", "June 1951", "1951-06"),
    E("date", "1950-1953", "1950/1953"),
    E("date", "1939-45", "1939/1945"),
    E("date", "2018", "2018"),
    E("date", "Thursday", "2020-06-25"),
    E("date", "last week", "2020-W25"),
    E("date", "70 years ago", "1950"),
    E("date", "three years later", "1953"),
    E("date", "Yesterday", "2020-06-24"),
    E("date", "next month", "2020-07"),
    E("date", "Between 1960 and 1965", "1960/1965"),
    E("date", "1970s", "1970/1979"),
]

CAPTIONS = """\
Floods sweep through Seoul

By Jane Doe

SEOUL (AFP) - Floods hit the South Korean capital on Monday, killing 12 people and forcing \
3,000 residents from their homes.

Rescuers search a flooded street in Seoul
Rescuers search a flooded street in Seoul AFP / Jung Yeon-je

A man rows a boat past shops in Gangnam. REUTERS / Kim Hong-ji

"The water rose in minutes," said resident Park Min-ho, 62.

The weather agency said more rain was expected on Tuesday.
"""

CAPTIONS_FACTS = [
    E("date", "Monday", "2020-06-22"),
    E("date", "Tuesday", "2020-06-23"),
    E("figure", "12 people", 12),
    E("figure", "3,000 residents", 3000),
    E("figure", "62", 62),
    E("quote", "The water rose in minutes", "Park Min-ho"),
    E("person", "Park Min-ho", "resident"),
    E("place", "Seoul"),
    E("place", "Gangnam"),
]

REPORTED = """\
According to the health ministry, 40 patients were treated.
"The hospital was full by noon," a nurse told reporters.
Officials at the hospital said they had "never seen anything like it".
"""

REPORTED_FACTS = [
    E("figure", "40 patients", 40),
    E("quote", "The hospital was full by noon", "a nurse"),
    E("quote", "never seen anything like it", "Officials at the hospital"),
]

ASIDES = """\
Japan marks 75 years since Hiroshima bombing

HIROSHIMA, Japan (AP) — Hiroshima marked the 75th anniversary of the world's first atomic \
bombing on Thursday, with Mayor Kazumi Matsui urging world leaders to take nuclear disarmament \
more seriously.

About 140,000 people were killed in the attack on August 6, 1945, and three days later a second \
bomb destroyed Nagasaki, killing another 70,000.

"We must never allow this painful past to repeat itself," Matsui said at the ceremony, which \
was scaled back because of the coronavirus pandemic.

Prime Minister Shinzo Abe, who attended, said Japan would continue to work for a world without \
nuclear weapons. "As the only country to have suffered atomic bombings in war, Japan has a duty \
to lead," he told reporters.

Survivors, known as hibakusha, are now in their 80s. Their average age is nearly 83, according \
to the health ministry.

Keiko Ogura, 83, who was 8 at the time, said she still remembers the flash. "The sky turned \
white and then everything went dark," she said.

The United Nations Secretary-General, Antonio Guterres, said in a video message that "the only \
way to totally eliminate nuclear risk is to totally eliminate nuclear weapons".

Japan surrendered on August 15, 1945, ending World War II.
"""

ASIDES_FACTS = [
    E("date", "Thursday", "2020-08-06"),
    E("date", "August 6, 1945", "1945-08-06"),
    E("date", "three days later", "1945-08-09"),
    E("date", "August 15, 1945", "1945-08-15"),
    E("figure", "75th anniversary", 75),
    E("figure", "About 140,000 people", 140000),
    E("figure", "70,000", 70000),
    E("figure", "nearly 83", 83),
    E("figure", "83", 83),
    E("figure", "8", 8),
    E("quote", "We must never allow this painful past", "Kazumi Matsui"),
    E("quote", "As the only country to have suffered", "Shinzo Abe"),
    E("quote", "The sky turned white", "Keiko Ogura"),
    E("quote", "the only way to totally eliminate", "Antonio Guterres"),
    E("person", "Kazumi Matsui", "Mayor"),
    E("person", "Shinzo Abe", "Prime Minister"),
    E("person", "Keiko Ogura", None),
    E("person", "Antonio Guterres", "United Nations Secretary-General"),
    E("place", "Hiroshima"),
    E("place", "Nagasaki"),
    E("place", "Japan"),
]

STORM = """\
Storm leaves thousands without power

Storm Ciara left more than 500,000 homes without power across Britain on Sunday, the energy \
regulator said.

"This is the worst storm we have seen in a decade," Energy Minister Kwasi Kwarteng said on \
Monday. "Crews are working around the clock."

A 10-year-old boy was rescued from a river near Manchester, police said. Winds reached 97 mph at \
the Needles on the Isle of Wight.

The Met Office, Britain's weather service, warned that more rain would follow. "Further \
flooding is likely in the north," it said in a statement.

Insurers estimate the damage at £1.5bn, up from £200m after Storm Dennis in 2020.

Rail operator Avanti West Coast cancelled all trains, a spokeswoman told Reuters.
"""

STORM_FACTS = [
    E("date", "Sunday", "2024-02-04"),
    E("date", "Monday", "2024-02-05"),
    E("date", "2020", "2020"),
    E("figure", "more than 500,000 homes", 500000),
    E("figure", "10-year-old", 10),
    E("figure", "97 mph", 97),
    E("figure", "£1.5bn", 1500000000),
    E("figure", "£200m", 200000000),
    E("quote", "This is the worst storm", "Kwasi Kwarteng"),
    E("quote", "Crews are working around the clock", "Kwasi Kwarteng"),
    E("quote", "Further flooding is likely", "Met Office"),
    E("person", "Kwasi Kwarteng", "Energy Minister"),
    E("place", "Britain"),
    E("place", "Manchester"),
    E("place", "Needles"),
    E("place", "Isle of Wight"),
]

TIMES = """\
Night market returns to the old port

By Jane Doe, Riverside Gazette, 3 March 2024

RIVERSIDE, March 3 (AFP) - The night market will open at 10 a.m. on Saturday and close at \
9 p.m., organisers said. About 40 stalls will sell food from noon until midnight.

The parade starts at 10:30 and the fireworks at 9pm, when 2,000 visitors are expected. Buses \
run every 15 minutes until 11.30pm.

"We have waited three years for this," said market manager Maria Lopez.
"""

TIMES_FACTS = [
    E("date", "Saturday", "2024-03-02"),
    E("figure", "About 40 stalls", 40),
    E("figure", "2,000 visitors", 2000),
    E("figure", "15 minutes", 15),
    E("figure", "three years", 3),
    E("quote", "We have waited three years for this", "Maria Lopez"),
    E("person", "Maria Lopez", "manager"),
]

PASSAGES = {
    "attribution forms": (ATTRIBUTION, None, ATTRIBUTION_FACTS),
    "continued and partial quotes": (CONTINUED, None, CONTINUED_FACTS),
    "number forms": (NUMBERS, "2020-06-25", NUMBERS_FACTS),
    "date forms": (DATES, "2020-06-25", DATES_FACTS),
    "captions and credits": (CAPTIONS, "2020-06-25", CAPTIONS_FACTS),
    "reported claims": (REPORTED, None, REPORTED_FACTS),
    "asides and appositives": (ASIDES, "2020-08-06", ASIDES_FACTS),
    "money, measures and a company": (STORM, "2024-02-10", STORM_FACTS),
    "times of day, byline and dateline": (TIMES, "2024-03-01", TIMES_FACTS),
}


@pytest.fixture(scope="module")
def all_scores() -> dict[str, dict[str, Score]]:
    return {
        name: score(expected, extract_facts(text, date))
        for name, (text, date, expected) in PASSAGES.items()
    }


@pytest.mark.parametrize("name", list(PASSAGES))
def test_passage(all_scores, name):
    scores = all_scores[name]
    text = report(f"Passage: {name}", scores)
    for kind in KINDS:
        assert not scores[kind].missed and not scores[kind].extra, text


def test_passages_together(all_scores):
    total = {k: Score() for k in (*KINDS, "all")}
    for scores in all_scores.values():
        for k, s in scores.items():
            total[k].tp += s.tp
            total[k].fp += s.fp
            total[k].fn += s.fn
    report("All short passages", total)
    for kind in ("date", "figure", "quote"):
        assert total[kind].recall == 1.0
    assert total["all"].precision >= 0.9


def test_captions_credits_bylines_and_datelines_are_skipped():
    facts = extract_facts(CAPTIONS, "2020-06-25")
    reasons = {s.reason.split(" with ")[0]: s.text for s in facts.skipped}
    assert reasons["headline"] == "Floods sweep through Seoul"
    assert reasons["byline"] == "By Jane Doe"
    assert reasons["dateline"].startswith("SEOUL (AFP) -")
    assert "AFP / Jung Yeon-je" in reasons["repeated caption"]
    assert reasons["credit"] == "REUTERS / Kim Hong-ji"
    assert facts.headline == "Floods sweep through Seoul"
    text = " ".join(s.text for s in facts.sentences)
    for words in ("Jane Doe", "AFP", "REUTERS", "Jung Yeon-je", "Kim Hong-ji"):
        assert words not in text
    assert sum(s.caption for s in facts.sentences) == 2


def test_times_of_day_bylines_and_datelines_give_no_facts():
    facts = extract_facts(TIMES, "2024-03-01")
    reasons = {s.reason: s.text for s in facts.skipped}
    assert reasons["byline"] == "By Jane Doe, Riverside Gazette, 3 March 2024"
    assert reasons["dateline"] == "RIVERSIDE, March 3 (AFP) - "
    assert [d.text for d in facts.dates] == ["Saturday"]
    numbers = {f.number for f in facts.figures}
    assert not numbers & {"10", "9", "30", "11", "3"}


@pytest.mark.parametrize("name", list(PASSAGES))
def test_passage_draft_passes_strict_validation(tmp_path, name):
    text, date, _ = PASSAGES[name]
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    draft = extract(text, date)
    checked = validated(draft.to_data("article.txt"), article, draft.alternatives)
    out = tmp_path / "draft.yaml"
    out.write_text(dump(checked.data, "article.txt"), encoding="utf-8")
    assert lint(load_bank(out)) == []
    assert checked.invalid == []


def test_it_said_resolves_to_the_newspaper_of_the_previous_sentence():
    facts = extract_facts(ATTRIBUTION)
    quote = next(q for q in facts.quotes if q.text.startswith("A triumph"))
    assert quote.speaker.label == "Valley Herald"
    assert quote.speaker.phrase == "it"


def test_claims_stay_attributed():
    facts = extract_facts(REPORTED)
    assert facts.attributions[0] == "the health ministry"
    facts = extract_facts(STORM)
    assert facts.attributions[0] == "the energy regulator"
    facts = extract_facts(ASIDES)
    sentence = next(s for s in facts.sentences if s.text.startswith("Their average age"))
    assert facts.attributions[sentence.index] == "the health ministry"
