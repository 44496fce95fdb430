"""What follows from taking the matter at hand away: "Scrap it and the clinics close".

A sentence that imagines the matter removed ("Take it away and ...", "Scrap it and ...",
"Without it, ...") and says what would follow argues for keeping it: the consequence
is told as a loss. The matter is what the sentence points back to ("it", "this",
"them"), the target named in the sentence before.
"""

from __future__ import annotations

import re

_POINTER = r"(it|this|that|them|these|those)"
#: "Take it away and ...", "Scrap them and ...", "Get rid of it and ...".
_REMOVE_AND = re.compile(r"^\W*(take|scrap|abolish|remove|axe|drop|end|cut|get rid of|do away with)\s+"
                         + _POINTER + r"(\s+(away|out|off))?\b[^.?!]*\band\b", re.IGNORECASE)
#: "Without it, ...", "Without them the wards would close."
_WITHOUT = re.compile(r"^\W*without\s+" + _POINTER + r"\b", re.IGNORECASE)


def imagines_removal(text: str) -> bool:
    """Does the sentence imagine the matter it points back to removed, and say what follows?"""
    return bool(_REMOVE_AND.search(text) or _WITHOUT.search(text))
