"""argmine: who claims what, with which stance, in policy articles.

From Python: ``argmine.extract(texts or paths, target=...)`` returns claim
records (see `argmine.api`).

Kept import-light on purpose: query commands and spaCy's entry points import
this package, and must not pay for spaCy or the model.
"""

__version__ = "0.1.0"

__all__ = ["extract", "extracted_text", "Claims", "__version__"]


def __getattr__(name: str):  # PEP 562: the Python API is imported on first use, not with the package
    if name in ("extract", "extracted_text", "Claims"):
        from argmine import api

        return getattr(api, name)
    raise AttributeError(f"module 'argmine' has no attribute {name!r}")
