"""``quizgen extract`` on degenerate and hostile text: the right result, never a traceback.

How long these take is measured by ``benchmarks/bench_extract_adversarial.py`` (the budget
is 2 s for 1 MB); here the same inputs, smaller, are checked for what extract makes of them.
"""

from __future__ import annotations

import yaml

from quizgen.cli import main
from quizgen.extract import extract
from quizgen.extract.clean import MAX_SENTENCE_CHARS, html_evidence, segment


def _command(capsys, tmp_path, text: str) -> tuple[int, str, str]:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    code = main(["extract", str(article), "-o", str(tmp_path / "draft.yaml")])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_run_of_dots_is_no_sentence_and_asks_nothing(capsys, tmp_path):
    code, _, err = _command(capsys, tmp_path, "." * 40_000)
    assert code == 1
    assert err.count("\n") == 1 and "found no dates, figures" in err
    assert not (tmp_path / "draft.yaml").exists()


def test_spaces_inside_one_sentence_leave_it_out_but_keep_the_rest():
    text = "The war " + " " * 5000 + "ended in 1953.\n\nThe truce came on July 27, 1953."
    draft = extract(text)
    assert [d.text for d in draft.facts.dates] == ["July 27, 1953"]
    reasons = [s.reason for s in segment(text).skipped]
    assert reasons == [f"too long for a sentence (over {MAX_SENTENCE_CHARS:,} characters)"]


def test_repeated_photo_labels_and_dates_without_years_draft_nothing():
    for unit in ("Photo: ", "June 25, "):
        draft = extract(unit * 5000)
        assert draft.questions == ()


def test_repeated_phrases_in_long_sentences_give_sentence_sized_questions():
    sentence = "The " + "June 25, " * 200 + "end. "
    draft = extract(sentence * 20)
    assert len(draft.facts.sentences) == 20
    assert all(len(q["source"]) < MAX_SENTENCE_CHARS for q in draft.questions)


def test_an_unbalanced_quotation_mark_does_not_make_the_text_one_sentence():
    text = 'He said "the war was long. ' + "".join(
        f"The convoy reached the camp on May {d}, 1950. " for d in range(1, 29)
    )
    draft = extract(text)
    assert len(draft.facts.sentences) == 29
    assert draft.facts.quotes == ()  # the stray mark opens no quotation 1,500 characters long
    assert draft.questions
    assert max(len(q["source"]) for q in draft.questions) < 60


def test_a_quotation_over_several_sentences_stays_one_sentence():
    text = '"We came. We saw. We stayed," said Colonel Ana Ruiz.'
    draft = extract(text)
    assert [s.text for s in draft.facts.sentences] == [text]
    assert draft.facts.quotes[0].speaker.label == "Ana Ruiz"


def test_a_quotation_continued_in_the_next_paragraph_still_splits_its_sentences():
    text = '"We came here in 1950. We stayed.\n\n"We will leave in 1960," said Ana Ruiz.'
    sentences = [s.text for s in extract(text).facts.sentences]
    assert sentences == ['"We came here in 1950.', "We stayed.", sentences[2]]


def test_a_4300_digit_number_is_not_a_figure(capsys, tmp_path):
    text = "The code was " + "7" * 4400 + " long. The army had 300 tanks in 1950."
    code, _, err = _command(capsys, tmp_path, text)
    assert code == 0, err
    draft = yaml.safe_load((tmp_path / "draft.yaml").read_text(encoding="utf-8"))
    assert "7777" not in str(draft["questions"])
    assert [f.text for f in extract(text).facts.figures] == ["300 tanks"]


def test_an_html_page_is_refused_with_advice(capsys, tmp_path):
    page = "<!DOCTYPE html>\n<html><body><p>Some 300 troops came in 1950.</p></body></html>\n"
    code, _, err = _command(capsys, tmp_path, page)
    assert code == 1
    assert err == (
        f"quizgen: error: {tmp_path / 'article.txt'}: this is an HTML page (<!DOCTYPE html), "
        "not an article's text; open it in a browser, copy the article's text into a .txt file and "
        "extract that\n"
    )
    assert not (tmp_path / "draft.yaml").exists()


def test_html_is_told_from_text_that_mentions_a_tag():
    assert html_evidence("<div class=a>\n<p>One.</p>\n<p>Two.</p>") == "<div class=a> <p> </p>"
    assert html_evidence("Use the <p> tag for paragraphs, the editor said.") is None
    assert html_evidence("Scores were 3 < 4 and 5 > 2 in 1950.") is None


def test_many_quotations_without_speakers_ask_nothing_about_speakers():
    draft = extract('"We will stay here," a man said. ' * 300)
    assert len(draft.facts.quotes) == 300
    assert len(draft.questions) == 1
