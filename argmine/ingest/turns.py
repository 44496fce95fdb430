"""Speaker turns of transcripts: who speaks each stretch of a debate, evidence session or interview.

A transcript marks its speakers at the start of a line, in one of two ways:

- a prefix before the words spoken: "Name:", "Q41 Chair:", "JS:", "Q:"/"A:";
- a line holding only the speaker, the speech below it: "Name (Constituency)
  (Party)", "The Minister for X (Name)", and later "Mr Name" alone.

Header blocks ("Members present: ...", "Witnesses: Name, Role, Body; and ...")
are not turns, but they name and describe the cast, so that later labels given
as a surname, initials or a role ("Chair") resolve to a full name. The
patterns live in `data/turns.json`. A document is read as a transcript only
when it has at least `min_turns` turns by two or more speakers: a stray
"Update:" line in an article does not make it one.

`read_turns` works on the ingested segments (file offsets), before the text is
cut into an analysis view, because a speaker line alone is often typed as a
heading and left out of the view.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Optional

from argmine.ingest import word_lists
from argmine.records import Segment

_DATA = Path(__file__).parent / "data" / "turns.json"
#: Speaker stand-ins resolved by the pipeline: the document's writer (who asks the
#: questions of a Q/A interview) and the one interviewed.
WRITER = "@writer"
ANSWERER = "@answerer"
#: A speaker with at least this share of turns ending in a question is the one asking.
QUESTIONER_SHARE = 0.6
_ENDS_UNSPOKEN = re.compile(r"[.!?…;,]$")
_PAREN = re.compile(r"^(?P<pre>[^()]*?)\s*\((?P<inner>[^()]+)\)")


@dataclass(frozen=True)
class Patterns:
    question_number: re.Pattern[str]
    prefix: re.Pattern[str]
    initials: re.Pattern[str]
    header_members: re.Pattern[str]
    header_witnesses: re.Pattern[str]
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    titles: frozenset[str]
    connectors: frozenset[str]
    not_speakers: frozenset[str]
    min_turns: int
    abbreviations: frozenset[str]
    procedural: tuple[str, ...]
    post_header: re.Pattern[str]
    post_end: re.Pattern[str]
    relay: re.Pattern[str]
    presiding: re.Pattern[str]


@lru_cache(maxsize=None)
def patterns() -> Patterns:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    return Patterns(
        question_number=re.compile(raw["question_number"]),
        prefix=re.compile(raw["prefix"]),
        initials=re.compile(raw["initials"]),
        header_members=re.compile(raw["header_members"], re.IGNORECASE),
        header_witnesses=re.compile(raw["header_witnesses"]),
        question_labels=frozenset(raw["question_labels"]),
        answer_labels=frozenset(raw["answer_labels"]),
        titles=frozenset(raw["titles"]),
        connectors=frozenset(raw["connectors"]),
        not_speakers=frozenset(w.lower() for w in raw["not_speakers"]),
        min_turns=int(raw["min_turns"]),
        abbreviations=frozenset(raw["abbreviations"]),
        procedural=tuple(raw["procedural"]),
        post_header=re.compile(raw["post_header"]),
        post_end=re.compile(raw["post_end"]),
        relay=re.compile(raw["relay"]),
        presiding=re.compile(raw["presiding"]),
    )


def presides(label: str) -> bool:
    """'Madam Deputy Speaker (Dame Name)', 'Mr Speaker': the chair of a chamber keeps order
    and calls speakers; what the chair says is procedure, no one's claim."""
    return bool(patterns().presiding.match(label.strip()))


@lru_cache(maxsize=None)
def _role_words() -> frozenset[str]:
    return word_lists.role_words()


@dataclass(frozen=True)
class Turn:
    """One speaker's stretch, in file offsets: the label as written and the words spoken."""

    speaker: str  # a full name, a label kept as written ("Chair"), or WRITER / ANSWERER
    label: str
    label_start: int
    label_end: int
    start: int  # the words spoken begin here
    end: int
    role: Optional[str] = None
    asks: bool = False  # the speaker only puts questions (an interviewer, a chair): no claims


