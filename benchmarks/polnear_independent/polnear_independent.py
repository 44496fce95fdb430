#!/usr/bin/env python3
"""Independent scorer: predicted attributions (JSON Lines claim records) against
brat standoff gold (PolNeAR / PARC style), following POLNEAR_SPEC.md.

usage: polnear_independent.py --gold FOLDER --pred FILE.jsonl [--json]

Standard library only (Python 3.11).

Choices where the definition is silent (all reported, none affects the dev self-score):
  * A zero denominator gives 0.0 (precision, recall, F1, accuracies).
  * Prediction records whose "doc" names no gold text are not scored; they are
    counted in "pred_records_unknown_doc".
  * A gold text with no .ann file is scored with zero gold attributions.
  * A prediction whose content is empty still counts as predicted (it can never pair).
  * "content.parts" is used when it is a non-empty list, else content.start..end.
  * An .ann file is assigned to the text NAME when its stem equals NAME or starts
    with NAME + "_"; if several texts qualify, the longest NAME wins.
  * Pairing: maximum cardinality first, then maximum total content overlap among
    maximum-cardinality matchings (exact, via an integer assignment problem);
    Hopcroft-Karp independently checks the cardinality.
"""

import argparse
import json
import os
import sys
from collections import deque

KEPT_MODES = ("direct", "indirect")
ATTRIBUTION_TYPES = ("Attribution", "Attribution-no-source")


# ----------------------------------------------------------------------------- gold

def _positions(fragments):
    out = set()
    for start, end in fragments:
        out.update(range(start, end))
    return frozenset(out)


def parse_ann(ann_text):
    """Parse brat standoff text. Returns (attributions, spans).

    attributions: list of dicts {"source", "cue", "content"} (frozensets of positions),
    only those with non-empty content, in file order.
    spans: {Tid: (label, [(start, end), ...], text)} for diagnostics.
    """
    spans = {}
    events = []
    for raw in ann_text.split("\n"):
        line = raw.rstrip("\r")
        if not line:
            continue
        if line[0] == "T":
            fields = line.split("\t")
            if len(fields) < 2:
                continue
            tid = fields[0]
            head = fields[1]
            label, _, offs = head.partition(" ")
            frags = []
            for piece in offs.split(";"):
                bits = piece.split()
                if len(bits) != 2:
                    continue
                frags.append((int(bits[0]), int(bits[1])))
            text = fields[2] if len(fields) > 2 else ""
            spans[tid] = (label, frags, text)
        elif line[0] == "E":
            fields = line.split("\t")
            if len(fields) < 2:
                continue
            events.append(fields[1].split())
    attributions = []
    for tokens in events:
        if not tokens:
            continue
        etype = tokens[0].split(":", 1)[0]
        if etype not in ATTRIBUTION_TYPES:
            continue
        roles = {"Source": [], "Cue": [], "Content": []}
        for tok in tokens[1:]:
            role, sep, ref = tok.partition(":")
            if not sep:
                continue
            base = role.rstrip("0123456789")  # Content2 -> Content
            if base not in roles:
                continue
            span = spans.get(ref)
            if span is None:  # reference to a non-text-bound annotation
                continue
            roles[base].extend(span[1])
        content = _positions(roles["Content"])
        if not content:
            continue
        attributions.append({
            "source": _positions(roles["Source"]),
            "cue": _positions(roles["Cue"]),
            "content": content,
        })
    return attributions, spans


