"""Benchmark the shipped base model: size on disk, load time, throughput on one core.

    python benchmarks/bench_model.py [--model DIR] [--corpora ../shared/corpora] [--cpu N]

Throughput is measured with ``nlp.pipe`` over held-out text (the raw text of the EWT and
GUM *test* splits, one document per source document, paragraphs separated by blank lines),
on one thread: a fifth of the documents warm the model up, the rest are timed once with
cold caches (as a user's new articles are) and then again with warm ones (median). The
model is loaded as argmine loads it (`argmine.model.index_lemma_tables`). A per-component
breakdown shows what each pipe costs. Prints Markdown.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_var] = "1"  # one core, set before numpy loads

import argparse  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = REPO.parent / "shared" / "corpora"
OPEN_GUM_GENRES = {"academic", "bio", "conversation", "court", "interview", "news",
                   "speech", "textbook", "vlog", "voyage"}


def held_out_texts(corpora: Path) -> list[str]:
    """Raw text of the test splits, one string per source document."""
    files = [corpora / "UD_English-EWT" / "en_ewt-ud-test.conllu",
             corpora / "UD_English-GUM" / "en_gum-ud-test.conllu"]
    texts: list[str] = []
    for path in files:
        doc_id, paragraphs = None, []
        for line in path.read_text(encoding="utf8").splitlines():
            if line.startswith("# newdoc id"):
                if paragraphs:
                    texts.append("\n\n".join(" ".join(p) for p in paragraphs))
                doc_id = line.split("=", 1)[1].strip()
                paragraphs = []
                keep = not doc_id.startswith("GUM_") or doc_id.split("_")[1] in OPEN_GUM_GENRES
            elif line.startswith("# newpar") and keep:
                paragraphs.append([])
            elif line.startswith("# text =") and keep:
                if not paragraphs:
                    paragraphs.append([])
                paragraphs[-1].append(line.split("=", 1)[1].strip())
        if paragraphs:
            texts.append("\n\n".join(" ".join(p) for p in paragraphs if p))
    return [t for t in texts if t]


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def load_times(model: Path, repeats: int = 3) -> tuple[float, float]:
    """Median seconds for `import spacy` and for `spacy.load` in fresh processes."""
    code = ("import time; t0 = time.perf_counter(); import spacy; t1 = time.perf_counter(); "
            f"spacy.load({str(model)!r}); t2 = time.perf_counter(); print(t1 - t0, t2 - t1)")
    imports, loads = [], []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env=os.environ.copy()).stdout.split()
        imports.append(float(out[0]))
        loads.append(float(out[1]))
    return statistics.median(imports), statistics.median(loads)


def throughput(nlp, texts: list[str], repeats: int = 3) -> dict[str, float]:
    """nlp.pipe over held-out text on one thread: words, and CPU and wall seconds of
    a first pass (texts the process has not seen: its caches of word forms and lemmas
    are cold, as for a user's new articles) and of repeated passes (median; caches warm).

    A fifth of the documents warm the model up (first-call costs) and are not timed.
    """
    cut = max(1, len(texts) // 5)
    warm, timed = texts[:cut], texts[cut:]
    for _doc in nlp.pipe(warm):
        pass
    words = sum(len(text.split()) for text in timed)

    def one_pass() -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe(timed):
            pass
        return time.perf_counter() - wall, time.process_time() - cpu

    first_wall, first_cpu = one_pass()
    again = [one_pass() for _ in range(repeats)]
    return {"words": words, "first_wall": first_wall, "first_cpu": first_cpu,
            "warm_wall": statistics.median(w for w, _ in again), "warm_cpu": statistics.median(c for _, c in again)}


def component_times(nlp, texts: list[str]) -> list[tuple[str, float]]:
    """CPU seconds each component takes over texts (after warm-up), tokenizer included."""
    start = time.process_time()
    docs = list(nlp.tokenizer.pipe(texts))
    out = [("tokenizer", time.process_time() - start)]
    for name, proc in nlp.pipeline:
        start = time.process_time()
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        out.append((name, time.process_time() - start))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--cpu", type=int, default=None, help="pin to this core")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})

    sys.path.insert(0, str(REPO))
    from argmine.model import model_path

    model = args.model or model_path()
    if not (args.corpora / "UD_English-EWT").is_dir():
        sys.exit(f"held-out text not found under {args.corpora} (use --corpora)")
    texts = held_out_texts(args.corpora)

    import spacy

    from argmine.model import index_lemma_tables

    imp, load = load_times(model)
    nlp = spacy.load(model)
    index_lemma_tables(nlp)  # as argmine.model loads it
    speed = throughput(nlp, texts, args.repeats)
    parts = component_times(nlp, texts)

    print(f"Model: `{model}` (pipes: {', '.join(nlp.pipe_names)})\n")
    print("| measure | value |\n|---|---|")
    print(f"| size on disk | {dir_size(model) / 1e6:.1f} MB |")
    print(f"| `spacy.load` time (fresh process, median of 3) | {load:.2f} s |")
    print(f"| `import spacy` time (same processes) | {imp:.2f} s |")
    words = speed["words"]
    print(f"| held-out text | {len(texts)} documents (EWT test + GUM test, open genres); "
          f"the first fifth warms up, {words:,} words timed |")
    print(f"| throughput, first pass (cold caches, like new articles), CPU time | "
          f"{words / speed['first_cpu']:,.0f} words/s |")
    print(f"| throughput, repeated pass (warm caches), CPU time, median of {args.repeats} | "
          f"{words / speed['warm_cpu']:,.0f} words/s |")
    print(f"| same two, wall-clock time (includes waiting for a shared core) | "
          f"{words / speed['first_wall']:,.0f} / {words / speed['warm_wall']:,.0f} words/s |")
    print(f"| load average during the run | {os.getloadavg()[0]:.2f} |")
    total = sum(t for _, t in parts)
    print("\n| component | CPU seconds | share |\n|---|---|---|")
    for name, t in parts:
        print(f"| {name} | {t:.2f} | {t / total:.0%} |")


if __name__ == "__main__":
    main()
