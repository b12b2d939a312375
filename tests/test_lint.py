"""Bank lint: each warning triggered by a small inline bank, and the bundled bank lints clean."""

from __future__ import annotations

import yaml
from support import BUNDLED_BANK, run_cli

from quizgen.bank import load_bank
from quizgen.lint import LintWarning, lint

ARTICLE = (
    "Kim Jong Un and Moon Jae-in held three summits in 2018. "
    "The newspaper carried more than 10 stories on the war. "
    "Seoul counts 520,000 North Korean military fatalities."
)
SOURCE = "Kim Jong Un and Moon Jae-in held three summits in 2018."
SAME = "after normalising case, spacing and punctuation"


def _question(qid: str, qtype: str, prompt: str, **fields) -> dict:
    return {
        "id": qid,
        "type": qtype,
        "prompt": prompt,
        **fields,
        "explanation": "Explained.",
        "source": SOURCE,
    }


def mc(qid: str, prompt: str, answer: str, distractors: list[str]) -> dict:
    return _question(qid, "multiple_choice", prompt, answer=answer, distractors=distractors)


def load(tmp_path, *questions: dict):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    bank = {
        "id": "lint-test",
        "title": "Lint test",
        "article": {"path": "article.txt"},
        "questions": list(questions),
    }
    path = tmp_path / "bank.yaml"
    path.write_text(yaml.safe_dump(bank, sort_keys=False), encoding="utf-8")
    return load_bank(path)


def messages(bank) -> list[tuple[str | None, str]]:
    return [(w.question_id, w.message) for w in lint(bank)]


# The longest choice --------------------------------------------------------------------------

PROMPTS = [
    "Who held the summits?",
    "When were the summits held?",
    "How many summits were there?",
    "What did the newspaper carry?",
    "Whose count is 520,000?",
]


def _mc_bank(tmp_path, longest: int, total: int = 5):
    questions = []
    for i in range(total):
        if i < longest:
            answer, distractors = "The longest choice", ["Short", "Shorter"]
        else:
            answer, distractors = "Short", ["The longest choice", "Shorter"]
        questions.append(mc(f"q{i}", PROMPTS[i], answer, distractors))
    return load(tmp_path, *questions)


def test_longest_answer_in_more_than_40_percent_warns_with_the_percentage(tmp_path):
    bank = _mc_bank(tmp_path, longest=3)
    assert lint(bank) == [
        LintWarning(
            None,
            None,
            "the correct answer is the longest choice in 3 of 5 multiple-choice questions "
            "(60%, more than 40%)",
        )
    ]


def test_longest_answer_in_exactly_40_percent_is_accepted(tmp_path):
    assert lint(_mc_bank(tmp_path, longest=2)) == []


def test_an_answer_tied_for_longest_does_not_count_as_longest(tmp_path):
    bank = load(
        tmp_path,
        mc("q0", PROMPTS[0], "Kim Jong Un", ["Moon Jae-in", "Nobody"]),
        mc("q1", PROMPTS[1], "In 2018", ["In 2017", "Never"]),
    )
    assert lint(bank) == []


# Duplicate prompts ---------------------------------------------------------------------------


def test_duplicate_prompt_after_normalising_case_spacing_and_punctuation(tmp_path):
    bank = load(
        tmp_path,
        mc("first", "Who held the summits?", "Kim Jong Un", ["Moon Jae-in", "Nobody"]),
        mc("second", "who  held THE summits ...", "Kim Jong Un", ["Moon Jae-in", "Nobody"]),
    )
    assert messages(bank) == [("second", "prompt is the same as question 'first'")]


def test_near_duplicate_prompt_says_how_similar(tmp_path):
    bank = load(
        tmp_path,
        mc("ten", "Which newspaper carried more than ten stories on the war?", "It", ["Ab", "Cd"]),
        mc(
            "digits",
            "Which newspaper carried more than 10 stories about the war?",
            "It",
            ["Ab", "Cd"],
        ),
    )
    assert messages(bank) == [
        ("digits", "prompt is nearly the same as question 'ten' (91% similar)")
    ]


