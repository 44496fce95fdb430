"""The components keep to their contract (argmine.components.contract): no key set that is not
documented there, every core key on every claim, and the stance keys once stance has run."""

from __future__ import annotations

import pytest

from analysis import line_article
from argmine import pipeline
from argmine.components.contract import (
    ACTOR_KEYS,
    CLAIM_KEYS,
    REQUIRED_CLAIM_KEYS,
    AttributionHints,
    ClaimCore,
    StanceKeys,
)

TEXT = (
    "Ministers back the merger of two hospital trusts\n"
    "Jane Holt, chief executive of the trust, said the merger would help patients.\n"
    "\u201cThis plan will fail,\u201d said Tom Reed, a local GP. \u201cIt ignores what patients need.\u201d\n"
    "Critics warned that joined-up care would take years.\n"
    "In my view the plan is overdue and integration should come first."
)


@pytest.fixture(scope="module")
def stages() -> dict[str, list[dict]]:
    """doc._.claims (copied) after each component, run one by one."""
    nlp = pipeline.load_pipeline()
    article = line_article(TEXT, author="Sam Field")
    doc = pipeline.prepare_doc(nlp, article, article.view())
    seen: dict[str, list[dict]] = {}
    for name, component in nlp.pipeline:
        doc = component(doc)
        seen[name] = [dict(claim) for claim in doc._.claims or []]
    seen["actors"] = list((doc._.actors or {}).values())
    return seen


def test_attribution_sets_the_core_keys_and_its_hints_only(stages):
    claims = stages["argmine_attribution"]
    assert claims, "the text has reported claims"
    allowed = set(ClaimCore.__annotations__) | set(AttributionHints.__annotations__)
    for claim in claims:
        assert REQUIRED_CLAIM_KEYS <= claim.keys() <= allowed
        for key in ("text", "content"):
            start, end = claim[key]
            assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end


def test_every_claim_after_stance_has_every_stance_key_and_nothing_undocumented(stages):
    claims = stages["argmine_stance"]
    assert any(c["mode"] == "author" for c in claims) and any(c["mode"] != "author" for c in claims)
    for claim in claims:
        assert claim.keys() <= CLAIM_KEYS, claim.keys() - CLAIM_KEYS
        assert REQUIRED_CLAIM_KEYS | set(StanceKeys.__annotations__) <= claim.keys()
        assert claim["actor"] is not None


def test_actors_hold_only_documented_keys(stages):
    assert stages["actors"]
    for actor in stages["actors"]:
        assert {"name", "kind"} <= actor.keys() <= ACTOR_KEYS
