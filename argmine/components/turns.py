"""argmine_turns: a transcript's speaker turns become the speaker's direct claims.

Ingest (`argmine.ingest.turns`) reads who speaks each stretch of a debate,
evidence session or interview. `place_turns` (called by the pipeline when it
prepares a Doc) registers each speaker as an actor, with the role the
transcript gives, and lays the turns over the analysed text. The component
then, sentence by sentence inside a turn:

- gives the sentence to the turn's speaker as a direct claim, its content the
  words after any speaker label ("Q41 Chair:"); a relayed post's summary of its
  speaker in the third person ("Says ...", "X tells the inquiry ...") is indirect;
- leaves out questions and sentences with no words: a question asserts nothing;
- keeps claims the speaker reports of someone else ("The minister said ..."),
  and drops the attribution rules' guesses that have no speaker of their own
  (quotation continuations, "I said") — inside a turn the speaker is known.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Optional

from spacy.language import Language
from spacy.tokens import Doc

from argmine.components import extensions  # noqa: F401
from argmine.components.base import RuleComponent
from argmine.components.contract import ClaimDict, TurnVoice
from argmine.components.spans import claim_sentences, sentence_chars

from argmine.ingest.turns import ANSWERER, WRITER, Turn, core_words, name_shaped, patterns, presides, procedural

if TYPE_CHECKING:
    from argmine.components.registry import ActorEntry, ActorRegistry
    from argmine.ingest.view import AnalysisView, Piece

SELF_WORDS = {"i", "we", "me", "us", "my", "our"}  # a source that is the speaker
#: Lines of a transcript that record, not speak: "[Column 12]", "(Interruption)", "2.31 pm".
_RECORD_LINE = re.compile(r"^\s*(?:[\[(].*[\])]|\d{1,2}[.:]\d{2}\s*(?:am|pm)?)\s*$", re.IGNORECASE)
CONFIDENCE = 0.85
#: A post's line that reports its speaker with no subject: "Says ...", "Tells the inquiry ...".
SUMMARY_OPENER = re.compile(r"^(?:Says|Tells|Adds|Warns|Argues|Insists|Claims|Urges|Admits|Accepts|Told|Said|Added|Warned)\s+[a-z\"“‘A-Z]")
#: A line under a signature is a role, not a place, when it has a comma or one of these.
ROLE_HINTS = frozenset({"chair", "director", "nurse", "teacher", "lecturer", "councillor", "member", "officer", "head", "retired", "parent", "governor"})


def _view_offset(piece: "Piece", file_offset: int) -> int:
    """The view offset of a file offset inside a piece (clamped to the piece)."""
    inside = bisect_left(range(piece.length + 1), file_offset, key=piece.original_offset)
    return piece.view_start + min(inside, piece.length)


def speaker_actor(turn: Turn, registry: "ActorRegistry", author_id: str, span: tuple[int, int]) -> "ActorEntry":
    """The actor a turn's speaker is: the writer for "Q:", a person for a name, else the
    label itself ("Presenter", "Madam Deputy Speaker") as a person known by that label."""
    if turn.speaker == WRITER:
        return registry.get(author_id) or registry.create("author", "author")
    if turn.speaker == ANSWERER:
        return registry.by_name("interviewee") or registry.create("interviewee", "person")
    words = core_words(turn.speaker)
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        entry = registry.add_person(words, turn.label, span)
    else:
        entry = registry.by_name(turn.speaker) or registry.create(turn.speaker, "person")
        entry.add_mention(*span)
    entry.add_alias(turn.label)
    if turn.role:
        entry.add_role(turn.role)
    return entry


def place_turns(turns: list[Turn], view: "AnalysisView", registry: "ActorRegistry", author_id: str) -> list[TurnVoice]:
    """The turns in view offsets, each with its speaker's actor id (registered here)."""
    placed: list[TurnVoice] = []
    for piece in view.pieces:
        orig_end = piece.original_end(piece.length)
        for turn in turns:
            if turn.end <= piece.orig_start or turn.label_start >= orig_end:
                continue
            placed.append(_placed(turn, piece, orig_end, registry, author_id))
    return placed


