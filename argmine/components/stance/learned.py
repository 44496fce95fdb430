"""A small linear stance model over the claim's own words, with the target's mentions masked.

The rules read what they have words for; many claims argue with words no
lexicon lists ("a takeover dressed up as a partnership"). This model reads
those: a multinomial logistic regression over the claim's word n-grams in
which every mention of the target becomes ``<tgt>`` and every mention of its
opposite ``<opp>``, so that one model learns *target-relative* stance across
many targets and carries it to a user's own. It is trained by
``training/train_stance.py`` on the labelled claims of ``shared/stance``
(29 targets) and shipped as ``data/models/stance/linear.json``.

Pure numpy and the standard library: applying it is a dictionary lookup per
n-gram and a 4-way softmax.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from argmine.components.stance.mentions import Mention
from argmine.components.stance.text import Piece

LABELS = ("support", "oppose", "mixed", "neutral")
MODEL_NAME = "linear.json"
_KEPT_PUNCT = frozenset({"?", ",", ";", ":", "!"})


def model_file() -> Path:
    """The shipped model: inside the installed package (wheel), else the repository's data/models."""
    package = Path(__file__).resolve().parents[2]
    packaged = package / "_models" / "stance" / MODEL_NAME
    return packaged if packaged.is_file() else package.parent / "data" / "models" / "stance" / MODEL_NAME


def masked_tokens(pieces: list[Piece], mentions: list[Mention]) -> list[str]:
    """The claim's words in canonical form, each mention replaced by <tgt> / <opp>."""
    starts = {m.start: m for m in mentions}
    out: list[str] = []
    k = 0
    while k < len(pieces):
        mention = starts.get(k)
        if mention is not None:
            out.append("<tgt>" if mention.polarity > 0 else "<opp>")
            k = max(mention.end, k + 1)
            continue
        piece = pieces[k]
        if not piece.punct:
            out.append(piece.text)
        elif piece.text in _KEPT_PUNCT:
            out.append(piece.text)
        k += 1
    return out


def features(tokens: list[str]) -> list[str]:
    """Unigrams, bigrams and trigrams (with sentence edges) of masked tokens."""
    padded = ["<s>", *tokens, "</s>"]
    out = [f"1:{t}" for t in tokens]
    out += [f"2:{a} {b}" for a, b in zip(padded, padded[1:])]
    out += [f"3:{a} {b} {c}" for a, b, c in zip(padded, padded[1:], padded[2:])]
    if "<tgt>" not in tokens and "<opp>" not in tokens:
        out.append("no-mention")
    return out


@dataclass(frozen=True)
class LinearStance:
    """Weights per feature and label; ``probabilities`` is a softmax over the four labels."""

    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    meta: dict

    def scores(self, feats: Iterable[str]) -> list[float]:
        total = list(self.bias)
        for f in set(feats):
            w = self.weights.get(f)
            if w is not None:
                for i, v in enumerate(w):
                    total[i] += v
        return total

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        scores = self.scores(feats)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        z = sum(exps)
        return {label: e / z for label, e in zip(LABELS, exps)}

    def strongest(self, feats: Iterable[str], label: str, n: int = 3) -> list[str]:
        """The n-grams that pushed most toward `label` (for stance_evidence)."""
        i = LABELS.index(label)
        scored = [(self.weights[f][i] - sum(self.weights[f]) / len(LABELS), f) for f in set(feats) if f in self.weights]
        scored.sort(reverse=True)
        return [f.split(":", 1)[1] for value, f in scored[:n] if value > 0 and ":" in f]

    def to_json(self) -> str:
        weights = {f: [round(v, 4) for v in w] for f, w in sorted(self.weights.items())}
        return json.dumps({"labels": LABELS, "bias": [round(b, 4) for b in self.bias], "meta": self.meta,
                           "weights": weights}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "LinearStance":
        data = json.loads(text)
        if tuple(data["labels"]) != LABELS:
            raise ValueError("stance model labels differ from argmine's")
        return cls(tuple(data["bias"]), {f: tuple(w) for f, w in data["weights"].items()}, data.get("meta", {}))


@lru_cache(maxsize=4)
def load_model(path: Optional[str] = None) -> Optional[LinearStance]:
    """The shipped model (None when the file is absent: the rules then work alone)."""
    file = Path(path) if path else model_file()
    if not file.is_file():
        return None
    return LinearStance.from_json(file.read_text(encoding="utf-8"))
