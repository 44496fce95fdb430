"""Stance of each claim toward a target: support / oppose / mixed / neutral.

How a claim is read (an analyst's reading, made mechanical), module by module:

- :mod:`.mentions` — **the target in the text**: terms of the target file (``pro``
  names the target and its instruments, ``con`` its opposite), matched whatever
  the inflection or spelling; generic words only in the target's field; in a text
  that names the target, "this programme" refers back to it.
- :mod:`.lexicon`, :mod:`.items` — **evaluative items**: general evaluative words
  and phrases and the shifters that change them.
- :mod:`.scoring` — **composition**, in named phases: contrast and concession,
  negation, reversers ("reduce fragmentation"), hedges and questions, "X rather
  than Y", conditional frames, then attachment of each evaluation to the target
  mentions of its clause.
- :mod:`.result` — **decision**: positive mass P and negative mass N give
  ``score = (P - N) / (P + N + K)``; both substantial and comparable -> mixed.
- :mod:`.reading` — :func:`stance_of`, one claim against one target (the per-target API).
- :mod:`.context` — a claim without evidence of its own, read in the light of what
  precedes it.
- :mod:`.component` — the spaCy factory ``argmine_stance``.

Rules are general English; nothing here knows any particular article.
"""

from argmine.components.stance.component import StanceComponent, make_stance
from argmine.components.stance.lexicon import Entry, Lexicon
from argmine.components.stance.mentions import Mention, find_mentions, in_domain, target_polarity
from argmine.components.stance.reading import stance_of
from argmine.components.stance.result import StanceResult, label_for
from argmine.components.stance.settings import DEFAULT_SETTINGS, Settings
from argmine.components.stance.words import WORD_CACHE, canon, forms

__all__ = [
    "DEFAULT_SETTINGS", "Entry", "Lexicon", "Mention", "Settings", "StanceComponent", "StanceResult", "WORD_CACHE",
    "canon", "find_mentions", "forms", "in_domain", "label_for", "make_stance", "stance_of", "target_polarity",
]
