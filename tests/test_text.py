"""Answer normalisation and number formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quizgen.text import format_number, normalize_answer


@pytest.mark.parametrize(
    "a, b",
    [
        ("Moon Jae-in", "moon jaein"),
        ("MOON JAE IN", "Moon Jae-in!"),
        ("520,000", "520 000"),
        ("1950-53", "1950–53"),  # en dash
        ("-3", "−3"),  # minus sign
        ("Straße", "STRASSE".lower().replace("ss", "ß")),
        ("Ｆｕｌｌ", "full"),
    ],
)
def test_equal_after_normalising(a, b):
    assert normalize_answer(a) == normalize_answer(b)


@pytest.mark.parametrize(
    "a, b",
    [
        # Regressions: dropping every '.', '-' and '/' made these wrong answers right.
        ("-4.2", "42"),
        ("-4.2", "4.2"),
        ("4.2", "42"),
        ("1/2", "12"),
        ("8.5k", "85k"),
    ],
)
def test_numbers_keep_their_sign_point_and_slash(a, b):
    assert normalize_answer(a) != normalize_answer(b)


def test_normalised_forms():
    assert normalize_answer(" President  Moon, Jae-in. ") == "presidentmoonjaein"
    assert normalize_answer("v1.2.3 and .5 and x-4") == "v1.2.3and.5andx4"


@pytest.mark.parametrize(
    "value, text",
    [("520000", "520,000"), ("7.20", "7.2"), ("1E+3", "1,000"), ("-0.50", "-0.5"), ("3", "3")],
)
def test_format_number(value, text):
    assert format_number(Decimal(value)) == text
