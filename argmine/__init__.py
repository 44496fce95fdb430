"""argmine: who claims what, with which stance, in policy articles.

Kept import-light on purpose: query commands and spaCy's entry points import
this package, and must not pay for spaCy or the model.
"""

__version__ = "0.1.0"
