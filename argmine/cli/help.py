"""`--help` in the user's words: an argument shows the name it is given (PATH..., FILE),
not the Python type behind it (`{paths}...`, `<list[Path]>`).

Typer prints an argument's annotation beside its name even when the argument
has a metavar; options already print their metavar alone. Every argmine
command is an `ArgmineCommand`, whose arguments with a metavar print just that.
"""

from __future__ import annotations

from typing import Any, Optional

import click
from typer.core import TyperArgument, TyperCommand


class NamedArgument(TyperArgument):
    """An argument shown by its metavar alone, in the usage line and in the list."""

    def display_type_rich(self, ctx: click.Context) -> Optional[str]:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name}]"


class ArgmineCommand(TyperCommand):
    """A command whose named arguments (those given a metavar) print as `NamedArgument`s."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument and param.metavar is not None:
                param.__class__ = NamedArgument
