"""The one schema for every output: documents, actors and claim records.

Every output format, the store and `argmine schema` are built from these
pydantic models, so a field added here shows up everywhere at once. The
contract users rely on is the claim record (see README "Claim record");
extend it freely, break it only with a `SCHEMA_VERSION` bump.

All offsets are *character* offsets into the decoded text of the file the
user gave (``original_text[start:end] == text`` holds for every span).
"""

from __future__ import annotations

from enum import Enum
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

# The vocabularies are defined once, in argmine.vocabulary; records re-exports them.
from argmine.vocabulary import MODES, STANCES, ActorKind, Mode, Stance, StanceBasis  # noqa: F401

SCHEMA_VERSION = 1


class _Record(BaseModel):
    """Base of every record: validators are built on first use, not at import, so a
    query command does not pay for the models it never touches (start-up, issue 6)."""

    model_config = ConfigDict(defer_build=True)


class SegmentKind(str, Enum):
    """What a stretch of a scraped page is. Only some kinds carry claims."""

    title = "title"
    standfirst = "standfirst"
    byline = "byline"
    heading = "heading"
    body = "body"
    caption = "caption"  # photo caption / credit ("Photograph: ...")
    related = "related"  # "Related: ..." link lines
    comment_marker = "comment_marker"  # "One comment", "Post a Comment", "3 comments"
    comment = "comment"  # a reader comment (signer in Segment.signer)
    furniture = "furniture"  # publisher boilerplate, newsletter pitches, scraper notes
    foreign = "foreign"  # boilerplate in another language than the article's
    version_meta = "version_meta"  # version-table furniture ("Version 0 | Version 1 |")
    blank = "blank"


#: What a document's offsets (its segments', its claims') point into.
#: "file": the decoded file the user gave (plain-text files);
#: "text": a text given as it is (a corpus row's text cell, a string passed from Python);
#: "extracted": the text argmine extracted from a page, PDF or Word file, which
#: `argmine inspect --text FILE` prints and `argmine.extracted_text` returns.
OffsetsInto = Literal["file", "text", "extracted"]
#: How a document was read.
InputFormat = Literal["text", "html", "pdf", "docx", "csv", "jsonl", "parquet", "python"]

#: Segment kinds whose text the pipeline reads for claims.
CLAIM_BEARING = frozenset(
    {SegmentKind.title, SegmentKind.standfirst, SegmentKind.heading, SegmentKind.body, SegmentKind.comment}
)


class TextSpan(_Record):
    """A verbatim stretch of the original file: ``text == original[start:end]``."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ContentSpan(TextSpan):
    """A claim's content; a quotation interrupted by its attribution ("“A,” he said,
    “B.”") is one content whose `parts` are the pieces, in order (null when whole)."""

    parts: Optional[list[TextSpan]] = Field(default=None, description="The pieces of a discontinuous content; null when it is one piece.")


class Addressee(TextSpan):
    """Whom the cue addresses ("told *the committee*", "wrote to *ministers*"), kept out of the content."""

    actor: Optional[str] = Field(default=None, description="The addressee's actor id in this document, when named.")


class CueSpan(TextSpan):
    """The word(s) that signal attribution ("said", "according to"), with lemma."""

    lemma: Optional[str] = None


class Segment(_Record):
    """A typed stretch of a document, with exact offsets into the decoded file."""

    kind: SegmentKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    rule: str = Field(default="", description="Which ingest rule assigned the kind (for `argmine inspect`).")
    signer: Optional[str] = Field(default=None, description="A comment's signer, when signed on its last line.")
    version: Optional[int] = Field(default=None, description="Version-table column the text came from.")

    @property
    def claim_bearing(self) -> bool:
        return self.kind in CLAIM_BEARING


class DocumentMeta(_Record):
    """What the page says about itself."""

    title: Optional[str] = None
    author: Optional[str] = Field(default=None, description="The author's name, when the page gives one.")
    author_role: Optional[str] = Field(
        default=None, description="How the page describes an author it does not name (from a standfirst)."
    )
    outlet: Optional[str] = None
    date: Optional[str] = Field(
        default=None,
        description="Publication date, ISO 8601 at the precision known ('2015-03-26', '2015-03', '2015-03-26T07:00').",
    )
    date_source: Optional[Literal["page", "url", "name", "metadata"]] = Field(
        default=None,
        description="Where the date was read: the page's text, its URL, the file name (a user pattern), "
        "or a metadata file.",
    )
    url: Optional[str] = Field(
        default=None, description="The page's own address, when the file states it (canonical link) or a corpus row gives it."
    )
    language: Optional[str] = None
    extra: Optional[dict[str, str]] = Field(
        default=None, description="Other metadata a corpus row carried (columns mapped with --meta NAME=COLUMN)."
    )


class VersionInfo(_Record):
    """A page that shows several versions of one article side by side."""

    count: int
    used: int = Field(description="The version claims were read from (the latest unless --versions all).")
    dropped: list[TextSpan] = Field(
        default_factory=list, description="Paragraphs only earlier versions had (offsets into the original)."
    )