@dataclass
class Cast:
    """The people a transcript names, by full name, with their roles."""

    roles: dict[str, Optional[str]] = field(default_factory=dict)
    chair: Optional[str] = None

    def add(self, name: str, role: Optional[str] = None) -> None:
        if name not in self.roles or role and not self.roles[name]:
            self.roles[name] = role

    def by_initials(self, initials: str) -> Optional[str]:
        found = [n for n in self.roles if "".join(w[0] for w in n.split() if w[:1].isupper()) == initials]
        return found[0] if len(found) == 1 else None

    def by_surname(self, words: list[str]) -> Optional[str]:
        """A full name ending in these words ("Marchbank", "Finch-Hatton"), or with this first name."""
        tail = " ".join(words)
        found = [n for n in self.roles if n != tail and (n.endswith(" " + tail) or n.split()[0] == tail)]
        return found[0] if len(set(found)) == 1 else None


def core_words(text: str) -> list[str]:
    """The words of a name without titles ("Professor", "Sir", "Mrs", "Rt Hon")."""
    titles = patterns().titles
    return [w for w in text.replace(",", " ").split() if w not in titles and w.rstrip(".") not in titles]


def name_shaped(text: str) -> bool:
    """A label that can be a speaker: a few capitalised words (with "of", "for" ...),
    initials, or a name followed by bracketed constituency/party/role."""
    p = patterns()
    bare = p.question_number.sub("", text).strip()
    if not bare or bare.lower() in p.not_speakers or ":" in bare:
        return False
    if "(" in bare and not bare.endswith(")"):
        return False  # "Transcript (edited). Audio": a sentence, not a label
    pre = re.sub(r"\s*\([^()]*\)", "", bare).strip() or bare
    if pre.lower() in p.not_speakers or any(w.endswith(".") and len(w) > 3 and w.rstrip(".") not in p.titles for w in pre.split()):
        return False
    words = pre.split()
    if not 1 <= len(words) <= (14 if "(" in bare else 8) or any(ch.isdigit() for ch in pre):
        return False
    if not all(w[:1].isupper() or w in p.connectors or w[:1] in "'’-" for w in words):
        return False
    return any(w[:1].isupper() for w in words)


def procedural(text: str) -> bool:
    """Debate procedure or courtesy ("I beg to move", "Order.", "I will give way"): it opens
    the sentence, or the sentence is short and holds it."""
    low = " ".join(text.lower().split()).strip(" -–—[]()")
    phrases = patterns().procedural
    return any(low.startswith(p) for p in phrases) or len(low.split()) <= 10 and any(p in low for p in phrases)


def split_label(label: str) -> tuple[str, Optional[str]]:
    """(name as written, role): "The Minister for X (Jo Bloggs)" and "Chair (Cllr Bloggs)"
    give the name inside the brackets and the role outside; "Jo Bloggs (Seaton) (Lab)" the
    name before them, "Ms Bloggs (Director of Services)" the role inside."""
    bare = patterns().question_number.sub("", label).strip()
    m = _PAREN.match(bare)
    if m is None:
        return _cased(bare), None
    pre, inner = _cased(m.group("pre").strip()), _cased(m.group("inner").strip())
    if not pre or pre.split()[0] in ("The", "the") or pre.split()[-1].lower() in _role_words():
        return inner, pre or None
    return pre, inner if inner.split()[-1].lower() in _role_words() or inner.split()[0].lower() in _role_words() else None