def _placed(turn: Turn, piece: "Piece", orig_end: int, registry: "ActorRegistry", author_id: str) -> TurnVoice:
    """One turn's stretch inside one piece of the view."""
    start = _view_offset(piece, max(turn.label_start, piece.orig_start))
    end = _view_offset(piece, min(turn.end, orig_end))
    words_start = end if turn.asks else _view_offset(piece, max(turn.start, piece.orig_start))
    label: tuple[Optional[int], Optional[int]] = (None, None)
    if piece.orig_start <= turn.label_start < orig_end:
        label = (_view_offset(piece, turn.label_start), _view_offset(piece, turn.label_end))
    span = (label[0], label[1]) if label[0] is not None else (start, start)
    entry = speaker_actor(turn, registry, author_id, span)  # type: ignore[arg-type]
    return (start, end, entry.id, words_start, label[0], label[1])


def letter_voice(letters: list[Turn], piece: "Piece", registry: "ActorRegistry") -> Optional[str]:
    """The signer (registered here) of the letter a piece of a letters page is in, if any:
    a letter's own sentences are its writer's voice, not the page's."""
    letter = next((t for t in letters if t.start <= piece.orig_start < t.end), None)
    if letter is None:
        return None
    entry = registry.add_person(core_words(letter.speaker), letter.label, (piece.view_start, piece.view_start))
    entry.mentions.clear()  # the signature is not in the letter's text
    if letter.role and ("," in letter.role or any(w.lower() in ROLE_HINTS for w in letter.role.split())):
        entry.add_role(letter.role)
    return entry.id


def asserts_something(text: str) -> bool:
    """A question, a sentence without words, a line of the record ("[Column 12]") or of
    procedure ("I beg to move") asserts nothing."""
    stripped = text.strip().rstrip("\"'”’)")
    if not any(c.isalpha() for c in stripped) or stripped.endswith("?") or _RECORD_LINE.match(stripped):
        return False
    if all(word[:1] in "#@" for word in stripped.split()):
        return False  # a post's hashtags and handles: "#HarbourInquiry"
    if stripped.endswith(("—", "–", "--")) and len(stripped.split()) <= 8:
        return False  # cut off by the next speaker: "Can I—"
    if name_shaped(stripped.rstrip(".")) and len(stripped.split()) >= 2:
        return False  # a name called, not a claim: "Cllr Name.", "Madam Deputy Speaker"
    return not procedural(stripped) and not addresses_someone(stripped)


def addresses_someone(text: str) -> bool:
    """A sentence that calls on someone and hands over ("Ms Name, you wanted to come back.",
    "Chair, very briefly.", "Name, same question."): short, or turning to "you"."""
    head, comma, rest = text.partition(",")
    if not comma or len(head.split()) > 4 or not name_shaped(head) or head.split()[0] in ("I", "We", "It", "This", "That"):
        return False
    words = rest.split()
    return len(words) <= 6 or words[0].lower() in ("you", "you've", "you're", "you'll", "your", "i'll", "go")


def turn_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentences as a transcript has them: one the parser cut after "hon." or "Rt." runs on."""
    abbreviations = patterns().abbreviations
    joined: list[tuple[int, int]] = []
    after_abbreviation = False
    for sent in claim_sentences(doc):
        start, end = sentence_chars(sent)
        if after_abbreviation and joined:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
        words = doc.text[start:end].split()
        after_abbreviation = bool(words) and words[-1] in abbreviations
    return joined


def _turn_at(turns: list[TurnVoice], offset: int) -> Optional[TurnVoice]:
    return next((t for t in turns if t[0] <= offset < t[1]), None)


def _speaker_known(claim: ClaimDict, doc: Doc) -> bool:
    """An attribution rule's claim that names someone other than the turn's speaker."""
    source = claim.get("source")
    if not source or claim.get("continues") or claim.get("link") is not None:
        return False
    return doc.text[source[0]:source[1]].strip().lower() not in SELF_WORDS


def reported_in_third_person(words: str, speaker: str) -> bool:
    """A relayed post summarising its speaker ("Says the village was never consulted.",
    "Parish chair Ann Lee tells inquiry the masts are too tall"): the poster's report of
    what the speaker said, indirect speech, not the speaker's own words."""
    if SUMMARY_OPENER.match(words):
        return True
    relay = patterns().relay.match(words)
    if relay is None or relay.group(0).rstrip().endswith(":"):
        return False
    surname = speaker.split()[-1] if speaker.split() else ""
    return bool(surname) and surname in relay.group("who").split()


