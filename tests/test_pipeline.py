"""The pipeline wrapper: records with exact offsets, one claim per sentence and actor."""

import hashlib

from analysis import LineArticle, analyse
from argmine.pipeline import COMPONENTS, extract_article, load_pipeline, pipeline_version
from argmine.records import Document, Segment


def table_article() -> LineArticle:
    """Two cells of one row, as a version table holds them: only the second is read."""
    text = (
        "Old cell: Dr Ann Lowe said the plan would fail. | "
        "New cell: Dr Ann Lowe said that the plan would fail badly. |\n"
    )
    new_start = text.index("New cell")
    new_end = text.index(" |\n")
    segment = Segment(kind="body", start=new_start, end=new_end, text=text[new_start:new_end], version=1)
    document = Document(
        doc="table.txt", path="table.txt", sha256=hashlib.sha256(text.encode()).hexdigest(),
        encoding="utf-8", chars=len(text), segments=[segment],
    )
    return LineArticle(document, text)


def test_pipeline_has_argmine_components_after_the_base_model():
    nlp = load_pipeline()
    names = nlp.pipe_names
    assert names[0] == "argmine_paragraphs"
    assert list(names[-len(COMPONENTS):]) == list(COMPONENTS)
    assert "parser" in names and "ner" in names


def test_pipeline_offsets_map_into_the_original_file_not_the_view():
    article = table_article()
    result = extract_article(article)
    assert len(result.claims) == 1
    claim = result.claims[0]
    assert claim.start == article.text.index("New cell")
    assert article.text[claim.start : claim.end] == claim.text
    assert article.text[claim.content.start : claim.content.end] == "the plan would fail badly"


def test_pipeline_claim_ids_count_in_document_order():
    result = analyse(
        "It is clearly a terrible mistake to merge the trusts.\n"
        "Dr Ann Lowe said the plan would fail.\nIan Hall said that it would succeed.",
        doc="d.txt",
    )
    assert [c.mode for c in result.claims] == ["author", "indirect", "indirect"]
    assert [c.id for c in result.claims] == ["d.txt#1", "d.txt#2", "d.txt#3"]
    assert [c.start for c in result.claims] == sorted(c.start for c in result.claims)


def test_pipeline_one_claim_per_sentence_and_actor():
    result = analyse("Dr Ann Lowe said that, by her own admission, the plan had failed.")
    keys = [(c.start, c.actor.id) for c in result.claims]
    assert len(keys) == len(set(keys))


def test_pipeline_records_carry_target_and_actor():
    result = analyse("Dr Ann Lowe said integrated care had failed.")
    claim = result.claims[0]
    assert claim.target == "integration"
    assert claim.actor in result.actors


def test_pipeline_version_changes_with_target(tmp_path):
    assert pipeline_version() == pipeline_version("integration")
    assert pipeline_version() != pipeline_version("privatisation")


from hypothesis import HealthCheck, given, settings, strategies as st

WORDS = st.sampled_from([
    "said", "he", "she", "Dr", "Ann", "Lowe", "the", "trust", "integration", "“", "”", '"', "'", "‘", "’",
    ":", ",", ".", "—", "according", "to", "critics", "argue", "that", "not", "a", "fan", "\n", "\n\n",
    "NHS", "England", "warned", "by", "his", "own", "admission", "it", "was", "?", "(", ")",
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=1, max_size=60).map(" ".join))
def test_pipeline_never_crashes_and_every_span_is_verbatim(text):
    result = analyse(text)
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
        for span in (claim.content, claim.cue, claim.source):
            if span is not None:
                assert text[span.start : span.end] == span.text
