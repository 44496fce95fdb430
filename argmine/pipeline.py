"""From an ingested article to claim records: the spaCy pipeline and the offset map.

Importing this module does not import spaCy; the pipeline is built on first
use and cached per process (and per target). The target arrives resolved (a
`Target`, see `argmine.target.resolve_target`) and reaches the stance
component by value, so its file is read once per run. Each article is read through its
`AnalysisView` (claim-bearing segments joined by blank lines); every span the
components find is mapped back to the original file, and a claim whose text
is not verbatim in the file is dropped rather than reported with wrong offsets.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Optional, Union

from argmine import __version__
from argmine.records import Actor, Addressee, Claim, ContentSpan, CueSpan, SegmentKind, TargetStance, TextSpan
from argmine.results import DocumentResult

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from argmine.components.registry import ActorEntry, ActorRegistry
    from spacy.tokens import Doc

    from argmine.components.contract import ActorDict, ClaimDict, SegmentVoice
    from argmine.ingest import Article
    from argmine.ingest.view import AnalysisView, Piece
    from argmine.target import Target

#: What the pipeline functions accept for a target: a resolved Target, or what resolve_target takes;
#: or a sequence of them (several targets: the first is the main one, see `resolve_targets`).
TargetLike = Union["Target", str, Path, None, "tuple[Target, ...]", "list[Target]"]

#: argmine's components, in pipeline order, after the base model.
#: Author claims come after coreference: a sentence whose reported speaker cannot be
#: resolved is dropped there and may still be the writer's own claim.
COMPONENTS = ("argmine_actors", "argmine_attribution", "argmine_turns", "argmine_coref", "argmine_author_claims", "argmine_stance")
_MODULES = {
    "argmine_paragraphs": "argmine.components.paragraphs",
    "argmine_actors": "argmine.components.actors",
    "argmine_attribution": "argmine.components.attribution",
    "argmine_author_claims": "argmine.components.authorial",
    "argmine_coref": "argmine.components.coref",
    "argmine_turns": "argmine.components.turns",
    "argmine_stance": "argmine.components.stance",
}
_PACKAGE = Path(__file__).parent
_FINGERPRINTED = ("components", "ingest", "pipeline.py", "records.py")
#: Pipelines kept built in one process (one per target).
PIPELINES_KEPT = 4
#: An analysis text longer than this is read in pieces of at most this many characters,
#: cut between paragraphs. spaCy refuses a text over a million characters, and its
#: working memory grows with the text it holds (tok2vec: ~15 kB a token), so a piece
#: this size bounds a run's peak memory to what an ordinary long article needs.
CHUNK_CHARS = 50_000


def _code_fingerprint() -> str:
    """Changes whenever the rules, lexicons or record layout change, so stored results go stale."""
    h = hashlib.sha256()
    for name in _FINGERPRINTED:
        root = _PACKAGE / name
        files = sorted(p for p in root.rglob("*") if p.suffix in (".py", ".json", ".jsonl", ".txt")) if root.is_dir() else [root]
        for f in files:
            h.update(str(f.relative_to(_PACKAGE)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:12]


def pipeline_version(target: TargetLike = None) -> str:
    """A key for cached results: argmine's version and code, the model, and the target."""
    from argmine.model import model_path
    from argmine.target import resolve_targets

    meta_file = model_path() / "meta.json"
    model_hash = hashlib.sha256(meta_file.read_bytes()).hexdigest()[:12] if meta_file.exists() else "none"
    fingerprints = "+".join(t.fingerprint() for t in resolve_targets(target))
    return f"{__version__}+code.{_code_fingerprint()}+model.{model_hash}+target.{fingerprints}"


_pipelines: dict[str, "Language"] = {}  # by target fingerprint, oldest first


def load_pipeline(target: TargetLike = None) -> "Language":
    """The base model plus argmine's components, built once per process and target (or targets)."""
    from argmine.target import resolve_targets

    resolved = resolve_targets(target)
    key = "+".join(t.fingerprint() for t in resolved)
    nlp = _pipelines.get(key)
    if nlp is None:
        nlp = _pipelines[key] = _build_pipeline(resolved)
        while len(_pipelines) > PIPELINES_KEPT:
            del _pipelines[next(iter(_pipelines))]
    return nlp


