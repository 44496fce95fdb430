"""A piece written to argue: its writer's plain statements are claims too.

In a news report most of the writer's sentences describe, and only those that
carry markers of evaluation (`authorial.claim_score`) are the writer's claims.
A letter to the editor, an opinion column, a blog post or a campaign statement
is the other way round: the whole text is the writer's case, and its bare
premises ("Each spring the ferry runs half empty", "A timetable is only a
promise", "Maybe so, for a while") argue as much as
its evaluative sentences. Such a piece shows itself by how much of it already
reads as argument: when at least `ARGUED_SHARE` of the sentences the writer
could own passed the ordinary bar, the rest of its prose sentences in the body
count at the lower bar `PLAIN_SCORE`.

Not every line of such a page is prose: headings, sign-offs, addresses,
navigation and footnotes have no closing full stop, or are too short; a call to
the reader ("Sign the petition today") is an appeal, not a claim; a past action
of a named actor ("Councillor Okoro left early") narrates. Those are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from argmine.components.attribution.words import cue_classes
from argmine.components.lexicons import cue_lexicon
from argmine.components.quotes import find_quotes
from argmine.components.spans import CLOSERS

ARGUED_SHARE = 0.3  # news sits near 0.1, letters and columns from 0.3 up (gold/dev, dev-blind)
MIN_OWN = 4  # sentences the writer already owns before a piece counts as argued
PLAIN_SCORE = 0.0  # below it: narrative markers, fragments of under four words
ARGUED_SEGMENTS = {"body", "comment"}
FURNITURE = re.compile(r"[|@]|https?:|www\.|^\s*[\[(]?\d+[\])]|^\s*\[")
PROSE_END = (".", "!", "…")
SIGNPOST = re.compile(r"^\W*(?:so,?\s+|and\s+)?here(?:'s|’s|\s+is|\s+are)\b", re.IGNORECASE)
SUBJECT_LABELS = ("nsubj", "nsubjpass", "nsubj:pass")


@dataclass
class Held:
    """A sentence the writer could own that fell below the ordinary bar."""

    sent: Span
    voice: str
    segment: str
    score: float


def argued_piece(owned: int, held: list[Held]) -> bool:
    """Enough of the writer's sentences already argue for the whole piece to be an argument."""
    total = owned + len(held)
    return owned >= MIN_OWN and total > 0 and owned / total >= ARGUED_SHARE


def is_prose(sent: Span) -> bool:
    """A full sentence of running text: closed by a full stop, four words or more, no
    page furniture (separators, addresses, links, footnote marks)."""
    text = sent.text.strip()
    while text and text[-1] in CLOSERS:
        text = text[:-1].rstrip()
    if not text.endswith(PROSE_END) or FURNITURE.search(text):
        return False
    return sum(1 for t in sent if t.is_alpha) >= 4


def appeals_to_reader(sent: Span) -> bool:
    """An imperative addressed to the reader ("Sign the petition", "Write to your MP"):
    the root is a bare verb with no subject."""
    root = sent.root
    return root.tag_ == "VB" and root.i == sent.start + _leading_fillers(sent) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass", "expl") for c in root.children
    )


def _leading_fillers(sent: Span) -> int:
    """Tokens before the first word ("So", "Please", quote marks) that an imperative may follow."""
    n = 0
    for t in sent:
        if t.is_punct or t.is_space or t.lower_ in ("so", "please", "now", "then", "and", "but"):
            n += 1
            continue
        break
    return n


def _named_subject(sent: Span, actor_starts: set[int]) -> bool:
    subjects = [c for c in sent.root.children if c.dep_ in SUBJECT_LABELS]
    return any(s.tag_ in ("NNP", "NNPS") or any(t.idx in actor_starts for t in s.subtree) for s in subjects)


def narrates_an_actor(sent: Span, actor_starts: set[int]) -> bool:
    """A named actor's doing told in the past tense ("Councillor Okoro left early",
    "Okoro was calmer"): narration, not the writer's argument."""
    root = sent.root
    past = root.tag_ == "VBD" or any(c.tag_ == "VBD" and c.dep_.startswith(("aux", "cop")) for c in root.children)
    return past and _named_subject(sent, actor_starts)


def describes_an_actor(sent: Span, actor_starts: set[int]) -> bool:
    """Who a named actor is ("The Ferry Users' Forum is a volunteer group", "X was one
    of six towns picked"): a name, then "be" and a determiner or "one", not denied. Read
    from the surface: parsers often misread such long names."""
    words = [t for t in sent if not t.is_space and not t.is_punct]
    verb = next((i for i, t in enumerate(words) if t.lemma_ == "be"), None)
    if not verb or verb + 1 >= len(words):
        return False
    named = any(t.tag_ in ("NNP", "NNPS") or t.idx in actor_starts for t in words[:verb])
    return named and words[verb + 1].lower_ in ("a", "an", "the", "one")


def signposts(sent: Span) -> bool:
    """"Here is my answer." / "So here's the plan.": the writer pointing ahead."""
    return bool(SIGNPOST.match(sent.text))


def reports_someone(sent: Span) -> bool:
    """A report the attribution rules did not take up: a quotation through a cue with its
    own subject ("The audit found “serious lapses” in ..."), or "with many doubting ...",
    "with critics warning that ...": someone else's position, not the writer's."""
    lex = cue_lexicon()
    cues = [t for t in sent if t.pos_ == "VERB" and cue_classes(t, lex) & {"speech", "cognition"}]
    if any(t.tag_ == "VBG" and "with" in {w.lower_ for w in sent.doc[max(sent.start, t.i - 3) : t.i]} for t in cues):
        return True
    if not any(q.inner_end - q.inner_start > 3 for q in find_quotes(sent.text)):
        return False
    return any(any(c.dep_ in SUBJECT_LABELS for c in t.children) for t in cues)


def plain_claims(held: list[Held], actor_starts: set[int]) -> list[Held]:
    """The held sentences of an argued piece that count as its writer's claims."""
    return [
        h
        for h in held
        if h.segment in ARGUED_SEGMENTS
        and h.score >= PLAIN_SCORE
        and is_prose(h.sent)
        and not appeals_to_reader(h.sent)
        and not signposts(h.sent)
        and not narrates_an_actor(h.sent, actor_starts)
        and not describes_an_actor(h.sent, actor_starts)
        and not reports_someone(h.sent)
    ]
