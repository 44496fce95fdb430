"""The Doc attributes argmine's components share, registered once at import.

Claims and actors are kept as plain dicts of ints and strings so a Doc with
them still serialises (msgpack) and crosses process boundaries.

``doc._.claims``: list of claim dicts, in document order::

    {"text": [start, end],        # char offsets in doc.text: the sentence(s) carrying the claim
     "content": [start, end],     # the claim proper (quotation, reported clause, or the sentence)
     "cue": [start, end] | None, "cue_lemma": str | None,
     "source": [start, end] | None,   # the speaker's mention, when there is one
     "mode": "direct" | "indirect" | "author",
     "actor": str | None,         # key into doc._.actors
     "confidence": float,
     # added by argmine_stance:
     "stance": str, "stance_score": float, "stance_evidence": [str, ...], "target": str}

``doc._.actors``: dict actor id -> {"name", "kind", "aliases": [...], "roles": [...]}.
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
    if not Span.has_extension("actor_id"):
        Span.set_extension("actor_id", default=None)


register_extensions()
