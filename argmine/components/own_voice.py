"""An organisation's own statements in its own page are the writer's claims.

A press release, campaign statement or consultation response published by an
organisation (its voice found by `argmine.ingest.voice`) speaks of itself in the
third person: "The union says that ...", "NAVH is calling on ...", "The Association
welcomes ...". Attribution reads these as reported speech; a researcher coding the
page reads them as the organisation's own position, in its own words. So a claim
whose speaker mention names the page's own organisation — by its name, a short form
the page uses for it, or a piece of a written-out name ("Save Holloway Baths
Campaign welcomes" whose source was read as "Holloway Baths Campaign") — becomes an `author` claim of that
organisation. Claims by people speaking for it ("Cllr A, the council's lead
member, said") stay theirs.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from argmine.actor_names import without_article
from argmine.components.contract import ClaimDict
from argmine.components.spans import sentence_chars

OWN_STATEMENT = "own-statement"  # the rule name of a claim turned into the organisation's own
LIST_ITEM = re.compile(r"^\s*(?:[*•·–-]|\d{1,2}[.)])\s+")
_AUX_PARTICIPLE = r"(?:is|are|was|were|has|have|had)\s+(?:(?:not|also|never|now|today)\s+)?[a-z]+(?:ing|ed|en)\b"
_MODAL_VERB = r"(?:does|do|did|will|would|can|could|must|should|may)\s+(?:(?:not|also|never)\s+)?[a-z]+\b"
_FINITE = r"(?:(?:[a-z]+ly|today|also|now)\s+)?(?!is\b|was\b|has\b|does\b)[a-z]+(?:s|ed)\b"
DESCRIBING = {"be", "have"}  # "X is a charity that ...", "X has 600 members": who it is, not what it holds


def voice_names(doc: Doc) -> list[str]:
    """The page's own organisation's names and short forms; empty when the voice is no organisation."""
    actor = (doc._.actors or {}).get(doc._.author or "")
    if not actor or actor.get("kind") != "organisation":
        return []
    return [actor["name"], *actor.get("aliases", [])]


def _inside_a_name(text: str, start: int, end: int, names: list[str]) -> bool:
    """[start, end) lies within a written-out occurrence of one of the names."""
    for name in names:
        if len(name) < 4:
            continue
        for m in re.finditer(re.escape(name), text, flags=re.IGNORECASE):
            if m.start() <= start and end <= m.end():
                return True
    return False


def is_own_voice(text: str, source: list[int], names: list[str]) -> bool:
    """The speaker mention at `source` names the page's own organisation."""
    start, end = source
    if without_article(text[start:end]) in {without_article(n) for n in names}:
        return True
    return _inside_a_name(text, start, end, names)


def own_statements(doc: Doc, claims: list[ClaimDict]) -> list[ClaimDict]:
    """The claims, with those the page's own organisation makes of itself turned into author claims."""
    names = voice_names(doc)
    if not names:
        return claims
    text = doc.text
    for claim in claims:
        if claim["mode"] == "author" or not claim.get("source"):
            continue
        if is_own_voice(text, claim["source"], names):
            claim["mode"] = "author"
            claim["actor"] = doc._.author
            claim["rule"] = OWN_STATEMENT
    return claims


def speaks_of_itself(sent: Span, names: list[str]) -> bool:
    """The sentence's subject is the page's own organisation and its verb says what the
    organisation does or holds ("PORTWORK does not accept the figures", "The Association urges ...")."""
    if _opens_with(sent.text, names):
        return True
    root = sent.root
    if root.pos_ != "VERB" or root.lemma_.lower() in DESCRIBING:
        return False
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(is_own_voice(sent.doc.text, [s.idx, s.idx + len(s.text)], names) for s in subjects)


def _opens_with(text: str, names: list[str]) -> bool:
    """The sentence opens with one of the names and a verb of what it does: "X is calling on",
    "X does not accept", "X (ABC) welcomes", "X, the ..., today called" (not "X is a charity")."""
    verb = rf"(?:{_AUX_PARTICIPLE}|{_MODAL_VERB}|{_FINITE})"
    for name in names:
        pattern = rf"^\s*(?:[*•-]\s+)?(?i:(?:the\s+)?{re.escape(name.removeprefix('The '))})(?:\s*\([A-Z]+\))?(?:,[^,.]{{3,60}},)?\s+{verb}"
        if re.match(pattern, text):
            return True
    return False


def continues_a_list(sent: Span, previous: Span, own: set[tuple[int, int]]) -> bool:
    """An item of a list the writer opened ("We call on the board to:" / "* pause ...;"):
    the previous sentence is the writer's own and ends with a colon or is an item itself."""
    if not LIST_ITEM.match(sent.text):
        return False
    start, end = sentence_chars(previous)
    if not any(s < end and start < e for s, e in own):
        return False
    return previous.text.rstrip().endswith(":") or bool(LIST_ITEM.match(previous.text))
