"""The Typer app and its callback: every command module registers on `app`.

A command lives in a module of its own (`extract.py`, `query.py`, ...) and
adds itself with ``@app.command()``; `argmine/cli/__init__.py` imports the
command modules in the order `--help` lists them.
"""

from __future__ import annotations

from typing import Annotated

import typer

from argmine import __version__

app = typer.Typer(
    name="argmine",
    help="Who claims what, with which stance: argument tables from policy articles.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    rich_markup_mode=None,
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"argmine {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Who claims what, with which stance: argument tables from policy articles.

    Start with `argmine extract FOLDER`; then ask `argmine who-said --actor NAME`
    and `argmine actors`, which answer from the store without re-reading.
    """


def main() -> None:
    """Console-script entry point."""
    app(prog_name="argmine")