def _build_pipeline(targets: "tuple[Target, ...]") -> "Language":
    import importlib

    from argmine.model import load_fresh_model

    for name in ("argmine_paragraphs",) + COMPONENTS:  # registers the factories
        importlib.import_module(_MODULES[name])

    nlp = load_fresh_model()
    _split_glued_full_stops(nlp)
    nlp.add_pipe("argmine_paragraphs", first=True)
    for name in COMPONENTS:
        config = {}
        if name == "argmine_stance":
            config = {"target": targets[0].model_dump(mode="json"), "also": [t.model_dump(mode="json") for t in targets[1:]]}
        nlp.add_pipe(name, config=config)
    return nlp


def _split_glued_full_stops(nlp: "Language") -> None:
    """Scraped comments type "... got it .More reports": make ".More" two tokens so
    the stop can end a sentence (argmine_paragraphs then marks the boundary)."""
    from spacy.util import compile_prefix_regex

    prefixes = list(nlp.Defaults.prefixes) + [r"\.(?=[A-Z][a-z])"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search


# -- preparing a Doc -------------------------------------------------------------

def _split_name(name: str) -> list[str]:
    return [w for w in name.replace("’s", "").split() if w[:1].isupper()]


def _document_voices(article: "Article") -> tuple["ActorRegistry", "ActorEntry"]:
    """A fresh registry holding the document's writer (named by the byline, else "author")."""
    from argmine.components.registry import ActorRegistry
    from argmine.ingest.voice import find_voice

    registry = ActorRegistry()
    meta = article.document.meta
    if meta.author:
        names = _split_name(meta.author) or [meta.author]
        author = registry.create(meta.author, "author", first=names[0] if len(names) > 1 else None, surname=names[-1])
        author.add_alias(meta.author)
        if len(names) > 1:
            author.add_alias(names[-1])
    elif organisation := find_voice(article.document):
        author = registry.create(organisation.name, "organisation")  # its own statement: "we" is the body
        for alias in (organisation.name, *organisation.aliases):
            author.add_alias(alias)
    else:
        author = registry.create("author", "author")
    if meta.author_role:
        author.add_role(meta.author_role)
        if author.name == "author":
            author.name = meta.author_role
            author.add_alias("author")
    return registry, author


def _known_registry(known: dict, author_id: str) -> tuple["ActorRegistry", "ActorEntry"]:
    """The actors of earlier pieces, without their mentions (those were offsets into another Doc)."""
    from argmine.components.registry import ActorEntry, ActorRegistry

    entries = [ActorEntry.from_dict(actor_id, data) for actor_id, data in known.items()]
    for entry in entries:
        entry.mentions.clear()
    registry = ActorRegistry(entries)
    return registry, registry.entries[author_id]


def prepare_doc(
    nlp: "Language", article: "Article", view: "AnalysisView", *, known: Optional[dict] = None, author_id: Optional[str] = None
) -> "Doc":
    """A Doc of the view's text, with the document's voices registered as actors.

    `known` and `author_id`: the actors (and the writer) found in the earlier
    pieces of a long document, so a later piece knows who "Lee" is.
    """
    doc = nlp.make_doc(view.text)
    if known is not None and author_id in known:
        registry, author = _known_registry(known, author_id)
    else:
        registry, author = _document_voices(article)
    segments: list[SegmentVoice] = []
    letters = _letters(article)
    for piece in view.pieces:
        seg = piece.segment
        voice = author.id
        if letters:
            voice = _letter_voice(letters, piece, registry) or voice
        if seg.kind == SegmentKind.comment:
            if seg.signer:
                names = _split_name(seg.signer) or [seg.signer]
                signer = registry.add_person(names, seg.signer, (piece.view_start, piece.view_start))
                signer.mentions.clear()
                voice = signer.id
            else:
                voice = (registry.by_name("anonymous commenter") or registry.create("anonymous commenter", "person")).id
        segments.append((piece.view_start, piece.view_end, seg.kind.value, voice))
    doc._.turns = _turns(article, view, registry, author.id)
    registry.write(doc)
    doc._.author = author.id
    doc._.segments = segments
    return doc


def _letters(article: "Article") -> list:
    from argmine.ingest.turns import read_letters

    return read_letters(article.document.segments)


def _letter_voice(letters: list, piece: "Piece", registry: "ActorRegistry") -> Optional[str]:
    from argmine.components.turns import letter_voice

    return letter_voice(letters, piece, registry)


def _turns(article: "Article", view: "AnalysisView", registry: "ActorRegistry", author_id: str) -> list:
    """A transcript's speaker turns laid over the view, speakers registered (else empty)."""
    from argmine.components.turns import place_turns
    from argmine.ingest.turns import read_turns

    turns = read_turns(article.document.segments)
    return place_turns(turns, view, registry, author_id) if turns else []


# -- records ---------------------------------------------------------------------

def _span(view: "AnalysisView", text: str, span: Optional[list[int]]) -> Optional[TextSpan]:
    if not span:
        return None
    start, end = span
    if not view.spans_one_piece(start, end):
        return None
    o_start, o_end = view.to_original(start, end)
    return TextSpan(text=text[o_start:o_end], start=o_start, end=o_end)  # verbatim: markup and line breaks as in the file


def _actor(actor_id: str, data: "ActorDict") -> Actor:
    aliases = [a for a in data.get("aliases", []) if a != data["name"]]
    return Actor(id=actor_id, name=data["name"], kind=data["kind"], aliases=aliases, roles=list(data.get("roles", [])))


def build_result(article: "Article", view: "AnalysisView", doc: "Doc", target_name: str) -> DocumentResult:
    """Claim records with offsets into the original file; actors that made them.

    Reads what the components left on the Doc, as `argmine.components.contract` types it.
    """
    actors_data: dict[str, ActorDict] = doc._.actors or {}
    raw_claims: list[ClaimDict] = doc._.claims or []
    claims: list[Claim] = []
    actors: dict[str, Actor] = {}
    for raw in sorted(raw_claims, key=lambda c: (c["text"][0], c["content"][0])):
        actor_id = raw.get("actor")
        if actor_id not in actors_data:
            continue
        text = _span(view, article.text, raw["text"])
        content = _span(view, article.text, raw["content"])
        if text is None or content is None:
            continue
        cue = _span(view, article.text, raw.get("cue"))
        source = _span(view, article.text, raw.get("source"))
        parts = [p for p in (_span(view, article.text, part) for part in raw.get("parts") or []) if p is not None]
        addressee = _span(view, article.text, raw.get("addressee"))
        actor = actors.setdefault(actor_id, _actor(actor_id, actors_data[actor_id]))
        claims.append(
            Claim(
                id=f"{article.document.doc}#{len(claims) + 1}",
                doc=article.document.doc,
                text=text.text,
                start=text.start,
                end=text.end,
                content=ContentSpan(**content.model_dump(), parts=parts if len(parts) > 1 else None),
                cue=CueSpan(**cue.model_dump(), lemma=raw.get("cue_lemma")) if cue else None,
                source=source,
                actor=actor,
                mode=raw["mode"],
                stance=raw.get("stance", "neutral"),
                stance_score=max(-1.0, min(1.0, float(raw.get("stance_score", 0.0)))),
                stance_evidence=list(raw.get("stance_evidence", [])),
                stance_basis=raw.get("stance_basis"),
                target=raw.get("target", target_name),
                stances=_stances(raw, target_name),
                confidence=max(0.0, min(1.0, float(raw.get("confidence", 0.5)))),
                rule=raw.get("rule") or None,
                row=article.document.row,
                addressee=Addressee(**addressee.model_dump(), actor=raw.get("addressee_actor")) if addressee else None,
            )
        )
    return DocumentResult.of(article.document, actors.values(), claims)


def _stances(raw: "ClaimDict", target_name: str) -> list[TargetStance]:
    """The claim's stance toward each target it concerns; the first target's when the component gave none."""
    given = raw.get("stances")
    if given:
        return [TargetStance(**{**entry, "stance_score": max(-1.0, min(1.0, float(entry["stance_score"])))}) for entry in given]
    return [
        TargetStance(
            target=raw.get("target", target_name),
            stance=raw.get("stance", "neutral"),
            stance_score=max(-1.0, min(1.0, float(raw.get("stance_score", 0.0)))),
            stance_evidence=list(raw.get("stance_evidence", [])),
            stance_basis=raw.get("stance_basis"),
        )
    ]


def extract_articles(
    articles: Iterable["Article"],
    *,
    target: TargetLike = None,
    versions: str = "latest",
    batch_size: int = 8,
) -> Iterator[DocumentResult]:
    """Run the pipeline over articles in batches (nlp.pipe), yielding one result per article, in order.

    An article whose analysis text is longer than `CHUNK_CHARS` is read in
    pieces (`extract_in_pieces`), so memory stays bounded however long it is.
    """
    from argmine.target import resolve_targets

    resolved = resolve_targets(target)
    target_name = resolved[0].name
    nlp = load_pipeline(resolved)
    batch: list[tuple["Article", "AnalysisView"]] = []
    for article in articles:
        view = article.view(versions)
        if len(view.text) > CHUNK_CHARS:
            yield from _pipe(nlp, batch, target_name, batch_size)
            batch = []
            yield extract_in_pieces(nlp, article, view.chunks(CHUNK_CHARS), target_name)
            continue
        batch.append((article, view))
        if len(batch) >= batch_size:
            yield from _pipe(nlp, batch, target_name, batch_size)
            batch = []
    yield from _pipe(nlp, batch, target_name, batch_size)


def _pipe(
    nlp: "Language", batch: list[tuple["Article", "AnalysisView"]], target_name: str, batch_size: int
) -> Iterator[DocumentResult]:
    prepared = ((prepare_doc(nlp, article, view), (article, view)) for article, view in batch)
    for doc, (article, view) in nlp.pipe(prepared, as_tuples=True, batch_size=batch_size):
        yield build_result(article, view, doc, target_name)


def extract_in_pieces(nlp: "Language", article: "Article", views: list["AnalysisView"], target_name: str) -> DocumentResult:
    """One long article, read piece by piece (each piece cut between paragraphs).

    Each piece starts knowing the actors the earlier ones found, so a surname
    later on is still the person named in full before. Claims are numbered
    across the whole document, and every claim names its actor as the last
    piece knew it (with every alias and role found).
    """
    known: Optional[dict] = None
    author_id: Optional[str] = None
    parts: list[DocumentResult] = []
    for view in views:
        doc = nlp(prepare_doc(nlp, article, view, known=known, author_id=author_id))
        parts.append(build_result(article, view, doc, target_name))
        known, author_id = doc._.actors or {}, doc._.author
        del doc  # one piece's Doc at a time: this is what bounds the memory
    return _joined(article, parts, known or {})


def _joined(article: "Article", parts: list[DocumentResult], actors_data: dict) -> DocumentResult:
    actors: dict[str, Actor] = {}
    claims: list[Claim] = []
    for claim in (c for part in parts for c in part.claims):
        actor_id = claim.actor.id
        if actor_id not in actors:
            actors[actor_id] = _actor(actor_id, actors_data[actor_id]) if actor_id in actors_data else claim.actor
        number = len(claims) + 1
        claims.append(claim.model_copy(update={"id": f"{article.document.doc}#{number}", "actor": actors[actor_id]}))
    return DocumentResult(doc=article.document.doc, claims=claims, document=article.document, actors=list(actors.values()))


def extract_article(article: "Article", *, target: TargetLike = None, versions: str = "latest") -> DocumentResult:
    """One article's claims and actors (loads the pipeline once per process)."""
    return next(extract_articles([article], target=target, versions=versions))


def model_meta() -> dict:
    """The shipped model's meta.json (name, version, scores, sources), without loading spaCy."""
    from argmine.model import model_path

    return json.loads((model_path() / "meta.json").read_text(encoding="utf-8"))
