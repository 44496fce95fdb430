"""Records to stdout or `--output FILE`, in the format asked for, through argmine.output."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from argmine.cli.messages import stdout_is_terminal
from argmine.output import OutputFormat, atomic_output, choose_format, write_records


def write(records: Any, fmt: Optional[OutputFormat], output: Optional[Path], **kwargs: Any) -> int:
    """Write `records` (see `write_records`) atomically; returns how many were written."""
    chosen = choose_format(fmt, output, stdout_is_terminal())
    with atomic_output(output) as fp:
        return write_records(records, chosen, fp, **kwargs)
