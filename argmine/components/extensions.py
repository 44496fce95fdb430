"""The Doc attributes argmine's components share, registered once at import.

What they hold, key by key and who sets each, is the components' contract:
`argmine.components.contract` (``doc._.claims`` is a ``list[ClaimDict]``,
``doc._.actors`` a ``dict[str, ActorDict]``, ``doc._.segments`` a
``list[SegmentVoice]``). Claims and actors are kept as plain dicts of ints
and strings so a Doc with them still serialises (msgpack) and crosses
process boundaries.
"""

from spacy.tokens import Doc, Span


def register_extensions() -> None:
    """Idempotent: safe to call from every component module."""
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", default=None)
    if not Doc.has_extension("actors"):
        Doc.set_extension("actors", default=None)
    if not Doc.has_extension("author"):
        # The voice of the document's own text: an actor id, set by the pipeline
        # from the ingest metadata ("author" when the writer is unnamed).
        Doc.set_extension("author", default=None)
    if not Doc.has_extension("segments"):
        # [(start, end, kind, voice_actor_id | None), ...] in doc.text offsets.
        Doc.set_extension("segments", default=None)
    if not Doc.has_extension("turns"):
        # [(start, end, speaker_actor_id, words_start, label_start | None, label_end | None), ...]
        # in doc.text offsets: the speaker turns of a transcript (argmine.ingest.turns).
        Doc.set_extension("turns", default=None)
    if not Span.has_extension("actor_id"):
        Span.set_extension("actor_id", default=None)


register_extensions()
