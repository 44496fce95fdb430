"""A short answer to a yes/no question, read through the question it answers.

"Would you back a takeover of both trusts?" -- "Not yet." The answer names no
target and carries no evaluation of its own; its stance is the question's stance
toward the target (its own words: "support a merger" is for, "scrap the fund" is
against; without any, the target named: "Will you merge?"), kept by "yes",
"absolutely", "of course" and reversed by "no", "not now", "never", "not a chance".
Only a yes/no question (one that opens with an auxiliary or modal) is answered so;
"How do the two boards get on?" is not.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span

#: Words that open a yes/no question.
QUESTION_OPENERS = frozenset({"would", "will", "do", "does", "did", "is", "are", "was", "were", "should", "shall",
                              "can", "could", "have", "has", "had", "may", "might", "must"})
#: Words that open an answer for what was asked, and what reverse it.
YES = frozenset({"yes", "yeah", "yep", "absolutely", "certainly", "definitely", "sure", "indeed", "course"})
NO = frozenset({"no", "nope", "not", "n't", "never", "hardly", "nobody", "none"})
#: Words that qualify an answer: "Yes, with reservations" answers both ways.
QUALIFIERS = frozenset({"but", "reservations", "reservation", "caveats", "partly", "qualified"})
#: An answer is short: at most this many words.
MAX_ANSWER_WORDS = 6


def words_after_label(sent: Span) -> list:
    """The sentence's words without a speaker label before a colon ("RD: Not now.")."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    for k, token in enumerate(sent[:5]):
        if token.text == ":":
            return [t for t in sent[k + 1:] if not (t.is_punct or t.is_space)]
    return words


def answer_sign(sent: Span) -> Optional[int]:
    """+1 for a short yes, -1 for a short no ("Not now.", "Of course not."), 0 for a qualified
    one ("Yes, with reservations"), None for a sentence that is no short answer."""
    words = words_after_label(sent)
    if not words or len(words) > MAX_ANSWER_WORDS:
        return None
    lowered = [w.lower_ for w in words]
    if (lowered[0] in YES or lowered[0] in NO) and any(w in QUALIFIERS for w in lowered[1:]):
        return 0
    if lowered[0] in NO or (lowered[0] in ("of", "maybe", "probably", "perhaps") and any(w in NO for w in lowered)):
        return -1
    if lowered[0] in YES or lowered[:2] == ["of", "course"]:
        return -1 if any(w in NO for w in lowered[1:]) else 1
    return None


def label_only(sent: Span) -> bool:
    """A sentence that is only a speaker's label ("RD:"), split from what the speaker says."""
    return sent.text.rstrip().endswith(":") and len(sent) <= 5


def is_yes_no_question(sent: Span) -> bool:
    words = words_after_label(sent)
    return bool(words) and sent.text.rstrip().rstrip("\"'”’").endswith("?") and words[0].lower_ in QUESTION_OPENERS
