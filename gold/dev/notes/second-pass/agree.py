import json, collections, csv, sys
keys = {json.loads(l)["n"]: json.loads(l)["key"] for l in open("keys.jsonl")}
second = {}
notes = {}
for line in open("labels.tsv"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) < 2 or not parts[0].strip().isdigit(): continue
    second[int(parts[0])] = parts[1].strip(); notes[int(parts[0])] = parts[2].strip() if len(parts) > 2 else ""
gold = {}
for key in keys.values():
    doc, i = key.rsplit("#", 1)
    gold.setdefault(doc, None)
import glob
golds = {}
for g in glob.glob("/work/main/gold/dev/*.json"):
    d = json.load(open(g)); golds[d["doc"]] = d
L = ["support", "oppose", "mixed", "neutral"]
def kappa(pairs):
    n = len(pairs); po = sum(a == b for a, b in pairs) / n
    ca = collections.Counter(a for a, _ in pairs); cb = collections.Counter(b for _, b in pairs)
    pe = sum(ca[l] * cb[l] for l in L) / n / n
    return po, (po - pe) / (1 - pe)
rows = []
for n, key in keys.items():
    doc, i = key.rsplit("#", 1); c = golds[doc]["claims"][int(i)]
    rows.append((n, doc, int(i), c, second[n], notes[n]))
sets = {
 "all": [(r[3]["stance"], r[4]) for r in rows],
 "required": [(r[3]["stance"], r[4]) for r in rows if not r[3].get("optional")],
 "required, not stance_optional (first pass)": [(r[3]["stance"], r[4]) for r in rows if not r[3].get("optional") and not r[3].get("stance_optional")],
}
for name, pairs in sets.items():
    po, k = kappa(pairs); print(f"{name}: n={len(pairs)} accuracy {po:.3f} kappa {k:.3f}")
conf = collections.Counter((r[3]["stance"], r[4]) for r in rows if not r[3].get("optional"))
print("confusion (first rows x second cols) required:")
for a in L: print(a, [conf[(a, b)] for b in L])
bytarget = collections.defaultdict(list)
for r in rows:
    if not r[3].get("optional"): bytarget[golds[r[1]]["target"]].append((r[3]["stance"], r[4]))
for t, p in sorted(bytarget.items()):
    po, k = kappa(p); print(f"  {t}: n={len(p)} acc {po:.3f} kappa {k:.3f}")
json.dump([{"doc": r[1], "i": r[2], "first": r[3]["stance"], "second": r[4], "note": r[5]} for r in rows], open("pairs.json", "w"), indent=0)
