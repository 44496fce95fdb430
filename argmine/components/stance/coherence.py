"""A speaker's side, kept coherent within a document.

A speaker argues one side through a text far more often than not: in team-written
documents a claim's side matches the same speaker's other claims about nine times in ten.
The learned model, reading a claim that never names the target, is right about half the
time. So after every claim has been read, a claim whose side rests on nothing firmer than
the model -- the model read it, or it copied the side of an earlier claim the model read
-- takes the side of the same speaker's claims that their own words decided ("content"),
when those agree clearly (three or more, three in four on one side). The claim's ``stance_basis`` becomes ``"speaker"`` and its
evidence names the claims it follows.

What is never changed: a claim its own words decided (content, cue), one its topic or an
answer decided, and one the rules judged to take no side (a premise, a neutral remark):
only a side the model chose is replaced, never a side given where none was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from argmine.components.stance.result import StanceResult

#: Bases that read a claim's own words: the sides a speaker is known by.
OWN_WORDS = frozenset({"content"})
#: Labels that take a side, with what each counts toward support and toward opposition.
SIDE_WEIGHTS = {"support": (1.0, 0.0), "oppose": (0.0, 1.0), "mixed": (0.5, 0.5)}
#: How much of an evidence claim's text its evidence line quotes.
QUOTE_CHARS = 60


@dataclass(frozen=True)
class CoherenceSettings:
    """When a speaker's own words give a side clear enough to lend to their weak claims."""

    agreement: float = 0.75  # share of the speaker's own-words weight on one side
    # own-words weight needed (a mixed claim weighs half on each side); with 2, gold/dev lost
    # 13 oracle claims to 1 gained: two claims are often a concession and its point
    minimum: float = 3.0
    author_apart: bool = False  # the writer's own voice (mode "author") is a speaker apart from their quotes


DEFAULT_COHERENCE = CoherenceSettings()


@dataclass(frozen=True)
class SpeakerSide:
    """A speaker's side from their own words: the label and the claims that show it."""

    label: str
    score: float
    claims: tuple[int, ...]


def cohere(claims: list[dict], results: list[StanceResult], follows: dict[int, int], text: str,
           settings: Optional[CoherenceSettings] = None, damp: float = 0.7) -> None:
    """Give each weakly decided claim its speaker's side (in place), where that side is clear."""
    settings = settings or DEFAULT_COHERENCE
    sides = speaker_sides(claims, results, settings)
    weakly = [weak(results, follows, i) for i in range(len(claims))]  # before any claim changes
    for i, claim in enumerate(claims):
        side = sides.get(speaker_key(claim, settings))
        if side is None or not weakly[i] or results[i].label == side.label:
            continue
        evidence = [quote(text, claims[j]) for j in side.claims]
        results[i] = StanceResult(side.label, round(side.score * damp, 3), evidence, has_target=results[i].has_target,
                                  tokens=results[i].tokens, basis="speaker")


def speaker_key(claim: dict, settings: CoherenceSettings) -> Optional[tuple[str, bool]]:
    """Who a claim's side belongs to: its actor (and, with ``author_apart``, whether it is the writer's own voice)."""
    actor = claim.get("actor")
    if actor is None:
        return None
    return actor, settings.author_apart and claim.get("mode") == "author"


def speaker_sides(claims: list[dict], results: list[StanceResult],
                  settings: CoherenceSettings) -> dict[tuple[str, bool], SpeakerSide]:
    """Each speaker's side where their own-words claims agree clearly enough."""
    found: dict[tuple[str, bool], list[int]] = {}
    for i, claim in enumerate(claims):
        key = speaker_key(claim, settings)
        if key is not None and results[i].basis in OWN_WORDS and results[i].label in SIDE_WEIGHTS:
            found.setdefault(key, []).append(i)
    sides = {}
    for key, indexes in found.items():
        side = clear_side(results, indexes, settings)
        if side is not None:
            sides[key] = side
    return sides


def clear_side(results: list[StanceResult], indexes: list[int], settings: CoherenceSettings) -> Optional[SpeakerSide]:
    """support or oppose when that side holds ``agreement`` of the weight of enough claims."""
    support = sum(SIDE_WEIGHTS[results[i].label][0] for i in indexes)
    oppose = sum(SIDE_WEIGHTS[results[i].label][1] for i in indexes)
    total = support + oppose
    if total < settings.minimum:
        return None
    for label, weight in (("support", support), ("oppose", oppose)):
        if weight / total >= settings.agreement:
            shown = tuple(i for i in indexes if results[i].label == label)
            score = sum(results[i].score for i in shown) / len(shown)
            return SpeakerSide(label, score, shown)
    return None


def weak(results: list[StanceResult], follows: dict[int, int], i: int) -> bool:
    """Whether claim i's side rests on the learned model alone: read by it, or copied from a claim it read."""
    seen = set()
    while results[i].basis == "context" and i in follows and i not in seen:
        seen.add(i)
        i = follows[i]
    return results[i].basis == "model"


def quote(text: str, claim: dict) -> str:
    """The start of a claim's content, as evidence that names it."""
    start, end = claim["content"]
    words = " ".join(text[start:end].split())
    return words if len(words) <= QUOTE_CHARS else words[:QUOTE_CHARS].rsplit(" ", 1)[0] + " ..."
