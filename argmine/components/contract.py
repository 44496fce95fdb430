"""The contract between argmine's components: what each one leaves on the Doc for the next.

Claims and actors stay plain dicts of ints, strings and lists, so a Doc that
carries them still serialises (msgpack) and crosses process boundaries; these
`TypedDict`s say which keys they hold, of which type, and who sets them. A
component that reads or writes a claim or an actor annotates it with these
types, so a renamed key is a type error rather than a silent miss, and
`tests/test_contract.py` checks that the pipeline sets no key left out here.

The Doc attributes (registered in `extensions.py`):

``doc._.claims``: ``list[ClaimDict]`` in document order.
    argmine_attribution appends reported claims; argmine_coref resolves their
    ``actor`` (an unresolved mention gets an actor of kind ``unresolved``; repeats
    are dropped); argmine_author_claims
    appends the writer's own claims; argmine_stance adds the stance keys.
``doc._.actors``: ``dict[str, ActorDict]``, actor id -> actor (argmine_actors,
    argmine_coref, and the pipeline's registry of the document's voices).
``doc._.author``: the actor id of the document's own voice ("author" when unnamed).
``doc._.segments``: ``list[SegmentVoice]``, set by the pipeline from ingest.
``doc._.turns``: ``list[TurnVoice]``, a transcript's speaker turns, set by the pipeline
    from ingest (`argmine.ingest.turns`); argmine_turns gives their sentences to the speaker.
"""

from __future__ import annotations

from typing import Optional, TypedDict

from argmine.vocabulary import ActorKind, Mode, Stance, StanceBasis

#: ``[start, end]`` character offsets into ``doc.text`` (a list: msgpack gives lists back).
Offsets = list[int]

#: ``(start, end, segment kind, voice actor id or None)`` in ``doc.text`` offsets.
SegmentVoice = tuple[int, int, str, Optional[str]]

#: ``(start, end, speaker actor id, words start, label start, label end)`` in ``doc.text``
#: offsets; the label offsets are None when the speaker line is not in the text analysed.
TurnVoice = tuple[int, int, str, int, Optional[int], Optional[int]]


class ClaimCore(TypedDict):
    """Keys every claim has from the moment it is made (attribution or author claims)."""

    text: Offsets  # the sentence(s) carrying the claim
    content: Offsets  # the claim proper: quotation, reported clause, or the sentence
    cue: Optional[Offsets]  # the reporting verb or noun ("said", "warned")
    cue_lemma: Optional[str]
    source: Optional[Offsets]  # the speaker's mention, when there is one
    mode: Mode
    actor: Optional[str]  # key into doc._.actors; None until coreference resolves it
    confidence: float  # in [0, 1]


class AttributionHints(TypedDict, total=False):
    """Keys argmine_attribution adds for coreference to resolve the speaker."""

    source_head: Optional[int]  # token index of the speaker's head word
    link: Optional[int]  # index in doc._.claims of the claim whose speaker this one shares
    continues: bool  # the speaker is the previous attributed claim's speaker
    rule: str  # the attribution rule that found it (for debugging and evaluation)
    agentive: Optional[str]  # a collective speaker named by the cue ("critics" for "criticisms")
    parts: Optional[list[Offsets]]  # a discontinuous content's pieces ("“A,” he said, “B.”")
    addressee: Optional[Offsets]  # whom the cue addresses ("told *the committee*"), not content
    addressee_actor: Optional[str]  # key into doc._.actors for the addressee, when named


class StanceKeys(TypedDict, total=False):
    """Keys argmine_stance adds to every claim."""

    stance: Stance
    stance_score: float  # in [-1, 1], positive = support
    stance_evidence: list[str]  # the words that decided it
    stance_basis: StanceBasis  # where the evidence came from
    target: str  # the target's name
    stances: list["TargetStanceDict"]  # toward each target of the run the claim concerns, the first target first


class TargetStanceDict(TypedDict):
    """A claim's stance toward one target (an entry of ``stances``; records: `TargetStance`)."""

    target: str
    stance: Stance
    stance_score: float
    stance_evidence: list[str]
    stance_basis: StanceBasis


class ClaimDict(ClaimCore, AttributionHints, StanceKeys):
    """One claim on ``doc._.claims``: the core keys, plus what later components add."""


class ActorDict(TypedDict, total=False):
    """One actor on ``doc._.actors`` (`argmine.components.registry.ActorEntry.to_dict`)."""

    name: str
    kind: ActorKind
    aliases: list[str]
    roles: list[str]
    mentions: list[Offsets]  # where the actor is named in doc.text
    gender: Optional[str]
    first: Optional[str]  # first name, for a person
    surname: Optional[str]


#: Every key a claim dict may hold, and those it must hold.
CLAIM_KEYS: frozenset[str] = frozenset(ClaimDict.__annotations__)
REQUIRED_CLAIM_KEYS: frozenset[str] = frozenset(ClaimCore.__annotations__)
ACTOR_KEYS: frozenset[str] = frozenset(ActorDict.__annotations__)