def _cased(text: str) -> str:
    """An all-capitals label ("JANE SMITH", "CLLR SMITH") in ordinary case; initials stay."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 4 and all(c.isupper() for c in letters) and " " in text.strip():
        return text.title()
    if len(letters) > 4 and all(c.isupper() for c in letters) and text.isalpha():
        return text.title()
    return text


def resolve(label: str, cast: Cast) -> tuple[str, Optional[str]]:
    """The speaker a label stands for, and a role the label gives, using the cast seen so far."""
    p = patterns()
    name, role = split_label(label)
    if name in p.question_labels:
        return WRITER, None
    if name in p.answer_labels:
        return ANSWERER, None
    if p.initials.match(name):
        return cast.by_initials(name) or name, role
    if name == "Chair" and cast.chair:
        return cast.chair, "Chair"
    words = core_words(name)
    if role and role.lower() == "chair" and words:
        cast.chair = cast.by_surname(words) or " ".join(words)
    if not words:
        return name, role
    if len(words) == 1 or name != " ".join(words) and cast.by_surname(words):
        known = cast.by_surname(words)
        if known:
            return known, role or cast.roles.get(known)
    full = " ".join(words)
    if len(words) >= 2:
        cast.add(full, role)
    return full, role or cast.roles.get(full)


def read_header(line: str, cast: Cast) -> bool:
    """A members or witnesses line: its people join the cast. True when it was one."""
    p = patterns()
    m = p.header_members.match(line) or p.header_witnesses.match(line)
    if m is None:
        return False
    for item in _header_items(m.group("list")):
        name, role = _header_person(item)
        chair = (role or "").lower() == "chair"
        words = core_words(name)
        if len(words) >= 2 and name_shaped(name):
            full = " ".join(words)
            cast.add(full, role)
            if chair:
                cast.chair = full
    return True


def _spoken(rest: str) -> bool:
    """Words after a prefix read as speech, not as a heading's second half
    ("Bus Services: Rural Routes")."""
    first = rest.split("\n", 1)[0].strip()
    ends_a_sentence = re.search(r"[.!?…]['’\"”)]*$|(?<=[a-z]{3})[.!?…]['’\"”)]*\s+\S", first)  # "Thank you, Chair. Nine in" (a wrapped line)
    return bool(_ENDS_UNSPOKEN.search(first) or ends_a_sentence) or len(first.split()) >= 8


def _header_items(listing: str) -> list[str]:
    """The people of a header list: split at semicolons and "and"; when roles are in
    brackets ("A Name (Chair), B Name (Director)") at the commas outside brackets too."""
    separators = ";," if "(" in listing else ";"
    items, depth, current = [], 0, []
    for ch in listing:
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and ch in separators:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    out: list[str] = []
    for item in items:
        out.extend(re.split(r"(?:^|\s)and\s+(?=[A-Z])", item.strip(" .")))
    return [i.strip(" .") for i in out if i.strip(" .")]


def _header_person(item: str) -> tuple[str, Optional[str]]:
    """("Jo Bloggs", "Director, Body") from "Jo Bloggs, Director, Body" or "Jo Bloggs (Director)"."""
    m = _PAREN.match(item)
    if m:
        return m.group("pre").strip(), m.group("inner").strip()
    name, _, role = item.partition(",")
    return name.strip(), role.strip(" ,") or None


def _speaker_line(line: str) -> bool:
    """A line holding only a speaker: short, unpunctuated at its end, name-shaped."""
    text = line.strip()
    return 0 < len(text) <= 120 and not _ENDS_UNSPOKEN.search(text) and name_shaped(text)


def _opening(line: str, at: int, kind: str, cast: Cast, known: set[str]) -> Optional[tuple[str, int]]:
    """The speaker label that opens a line starting at file offset `at`: (label, where the
    words spoken begin).

    A prefix ("Name: ...") counts when words follow that read as speech; a line holding
    only a name counts when it carries brackets (constituency, party, role) or a title, or
    names someone who has already spoken ("Mrs Name" after "Mrs Full Name (Seat) (Party)")."""
    m = patterns().prefix.match(line)
    if m and kind != "title" and name_shaped(m.group("label")) and _spoken(line[m.end():]):
        return m.group("label"), at + m.end()
    if not _speaker_line(line):
        return None
    label = line.strip()
    name, _role = split_label(label)
    spoken_before = resolve(label, Cast(dict(cast.roles), cast.chair))[0] in known
    if "(" in label or spoken_before or _titled(name):
        return label, at + len(line)
    return None


def _titled(name: str) -> bool:
    """A name with an honorific ("Mrs Name", "Cllr Name", "Madam Deputy Speaker")."""
    titles = patterns().titles - {"The", "the"}
    return any(w in titles or w.rstrip(".") in titles for w in name.split()[:2])


def _segment_lines(seg: Segment) -> list[tuple[int, str]]:
    """A segment's lines with their file offsets (ingest keeps a segment's text verbatim)."""
    out, offset = [], seg.start
    for line in seg.text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _closes(seg: Segment) -> bool:
    """A heading of several words ("Minute 6 (summary)", "MINUTE 6 (summary)") ends the turn before it; a column
    number or a time ("[Column 12]", "2.31 pm") does not."""
    text = seg.text.strip()
    words = [w.strip("()[]:;,.") for w in text.split()]
    return seg.kind.value == "heading" and not text.startswith("[") and sum(w.isalpha() for w in words) >= 2


def read_turns(segments: list[Segment]) -> list[Turn]:
    """The speaker turns of a transcript in reading order; empty when the text is not one."""
    cast = Cast()
    turns: list[Turn] = []
    known: set[str] = set()
    open_turn = False
    for seg in sorted(segments, key=lambda s: s.start):
        if read_header(seg.text.strip(), cast):
            open_turn = False
            continue
        opened = False
        for at, line in _segment_lines(seg):
            opening = _opening(line, at, seg.kind.value, cast, known)
            if opening is None:
                continue
            label, words_start = opening
            speaker, role = resolve(label, cast)
            known.add(speaker)
            if turns and turns[-1].end > at:
                turns[-1] = _extended(turns[-1], at)
            elif open_turn and not opened and turns[-1].end <= seg.start:
                turns[-1] = _extended(turns[-1], at)
            label_start = at + len(line) - len(line.lstrip())
            turns.append(Turn(speaker, label, label_start, label_start + len(label), words_start, seg.end, role))
            opened = open_turn = True
        if not opened and open_turn:
            if _closes(seg):
                open_turn = False
            elif turns[-1].end <= seg.start:
                turns[-1] = _extended(turns[-1], seg.end)
    speakers = [t.speaker for t in turns]
    exchange = len(set(speakers)) >= 2 and any(speakers.count(s) >= 2 for s in speakers)
    found = _mark_questioners(turns, segments) if len(turns) >= patterns().min_turns and exchange else []
    return sorted(found + read_posts(segments), key=lambda t: t.label_start)


def _mark_questioners(turns: list[Turn], segments: list[Segment]) -> list[Turn]:
    """Speakers whose turns are, most of them, questions put to others: what else they say
    in a turn that ends in a question sets it up ("The scheme has run a year. Has it
    worked?") and is not their claim."""
    ends: dict[str, list[bool]] = {}
    for turn in turns:
        spoken = " ".join(s.text[max(turn.start, s.start) - s.start: turn.end - s.start] for s in segments if s.start < turn.end and turn.start < s.end)
        ends.setdefault(turn.speaker, []).append(spoken.rstrip(" \n\"'”’)").endswith("?"))
    askers = {who for who, asked in ends.items() if len(asked) >= 2 and sum(asked) / len(asked) >= QUESTIONER_SHARE}
    seen: dict[str, int] = {}
    marked: list[Turn] = []
    for turn in turns:  # a questioner's turn that ends in a question; their speeches stay
        n = seen[turn.speaker] = seen.get(turn.speaker, -1) + 1
        marked.append(replace(turn, asks=turn.speaker in askers and ends[turn.speaker][n]))
    return marked


def read_posts(segments: list[Segment]) -> list[Turn]:
    """Social-media posts embedded in a page ("Name @handle · 3:55 pm", then the post's
    text): each is a turn of the person it relays ("Role Name tells the inquiry ...",
    "Name to #event: ...") or else of its poster."""
    p = patterns()
    ordered = sorted(segments, key=lambda s: s.start)
    posts: list[Turn] = []
    for i, seg in enumerate(ordered):
        header = p.post_header.match(seg.text.strip())
        if header is None or "\n" in seg.text.strip():
            continue
        body = _post_body(ordered[i + 1:])
        if body is None:
            continue
        start, end, first = body
        speaker, role = _relayed(first.lstrip("│|> \t")) or (" ".join(core_words(header.group("name"))), None)
        label = seg.text.strip()
        posts.append(Turn(speaker, label, seg.start, seg.start + len(label), start, end, role))
    return posts


def _post_body(following: list[Segment]) -> Optional[tuple[int, int, str]]:
    """Where a post's text starts and ends (file offsets), and its first line: up to its
    likes and reposts, its time line, a box's end, or a heading."""
    start: Optional[int] = None
    end, first = 0, ""
    for seg in following[:6]:
        if seg.kind.value in ("heading", "title"):
            break
        for at, line in _segment_lines(seg):
            if patterns().post_end.search(line):
                return (start, end, first) if start is not None else None
            if line.strip() and start is None:
                start, first = at, line
            end = at + len(line.rstrip()) if line.strip() else end
    return (start, end, first) if start is not None else None


def _relayed(text: str) -> Optional[tuple[str, Optional[str]]]:
    """(name, role) of the person a post relays: the capitalised words before "tells",
    "says" or "to #event:", the words before them a role ("Parish council chair")."""
    m = patterns().relay.match(text)
    if m is None:
        return None
    words = m.group("who").split()
    name: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper():
            break
        name.insert(0, word)
    while name and name[0].lower() in _role_words():
        name.pop(0)
    core = core_words(" ".join(name))
    if len(core) < 2:
        return None
    role = m.group("role") or " ".join(words[: len(words) - len(name)]).strip() or None
    return " ".join(core), role


def _extended(turn: Turn, end: int) -> Turn:
    return Turn(turn.speaker, turn.label, turn.label_start, turn.label_end, turn.start, end, turn.role)


_BOUNDARY_KINDS = frozenset({"furniture", "heading", "title", "related", "byline", "tail"})


def read_letters(segments: list[Segment]) -> list[Turn]:
    """The letters of a letters page: prose closed by a signature ("Name" alone on a line,
    perhaps a place or role below it, then a rule, a heading or the end). Each is a turn of
    its signer, the label after the words. Two signed letters at least, else none."""
    ordered = sorted(segments, key=lambda s: s.start)
    letters: list[Turn] = []
    block_start: Optional[int] = None
    for i, seg in enumerate(ordered):
        if seg.kind.value in _BOUNDARY_KINDS and not _signature_at(ordered, i):
            block_start = None
            continue
        if _signature_at(ordered, i) and block_start is not None:
            name = seg.text.strip()
            role = ordered[i + 1].text.strip() if _role_line(ordered, i + 1) else None
            letters.append(Turn(" ".join(core_words(name)), name, seg.start, seg.end, block_start, seg.start, role))
            block_start = None
        elif seg.kind.value == "body" and block_start is None:
            block_start = seg.start
    return letters if len(letters) >= 2 else []


def _signature_at(ordered: list[Segment], i: int) -> bool:
    """A person's name alone, after prose, before a boundary (optionally past one role or
    place line)."""
    text = ordered[i].text.strip()
    if "\n" in text or _ENDS_UNSPOKEN.search(text) or not name_shaped(text) or "(" in text:
        return False
    if not 2 <= len(core_words(text)) <= 4 or i == 0 or ordered[i - 1].kind.value != "body":
        return False
    after = i + 2 if _role_line(ordered, i + 1) else i + 1
    return after >= len(ordered) or ordered[after].kind.value in _BOUNDARY_KINDS


def _role_line(ordered: list[Segment], i: int) -> bool:
    """A short line under a signature: a place, or a role ("Retired nurse, Town")."""
    if i >= len(ordered):
        return False
    text = ordered[i].text.strip()
    return "\n" not in text and len(text.split()) <= 12 and not re.search(r"[.!?]$", text)
