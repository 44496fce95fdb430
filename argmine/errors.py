"""Small typed exceptions. The library raises these; only the CLI turns them into
one-line messages and exit codes (1 runtime, 2 usage)."""


class ArgmineError(Exception):
    """Base class: anything argmine reports to the user as a one-line message."""

    exit_code = 1


class UsageError(ArgmineError):
    """The command line asked for something that cannot be done as asked."""

    exit_code = 2


class InputError(ArgmineError):
    """A file or folder the user gave cannot be read as an article."""


class NothingToRead(InputError):
    """No readable article among the paths given."""


class StoreError(ArgmineError):
    """The embedded store is locked, corrupt or from an incompatible version."""


class ModelError(ArgmineError):
    """The shipped spaCy pipeline is missing or cannot be loaded."""


class GoldError(ArgmineError):
    """A gold annotation file is malformed."""
