"""Defaults and environment switches every layer shares, each defined once.

Light (standard library only): the CLI reads these to build its options and
still answers `--help` at once.
"""

from __future__ import annotations

import os

#: Files larger than this are skipped unless `--max-bytes` says otherwise.
DEFAULT_MAX_BYTES = 10_000_000

#: Set to get the traceback of an unexpected error instead of a one-line message
#: (CLI) or a skipped file (ingest).
RAISE_ERRORS_ENV = "ARGMINE_RAISE_ERRORS"


def raise_errors_requested() -> bool:
    """Whether ARGMINE_RAISE_ERRORS is on: anything but unset, empty, 0, false or no."""
    return os.environ.get(RAISE_ERRORS_ENV, "").strip().lower() not in ("", "0", "false", "no")
