"""argmine's command line: parse options, call the core, render.

Data goes to stdout only (or `--output FILE`, written atomically); progress,
warnings and errors go to stderr, so `argmine ... | jq` always gets clean
JSON. Library errors (`argmine.errors`) become one-line messages and exit
codes in `messages.py` and nowhere else.

Query commands (`who-said`, `actors`, `schema`, `--help`) must start fast and
never import spaCy: everything heavy is imported inside the command that
needs it.

Layout: `app.py` holds the Typer app; `options.py` the shared option types;
`messages.py` errors, warnings and notes; `runs.py` where claims come from
(store, paths, stdin); one module per command or family of commands, each
registering itself on `app`. A new command is a new module imported below.
"""

from __future__ import annotations

from argmine.cli.app import app, main

# The command modules register their commands on `app`, in the order `--help` lists them.
from argmine.cli import extract as _extract  # noqa: F401,E402
from argmine.cli import merge as _merge  # noqa: F401,E402
from argmine.cli import query as _query  # noqa: F401,E402
from argmine.cli import schema_inspect as _schema_inspect  # noqa: F401,E402
from argmine.cli import evaluate as _evaluate  # noqa: F401,E402
from argmine.cli import target as _target  # noqa: F401,E402
from argmine.cli import network as _network  # noqa: F401,E402
from argmine.cli import report as _report  # noqa: F401,E402

__all__ = ["app", "main"]
