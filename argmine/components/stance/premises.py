"""Sentences that state a sum of money a measure saves, raises or costs: remarks on funding.

"The shift would save about £11m a year", "Officers estimate it could raise between £3m
and £4m a year": a figure reported, with no evaluation of its own and no target named,
is a premise, neutral even in a passage that argues (the gold convention: remarks on
funding are neutral). A sentence that goes on after the figure ("... save £400,000 a
year and let the nurses plan together") argues more than the sum and is left to the
other rules.
"""

from __future__ import annotations

import re

#: A verb of money flowing, then (after a few hedges) a sum: "save about £11m", "raise between £3m".
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
