"""Calibrate the stance component on the gold claims of the seeds (not the official score).

For every gold claim the claim's sentence is found (the sentence holding the
anchor) and becomes a claim record with the gold actor, mode and cue, as if
attribution were perfect; the stance component then labels all claims of the
article together (so context inheritance is exercised), and the labels are
compared with gold. As ``argmine evaluate``: optional claims count,
``stance_optional`` ones are skipped; macro-F1 is the mean F1 over the labels
present in gold or prediction.

    python benchmarks/stance_on_gold.py [--gold DIR] [--seeds DIR] [--blank] [--no-context] [--sweep] [-v]

``--blank`` uses a blank English pipeline with a sentencizer instead of the
trained model (no parse, no lemmas). The real figure comes from ``argmine evaluate``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from argmine.components.stance import DEFAULT_SETTINGS, Settings, StanceComponent, stance_of  # noqa: E402
from argmine.evaluate import StanceScores  # noqa: E402
from argmine.gold import load_gold_dir  # noqa: E402
from argmine.records import STANCES  # noqa: E402
from argmine.target import load_target  # noqa: E402
from stance_dev import find_anchor  # noqa: E402  (beside this script)


def _nlp(blank: bool):
    if blank:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    from argmine.model import load_base_model

    return load_base_model()


def run(gold_dir: Path, seeds_dir: Path, nlp, settings: Settings, verbose: bool, docs: dict) -> StanceScores:
    target = load_target("integration")
    component = StanceComponent(nlp, target=target, settings=settings)
    total = StanceScores()
    for gold in load_gold_dir(gold_dir):
        text = (seeds_dir / gold.doc).read_text(encoding="utf-8")
        if gold.doc not in docs:
            docs[gold.doc] = nlp(text)
        doc = docs[gold.doc]
        claims, golds = [], []
        for g in gold.claims:
            at, end = find_anchor(text, g.anchor)
            if at < 0:
                print(f"{gold.doc}: anchor not found: {g.anchor[:60]!r}", file=sys.stderr)
                continue
            sent = doc.char_span(at, at + 1, alignment_mode="expand")[0].sent
            last = doc.char_span(end - 1, end, alignment_mode="expand")[-1].sent
            start_char, end_char = sent.start_char, max(sent.end_char, last.end_char)
            # The pipeline reads paragraph by paragraph (and one column of a version
            # table); the blank sentencizer does not, so clip to the anchor's line and cell.
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", end)
            start_char = max(start_char, line_start, text.rfind("|", line_start, at) + 1)
            end_char = min(end_char, line_end if line_end >= 0 else len(text))
            cell_end = text.find("|", end, end_char)
            if cell_end >= 0:
                end_char = cell_end
            while start_char < end_char and text[start_char].isspace():
                start_char += 1
            while end_char > start_char and text[end_char - 1].isspace():
                end_char -= 1
            cue = None
            if g.cue:
                c, c_end = find_anchor(text[start_char:end_char], g.cue)
                if c >= 0:
                    cue = [start_char + c, start_char + c_end]
            claims.append({
                "text": [start_char, end_char], "content": [start_char, end_char], "cue": cue,
                "cue_lemma": None, "source": None, "mode": g.mode, "actor": g.actor, "confidence": 1.0,
            })
            golds.append(g)
        order = sorted(range(len(claims)), key=lambda k: claims[k]["content"][0])
        doc._.claims = [claims[k] for k in order]
        golds = [golds[k] for k in order]
        component(doc)
        scores = StanceScores()
        for g, c in zip(golds, doc._.claims):
            if g.stance_optional:
                continue
            scores.confusion[g.stance][c["stance"]] += 1
            if verbose:
                mark = "  " if g.stance == c["stance"] else "XX"
                own = stance_of(doc.char_span(*c["content"], alignment_mode="expand"), target, anaphora=True)
                print(f"{mark} gold={g.stance:8} pred={c['stance']:8} {c['stance_score']:+.2f} "
                      f"P={own.positive:.2f} N={own.negative:.2f} "
                      f"[{c['stance_basis']}] {c['stance_evidence']} | {text[c['content'][0]:c['content'][1]][:110]!r}")
        total = total + scores
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("/work/shared/gold/seeds"))
    parser.add_argument("--seeds", type=Path, default=REPO / "seeds")
    parser.add_argument("--blank", action="store_true", help="blank English + sentencizer instead of the model")
    parser.add_argument("--no-context", action="store_true", help="switch off topic carry-over and inheritance")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every claim")
    parser.add_argument("--sweep", action="store_true", help="macro-F1 over a grid of thresholds (sensitivity)")
    args = parser.parse_args()
    nlp = _nlp(args.blank)
    docs: dict = {}
    if args.sweep:
        for threshold in (0.1, 0.15, 0.2, 0.25, 0.3):
            row = []
            for mixed_min in (0.05, 0.1, 0.2):
                for mixed_ratio in (0.4, 0.5, 0.6):
                    settings = replace(DEFAULT_SETTINGS, threshold=threshold, mixed_min=mixed_min, mixed_ratio=mixed_ratio)
                    f1 = run(args.gold, args.seeds, nlp, settings, False, docs).macro_f1
                    row.append(f"{f1:.3f}")
            print(f"T={threshold:.2f}  (mixed_min x mixed_ratio: 0.05/.4 .5 .6, 0.1/..., 0.2/...): " + " ".join(row))
        return
    settings = DEFAULT_SETTINGS if not args.no_context else replace(DEFAULT_SETTINGS, inherit_damp=0.0, topic_damp=0.0)
    scores = run(args.gold, args.seeds, nlp, settings, args.verbose, docs)
    print(f"pairs: {scores.pairs}  macro-F1: {scores.macro_f1:.3f}  per label: "
          + ", ".join(f"{k} {v:.2f}" for k, v in scores.per_label_f1.items()))
    print("gold \\ pred " + " ".join(f"{p:>8}" for p in STANCES))
    for g in STANCES:
        print(f"{g:11} " + " ".join(f"{scores.confusion[g][p]:8d}" for p in STANCES))


if __name__ == "__main__":
    main()
