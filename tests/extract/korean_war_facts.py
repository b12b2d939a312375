"""Every fact of the Korean War article (banks/korean_war_70th_anniversary.txt), by hand.

Read with the article dated 2020-06-25 (a Thursday). Photo captions count once (the copy
without its agency credit); their repeated copies and the credits are not article text.
"""

from __future__ import annotations

from extract_scoring import Expected as E

ARTICLE_DATE = "2020-06-25"

DATES = [
    E("date", "Thursday", "2020-06-25", near="reaffirmed their commitment"),
    E("date", "1950-1953", "1950/1953", near="Factfile"),
    E("date", "June 25, 1950", "1950-06-25"),
    E("date", "1950-53", "1950/1953", near="honour guards"),
    E("date", "1950", "1950", near="On this day in 1950"),
    E("date", "June 1951", "1951-06"),
    E("date", "1951", "1951", near="forced to flee"),
    E("date", "Thursday", "2020-06-25", near="more than 10 stories"),
    E("date", "June 25", "--06-25", near="The enemy is aiming"),
    E("date", "Thursday", "2020-06-25", near="held a ceremony"),
    E("date", "25 June, 1950", "1950-06-25"),
    E("date", "three years later", "1953"),
    E("date", "2018", "2018"),
    E("date", "Wednesday", "2020-06-24"),
    E("date", "last week", "2020-W25"),
    E("date", "Thursday", "2020-06-25", near="JoongAng Daily said"),
    E("date", "70 years ago", "1950"),
]

FIGURES = [
    E("figure", "70th anniversary", 70, near="reaffirmed their commitment"),
    E("figure", "three-year", 3),
    E("figure", "two Koreas", 2),
    E("figure", "520,000 North Koreans", 520000),
    E("figure", "137,000 Southern troops", 137000),
    E("figure", "37,000 Americans", 37000, near="puts the war's military fatalities"),
    E("figure", "37,000 Americans troops", 37000, near="died in the war"),
    E("figure", "more than 10 stories", 10),
    E("figure", "70 years", 70, near="held a ceremony"),
    E("figure", "three summits", 3),
    E("figure", "70th anniversary", 70, near="Baengmagoji"),
    E("figure", "nearly 70 years", 70),
]

ALLIES = "South Korea and the United States"
MINISTERS = "Mark Esper and Jeong Kyeong-doo"
RODONG = "Rodong Sinmun"
JOONGANG = "JoongAng Daily"

QUOTES = [
    E("quote", "the hard-fought peace", ALLIES),
    E("quote", "On this day in 1950, the US-ROK military alliance", MINISTERS),
    E("quote", "sacrifice, bravery, and legacy of those", MINISTERS),
    E("quote", "the entire country into ashes", RODONG),
    E("quote", "A ceasefire is not peace", RODONG),
    E("quote", "The enemy is aiming for the moment", RODONG),
    E("quote", "The great achievements of the victory generation", RODONG),
    E("quote", "It is our misfortune", "a veteran"),
    E("quote", "can turn into a house of cards", JOONGANG),
    E("quote", "persistently turned a blind eye", JOONGANG),
    E("quote", "slackening sense of security", JOONGANG),
    E("quote", "There is no free ride in keeping peace", JOONGANG),
    E("quote", "We hope the government and defence ministry", JOONGANG),
    E("quote", "remain firmly committed to defending", MINISTERS),
]

PEOPLE = [
    E("person", "Mark Esper", "US Secretary of Defence"),
    E("person", "Jeong Kyeong-doo", "Mark Esper's South Korean counterpart"),
    E("person", "Edward Wilson", "US Private First Class"),
    E("person", "Kim Jong Un", "North Korean leader"),
    E("person", "Moon Jae-in", "the South's President"),
]

PLACES = [
    E("place", name)
    for name in (
        "South Korea",
        "United States",
        "North Korea",
        "Demilitarized Zone",
        "National Cemetery",
        "Daejeon",
        "Haengju",
        "Korea",
        "Seoul",
        "Pyongyang",
        "Washington",
        "Baengmagoji War Memorial",
        "Cheorwon",
        "Korean Peninsula",
    )
]

ALL = DATES + FIGURES + QUOTES + PEOPLE + PLACES

CREDITS = [
    "AFP / STAFF",
    "AFP / Jung Yeon-je",
    "NATIONAL ARCHIVES / NATIONAL ARCHIVES",
    "National Archives / Handout",
    "AFP / Claude DE CHABALIER",
    "AFPTV / Daniel DE CARTERET",
    "AFP / Ed JONES",
]
"""The agency credits of the seven photo captions, each on the caption's repeated copy."""