def _read_text(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def load_gold(folder):
    """Returns {NAME: {"attributions": [...], "ann": path-or-None, "mismatches": int}}."""
    text_dir = os.path.join(folder, "text")
    ann_dir = os.path.join(folder, "attributions")
    if os.path.isdir(text_dir) and os.path.isdir(ann_dir):
        tdir, adir = text_dir, ann_dir
    else:
        tdir = adir = folder
    names = sorted(f[:-4] for f in os.listdir(tdir)
                   if f.endswith(".txt") and os.path.isfile(os.path.join(tdir, f)))
    anns = {n: [] for n in names}
    by_length = sorted(names, key=len, reverse=True)
    for f in sorted(os.listdir(adir)):
        if not f.endswith(".ann") or not os.path.isfile(os.path.join(adir, f)):
            continue
        stem = f[:-4]
        for n in by_length:
            if stem == n or stem.startswith(n + "_"):
                anns[n].append(f)
                break
    gold = {}
    for n in names:
        text = _read_text(os.path.join(tdir, n + ".txt"))
        files = sorted(anns[n])
        entry = {"attributions": [], "ann": None, "mismatches": 0}
        if files:
            path = os.path.join(adir, files[0])
            with open(path, encoding="utf-8", newline="") as fh:
                attrs, spans = parse_ann(fh.read())
            entry["ann"] = path
            entry["attributions"] = attrs
            for label, frags, stext in spans.values():
                got = " ".join(text[s:e] for s, e in frags)
                # brat writes the fragments joined by a space; compare loosely on
                # whitespace because "\r\n" inside a span cannot live on one .ann line
                if " ".join(got.split()) != " ".join(stext.split()):
                    entry["mismatches"] += 1
        gold[n] = entry
    return gold


# ----------------------------------------------------------------------- prediction

def _span_positions(obj):
    if not obj:
        return frozenset()
    return frozenset(range(int(obj["start"]), int(obj["end"])))


def doc_name(doc):
    base = str(doc).replace("\\", "/").rsplit("/", 1)[-1]
    if base.endswith(".txt"):
        base = base[:-4]
    return base


def record_to_attribution(rec):
    content = rec.get("content") or {}
    parts = content.get("parts")
    if isinstance(parts, list) and parts:
        cpos = set()
        for p in parts:
            cpos.update(range(int(p["start"]), int(p["end"])))
        cpos = frozenset(cpos)
    else:
        cpos = _span_positions(content) if "start" in content else frozenset()
    return {"source": _span_positions(rec.get("source")),
            "cue": _span_positions(rec.get("cue")),
            "content": cpos}


def load_predictions(path):
    """Returns ({NAME: [attribution, ...]}, number of kept records)."""
    preds = {}
    kept = 0
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            if rec.get("mode") not in KEPT_MODES:
                continue
            kept += 1
            preds.setdefault(doc_name(rec["doc"]), []).append(record_to_attribution(rec))
    return preds, kept


# ------------------------------------------------------------------------- matching

def hopcroft_karp(n_left, n_right, adj):
    """Maximum matching size; adj[u] = list of right vertices."""
    INF = float("inf")
    match_l = [-1] * n_left
    match_r = [-1] * n_right
    dist = [0] * n_left

    def bfs():
        q = deque()
        found = False
        for u in range(n_left):
            if match_l[u] == -1:
                dist[u] = 0
                q.append(u)
            else:
                dist[u] = INF
        while q:
            u = q.popleft()
            for v in adj[u]:
                w = match_r[v]
                if w == -1:
                    found = True
                elif dist[w] == INF:
                    dist[w] = dist[u] + 1
                    q.append(w)
        return found

    def dfs(u):
        for v in adj[u]:
            w = match_r[v]
            if w == -1 or (dist[w] == dist[u] + 1 and dfs(w)):
                match_l[u] = v
                match_r[v] = u
                return True
        dist[u] = INF
        return False

    size = 0
    sys.setrecursionlimit(max(1000, 4 * (n_left + n_right) + 100))
    while bfs():
        for u in range(n_left):
            if match_l[u] == -1 and dfs(u):
                size += 1
    return size


def _hungarian_min(cost):
    """Min-cost assignment of every row to a distinct column; rows <= columns.
    cost: list of lists of ints. Returns assignment list row -> column."""
    n = len(cost)
    m = len(cost[0]) if n else 0
    INF = float("inf")
    u = [0] * (n + 1)
    v = [0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [INF] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = INF
            j1 = -1
            row = cost[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    assign = [-1] * n
    for j in range(1, m + 1):
        if p[j]:
            assign[p[j] - 1] = j - 1
    return assign


def best_matching(weights):
    """weights: dict {(i, j): overlap size > 0} for allowed pairs (i predicted, j gold).
    Returns list of (i, j): maximum number of pairs, then maximum total overlap."""
    if not weights:
        return []
    # compress to the vertices that have any edge
    left = sorted({i for i, _ in weights})
    right = sorted({j for _, j in weights})
    li = {x: k for k, x in enumerate(left)}
    ri = {x: k for k, x in enumerate(right)}
    big = sum(weights.values()) + 1
    transpose = len(left) > len(right)
    rows, cols = (right, left) if transpose else (left, right)
    cost = [[0] * len(cols) for _ in rows]
    for (i, j), w in weights.items():
        a, b = li[i], ri[j]
        if transpose:
            a, b = b, a
        cost[a][b] = -(big + w)
    assign = _hungarian_min(cost)
    pairs = []
    for r, c in enumerate(assign):
        if c < 0 or cost[r][c] == 0:
            continue
        if transpose:
            pairs.append((left[c], right[r]))
        else:
            pairs.append((left[r], right[c]))
    # independent check of the cardinality
    adj = [[] for _ in left]
    for (i, j) in weights:
        adj[li[i]].append(ri[j])
    hk = hopcroft_karp(len(left), len(right), adj)
    if hk != len(pairs):
        raise AssertionError("matching size mismatch: hungarian %d, hopcroft-karp %d"
                             % (len(pairs), hk))
    return sorted(pairs)


def agree(a, b):
    """Both empty, or intersecting."""
    if not a and not b:
        return True
    return not a.isdisjoint(b)


def score_document(pred, gold):
    content_w = {}
    whole_w = {}
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = len(p["content"] & g["content"])
            if ov:
                content_w[(i, j)] = ov
                if agree(p["source"], g["source"]):
                    whole_w[(i, j)] = ov
    cpairs = best_matching(content_w)
    wpairs = best_matching(whole_w)
    return {
        "predicted": len(pred),
        "gold": len(gold),
        "content_pairs": len(cpairs),
        "whole_pairs": len(wpairs),
        "source_agree": sum(agree(pred[i]["source"], gold[j]["source"]) for i, j in cpairs),
        "cue_agree": sum(agree(pred[i]["cue"], gold[j]["cue"]) for i, j in cpairs),
    }


# -------------------------------------------------------------------------- totals

def _div(a, b):
    return a / b if b else 0.0


def _prf(pairs, predicted, gold):
    p = _div(pairs, predicted)
    r = _div(pairs, gold)
    return {"precision": p, "recall": r, "f1": _div(2 * p * r, p + r),
            "pairs": pairs, "predicted": predicted, "gold": gold}


def score(gold_folder, pred_path):
    gold = load_gold(gold_folder)
    preds, kept = load_predictions(pred_path)
    keys = ("predicted", "gold", "content_pairs", "whole_pairs", "source_agree", "cue_agree")
    tot = dict.fromkeys(keys, 0)
    per_doc = {}
    for name in sorted(gold):
        d = score_document(preds.get(name, []), gold[name]["attributions"])
        per_doc[name] = d
        for k in keys:
            tot[k] += d[k]
    unknown = sorted(n for n in preds if n not in gold)
    return {
        "content_overlap": _prf(tot["content_pairs"], tot["predicted"], tot["gold"]),
        "attribution_overlap": _prf(tot["whole_pairs"], tot["predicted"], tot["gold"]),
        "source_accuracy_on_matched": {
            "accuracy": _div(tot["source_agree"], tot["content_pairs"]),
            "agree": tot["source_agree"], "pairs": tot["content_pairs"]},
        "cue_accuracy_on_matched": {
            "accuracy": _div(tot["cue_agree"], tot["content_pairs"]),
            "agree": tot["cue_agree"], "pairs": tot["content_pairs"]},
        "counts": {
            "documents": len(gold),
            "documents_with_ann": sum(1 for g in gold.values() if g["ann"]),
            "gold_attributions": tot["gold"],
            "predicted_attributions": tot["predicted"],
            "pred_records_kept": kept,
            "pred_records_unknown_doc": sum(len(preds[n]) for n in unknown),
            "pred_unknown_docs": unknown,
            "gold_span_text_mismatches": sum(g["mismatches"] for g in gold.values()),
        },
        "per_document": per_doc,
    }


def format_text(res):
    out = []
    for key, title in (("content_overlap", "content overlap"),
                       ("attribution_overlap", "whole-attribution overlap")):
        r = res[key]
        out.append("%-26s P %.4f  R %.4f  F1 %.4f  (pairs %d, predicted %d, gold %d)"
                   % (title, r["precision"], r["recall"], r["f1"],
                      r["pairs"], r["predicted"], r["gold"]))
    for key, title in (("source_accuracy_on_matched", "source accuracy (matched)"),
                       ("cue_accuracy_on_matched", "cue accuracy (matched)")):
        r = res[key]
        out.append("%-26s %.4f  (%d / %d)" % (title, r["accuracy"], r["agree"], r["pairs"]))
    c = res["counts"]
    out.append("documents %d (with .ann %d), gold %d, predicted %d, "
               "prediction records for unknown docs %d, gold span/text mismatches %d"
               % (c["documents"], c["documents_with_ann"], c["gold_attributions"],
                  c["predicted_attributions"], c["pred_records_unknown_doc"],
                  c["gold_span_text_mismatches"]))
    return "\n".join(out)


# ----------------------------------------------------------- gold as prediction (tests)

def gold_as_records(gold_folder):
    """Turn the gold of a folder into prediction records (used for self-scoring)."""
    gold = load_gold(gold_folder)
    recs = []

    def span(pos):
        return {"start": min(pos), "end": max(pos) + 1} if pos else None

    def runs(pos):
        s = sorted(pos)
        parts = []
        for x in s:
            if parts and parts[-1]["end"] == x:
                parts[-1]["end"] = x + 1
            else:
                parts.append({"start": x, "end": x + 1})
        return parts

    for name in sorted(gold):
        for a in gold[name]["attributions"]:
            c = span(a["content"])
            c["parts"] = runs(a["content"])
            recs.append({"doc": name + ".txt", "mode": "indirect", "content": c,
                         "source": span(a["source"]), "cue": span(a["cue"])})
    return recs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", required=True, help="gold corpus folder")
    ap.add_argument("--pred", required=True, help="prediction JSON Lines file")
    ap.add_argument("--json", action="store_true", help="print JSON")
    ap.add_argument("--per-doc", action="store_true", help="include per-document counts in JSON")
    args = ap.parse_args(argv)
    res = score(args.gold, args.pred)
    if args.json:
        if not args.per_doc:
            res = {k: v for k, v in res.items() if k != "per_document"}
        print(json.dumps(res, indent=2, sort_keys=True))
    else:
        print(format_text(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
