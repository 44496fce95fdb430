"""Sentences that argue nothing: remarks on funding, and remarks on the speaker's own words.

**Funding.** Sentences that state a sum of money a measure saves, raises or costs.

"The reform would save roughly £9m over three years", "Analysts expect it to bring in
up to £2m a year": a figure reported, with no evaluation of its own and no target named,
is a premise, neutral even in a passage that argues (the gold convention: remarks on
funding are neutral). A sentence that goes on after the figure ("... save £400,000 a
year and let the nurses plan together") argues more than the sum and is left to the
other rules.

**Own words.** "I realise that sounds harsh.", "Let me be candid on that.",
"I'm not naive.": a whole sentence about how the speaker's words come across is no
position on anything; the sentences around it carry the argument.
"""

from __future__ import annotations

import re

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
