"""Sentences that argue nothing: remarks on funding, and remarks on the speaker's own words.

**Funding.** Sentences that state a sum of money a measure saves, raises or costs.

"The reform would save roughly £9m over three years", "Analysts expect it to bring in
up to £2m a year": a figure reported, with no evaluation of its own and no target named,
is a premise, neutral even in a passage that argues (the gold convention: remarks on
funding are neutral). A sentence that goes on after the figure ("... save £400,000 a
year and let the nurses plan together") argues more than the sum and is left to the
other rules.

A body's own contribution, stated as a sum ("The trust is adding £4m from its reserves."),
is a remark on funding too.

**Own words.** "I realise that sounds harsh.", "Let me be candid on that.",
"I'm not naive.": a whole sentence about how the speaker's words come across is no
position on anything; the sentences around it carry the argument.

**The exchange.** "That's fair.", "It's a perfectly reasonable question.", "We are
completely at one there.": a speaker granting the other side's point, as such, takes no side on the
matter (the gold convention); "That's fair, but ..." goes on to one and is left alone.

**Signposts.** "Let me begin with the waiting lists.", "Staffing, first of all.", "Members will
note paragraph 4.2.": a sentence that says what the speaker will talk about next.

**Non-committal.** "That all depends on who runs it.", "Whatever the outcome, it
will be quoted for years.", "The board has not yet formed a position on the proposal.": a sentence
that declines to take a side.

:func:`argues_nothing` gathers these and the reports of :mod:`.factual`: the stance
component leaves such a claim neutral when its own words decide nothing, before the
context rules or the learned model could lend it the speaker's side.
"""

from __future__ import annotations

import re

from argmine.components.stance.factual import reports_a_fact

#: A verb of money flowing, then (after a few hedges) a sum: "save roughly £9m", "bring in up to £2m".
_SUM = re.compile(r"\b(sav|rais|cost|generat|brings? in|brought in|bringing in)\w*\s+"
                  r"((about|around|roughly|some|up to|between|an estimated|nearly|almost|more than|over|at least)\s+)*"
                  r"[£$€]\s?\d", re.IGNORECASE)
_AMOUNT = re.compile(r"[£$€]\s?\d[\d,.]*\s*(m|bn|k|million|billion|thousand)?\b", re.IGNORECASE)


def funding_remark(text: str) -> bool:
    """Does `text` state what something saves, raises or costs, and nothing after the sum?"""
    if not _SUM.search(text):
        return False
    last = list(_AMOUNT.finditer(text))[-1]
    return " and " not in text[last.end():]


#: A verb of contributing, then a sum: "putting in £2m", "will invest an extra £500,000".
_CONTRIBUTION = re.compile(
    r"\b(?:put(?:ting)?s? in|invest\w*|contribut\w*|allocat\w*)\s+"
    r"(?:(?:about|around|roughly|some|up to|an extra|a further|another|nearly|almost|more than|over|at least)\s+)*"
    r"[£$€]\s?\d", re.IGNORECASE)


def states_a_contribution(text: str) -> bool:
    """Does `text` state a sum a body puts in ("The college is putting in £300,000 from its reserves.")?"""
    return bool(_CONTRIBUTION.search(text))


#: A whole sentence about the speaker's own words or manner.
_ON_OWN_WORDS = re.compile(
    r"^\W*(?:(?:look|well|now|and|so),?\s+)?(?:"
    r"(?:i know |i reali[sz]e |i appreciate |i accept )?(?:that|this|it) (?:sounds|may sound|might sound|will sound)"
    r" (?:\w+\s?){1,3}"
    r"|(?:i want to|let me|i'd like to|i must|i need to) be (?:absolutely |perfectly |very |quite |really )?"
    r"(?:clear|honest|frank|candid|blunt)(?: (?:about|on) (?:that|this))?"
    r"|i(?:'m|’m| am) not (?:naive|naïve|stupid|a fool|blind)"
    r")\W*$", re.IGNORECASE)


def remark_on_own_words(text: str) -> bool:
    """Is `text` only a remark on how the speaker's words come across ("I realise that sounds harsh.")?"""
    return bool(_ON_OWN_WORDS.match(text.strip()))


#: A speaker granting the other's point: "That's fair", "That is a legitimate criticism", "we are at one".
_GRANTED = re.compile(
    r"^\W*(?:[\w.' ]{1,30}:\s*)?(?:(?:yes|well|and|look),?\s+)?"
    r"(?:that'?s|that’s|that is|it'?s|it’s|it is|this is)\s+(?:a\s+)?(?:very\s+|perfectly\s+)?"
    r"(?:fair|reasonable|legitimate)(?:\s+(?:point|question|challenge|comment|criticism|observation|hit))?"
    r"(?=\s*(?:[.,;!—–-]|and\b|$))"
    r"|\b(?:we|i) (?:are|am) (?:entirely |completely |absolutely |very much )?at one\b"
    r"|^\W*fair enough\b|\bi take (?:that|the|your) point\b", re.IGNORECASE)
_TURN = re.compile(r"\b(?:but|however|yet|though|although)\b", re.IGNORECASE)


def grants_a_point(text: str) -> bool:
    """Does `text` only grant the other speaker's point ("That's fair.")? Not "That's fair, but ..."."""
    found = _GRANTED.search(text)
    return bool(found) and not _TURN.search(text[found.end():])


#: The speaker saying what comes next: "Let me start with ...", "X, first of all.", "Members will note ...".
_SIGNPOST = re.compile(
    r"^\W*(?:[\w.' ]{1,30}:\s*)?(?:"
    r"(?:let me |let's |let us |i'll |i will )?(?:start|begin) with\b"
    r"|(?:let me |let's |let us |i'll |i will )(?:turn|move|come) (?:on )?to\b"
    r"|[\w' ]{1,30},? first of all\W*$"
    r"|(?:members|colleagues|you) will (?:note|see|recall)\b)", re.IGNORECASE)


def signposts_a_topic(text: str) -> bool:
    """Does `text` say what the speaker will talk about ("Let me begin with the waiting lists.")?"""
    return bool(_SIGNPOST.search(text.strip()))


_NONCOMMITTAL = re.compile(
    r"\b(?:it|that|this|everything|all)(?:'s|’s| is)? (?:all )?depends?"
    r" (?:entirely |largely |very much |wholly )?(?:on|upon)\b"
    r"|^\W*whatever (?:the|its|their|our) (?:outcome|result|decision|verdict)\b"
    r"|\b(?:has|have|had) not (?:yet )?(?:taken|formed|reached) a (?:view|position)\b"
    r"|\b(?:takes?|taking) no (?:view|position|side)\b"
    r"|\bwill not (?:comment|take a view)\b|\bdeclined to comment\b", re.IGNORECASE)


def noncommittal(text: str) -> bool:
    """Does `text` decline to take a side ("That all depends on who runs it.")?"""
    return bool(_NONCOMMITTAL.search(text))


def argues_nothing(text: str) -> bool:
    """A granted point, a signpost, a non-committal answer, a contribution or a report of fact (:mod:`.factual`)."""
    return (grants_a_point(text) or signposts_a_topic(text) or noncommittal(text) or states_a_contribution(text)
            or reports_a_fact(text))
