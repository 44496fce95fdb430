"""Build the blind second-pass stance sheet from the three writers' gold (first labels hidden)."""
import json, random, re, unicodedata, glob, os
INTEGRATION = ("integration of health and social care in England: joined-up / collaborative care, and the "
  "instruments that realise it (integrated care systems and boards, STPs, ACOs and accountable care, vanguards "
  "and new care models, trust mergers, group models and shared leadership, devolution of health and care budgets, "
  "pooled budgets and the Better Care Fund, joint working between the NHS and councils). Support = argues for "
  "integration / collaboration / these instruments, or against fragmentation and competition; oppose = argues "
  "against them or is sceptical of them; mixed = both; neutral = no evaluative position toward the target.")
def norm(s):
    s = unicodedata.normalize("NFKC", s).replace("\u2018","'").replace("\u2019","'").replace("\u201c",'"').replace("\u201d",'"').replace("\u00a0"," ")
    return re.sub(r"\s+"," ",s).strip()
targets = {"integration": INTEGRATION}
for t in glob.glob("w3/targets/*.json"):
    d = json.load(open(t)); targets[d["name"]] = d["description"]
items = []
for g in sorted(glob.glob("w[123]/*.json")):
    gold = json.load(open(g)); w = g.split("/")[0]
    text = open(f"{w}/texts/{gold['doc']}", encoding="utf-8").read()
    paras = [norm(p) for p in re.split(r"\n\s*\n", text) if p.strip()]
    names = {a["id"]: a["name"] for a in gold["actors"]}
    for i, c in enumerate(gold["claims"]):
        a = norm(c["anchor"]).lower()
        para = next((p for p in paras if a in p.lower()), None)
        if para is None:  # hard-wrapped: search the whole text
            flat = norm(text); k = flat.lower().find(a); para = flat[max(0,k-400):k+len(a)+400]
        k = para.lower().find(a)
        marked = para[:k] + "[[" + para[k:k+len(a)] + "]]" + para[k+len(a):]
        if len(marked) > 1500:
            s = max(0, k-600); marked = "…" + marked[s:k+len(a)+700] + "…"
        items.append({"key": f"{gold['doc']}#{i}", "speaker": names.get(c["actor"], c["actor"]),
                      "target": gold["target"], "passage": marked})
random.Random(11).shuffle(items)
os.makedirs("secondpass/sheet", exist_ok=True)
with open("secondpass/sheet/items.jsonl","w") as f:
    for n, it in enumerate(items):
        f.write(json.dumps({"n": n, **{k: v for k, v in it.items() if k != "key"}}, ensure_ascii=False)+"\n")
with open("secondpass/keys.jsonl","w") as f:
    for n, it in enumerate(items): f.write(json.dumps({"n": n, "key": it["key"]})+"\n")
json.dump(targets, open("secondpass/sheet/targets.json","w"), indent=1, ensure_ascii=False)
print(len(items), "items")
