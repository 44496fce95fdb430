"""The speaker's side lent to claims the learned model decided (components/stance/coherence.py).

The texts were written for these tests. The pass works on claims already read, so the
tests give it claims and their readings directly.
"""

from __future__ import annotations

from argmine.components.stance.coherence import CoherenceSettings, cohere, weak
from argmine.components.stance.result import StanceResult

TEXT = ("Joint teams cut delays. Shared records help families. One budget ends the blame game. "
        "The pilot ran for a year. Nobody asked the nurses. Staff were told in May.")


def _claims(actors: list[str], mode: str = "direct") -> list[dict]:
    """One claim per sentence of TEXT, spoken by the given actors in order."""
    claims, start = [], 0
    for actor in actors:
        end = TEXT.index(".", start) + 1
        claims.append({"content": [start, end], "text": [start, end], "actor": actor, "mode": mode})
        start = end + 1
    return claims


def _content(label: str, score: float) -> StanceResult:
    return StanceResult(label, score, ["words"], basis="content")


def _model(label: str, score: float) -> StanceResult:
    return StanceResult(label, score, ["n-gram"], basis="model")


def test_coherence_model_claim_takes_the_speakers_side():
    claims = _claims(["ana"] * 5)
    results = [_content("support", 0.6), _content("support", 0.5), _content("support", 0.4),
               _model("oppose", -0.3), _content("neutral", 0.0)]
    cohere(claims, results, {}, TEXT)
    assert results[3].label == "support"
    assert results[3].basis == "speaker"
    assert results[3].evidence == ["Joint teams cut delays.", "Shared records help families.",
                                   "One budget ends the blame game."]
    assert results[4].label == "neutral"  # a claim the rules left neutral gets no side


def test_coherence_never_changes_claims_their_own_words_decided():
    claims = _claims(["ana"] * 5)
    results = [_content("support", 0.6), _content("support", 0.5), _content("support", 0.4),
               _content("oppose", -0.2), StanceResult("oppose", -0.4, [], basis="topic")]
    cohere(claims, results, {}, TEXT)
    assert [r.label for r in results[3:]] == ["oppose", "oppose"]


def test_coherence_follows_copies_of_a_model_decided_claim():
    claims = _claims(["ana"] * 6)
    results = [_content("oppose", -0.6), _content("oppose", -0.5), _content("oppose", -0.4),
               _model("support", 0.5), StanceResult("support", 0.35, [], basis="context"),
               StanceResult("support", 0.3, [], basis="context")]
    follows = {4: 3, 5: 0}  # 4 copied the model's claim; 5 copied a claim its own words decided
    assert weak(results, follows, 4) and not weak(results, follows, 5)
    results[5] = StanceResult("support", 0.3, [], basis="context")
    cohere(claims, results, follows, TEXT)
    assert [r.label for r in results[3:5]] == ["oppose", "oppose"]
    assert results[5].label == "support" and results[5].basis == "context"


def test_coherence_needs_a_clear_side():
    claims = _claims(["ana"] * 5)
    split = [_content("support", 0.6), _content("oppose", -0.5), _content("support", 0.4),
             _model("oppose", -0.3), _content("neutral", 0.0)]
    cohere(claims, split, {}, TEXT)
    assert split[3].basis == "model"  # two to one is no clear side
    too_few = [_content("support", 0.6), _content("support", 0.5), _content("neutral", 0.0),
               _model("oppose", -0.3), _content("neutral", 0.0)]
    cohere(claims, too_few, {}, TEXT)
    assert too_few[3].basis == "model"  # two claims may be a concession and its point


def test_coherence_sides_are_per_speaker():
    claims = _claims(["ana", "ana", "ana", "ben", "ben", "ben"])
    results = [_content("support", 0.6), _content("support", 0.5), _content("support", 0.4),
               _model("oppose", -0.3), _content("neutral", 0.0), _content("neutral", 0.0)]
    cohere(claims, results, {}, TEXT)
    assert results[3].label == "oppose" and results[3].basis == "model"


def test_coherence_writer_apart_from_quotes_when_asked():
    claims = _claims(["ana"] * 4)
    for claim in claims[:3]:
        claim["mode"] = "author"
    results = [_content("support", 0.6), _content("support", 0.5), _content("support", 0.4), _model("oppose", -0.3)]
    together = list(results)
    cohere(claims, together, {}, TEXT)  # the writer and their quotes as one speaker: lent
    assert together[3].label == "support"
    apart = list(results)
    cohere(claims, apart, {}, TEXT, CoherenceSettings(author_apart=True))
    assert apart[3].label == "oppose"


def test_coherence_speaker_basis_in_the_record_contract():
    from argmine.vocabulary import StanceBasis
    from typing import get_args

    assert "speaker" in get_args(StanceBasis)
