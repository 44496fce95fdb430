"""Actor recognition and merging, and the components as parts of a user's own pipeline."""

import spacy

from argmine.model import model_path
from argmine.pipeline import load_pipeline


def actors_of(text):
    doc = load_pipeline()(text)
    return doc._.actors, doc


def test_actors_titled_name_is_a_person_without_its_title():
    actors, _ = actors_of("Yesterday Professor Nadia Rahman opened the new clinic.")
    person = actors["nadia-rahman"]
    assert person["kind"] == "person"
    assert person["name"] == "Nadia Rahman"
    assert "Professor Nadia Rahman" in person["aliases"]


def test_actors_public_bodies_are_organisations():
    actors, _ = actors_of(
        "The Audit Commission and the Department of Health and Social Care met NHS Improvement "
        "and the Royal College of Physicians at the Kingsmead Community Health Trust."
    )
    kinds = {v["name"]: v["kind"] for v in actors.values()}
    for name in ("Audit Commission", "Department of Health and Social Care", "NHS Improvement",
                 "Royal College of Physicians", "Kingsmead Community Health Trust"):
        assert kinds.get(name) == "organisation", (name, kinds)


def test_actors_roles_from_apposition_before_the_name():
    actors, _ = actors_of("GP and clinical lead for urgent care, Dr Sam Idowu, opened the meeting.")
    assert actors["sam-idowu"]["roles"] == ["GP", "clinical lead for urgent care"]


def test_actors_roles_from_apposition_after_the_name():
    actors, _ = actors_of("Karen Doyle, chief executive of the Westbrook Trust, opened the meeting.")
    assert "chief executive of the Westbrook Trust" in actors["karen-doyle"]["roles"]


def test_actors_roles_from_a_premodifier():
    actors, _ = actors_of("The report was sent to London mayor Ruth Evans last week.")
    assert "London mayor" in actors["ruth-evans"]["roles"]


def test_actors_full_name_title_and_surname_merge():
    actors, _ = actors_of("Dr Tariq Aziz spoke first. Later Aziz left, and Dr Aziz returned in the evening.")
    people = [v for v in actors.values() if v["kind"] == "person"]
    assert len(people) == 1
    assert len(people[0]["mentions"]) == 3


def test_actors_surname_before_the_full_name_merges_later():
    actors, _ = actors_of("Aziz was not available. Dr Tariq Aziz later returned the call.")
    people = [v for v in actors.values() if v["kind"] == "person"]
    assert [p["name"] for p in people] == ["Tariq Aziz"]


def test_actors_components_load_in_a_users_own_pipeline(tmp_path):
    nlp = spacy.load(model_path())
    for name in ("argmine_actors", "argmine_attribution", "argmine_coref", "argmine_author_claims", "argmine_stance"):
        nlp.add_pipe(name)
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")  # factories found through entry points
    doc = reloaded("Dr Ann Lowe said that integrated care had clearly failed.")
    assert [c["mode"] for c in doc._.claims] == ["indirect"]
    assert doc._.actors[doc._.claims[0]["actor"]]["name"] == "Ann Lowe"
    assert doc._.claims[0]["stance"] in ("support", "oppose", "mixed", "neutral")


def test_actors_an_organisation_entity_stops_before_a_verb():
    """A model may run an entity into the headline's verb ("Royal College warns")."""
    import spacy
    from spacy.tokens import Doc, Span

    from argmine.components.actors import find_entity_mentions
    from argmine.components.lexicons import actor_lexicon

    doc = Doc(spacy.blank("en").vocab, words=["Royal", "College", "warns", "against", "targets"],
              pos=["PROPN", "PROPN", "VERB", "ADP", "NOUN"])
    doc.ents = [Span(doc, 0, 3, label="ORG")]
    [mention] = find_entity_mentions(doc, actor_lexicon())
    assert doc[mention.start : mention.end].text == "Royal College"


def test_registry_merges_a_shortened_body_name_into_the_one_body_it_begins():
    from argmine.components.registry import ActorRegistry

    registry = ActorRegistry()
    short = registry.add_organisation("Royal College", "Royal College", (0, 13))
    full = registry.add_organisation("Royal College of Surgeons", "the Royal College of Surgeons", (40, 69))
    nhs = registry.add_organisation("NHS", "NHS", (90, 93))
    registry.add_organisation("NHS England", "NHS England", (100, 111))
    assert registry.merge_shortened_bodies() == {short.id: full.id}
    assert (0, 13) in [tuple(m) for m in full.mentions]
    assert registry.get(nhs.id) is not None  # one word: never merged


def test_registry_keeps_a_shortened_name_two_bodies_begin_with():
    from argmine.components.registry import ActorRegistry

    registry = ActorRegistry()
    registry.add_organisation("Royal College", "Royal College", (0, 13))
    registry.add_organisation("Royal College of Surgeons", "RCS", (40, 69))
    registry.add_organisation("Royal College of Nursing", "RCN", (90, 120))
    assert registry.merge_shortened_bodies() == {}
