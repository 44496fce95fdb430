"""A small linear stance model over the claim's own words, with the target's mentions masked.

The rules read what they have words for; many claims argue with words no
lexicon lists ("a vanity project with a logo"). This model reads
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
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from spacy.lang.en.stop_words import STOP_WORDS as _STOP_WORDS

from argmine.components.stance.mentions import Mention
from argmine.components.stance.text import Piece

if TYPE_CHECKING:  # pragma: no cover
    from argmine.target import Target

LABELS = ("support", "oppose", "mixed", "neutral")
MODEL_NAME = "linear.json"
_KEPT_PUNCT = frozenset({"?", ",", ";", ":", "!"})
#: Function words that still shift stance, kept as meaningful.
_SHIFTERS = frozenset({"not", "n't", "no", "never", "nor", "without", "nothing", "nobody", "none", "but", "rather",
                       "than", "only", "if", "?", "too", "less", "more", "least", "most"})


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
    """Unigrams, bigrams and trigrams (with sentence edges) of masked tokens, each with at least
    one word that carries meaning: n-grams of function words alone ("that", "i would") fit
    the style of the training claims, not their stance."""
    padded = ["<s>", *tokens, "</s>"]
    grams = [(t,) for t in tokens] + list(zip(padded, padded[1:])) + list(zip(padded, padded[1:], padded[2:]))
    out = [f"{len(g)}:{' '.join(g)}" for g in grams if any(_meaningful(w) for w in g)]
    if "<tgt>" not in tokens and "<opp>" not in tokens:
        out.append("no-mention")
    return out


def _meaningful(word: str) -> bool:
    return word in ("<tgt>", "<opp>") or word in _SHIFTERS or (word not in _STOP_WORDS and word[:1] != "<")


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
        """The word n-grams that pushed most toward `label` (for stance_evidence): the claim's
        own words only (no mask or edge marks), each with a content word in it."""
        i = LABELS.index(label)
        scored = []
        for f in set(feats):
            if f not in self.weights or ":" not in f:
                continue
            words = f.split(":", 1)[1].split(" ")
            if any(w.startswith("<") for w in words) or not any(len(w) > 3 and w.isalpha() for w in words):
                continue
            w = self.weights[f]
            scored.append((w[i] - sum(w) / len(LABELS), " ".join(words)))
        scored.sort(reverse=True)
        return [text for value, text in scored[:n] if value > 0]

    def plus(self, other: "LinearStance") -> "LinearStance":
        """A model whose scores are this one's plus `other`'s."""
        weights = dict(self.weights)
        for f, w in other.weights.items():
            weights[f] = tuple(a + b for a, b in zip(weights.get(f, (0.0,) * len(LABELS)), w))
        return LinearStance(tuple(a + b for a, b in zip(self.bias, other.bias)), weights,
                            {**self.meta, "adapted": True})

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


def fit(examples: list[list[str]], labels: list[str], *, epochs: int = 60, l2: float = 1e-4, min_count: int = 2,
        base: Optional[LinearStance] = None, balance: float = 1.0) -> LinearStance:
    """Multinomial logistic regression, L2, full-batch AdaGrad (deterministic).

    `balance` 1 weighs each label equally; 0 keeps the data's own prior (fewer mixed
    claims, as in real documents); in between, each label's weight is the balanced
    weight to that power.

    With `base`, the weights learnt are a correction on top of base's scores
    (how a target's own examples adapt the general model).
    """
    import numpy as np

    counts = Counter(f for feats in examples for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    rows = [np.array(sorted({vocab[f] for f in feats if f in vocab}), dtype=np.int64) for feats in examples]
    offsets = [np.array(base.scores(feats)) if base else np.zeros(len(LABELS)) for feats in examples]
    y = np.array([LABELS.index(label) for label in labels])
    freq = np.bincount(y, minlength=len(LABELS)).astype(float)
    sample_weight = ((len(y) / (len(LABELS) * np.maximum(freq, 1))) ** balance)[y]
    w, b = np.zeros((len(vocab), len(LABELS))), np.zeros(len(LABELS))
    gw_sq, gb_sq = np.full_like(w, 1e-8), np.full_like(b, 1e-8)
    for _ in range(epochs):
        grad_w, grad_b = l2 * w * len(y), np.zeros_like(b)
        for idx, offset, label, sw in zip(rows, offsets, y, sample_weight):
            z = w[idx].sum(axis=0) + b + offset
            p = np.exp(z - z.max())
            p /= p.sum()
            p[label] -= 1.0
            grad_w[idx] += sw * p
            grad_b += sw * p
        gw_sq += grad_w**2
        gb_sq += grad_b**2
        w -= 0.5 * grad_w / np.sqrt(gw_sq)
        b -= 0.5 * grad_b / np.sqrt(gb_sq)
    names = sorted(vocab, key=vocab.get)
    weights = {f: tuple(float(v) for v in w[i]) for i, f in enumerate(names) if np.abs(w[i]).max() >= 1e-3}
    model = LinearStance(tuple(float(v) for v in b), weights, {})
    return model if base is None else base.plus(model)


@lru_cache(maxsize=4)
def load_model(path: Optional[str] = None) -> Optional[LinearStance]:
    """The shipped model (None when the file is absent: the rules then work alone)."""
    file = Path(path) if path else model_file()
    if not file.is_file():
        return None
    return LinearStance.from_json(file.read_text(encoding="utf-8"))


def adapted_model(base: Optional[LinearStance], target: "Target") -> Optional[LinearStance]:
    """The general model adapted to the target's labelled examples (the base itself without any).

    Examples are read as claims are: tokenised, the target's mentions masked
    with its own terms. Trained once per target and process (a second or so).
    """
    if base is None or not target.examples:
        return base
    return target.memo("stance.adapted", lambda: _adapt(base, target))


def _adapt(base: LinearStance, target: "Target") -> LinearStance:
    import spacy

    from argmine.components.stance.mentions import find_mentions
    from argmine.components.stance.text import Source, pieces_of

    nlp = spacy.blank("en")
    feats, labels = [], []
    for example in target.examples:
        doc = nlp(example.text)
        pieces = pieces_of(doc)
        mentions = find_mentions(Source.of(doc), pieces, target, anaphora=True)
        feats.append(features(masked_tokens(pieces, mentions)))
        labels.append(example.stance)
    return fit(feats, labels, epochs=40, l2=1e-3, min_count=1, base=base)
