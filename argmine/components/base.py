"""What argmine's rule components share."""

from __future__ import annotations


class RuleComponent:
    """A pipeline component whose rules and vocabulary live in the package's data files.

    Saving a pipeline stores the component's name and config (spaCy does that); the
    lexicons travel with the argmine package, so there is nothing else to write.
    """

    name: str

    def to_disk(self, path, *, exclude=tuple()):
        return None

    def from_disk(self, path, *, exclude=tuple()):
        return self

    def to_bytes(self, *, exclude=tuple()):
        return b""

    def from_bytes(self, data, *, exclude=tuple()):
        return self