def test_prompts_below_the_near_duplicate_ratio_pass(tmp_path):
    # 87% similar: close wording, but a different question.
    bank = load(
        tmp_path,
        mc("a", "How many summits did the 2018 rapprochement bring?", "3", ["2", "4"]),
        mc("b", "How many summits did the rapprochement of 2018 bring?", "3", ["2", "4"]),
    )
    assert lint(bank) == []


def test_cloze_questions_are_compared_by_their_sentence_not_the_instruction(tmp_path):
    bank = load(
        tmp_path,
        _question(
            "c1",
            "cloze",
            "Fill in the blank.",
            text="Kim Jong Un and Moon Jae-in held {{three}} summits.",
        ),
        _question(
            "c2",
            "cloze",
            "Fill in the blank.",
            text="Seoul counts {{520,000}} North Korean military fatalities.",
        ),
        _question(
            "c3",
            "cloze",
            "Fill in the blank!",
            text="The newspaper carried more than {{10}} stories on the war.",
        ),
        _question(
            "c4",
            "cloze",
            "Fill in the blank.",
            text="Seoul counts {{520,000}} North Korean military fatalities.",
        ),
    )
    assert messages(bank) == [("c4", "prompt is the same as question 'c2'")]


def test_matching_questions_with_one_instruction_but_other_items_are_not_duplicates(tmp_path):
    pairs_a = [{"left": x, "right": y} for x, y in [("A", "1"), ("B", "2"), ("C", "3")]]
    pairs_b = [
        {"left": x, "right": y} for x, y in [("Kim", "North"), ("Moon", "South"), ("Seoul", "City")]
    ]
    bank = load(
        tmp_path,
        _question("m1", "matching", "Match each item.", pairs=pairs_a),
        _question("m2", "matching", "Match each item.", pairs=pairs_b),
    )
    assert lint(bank) == []


# Distractors equal to the answer -------------------------------------------------------------


def test_distractor_equal_to_the_answer_after_normalising(tmp_path):
    bank = load(
        tmp_path,
        mc("q", "Who is the South's President?", "Moon Jae-in", ["moon  JAE in.", "Kim Jong Un"]),
    )
    assert messages(bank) == [
        ("q", f"distractor 'moon  JAE in.' is the answer 'Moon Jae-in' {SAME}"),
    ]


def test_distractors_equal_to_each_other_after_normalising(tmp_path):
    bank = load(
        tmp_path,
        mc(
            "q",
            "How many stories did the newspaper carry?",
            "Three",
            ["520,000", "520 000", "More than 10"],
        ),
    )
    assert messages(bank) == [
        ("q", f"distractor '520 000' is the same as distractor '520,000' {SAME}"),
    ]


def test_matching_distractor_equal_to_a_right_hand_match(tmp_path):
    pairs = [
        {"left": x, "right": y}
        for x, y in [
            ("Kim", "North Korean leader"),
            ("Moon", "South's President"),
            ("Seoul", "Capital of the South"),
        ]
    ]
    bank = load(
        tmp_path,
        _question(
            "m",
            "matching",
            "Match each name to its role.",
            pairs=pairs,
            distractors=["north-korean LEADER", "Newspaper"],
        ),
    )
    assert messages(bank) == [
        (
            "m",
            "distractor 'north-korean LEADER' is the same as right-hand match "
            f"'North Korean leader' {SAME}",
        ),
    ]


# The answer in its own prompt ----------------------------------------------------------------


def test_short_answer_given_away_by_its_prompt(tmp_path):
    bank = load(
        tmp_path,
        _question(
            "sa",
            "short_answer",
            "Did Moon Jae-In hold summits with Kim?",
            answer="moon jae-in",
            accept=["President Moon", "Kim"],
        ),
    )
    assert messages(bank) == [
        ("sa", "the answer 'moon jae-in' appears in the prompt"),
        ("sa", "the accepted answer 'Kim' appears in the prompt"),
    ]


def test_answer_inside_a_longer_word_is_not_a_giveaway(tmp_path):
    bank = load(
        tmp_path,
        _question(
            "sa", "short_answer", "Which honeymoon resort hosted the summits?", answer="Moon"
        ),
        mc("mc", "In what year, after 20180, were the summits?", "2018", ["2017", "2019"]),
    )
    assert lint(bank) == []


