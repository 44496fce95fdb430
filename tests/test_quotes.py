"""Quotation finding: marks paired by direction, one paragraph at a time."""

from hypothesis import given, strategies as st

from argmine.components.quotes import find_quotes


def inner(text):
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


def test_quotes_curly_double():
    assert inner("He said “we will win” and left.") == ["we will win"]


def test_quotes_straight_double_pairs_by_direction():
    assert inner('He was "not a fan" of it and would "lose the will".') == ["not a fan", "lose the will"]


def test_quotes_two_quotes_around_attribution():
    assert inner("“We will win,” she said. “Nobody can stop us.”") == ["We will win,", "Nobody can stop us."]


def test_quotes_apostrophes_are_not_quotes():
    text = "It's the minister’s plan, and O'Neill won’t back it."
    assert inner(text) == []


def test_quotes_plural_possessive_does_not_close_a_single_quote():
    text = "She called it ‘the voters’ choice and ours’ before leaving."
    assert inner(text) == ["the voters’ choice and ours"]


def test_quotes_straight_single_with_possessive_before():
    text = "It's the Republicans' plan, he said, 'a disaster for all of us'."
    assert inner(text) == ["a disaster for all of us"]


def test_quotes_nested_quote_is_not_listed_separately():
    text = "“He told me ‘we will win’ and I believed him,” she said."
    assert inner(text) == ["He told me ‘we will win’ and I believed him,"]


def test_quotes_unclosed_quote_runs_to_paragraph_end_only():
    text = "“The first paragraph has no closing mark\n\n“The second one does,” he said.\n\nPlain text after."
    quotes = find_quotes(text)
    assert [q.closed for q in quotes] == [False, True]
    assert text[quotes[0].inner_start : quotes[0].inner_end] == "The first paragraph has no closing mark"


def test_quotes_stray_mark_does_not_shift_later_paragraphs():
    text = "A stray ” mark and an “unclosed start\n\nLater “a proper quote” here."
    assert inner(text)[-1] == "a proper quote"


@given(st.text(alphabet=st.sampled_from(list("ab '\"“”‘’\n.,")), max_size=200))
def test_quotes_never_crash_and_stay_in_bounds(text):
    for q in find_quotes(text):
        assert 0 <= q.start < q.inner_start <= q.inner_end <= q.end <= len(text)
