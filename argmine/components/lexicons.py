"""Load the data files the components share (cue verbs, actor vocabulary).

Lexicons live as JSON beside the code so they can be read, reviewed and
extended without touching the rules. Loaded once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from argmine.vocabulary import honorific_forms

DATA_DIR = Path(__file__).parent / "data"


def _load(name: str) -> dict:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


def _lower_set(items) -> frozenset[str]:
    return frozenset(i.lower() for i in items if not i.startswith("_"))


@dataclass(frozen=True)
class CueLexicon:
    speech: frozenset[str]
    cognition: frozenset[str]
    evaluation: frozenset[str]
    particle_verbs: dict[str, frozenset[str]]
    express_verbs: frozenset[str]
    express_objects: frozenset[str]
    nominal: frozenset[str]
    possessive_frames: dict[str, frozenset[str]]
    agentive_nouns: dict[str, str]
    passive_light_verbs: frozenset[str]
    source_from_nouns: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    not_speakers: frozenset[str]
    refusal_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    group_pronouns: frozenset[str]
    finding_nouns: frozenset[str]
    control_verbs: frozenset[str]
    spokespeople: frozenset[str]
    anonymity_verbs: frozenset[str]
    addressee_frames: dict[str, frozenset[str]]
    complement_verbs: frozenset[str]
    colon_intro_verbs: frozenset[str]
    of_content_nouns: frozenset[str]
    time_words: frozenset[str]
    #: verbs that cue a claim only with one of these prepositions ('referred to', 'talked about')
    prepositional_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    #: speech verbs whose noun-phrase object is what is said ('announced his resignation')
    object_speech_verbs: frozenset[str] = frozenset()
    #: nouns that speak for themselves before a title's colon ('Poll: ...')
    headline_sources: frozenset[str] = frozenset()
    #: object cues only when a poll, study or report is their subject ('a poll shows X ahead')
    evidence_object_verbs: frozenset[str] = frozenset()

    @property
    def verbs(self) -> frozenset[str]:
        return self.speech | self.cognition | self.evaluation


@dataclass(frozen=True)
class ActorLexicon:
    titles: frozenset[str]
    female_titles: frozenset[str]
    male_titles: frozenset[str]
    name_suffixes: frozenset[str]
    role_nouns: frozenset[str]
    office_titles: frozenset[str]
    org_heads: frozenset[str]
    org_prefixes: tuple[tuple[str, ...], ...]
    org_not_acronyms: frozenset[str]
    groups: frozenset[str]
    group_spellings: dict[str, str]  # lowercase -> as written in the lexicon ("gps" -> "GPs")
    group_quantifiers: frozenset[str]
    document_sources: frozenset[str]
    pronouns: dict[str, str]
    first_name_gender: dict[str, str]


@lru_cache(maxsize=None)
def cue_lexicon() -> CueLexicon:
    raw = _load("cues.json")
    frames = {k: _lower_set(v) for k, v in raw["nominal_possessive_frames"].items() if not k.startswith("_")}
    return CueLexicon(
        speech=_lower_set(raw["speech"]),
        cognition=_lower_set(raw["cognition"]),
        evaluation=_lower_set(raw["evaluation"]),
        particle_verbs={k: _lower_set(v) for k, v in raw["particle_verbs"].items()},
        express_verbs=_lower_set(raw["express_verbs"]),
        express_objects=_lower_set(raw["express_objects"]),
        nominal=_lower_set(raw["nominal"]),
        possessive_frames=frames,
        agentive_nouns={k: v for k, v in raw["agentive_nouns"].items() if not k.startswith("_")},
        passive_light_verbs=_lower_set(raw["passive_light_verbs"]),
        source_from_nouns=_lower_set(raw["source_from_nouns"]),
        according_to=tuple(tuple(p.split()) for p in raw["according_to"]),
        not_speakers=_lower_set(raw["not_speakers"]),
        refusal_verbs=_lower_set(raw["refusal_verbs"]),
        naming_verbs=_lower_set(raw["naming_verbs"]),
        group_pronouns=_lower_set(raw["group_pronouns"]),
        finding_nouns=_lower_set(raw["finding_nouns"]),
        control_verbs=_lower_set(raw["control_verbs"]),
        spokespeople=_lower_set(raw["spokespeople"]),
        anonymity_verbs=_lower_set(raw["anonymity_verbs"]),
        complement_verbs=_lower_set(raw["complement_verbs"]),
        colon_intro_verbs=_lower_set(raw["colon_intro_verbs"]),
        of_content_nouns=_lower_set(raw["of_content_nouns"]),
        time_words=_lower_set(raw["time_words"]),
        addressee_frames={k: _lower_set(v) for k, v in raw["addressee_frames"].items() if not k.startswith("_")},
        prepositional_cues={k: _lower_set(v) for k, v in raw.get("prepositional_cues", {}).items() if not k.startswith("_")},
        object_speech_verbs=_lower_set(raw.get("object_speech_verbs", [])),
        headline_sources=_lower_set(raw.get("headline_sources", [])),
        evidence_object_verbs=_lower_set(raw.get("evidence_object_verbs", [])),
    )


@lru_cache(maxsize=None)
def actor_lexicon() -> ActorLexicon:
    raw = _load("actors.json")
    return ActorLexicon(
        titles=frozenset(raw["titles"]) | honorific_forms(),
        female_titles=frozenset(raw["female_titles"]),
        male_titles=frozenset(raw["male_titles"]),
        name_suffixes=frozenset(raw["name_suffixes"]),
        role_nouns=_lower_set(raw["role_nouns"]),
        office_titles=frozenset(raw["office_titles"]),
        org_heads=frozenset(raw["org_heads"]),
        org_prefixes=tuple(tuple(p.split()) for p in raw["org_prefixes"]),
        org_not_acronyms=frozenset(raw["org_not_acronyms"]),
        groups=_lower_set(raw["groups"]),
        group_spellings={g.lower(): g for g in raw["groups"]},
        group_quantifiers=_lower_set(raw["group_quantifiers"]),
        document_sources=_lower_set(raw["document_sources"]),
        pronouns={k: v for k, v in raw["pronouns"].items()},
        first_name_gender=_first_names(),
    )


def _first_names() -> dict[str, str]:
    raw = _load("first_names.json")
    female, male = set(raw["female"]), set(raw["male"])
    out = {n: "female" for n in female - male}
    out.update({n: "male" for n in male - female})
    return out
