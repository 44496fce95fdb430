#!/usr/bin/env bash
# Scaling of `extract` on one many-core machine: --jobs and --engine dask (a local
# cluster) at 1, 2, 4, 8 and 16 workers over one corpus, each run on a fresh store,
# with a check that every run gives the same claims (sorted JSON Lines, byte for byte).
# Writes a markdown table to $OUT/scaling.md (and the raw timings to $OUT/scaling.tsv).
#
# Prepared for a machine with no network: install from wheels built beforehand with
# benchmarks/build_wheels.sh (into .whl/), and a corpus built beforehand with
# benchmarks/corpus.py (the treebanks it reads need not travel):
#
#     python benchmarks/corpus.py bench-corpus --docs 1000 --corpora ../shared/corpora
#     benchmarks/build_wheels.sh
#     OUT=/tmp/out CORPUS=bench-corpus benchmarks/scaling.sh          # 1 2 4 8 16
#     OUT=/tmp/out CORPUS=bench-corpus WORKERS="1 2" benchmarks/scaling.sh
#
# On the device machine (no network; carry is 64 MiB a call, and a warm machine keeps what
# earlier calls carried): carry .whl/part1 in one call, .whl/part2 in the next, and
# .whl/part3 with bench-corpus in the one that runs this script.
#
# Environment: CORPUS (folder of articles; built here from $CORPORA when missing),
# DOCS (articles when building, default 1000), WORKERS, OUT, WHEELS (default .whl;
# empty: use the argmine already on PATH), PYTHON (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
OUT="${OUT:-$REPO/scaling-out}"
WORKERS="${WORKERS:-1 2 4 8 16}"
DOCS="${DOCS:-1000}"
CORPUS="${CORPUS:-$REPO/bench-corpus}"
WHEELS="${WHEELS-$REPO/.whl}"
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/argmine-scaling.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1  # one core per worker

if [ -n "$WHEELS" ]; then
    # --system-site-packages: what the machine already has (numpy, say) need not travel.
    "$PYTHON" -m venv --system-site-packages "$WORK/venv"
    LINKS=()
    for folder in "$WHEELS" "$WHEELS"/part*; do [ -d "$folder" ] && LINKS+=(--find-links "$folder"); done
    "$WORK/venv/bin/python" -m pip install -q --no-index "${LINKS[@]}" 'argmine[dask]'
    ARGMINE="$WORK/venv/bin/argmine"
    PY="$WORK/venv/bin/python"
else
    ARGMINE="$(command -v argmine)"
    PY="$PYTHON"
fi
if [ ! -d "$CORPUS" ]; then
    "$PY" benchmarks/corpus.py "$CORPUS" --docs "$DOCS" ${CORPORA:+--corpora "$CORPORA"}
fi
ARTICLES="$(find "$CORPUS" -type f | wc -l)"
WORDS="$(cat $(find "$CORPUS" -type f) | wc -w)"
CPUS="$("$PY" -c 'import os; print(len(os.sched_getaffinity(0)))')"

# One untimed run loads the model files into the page cache and checks the install.
"$ARGMINE" extract "$CORPUS" --store "$WORK/warm.db" -f jsonl -o "$WORK/warm.jsonl" 2>/dev/null || true

run() {  # run NAME WORKERS ENGINE-ARGS... : one timed extract on a fresh store
    local name="$1" workers="$2"; shift 2
    local start end
    start="$(date +%s.%N)"
    "$ARGMINE" extract "$CORPUS" --jobs "$workers" "$@" --store "$WORK/$name.db" -f jsonl -o "$WORK/$name.jsonl" 2>"$WORK/$name.err" \
        || { echo "$name failed:" >&2; tail -5 "$WORK/$name.err" >&2; }
    end="$(date +%s.%N)"
    printf '%s\t%s\t%s\t%s\n' "$name" "$workers" "$("$PY" -c "print(f'{$end - $start:.2f}')")" \
        "$(sort "$WORK/$name.jsonl" | md5sum | cut -c1-12)" >> "$OUT/scaling.tsv"
}

: > "$OUT/scaling.tsv"
for n in $WORKERS; do
    echo "workers $n: --jobs" >&2; run "jobs$n" "$n"
    echo "workers $n: --engine dask" >&2; run "dask$n" "$n" --engine dask
done

"$PY" - "$OUT/scaling.tsv" "$ARTICLES" "$WORDS" "$CPUS" > "$OUT/scaling.md" <<'PYEOF'
import sys
rows = [line.split("\t") for line in open(sys.argv[1]).read().splitlines()]
articles, words, cpus = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
runs = {name: (int(w), float(s), digest) for name, w, s, digest in rows}
base = {kind: runs[f"{kind}1"][1] for kind in ("jobs", "dask") if f"{kind}1" in runs}
digests = {digest for _, _, digest in runs.values()}
print(f"# extract scaling: {articles} articles, {words:,} words, {cpus} CPUs\n")
print("| workers | `--jobs` wall s | docs/s | speed-up | `--engine dask` wall s | docs/s | speed-up |")
print("|---|---|---|---|---|---|---|")
for w in sorted({w for w, _, _ in runs.values()}):
    cells = [str(w)]
    for kind in ("jobs", "dask"):
        r = runs.get(f"{kind}{w}")
        if r is None:
            cells += ["", "", ""]
            continue
        cells += [f"{r[1]:.1f}", f"{articles / r[1]:.1f}", f"{base[kind] / r[1]:.2f}x" if kind in base else ""]
    print("| " + " | ".join(cells) + " |")
same = "yes" if len(digests) == 1 else f"NO ({len(digests)} different outputs)"
print(f"\nWall time of the whole command (start-up, model loading, a local cluster's start for Dask), "
      f"fresh store each run. Same claims in every run (sorted JSON Lines): {same}.")
PYEOF
cat "$OUT/scaling.md"
