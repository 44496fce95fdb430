"""The extract run's listener: a progress bar (on a terminal, for enough files) and warnings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmine.cli.messages import note, warn

if TYPE_CHECKING:
    from rich.console import Console

    from argmine.runner import RunListener

#: More files than this and `extract` draws a progress bar (on a terminal).
PROGRESS_MIN_FILES = 3


class Progress:
    """The run's listener: a progress bar (terminal, enough files) and warnings, on stderr."""

    def __init__(self, console: "Console", *, enabled: bool):
        self.console = console
        self.enabled = enabled and console.is_terminal
        self.bar: Any = None
        self.task: Any = None
        self.listener: "RunListener" = _listener_for(self)

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    @property
    def showing(self) -> bool:
        return self.bar is not None

    def start(self, total: int) -> None:
        if not self.enabled or total <= PROGRESS_MIN_FILES:
            return
        self.bar = _progress_bar(self.console)
        self.bar.start()
        self.task = self.bar.add_task("extract", total=total)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _listener_for(progress: Progress) -> "RunListener":
    """A RunListener that warns on stderr and moves `progress` on."""
    from argmine.runner import RunListener

    class Listener(RunListener):
        def started(self, total: int) -> None:
            progress.start(total)

        def skipped(self, path: str, reason: str) -> None:
            warn(f"skipped {path}: {reason}")
            progress.advance()

        def warned(self, doc: str, message: str) -> None:
            warn(f"{doc}: {message}")

        def finished(self, doc: str, *, cached: bool, claims: int) -> None:
            progress.advance()

        def failed(self, doc: str, message: str) -> None:
            warn(f"{doc}: extraction failed ({message}); the rest goes on")
            progress.advance()

        def duplicate(self, doc: str, original: str, similarity: float) -> None:
            note(f"{doc} nearly duplicates {original} (similarity {similarity:.2f}): marked duplicate_of, "
                 "counted once by `argmine actors`")

    return Listener()


def _progress_bar(console: "Console") -> Any:
    """Rich's progress bar with a documents-per-second column."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress as RichProgress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} docs/s" if speed else "– docs/s", style="dim")

    return RichProgress(
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeRemainingColumn(),
        console=console,
        redirect_stdout=False,
        redirect_stderr=False,
    )