def test_multiple_choice_answer_in_its_prompt(tmp_path):
    bank = load(
        tmp_path,
        mc("mc", "Were the summits held in 2018, and in which year?", "2018", ["2017", "2019"]),
    )
    assert messages(bank) == [("mc", "the answer '2018' appears in the prompt")]


def test_numeric_answer_in_its_prompt_with_or_without_thousands_separators(tmp_path):
    bank = load(
        tmp_path,
        _question("n1", "numeric", "Seoul counts 520,000 dead: how many?", answer=520000),
        _question("n2", "numeric", "Is the figure 520000, and what is it?", answer=520000),
        _question("n3", "numeric", "How many summits, three or four?", answer=3, accept=["three"]),
    )
    own = [(q, m) for q, m in messages(bank) if "of question" not in m]  # not the giveaways
    assert own == [
        ("n1", "the answer '520,000' appears in the prompt"),
        ("n2", "the answer '520000' appears in the prompt"),
        ("n3", "the accepted answer 'three' appears in the prompt"),
    ]


def test_cloze_answer_elsewhere_in_its_sentence(tmp_path):
    bank = load(
        tmp_path,
        _question(
            "c",
            "cloze",
            "Fill in the blanks.",
            text="In {{2018}} they met three times; {{three|3}} summits in 2018.",
        ),
    )
    assert messages(bank) == [
        ("c", "the answer '2018' of blank 1 appears in the prompt or elsewhere in the text"),
        ("c", "the answer 'three' of blank 2 appears in the prompt or elsewhere in the text"),
    ]


def test_true_false_statements_are_not_checked_for_their_answer(tmp_path):
    bank = load(tmp_path, _question("tf", "true_false", "True or false: it is true.", answer=True))
    assert lint(bank) == []


# Locations and the command line --------------------------------------------------------------


def test_question_warnings_carry_the_question_location(tmp_path):
    bank = load(
        tmp_path,
        mc("ok", "Who held the summits?", "Kim Jong Un", ["Moon Jae-in", "Nobody"]),
        mc("bad", "Were they held in 2018?", "2018", ["2017", "2019"]),
    )
    (warning,) = lint(bank)
    assert warning.question_id == "bad"
    assert warning.location == bank.questions[1].location
    assert str(warning) == (
        f"{bank.questions[1].location}: question 'bad': warning: "
        "the answer '2018' appears in the prompt"
    )


def test_validate_prints_warnings_and_fails_only_when_strict(tmp_path):
    bank = load(tmp_path, mc("bad", "Were they held in 2018?", "2018", ["2017", "2019"]))
    path = str(tmp_path / "bank.yaml")
    where = bank.questions[0].location
    assert where.file == path
    expected = f"{where}: question 'bad': warning: the answer '2018' appears in the prompt\n"

    relaxed = run_cli("validate", path)
    assert relaxed.returncode == 0, relaxed.stderr
    assert relaxed.stderr == expected

    strict = run_cli("validate", "--strict", path)
    assert strict.returncode == 1
    assert strict.stderr == expected


# The bundled bank ----------------------------------------------------------------------------


def test_the_bundled_bank_has_no_lint_warnings():
    assert lint(load_bank(BUNDLED_BANK)) == []


def test_stray_quotation_marks_and_a_cloze_fragment_are_reported(tmp_path):
    bank = load(
        tmp_path,
        mc("stray", 'Who said "peace first?', "Moon", ["Kim", "Trump"]),
        _question("frag", "cloze", "Fill in the blank.", text="born of {{necessity}} and"),
        _question("whole", "cloze", "Fill in the blank.", text="It was born of {{necessity}}."),
    )
    assert messages(bank) == [
        (
            "stray",
            "prompt: unbalanced quotation marks (an opening '“' that is never closed) in "
            "'Who said “peace first?'",
        ),
        (
            "frag",
            "text: the cloze text does not start with a capital letter; write a whole sentence "
            "the student can read",
        ),
    ]