class Document(_Record):
    """One input file as argmine read it."""

    doc: str = Field(description="Path relative to the folder given (the file name when a file was given).")
    path: str = Field(description="The path as read.")
    sha256: str = Field(description="Hash of the file's bytes.")
    encoding: str
    chars: int
    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    segments: list[Segment] = Field(default_factory=list)
    versions: Optional[VersionInfo] = None
    warnings: list[str] = Field(default_factory=list)
    format: InputFormat = Field(default="text", description="How the input was read: a text file, a web page, a PDF, ...")
    offsets_into: OffsetsInto = Field(
        default="file",
        description="What every offset of this document and its claims points into: 'file' (the decoded file), "
        "'text' (the text given: a corpus row's text cell, a Python string) or 'extracted' (the text extracted "
        "from a page, PDF or Word file: `argmine inspect --text FILE`, `argmine.extracted_text(path)`).",
    )
    row: Optional[str] = Field(default=None, description="The row id, for a document read from a corpus file.")
    extractor: Optional[str] = Field(
        default=None, description="The library (and version) that extracted the text, for a page, PDF or Word file."
    )
    duplicate_of: Optional[str] = Field(
        default=None,
        description="The earlier document of the run this one nearly duplicates (word 5-gram Jaccard similarity "
        "of its text at least 0.6, argmine.duplicates: syndicated wire copy, a page saved twice); null when none.",
    )


class DocumentHead(_Record):
    """A stored document without its segments: what a query needs to tell a named
    writer from an unnamed one, at a seventh of the cost of parsing it whole."""

    doc: str
    meta: DocumentMeta = Field(default_factory=DocumentMeta)


class Actor(_Record):
    """A canonical actor, merged over its mentions within one document."""

    id: str = Field(description="Slug, unique within the document (e.g. 'jane-holloway', 'author').")
    name: str
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)


class ActorSummary(Actor):
    """An actor with what it claimed (the `actors` command, the JSON `actors` list)."""

    docs: list[str] = Field(default_factory=list)
    claims: int = 0
    stance: Optional[Stance] = Field(default=None, description="Overall stance, aggregated over the actor's claims.")
    stance_mix: dict[str, int] = Field(default_factory=dict)
    target: Optional[str] = Field(default=None, description="The target the stance and the mix are toward.")


class TargetStance(_Record):
    """A claim's stance toward one target of the run (an entry of `Claim.stances`)."""

    target: str = Field(description="The target's name.")
    stance: Stance
    stance_score: float = Field(ge=-1.0, le=1.0)
    stance_evidence: list[str] = Field(default_factory=list)
    stance_basis: Optional[StanceBasis] = Field(default=None, description="As `Claim.stance_basis`, toward this target.")

    def csv_cell(self) -> str:
        """How a CSV cell lists it: 'target=stance'."""
        return f"{self.target}={self.stance}"


class Claim(_Record):
    """One claim, by one actor, in one document: the argmine claim record."""

    schema_version: int = SCHEMA_VERSION
    id: str = Field(description="'<doc>#<n>', n counting claims in document order.")
    doc: str
    text: str = Field(description="The sentence (or run of quoted sentences) carrying the claim, verbatim.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    content: ContentSpan = Field(description="The claim proper: quotation, reported clause, or whole sentence.")
    cue: Optional[CueSpan] = None
    source: Optional[TextSpan] = Field(default=None, description="The speaker's mention here; null when none.")
    actor: Actor
    mode: Mode
    stance: Stance
    stance_score: float = Field(ge=-1.0, le=1.0)
    stance_evidence: list[str] = Field(default_factory=list)
    stance_basis: Optional[StanceBasis] = Field(
        default=None,
        description="What decided the stance: the claim's own words, its cue, the topic of the sentence "
        "before, the same speaker's previous claim (context), the learned model reading the claim's own "
        "words when the rules had none to read (model), the side of the same speaker's claims their own words "
        "decided, lent to a claim the model had decided (speaker), or nothing (neutral).",
    )
    target: str = Field(description="The (first) target `stance` is toward.")
    confidence: float = Field(ge=0.0, le=1.0)
    rule: Optional[str] = Field(
        default=None,
        description="The rule that found the claim (an attribution rule such as 'verb:say' or "
        "'according-to', or 'author-sentence'): for developers tracing a mistake; null when unknown.",
    )
    row: Optional[str] = Field(
        default=None, description="The row id of the corpus-file row the claim was read from (null for other inputs)."
    )
    stances: list[TargetStance] = Field(
        default_factory=list,
        description="The claim's stance toward each target of the run it concerns: the first target always "
        "(the same as target, stance, stance_score, stance_evidence and stance_basis), then each other target "
        "(--target given again) whose name or opposite the claim mentions, or toward which its words, cue, "
        "topic, context or the learned model decided a stance. Empty in records from before it existed.",
    )
    duplicate_of: Optional[str] = Field(
        default=None,
        description="The document this claim's document nearly duplicates (syndicated wire copy, a page saved "
        "twice): the first such document of the run. Counted once by `actors` unless --duplicates include.",
    )
    addressee: Optional[Addressee] = Field(
        default=None, description="Whom the cue addresses ('told the committee'), with its actor id when named; null when none."
    )

    @field_validator("content", mode="before")
    @classmethod
    def _whole_content(cls, value: object) -> object:
        """A plain span is a content in one piece (records made before `parts` existed)."""
        if isinstance(value, TextSpan) and not isinstance(value, ContentSpan):
            return ContentSpan(**value.model_dump())
        return value


class ExtractionResult(_Record):
    """Everything one run found: the `json` output format."""

    schema_version: int = SCHEMA_VERSION
    documents: list[Document] = Field(default_factory=list)
    actors: list[ActorSummary] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
