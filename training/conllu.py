"""A small CoNLL-U reader: just what the conversion needs, nothing more.

We read the files ourselves instead of using ``spacy convert`` because we need the
document and genre of every sentence (to filter GUM by text licence and to group
sentences into documents) and GUM's ``Entity=`` mentions, which spaCy's converter ignores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator


@dataclass
class Word:
    """One syntactic word (a CoNLL-U line with an integer ID)."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based within the sentence, 0 for the root
    deprel: str
    misc: dict[str, str]
    space_after: bool = True


@dataclass
class Sentence:
    sent_id: str
    doc_id: str
    text: str
    words: list[Word] = field(default_factory=list)
    new_par: bool = False

    @property
    def genre(self) -> str:
        """GUM ids look like GUM_<genre>_<name>; EWT ids start with their source."""
        parts = self.doc_id.split("_")
        return parts[1] if parts[0] == "GUM" and len(parts) > 2 else parts[0].split("-")[0]


def _parse_misc(misc: str) -> dict[str, str]:
    if misc == "_":
        return {}
    out = {}
    for item in misc.split("|"):
        key, _, value = item.partition("=")
        out[key] = value
    return out


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield sentences; multiword-token lines set the spacing, empty nodes are skipped."""
    doc_id = ""
    sent: Sentence | None = None
    pending_par = False
    mwt_end = 0
    mwt_space = True
    with open(path, encoding="utf8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                key, value = key.strip(), value.strip()
                if key == "newdoc id":
                    doc_id = value
                    pending_par = True
                elif key.startswith("newpar"):
                    pending_par = True
                elif key == "sent_id":
                    sent = Sentence(sent_id=value, doc_id=doc_id, text="", new_par=pending_par)
                    pending_par = False
                    mwt_end = 0
                elif key == "text" and sent is not None:
                    sent.text = value
                continue
            if not line:
                if sent is not None and sent.words:
                    yield sent
                sent = None
                mwt_end = 0
                continue
            cols = line.split("\t")
            if sent is None:  # a sentence without a sent_id comment
                sent = Sentence(sent_id="", doc_id=doc_id, text="", new_par=pending_par)
                pending_par = False
            if "." in cols[0]:
                continue
            misc = _parse_misc(cols[9])
            if "-" in cols[0]:
                _, end = cols[0].split("-")
                mwt_end = int(end)
                mwt_space = misc.get("SpaceAfter") != "No"
                continue
            idx = int(cols[0])
            if idx < mwt_end:
                space = False
            elif idx == mwt_end:
                space = mwt_space
            else:
                space = misc.get("SpaceAfter") != "No"
            sent.words.append(
                Word(
                    form=cols[1],
                    lemma=cols[2],
                    upos=cols[3],
                    xpos=cols[4],
                    feats="" if cols[5] == "_" else cols[5],
                    head=int(cols[6]),
                    deprel=cols[7],
                    misc=misc,
                    space_after=space,
                )
            )
    if sent is not None and sent.words:
        yield sent
