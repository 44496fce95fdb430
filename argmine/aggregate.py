"""Actor summaries across claims and documents (`argmine actors`, the JSON `actors` list).

Within a document the pipeline already merged an actor's mentions; across
documents the same actor is merged here by normalised name and kind, so
"Dr Jane Holloway" in one article and "Jane Holloway" in another are one row.
The writers of different articles are merged only when named: two
unnamed "author" actors are two different people.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from argmine.actor_names import fold, is_personal, name_tokens, normalise_name
from argmine.records import STANCES, Actor, ActorSummary, Claim, Document, DocumentHead, Stance

#: What pages call a writer they do not name; never a name to merge on.
AUTHOR_PLACEHOLDERS = frozenset(
    {
        "author",
        "the author",
        "writer",
        "the writer",
        "editor",
        "the editor",
        "anonymous",
        "anon",
        "guest",
        "guest author",
        "guest post",
        "staff",
        "staff writer",
        "admin",
        "blogger",
        "reporter",
        "correspondent",
        "contributor",
        "unknown",
    }
)

#: Lower-case words that may sit inside a real name ("Ursula von der Leyen").
NAME_PARTICLES = frozenset("de da di du del della der den van von la le al el bin ibn st y".split())

#: Words a description of a writer starts with, unlike a name.
DESCRIPTION_STARTS = frozenset({"the", "a", "an", "our", "this", "one"})

ActorKey = tuple[str, ...]


def overall_stance(mix: dict[str, int]) -> Stance:
    """An actor's stance from its claims' stances.

    `mixed` counts half to support and half to oppose; neutral counts for
    nothing. No weight at all gives neutral; a side with at least two thirds
    of the weight wins; anything closer is mixed.
    """
    # Doubled so that the halves stay whole numbers.
    support = 2 * mix.get("support", 0) + mix.get("mixed", 0)
    oppose = 2 * mix.get("oppose", 0) + mix.get("mixed", 0)
    total = support + oppose
    if total == 0:
        return "neutral"
    if 3 * support >= 2 * total:
        return "support"
    if 3 * oppose >= 2 * total:
        return "oppose"
    return "mixed"


def looks_like_a_name(text: str) -> bool:
    """True for 'Jane Smith' or 'Ursula von der Leyen'; False for 'the Associate Director' or 'Anonymous'."""
    words = text.split()
    if not words or fold(text) in AUTHOR_PLACEHOLDERS or words[0].lower() in DESCRIPTION_STARTS:
        return False
    tokens = name_tokens(text)
    if not 1 <= len(tokens) <= 5:
        return False
    significant = [w for w in words if w.lower() not in NAME_PARTICLES]
    return bool(significant) and all(w[:1].isupper() for w in significant)


def is_named_author(actor: Actor, document: Optional[Document | DocumentHead] = None) -> bool:
    """Is this `author` actor a named writer (mergeable across documents)?

    With the document at hand, the page must give an author's name; without
    it (claims piped in), the actor's name must look like a person's name.
    """
    if document is not None and not document.meta.author:
        return False
    return looks_like_a_name(actor.name)


def actor_label(summary: ActorSummary) -> str:
    """How tables name an actor: a writer of one document with the document's name
    ("author (a.txt)"), since unnamed writers look alike. `who-said --actor` accepts it."""
    if summary.kind == "author" and len(summary.docs) == 1:
        return f"{summary.name} ({summary.docs[0]})"
    return summary.name


def is_unnamed_writer(key: ActorKey) -> bool:
    """Is this the key of a document's unnamed writer (never merged with another document's)?"""
    return key[0] == "author" and key[1] == ""


def actor_key(actor: Actor, doc: str, document: Optional[Document | DocumentHead] = None) -> ActorKey:
    """The identity an actor is merged on across documents."""
    if actor.kind == "author" and not is_named_author(actor, document):
        return ("author", "", doc, actor.id)  # one document only, never merged
    return (actor.kind, normalise_name(actor.name, person=is_personal(actor.kind)))


@dataclass
class _Group:
    """One merged actor while claims are still arriving."""

    first: Actor
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    mix: dict[str, int] = field(default_factory=lambda: {s: 0 for s in STANCES})

    _seen: set[object] = field(default_factory=set)  # names, roles and docs already listed
    _actors: dict[int, Actor] = field(default_factory=dict)  # by id(); held so no id is reused

    def add(self, actor: Actor, doc: str, stance: str) -> None:
        # Sets beside the lists: a prolific actor (the writer of a thousand articles)
        # must not cost a scan of its lists per claim.
        seen = self._seen
        if id(actor) not in self._actors:  # one Actor object is shared by many claims of a store
            self._actors[id(actor)] = actor
            for name in (actor.name, *actor.aliases):
                if ("name", name) not in seen:
                    seen.add(("name", name))
                    self.names.append(name)
            for role in actor.roles:
                if ("role", role) not in seen:
                    seen.add(("role", role))
                    self.roles.append(role)
        if ("doc", doc) not in seen:
            seen.add(("doc", doc))
            self.docs.append(doc)
        self.mix[stance] = self.mix.get(stance, 0) + 1


class ActorAggregator:
    """Merges claims' actors into one summary per actor, one claim at a time.

    Feed `add_document` (when the documents are known) before that
    document's claims, so named and unnamed writers are told apart.
    """

    def __init__(self, document_of: Optional[Callable[[str], Optional[Document | DocumentHead]]] = None) -> None:
        self._documents: dict[str, Document | DocumentHead] = {}
        self._document_of = document_of  # documents by name, looked up only when a writer needs one
        self._groups: dict[ActorKey, _Group] = {}
        self._keys: dict[tuple[str, ...], ActorKey] = {}

    def add_document(self, document: Document) -> None:
        self._documents[document.doc] = document

    def key_of(self, claim: Claim) -> ActorKey:
        return self.key_for(claim.actor, claim.doc)

    def key_for(self, actor: Actor, doc: str) -> ActorKey:
        # Only a writer's key depends on the document (and on its id); others on kind and name.
        if actor.kind == "author":
            cache_key: tuple[str, ...] = ("author", actor.name, actor.id, doc)
        else:
            cache_key = (actor.kind, actor.name)
        key = self._keys.get(cache_key)
        if key is None:
            document = self._documents.get(doc)
            if document is None and actor.kind == "author" and self._document_of is not None:
                document = self._document_of(doc)
            key = self._keys[cache_key] = actor_key(actor, doc, document)
        return key

    def add_claim(self, claim: Claim) -> ActorKey:
        return self.add(claim.actor, claim.doc, claim.stance)

    def add(self, actor: Actor, doc: str, stance: str) -> ActorKey:
        """Count one claim by `actor` in `doc`; returns the merged actor's key."""
        key = self.key_for(actor, doc)
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = _Group(first=actor)
        group.add(actor, doc, stance)
        return key

    def summaries(self) -> list[ActorSummary]:
        """One summary per actor, most claims first (ties by name)."""
        return sorted(self.summaries_by_key().values(), key=lambda a: (-a.claims, fold(a.name), a.id))

    def summaries_by_key(self) -> dict[ActorKey, ActorSummary]:
        """The summaries, by the key `add_claim` returned for their claims.

        Ids are made unique in first-appearance order, so they do not change
        with the sort order.
        """
        used_ids: set[str] = set()
        next_suffix: dict[str, int] = {}
        return {key: self._summary(group, used_ids, next_suffix) for key, group in self._groups.items()}

    @staticmethod
    def _summary(group: _Group, used_ids: set[str], next_suffix: dict[str, int]) -> ActorSummary:
        # next_suffix remembers where each base id's numbering got to: a thousand unnamed
        # writers (all "author") must not rescan 1, 2, 3, ... each time
        base = actor_id = group.first.id
        n = next_suffix.get(base, 2)
        while actor_id in used_ids:
            actor_id = f"{base}-{n}"
            n += 1
        next_suffix[base] = n
        used_ids.add(actor_id)
        return ActorSummary(
            id=actor_id,
            name=group.first.name,
            kind=group.first.kind,
            aliases=[n for n in group.names if n != group.first.name],
            roles=group.roles,
            docs=group.docs,
            claims=sum(group.mix.values()),
            stance=overall_stance(group.mix),
            stance_mix=dict(group.mix),
        )


def summarise(claims: Iterable[Claim], documents: Iterable[Document] = ()) -> list[ActorSummary]:
    """Actor summaries for a set of claims (and, when known, their documents)."""
    aggregator = ActorAggregator()
    for document in documents:
        aggregator.add_document(document)
    for claim in claims:
        aggregator.add_claim(claim)
    return aggregator.summaries()
