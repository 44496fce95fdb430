"""Claim dicts placed by their text, for tests that feed the stance component directly."""

from __future__ import annotations


def claims_at(doc, spans):
    """Claim dicts for (content text, actor, mode) triples, in order."""
    out = []
    at = 0
    for content, actor, mode in spans:
        start = doc.text.index(content, at)
        end = start + len(content)
        at = end
        out.append({"text": [start, end], "content": [start, end], "cue": None, "cue_lemma": None,
                    "source": None, "mode": mode, "actor": actor, "confidence": 0.9})
    return out