def turn_claim(text: str, sentence: tuple[int, int], turn: TurnVoice, speaker: str = "") -> Optional[ClaimDict]:
    start, end = sentence
    words_start = max(start, turn[3])
    if words_start >= end or not asserts_something(text[words_start:end]):
        return None
    while words_start < end and (text[words_start].isspace() or text[words_start] in "│|>"):  # a boxed post's rule
        words_start += 1
    if words_start < end and text[words_start].islower() and words_start > start:
        return None  # the wrapped end of the sentence above, cut at a post's rule: not a sentence of its own
    label = [turn[4], turn[5]] if turn[4] is not None else None
    mode = "indirect" if reported_in_third_person(text[words_start:end], speaker) else "direct"
    return {
        "text": [words_start, end],  # the sentence without its speaker label
        "content": [words_start, end],
        "cue": None,
        "cue_lemma": None,
        "source": label,
        "source_head": None,
        "mode": mode,
        "actor": turn[2],
        "confidence": CONFIDENCE,
        "link": None,
        "continues": False,
        "rule": "speaker-turn",
        "agentive": None,
    }


class TurnClaims(RuleComponent):
    def __init__(self, name: str = "argmine_turns"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        turns: list[TurnVoice] = doc._.turns or []
        if not turns:
            return doc
        claims: list[ClaimDict] = list(doc._.claims or [])
        for claim in claims:
            if _turn_at(turns, claim["text"][0]) is not None and not _speaker_known(claim, doc):
                _withdraw(claim)
        text = doc.text
        chairs = _presiding(turns, doc)
        asker = _interviewer(turns, doc)
        for sentence in turn_sentences(doc):
            turn = _turn_at(turns, sentence[0])
            speaker = ((doc._.actors or {}).get(turn[2]) or {}).get("name", "") if turn else ""
            claim = turn_claim(text, sentence, turn, speaker) if turn and turn[2] not in chairs | asker else None
            if claim is not None:
                claims.append(claim)
        doc._.claims = claims
        return doc


def _interviewer(turns: list[TurnVoice], doc: Doc) -> set[str]:
    """The writer, when the writer takes turns beside someone else's (an interview under a
    byline): the interviewer's turns are prompts ("Critics say ...", "You must be
    delighted"), not the interviewer's claims."""
    author = doc._.author
    speakers = {t[2] for t in turns}
    return {author} if author in speakers and len(speakers) > 1 else set()


def _presiding(turns: list[TurnVoice], doc: Doc) -> set[str]:
    """The actors whose turns are a chamber's chair keeping order ("Madam Deputy Speaker")."""
    actors = doc._.actors or {}
    return {
        t[2] for t in turns
        if any(presides(name) for name in (actors.get(t[2], {}).get("name", ""), doc.text[t[4]:t[5]] if t[4] is not None else ""))
    }


def _withdraw(claim: ClaimDict) -> None:
    """Leave a claim with no way to a speaker, so coreference drops it; it keeps its place
    in the list because other claims' links are positions in it."""
    claim["source"] = None
    claim["link"] = None
    claim["continues"] = False
    claim["actor"] = None


@Language.factory("argmine_turns", assigns=["doc._.claims"], default_config={})
def make_turns(nlp: Language, name: str) -> TurnClaims:
    return TurnClaims(name)
