"""Turn the team's labelled documents (training/stance_data/documents) into stance training rows.

    python -m training.stance_documents [--source DIR] [--out FILE]

The documents' annotation gives each claim sentence its target and label; the
training format (``train_stance``'s, ``../shared/stance``'s) also wants the
substring that names the target and whether it names the target or its
opposite. That mention is the longest of the target's ``terms`` / ``opposite``
found in the sentence (whole word start, any inflection); most claims name
neither, which is the point of these documents. Deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / "stance_data" / "documents"
DEFAULT_OUT = HERE / "stance_data" / "documents.jsonl"


def find_mention(text: str, terms: list[str], opposite: list[str]) -> tuple[str, str] | None:
    """(substring, role) of the longest target or opposite term in the text, if any."""
    best: tuple[int, str, str] | None = None
    for role, words in (("target", terms), ("opposite", opposite)):
        for term in words:
            found = re.search(r"\b" + re.escape(term) + r"\w*", text, re.IGNORECASE)
            if found and (best is None or len(term) > best[0]):
                best = (len(term), found.group(0), role)
    return (best[1], best[2]) if best else None


def training_rows(source: Path) -> list[dict]:
    targets = {t["target"]: t for t in map(json.loads, (source / "targets.jsonl").read_text(encoding="utf-8").splitlines())}
    rows = []
    for k, line in enumerate((source / "claims.jsonl").read_text(encoding="utf-8").splitlines()):
        claim = json.loads(line)
        target = targets[claim["target"]]
        row = {"id": f"doc{k + 1:04d}", "text": claim["text"], "target": claim["target"],
               "target_description": target["description"], "stance": claim["label"],
               "genre": claim["doc"].split(".")[0]}
        mention = find_mention(claim["text"], target["terms"], target.get("opposite", []))
        if mention:
            row["mention"], row["mention_role"] = mention
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = training_rows(args.source)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {args.out}: {len(rows)} claims, {sum('mention' in r for r in rows)} naming the target")


if __name__ == "__main__":
    main()
