"""Reader comment sections: where they start and end, who signed each comment.

A section opens at a marker ("3 comments", "One comment", "2 thoughts on
…", in any listed language) and closes at the reply form ("Post a
Comment", "Leave a Reply"), a "comments are closed" notice or the end of
the page. Platforms print a comment's author either *before* it (a header:
"Jane says:", "Jane Smith", "Jane | 3 May 2015") or readers sign *after* it
("… would be good. Leo Grant", or the name alone on the last line). Which
style a section uses is decided by its first line: a name first means
headers. The signature is kept out of the comment's text and becomes a
byline segment; the comment carries the name as its ``signer``. A comment
count above any article text is a link by the headline, and opens nothing.
"""

from __future__ import annotations

import re
from typing import Optional

from argmine.ingest.bylines import DATE
from argmine.ingest.labels import Label
from argmine.ingest.lines import Unit
from argmine.ingest.name_shapes import is_handle, person_name
from argmine.records import SegmentKind as K

_OPENS = frozenset({"comment_open"})
_CLOSES = frozenset({"comment_form", "comment_closed", "press_release_end", "related_list"})

_SAYS = re.compile(
    r"^(?P<who>.{1,60}?)\s+(?:says|said|wrote|writes|commented|replied|responded|posted)\b\s*(?:[:.…]+)?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_NAME_DATE = re.compile(rf"^(?P<who>.{{1,60}}?)\s*(?:\bon\b|\||,|-|–|—|·)?\s*(?P<date>{DATE}.*)$", re.IGNORECASE)
_SIGN_OFF = re.compile(
    r"^(?:(?:kind|best|warm|warmest)\s+regards|regards|thanks|thank you|many thanks|cheers|best wishes|all the best|"
    r"best|sincerely|yours sincerely|yours faithfully|yours)[,.!]?\s+(?P<name>.+)$",
    re.IGNORECASE,
)
_POSTED_BY = re.compile(r"^(?:posted|comment(?:ed)?|written|submitted|reply)\s+by\s+", re.IGNORECASE)
_SENTENCE_END_THEN_TAIL = re.compile(r"[.!?…][\"”’')\]]*\s+(?P<tail>[^.!?…\n]{2,70})$")
_DASH_THEN_TAIL = re.compile(r"\s[-–—~]{1,2}\s*(?P<tail>[^.!?…\n\-–—]{2,60})$")


def _without_place(text: str) -> str:
    """'Janet, Norwich' -> 'Janet': readers sign with a name and where they write from."""
    name, comma, place = text.partition(",")
    words = place.split()
    if comma and name.strip() and 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
        return name.strip()
    return text


def _commenter(text: str) -> Optional[str]:
    """A name as a comment header or signature gives it (full name, handle, 'Anonymous');
    after "Posted by" any one-word user name ("FerryFan") is the commenter."""
    cleaned = _without_place(text.strip().lstrip("-–—~ ").strip())
    posted = _POSTED_BY.match(cleaned)
    if posted:
        cleaned = cleaned[posted.end():].strip()
        if re.fullmatch(r"@?[A-Za-z][\w.-]{1,30}", cleaned):
            return cleaned
    if cleaned.lower().rstrip(".:") == "anonymous":
        return "Anonymous"
    return person_name(cleaned) or (cleaned if is_handle(cleaned) else None)


def comment_header(text: str) -> Optional[str]:
    """The commenter a header line names ("Jane says:", "Jane Smith on 3 May 2015 at 10:02")."""
    line = text.strip()
    if len(line) > 120:
        return None
    match = _SAYS.match(line)
    if match and len(match.group("rest").split()) <= 8:
        rest = match.group("rest")
        if not rest or re.search(r"\d", rest) or rest.lower().startswith(("in reply", "in response")):
            name = _commenter(match.group("who")) or person_name(match.group("who"), allow_single=True)
            if name:
                return name
    match = _NAME_DATE.match(line)
    if match:
        return _commenter(match.group("who"))
    return None


def inline_signature(unit: Unit) -> Optional[tuple[int, int, str]]:
    """(start, end, name) of a name that closes the comment's last sentence."""
    text = unit.text.rstrip()
    for pattern in (_SENTENCE_END_THEN_TAIL, _DASH_THEN_TAIL):
        match = pattern.search(text)
        if not match:
            continue
        tail = match.group("tail").strip()
        sign_off = _SIGN_OFF.match(tail)
        if sign_off:
            name = person_name(sign_off.group("name"), allow_single=True)
        else:
            name = _commenter(tail) if pattern is _SENTENCE_END_THEN_TAIL else person_name(_without_place(tail), allow_single=True)
        if name:
            # a dash before the name belongs to the signature, not to the comment
            start = unit.start + (match.start() + 1 if pattern is _DASH_THEN_TAIL else match.start("tail"))
            return start, unit.start + len(text), name
    return None


def label_comment_sections(units: list[Unit], labels: list[Optional[Label]]) -> set[int]:
    """Label the lines of every comment section in place; return their indexes."""
    reader = _SectionReader(labels)
    for i, unit in enumerate(units):
        reader.read(i, unit)
    return reader.inside


class _SectionReader:
    """Reads comment sections line by line, labelling `labels` in place.

    Keeps whether a section is open, its style ("header": a name line heads each
    comment; "signature": a name line ends it), the current signer, and the
    comments still waiting for their signature.
    """

    def __init__(self, labels: list[Optional[Label]]):
        self.labels = labels
        self.inside: set[int] = set()
        self.open_section = False
        self.style: Optional[str] = None
        self.signer: Optional[str] = None
        self.pending: list[Label] = []
        self.since_header: list[Label] = []  # header style: the comment lines under the last header
        self.prose_seen = False
        self.texts: dict[int, str] = {}

    def read(self, i: int, unit: Unit) -> None:
        label = self.labels[i]
        role = label.role if label else None
        if role in _OPENS:
            self._opens(i, label)
            return
        if label is None and len(unit.text.split()) >= 12:
            self.prose_seen = True
        if role in _CLOSES:
            self.open_section = False
            return
        if not self.open_section:
            return
        self.inside.add(i)
        self.texts[i] = unit.text
        is_comment_line, name = self._name_on(unit, label)
        if not is_comment_line:
            return
        if name:
            self._name_line(i, name)
        else:
            self._comment_line(i, unit)

    def _opens(self, i: int, label: Label) -> None:
        if not self.prose_seen:
            # A comment count above the article ("12 comments" by the headline) is a link,
            # not the start of the comments: the article is still to come.
            if label.kind == K.comment_marker:
                self.labels[i] = Label(K.comment_marker, "comment-count-link")
            return
        self.open_section, self.style, self.signer = True, None, None
        self.pending.clear()

    @staticmethod
    def _name_on(unit: Unit, label: Optional[Label]) -> tuple[bool, Optional[str]]:
        """(whether the line belongs to the comments, the commenter it names)."""
        if label is not None and label.kind == K.byline:
            if label.rule.startswith("dateline"):
                label.rule, label.date = "comment-date", None
                return False, None
            name = label.author
            label.author = label.author_role = None
            return True, name
        if label is not None:
            return False, None  # "Reply", "Report", a caption: furniture stays furniture
        return True, comment_header(unit.text) or _commenter(unit.text)

    def _name_line(self, i: int, name: str) -> None:
        if self.style is None and not self.pending:
            self.style = "header"
        if self.style == "header" and self.since_header and self._dash_led(i):
            self.labels[i] = Label(K.byline, "comment-signature", signer=name)
            for label in self.since_header:  # "Posted by handle" ... "- Full Name, Place"
                label.signer = name
        elif self.style == "header":
            self.labels[i] = Label(K.byline, "comment-header", signer=name)
            self.signer = name
            self.since_header = []
        else:
            self.labels[i] = Label(K.byline, "comment-signature", signer=name)
            self._sign(name)

    def _dash_led(self, i: int) -> bool:
        return self.texts.get(i, "").lstrip()[:1] in ("-", "–", "—", "~")

    def _comment_line(self, i: int, unit: Unit) -> None:
        self.style = self.style or "signature"
        comment = Label(K.comment, "comment", signer=self.signer if self.style == "header" else None)
        self.labels[i] = comment
        self.since_header.append(comment)
        if self.style == "signature":
            self.pending.append(comment)
            signature = inline_signature(unit)
            if signature:
                start, end, name = signature
                comment.signature = (start, end)
                self._sign(name)

    def _sign(self, name: str) -> None:
        for label in self.pending:
            label.signer = name
        self.pending.clear()
