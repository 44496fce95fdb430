"""What the user reads on stderr: errors as one line, warnings, notes.

Messages quote file names and article text: terminal control sequences in
them are removed (`argmine.display.terminal_safe`) before they are printed.

Library errors (`argmine.errors`) become one-line messages and exit codes
here and nowhere else: 1 for a runtime failure, 2 for a usage error. Set
ARGMINE_RAISE_ERRORS=1 to get the traceback instead.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, Optional

import typer

from argmine.display import terminal_safe
from argmine.errors import ArgmineError
from argmine.settings import RAISE_ERRORS_ENV, raise_errors_requested

if TYPE_CHECKING:
    from rich.console import Console

#: Tests set this so that a bug (not an ArgmineError) fails loudly instead of becoming a message.
RAISE_UNEXPECTED = False


def stderr_console() -> "Console":
    """The console for progress, warnings and errors (stderr), made on first use:
    a query that prints only JSON never loads Rich."""
    global _stderr_console
    if _stderr_console is None:
        from rich.console import Console

        _stderr_console = Console(stderr=True, soft_wrap=True, highlight=False)
    return _stderr_console


_stderr_console: Optional["Console"] = None


def raise_unexpected() -> bool:
    """A bug (not an ArgmineError) should raise: asked for, or under test."""
    return raise_errors_requested() or RAISE_UNEXPECTED


def fail(message: str, exit_code: int) -> typer.Exit:
    """Print `Error: message` and return the exit to raise."""
    from rich.text import Text

    stderr_console().print(Text("Error: ", style="bold red") + Text(terminal_safe(message)))
    return typer.Exit(exit_code)


def warn(message: str) -> None:
    from rich.text import Text

    stderr_console().print(Text("Warning: ", style="yellow") + Text(terminal_safe(message)))


def note(message: str) -> None:
    from rich.text import Text

    stderr_console().print(Text(terminal_safe(message), style="dim"))


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn what goes wrong into a one-line message and an exit code (never a traceback)."""
    try:
        yield
    except typer.Exit:
        raise
    except ArgmineError as error:
        if raise_errors_requested():
            raise
        raise fail(str(error), error.exit_code) from None
    except KeyboardInterrupt:
        if raise_errors_requested():
            raise
        raise fail("interrupted", 130) from None
    except BrokenPipeError:
        # The reader went away (`| head`): not an error. Point stdout at devnull so
        # Python's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        raise typer.Exit(0) from None
    except OSError as error:
        if raise_errors_requested():
            raise
        where = f"{error.filename}: " if error.filename else ""
        raise fail(f"{where}{error.strerror or error}", 1) from None
    except Exception as error:
        if raise_unexpected():
            raise
        raise fail(
            f"internal error: {type(error).__name__}: {error} (set {RAISE_ERRORS_ENV}=1 for the traceback)", 1
        ) from None


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
