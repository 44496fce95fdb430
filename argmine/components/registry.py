"""The document's actors: canonical entries merged from their mentions.

One `ActorRegistry` per document. People merge by name (full name, title +
surname, surname), organisations by normalised name and acronym, collectives
by their head noun. The registry round-trips through ``doc._.actors`` (plain
dicts) so the components that share it stay serialisable and independent.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.tokens import Doc

from argmine.actor_names import without_article


def slugify(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "actor"


@dataclass
class ActorEntry:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[list[int]] = field(default_factory=list)  # char spans in doc.text
    gender: Optional[str] = None  # "male" / "female" when a title or pronoun says so
    first: Optional[str] = None
    surname: Optional[str] = None

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias not in self.aliases:
            self.aliases.append(alias)

    def add_role(self, role: str) -> None:
        role = role.strip(" ,")
        if role and without_article(role) not in {without_article(r) for r in self.roles}:
            self.roles.append(role)

    def add_mention(self, start: int, end: int) -> None:
        if [start, end] not in self.mentions:
            self.mentions.append([start, end])
            self.mentions.sort()

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "mentions": [list(m) for m in self.mentions],
            "gender": self.gender,
            "first": self.first,
            "surname": self.surname,
        }

    @classmethod
    def from_dict(cls, actor_id: str, data: dict) -> "ActorEntry":
        return cls(
            id=actor_id,
            name=data["name"],
            kind=data["kind"],
            aliases=list(data.get("aliases", [])),
            roles=list(data.get("roles", [])),
            mentions=[list(m) for m in data.get("mentions", [])],
            gender=data.get("gender"),
            first=data.get("first"),
            surname=data.get("surname"),
        )


class ActorRegistry:
    """Canonical actors of one document, with the rules that merge mentions."""

    def __init__(self, entries: Iterable[ActorEntry] = ()):
        self.entries: dict[str, ActorEntry] = {e.id: e for e in entries}

    # -- persistence -------------------------------------------------------
    @classmethod
    def from_doc(cls, doc: Doc) -> "ActorRegistry":
        data = doc._.actors or {}
        return cls(ActorEntry.from_dict(k, v) for k, v in data.items())

    def write(self, doc: Doc) -> None:
        doc._.actors = {k: e.to_dict() for k, e in self.entries.items()}

    # -- lookup -------------------------------------------------------------
    def __iter__(self):
        return iter(self.entries.values())

    def get(self, actor_id: str) -> Optional[ActorEntry]:
        return self.entries.get(actor_id)

    def at(self, start: int, end: int) -> Optional[ActorEntry]:
        """The actor with a mention overlapping [start, end), the tightest first."""
        best = None
        for entry in self.entries.values():
            for ms, me in entry.mentions:
                if ms < end and start < me:
                    size = me - ms
                    if best is None or size < best[0]:
                        best = (size, entry)
        return best[1] if best else None

    def by_name(self, name: str, kind: Optional[str] = None) -> Optional[ActorEntry]:
        key = without_article(name)
        for entry in self.entries.values():
            if kind and entry.kind != kind:
                continue
            if without_article(entry.name) == key or key in {without_article(a) for a in entry.aliases}:
                return entry
        return None

    def people_with_surname(self, surname: str) -> list[ActorEntry]:
        key = without_article(surname)
        return [
            e
            for e in self.entries.values()
            if e.kind in ("person", "author") and e.surname and without_article(e.surname) == key
        ]

    # -- adding -------------------------------------------------------------
    def _new_id(self, name: str) -> str:
        base = slugify(name)
        candidate, n = base, 2
        while candidate in self.entries:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def create(self, name: str, kind: str, **extra) -> ActorEntry:
        entry = ActorEntry(id=self._new_id(name), name=name, kind=kind, **extra)
        self.entries[entry.id] = entry
        return entry

    def add_person(self, names: list[str], surface: str, span: tuple[int, int], gender: Optional[str] = None) -> ActorEntry:
        """Merge a person mention: full name, or a single name matched to a known person."""
        full = " ".join(names)
        entry: Optional[ActorEntry] = None
        if len(names) >= 2:
            surname, first = names[-1], names[0]
            for cand in self.people_with_surname(surname):
                if cand.first is None or without_article(cand.first) == without_article(first):
                    entry = cand
                    break
            if entry is None:
                entry = self.create(full, "person", first=first, surname=surname)
            elif entry.first is None:
                entry.first = first
                if entry.kind == "person":
                    entry.name = full
        else:
            single = names[0]
            known = self.people_with_surname(single)
            if not known:
                known = [e for e in self.entries.values() if e.kind == "person" and e.first and without_article(e.first) == without_article(single)]
            if known:
                # several namesakes: the one mentioned last before this mention
                entry = max(known, key=lambda e: max((m[0] for m in e.mentions if m[0] < span[0]), default=-1))
            else:
                entry = self.create(single, "person", surname=single)
        entry.add_alias(surface)
        if len(names) >= 2:
            entry.add_alias(full)
        entry.add_alias(names[-1])
        entry.add_mention(*span)
        if gender and not entry.gender:
            entry.gender = gender
        return entry

    def add_organisation(self, name: str, surface: str, span: tuple[int, int]) -> ActorEntry:
        entry = self.by_name(name)
        if entry is None or entry.kind not in ("organisation", "author"):
            entry = self.create(name, "organisation")
        entry.add_alias(surface)
        entry.add_alias(name)
        entry.add_mention(*span)
        return entry

    def add_group(self, name: str, surface: str, span: tuple[int, int]) -> ActorEntry:
        entry = self.by_name(name, kind="group")
        if entry is None:
            entry = self.create(name, "group")
        entry.add_alias(surface)
        entry.add_mention(*span)
        return entry

    def merge_shortened_bodies(self, keep: frozenset[str] = frozenset()) -> dict[str, str]:
        """A body named by the first words of one other body's name joins it: the headline's
        "Royal College warns ..." is the "Royal College of Surgeons" of the
        text. Single words ("NHS") and prefixes shared by two bodies stay apart, and so do
        the ids in `keep` (the page's own organisation keeps the name its header gives).

        Returns the ids merged away, each mapped to the id that absorbed it."""
        merged: dict[str, str] = {}
        bodies = [e for e in self.entries.values() if e.kind == "organisation"]
        for entry in bodies:
            words = without_article(entry.name).split()
            if len(words) < 2 or entry.id in keep:
                continue
            longer = [o for o in bodies if o is not entry and o.id not in merged
                      and len(without_article(o.name).split()) > len(words) and without_article(o.name).split()[: len(words)] == words]
            if len(longer) != 1:
                continue
            merged[entry.id] = self._absorb(entry, longer[0])
        return merged

    def merge_provisional_people(self) -> dict[str, str]:
        """A surname seen before the full name ("Smith: ..." then "Dr Jo Smith") joins it.

        Returns the ids merged away, each mapped to the id that absorbed it."""
        merged: dict[str, str] = {}
        for entry in list(self.entries.values()):
            if entry.kind != "person" or entry.first is not None or entry.surname is None:
                continue
            fuller = [e for e in self.people_with_surname(entry.surname) if e is not entry and e.first]
            if len(fuller) == 1:
                merged[entry.id] = self._absorb(entry, fuller[0])
        return merged

    def _absorb(self, entry: ActorEntry, target: ActorEntry) -> str:
        """Move an entry's aliases, roles, mentions and gender into target; drop the entry."""
        for alias in entry.aliases:
            target.add_alias(alias)
        for role in entry.roles:
            target.add_role(role)
        for m in entry.mentions:
            target.add_mention(*m)
        target.gender = target.gender or entry.gender
        del self.entries[entry.id]
        return target.id
