"""An organisation's own statements in its own page are the writer's claims.

A press release, campaign statement or consultation response published by an
organisation (its voice found by `argmine.ingest.voice`) speaks of itself in the
third person: "The union says that ...", "KAHP is calling on ...", "The College
welcomes ...". Attribution reads these as reported speech; a researcher coding the
page reads them as the organisation's own position, in its own words. So a claim
whose speaker mention names the page's own organisation — by its name, a short form
the page uses for it, or a piece of a written-out name ("Keep X Public (KX)
welcomes" whose source was read as "X Public") — becomes an `author` claim of that
organisation. Claims by people speaking for it ("Cllr A, the council's lead
member, said") stay theirs.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from argmine.actor_names import without_article
from argmine.components.contract import ClaimDict

OWN_STATEMENT = "own-statement"  # the rule name of a claim turned into the organisation's own


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
