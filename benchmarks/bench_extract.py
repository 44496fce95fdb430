"""argmine's speed, scaling and memory, measured side by side in one run (issue 6).

    python benchmarks/bench_extract.py                 # 1,000 articles; writes benchmarks/RESULTS.md
    python benchmarks/bench_extract.py --quick         # smoke run: 60 articles, prints only
    python benchmarks/bench_extract.py --docs 2000 --results /tmp/r.md

What it measures, on a corpus of N news-like articles built from the running
text of the UD English treebanks (``benchmarks/corpus.py``; written to a
temporary folder, never into the repository):

1. Throughput, warm, in one process each: the bare base model's ``nlp.pipe``
   over the files' texts, against ``argmine extract DIR --jobs 1`` through the
   real CLI (Typer, ingest, cache, pipeline, store, JSONL output to a file)
   with a fresh store. Each process first runs the same code over separate
   warm-up articles. words/s counts whitespace-delimited words of the files,
   the same number for both, so the ratio is a ratio of times.
2. Where argmine's time goes: in the same warm process, ingest alone, each
   pipeline component, building records, the store and the output, each timed
   on its own over the whole corpus.
3. End to end, as a user runs it, each in a fresh process: ``extract --jobs 1``
   and ``--jobs 2`` with fresh stores; the ``--jobs 1`` command again on its
   store (the cached re-run); ``extract --jobs 1`` on the first 100 articles.
   Wall time, CPU time and peak RSS come from ``os.wait4`` on the process
   (peak RSS: the largest single process, workers included).
4. Start-up of ``argmine --help`` and ``argmine who-said`` (the most quoted
   person, from the store the 1,000-article run left): median of several
   fresh processes.

Timings are only valid on an otherwise idle machine: the script samples
/proc before and after and refuses to write ``benchmarks/RESULTS.md`` when
another process is busy (``--allow-busy`` writes anyway, with a warning on
top). Every process runs with one BLAS thread, so ``--jobs N`` means N cores.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_var] = "1"  # one core per process, set before numpy loads anywhere

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import shutil  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import asdict, dataclass, field  # noqa: E402
from datetime import datetime, timezone  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Optional  # noqa: E402

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

from corpus import DEFAULT_CORPORA, OPEN_GUM_GENRES, build_corpus, write_corpus  # noqa: E402

DEFAULT_RESULTS = BENCH_DIR / "RESULTS.md"
TARGETS = {
    "ratio": 0.75,  # argmine's words/s over the bare model's
    "jobs": 1.6,  # --jobs 2 speed-up over --jobs 1
    "cached": 20.0,  # first run over cached re-run
    "rss_mb": 600.0,  # peak RSS, 1,000 documents
    "rss_growth": 1.10,  # "flat": 1,000 documents may use at most 10% more than 100
    "startup_s": 0.5,  # median wall time of a query command
}
BUSY_SHARE = 0.2  # another process using this share of a core makes the machine busy

#: The CLI as its console script runs it, in a fresh interpreter; says on stderr
#: whether spaCy got imported (a cached re-run and a query must not need it).
LAUNCHER = """
import sys
from argmine.cli import app
if __name__ == "__main__":  # --jobs workers (spawn) import this file again
    code = 0
    try:
        app(sys.argv[1:], prog_name="argmine")
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    sys.stderr.write("\\nBENCH spacy=%d\\n" % ("spacy" in sys.modules))
    sys.exit(code)
"""


# --------------------------------------------------------------------------- processes


@dataclass
class ProcessRun:
    """One fresh process: wall and CPU seconds, peak RSS (MB), exit code, whether spaCy loaded."""

    wall_s: float
    cpu_s: float
    rss_mb: float
    code: int
    spacy: bool
    stderr_tail: str = ""


#: Runs a command and reports its wall time and its rusage. The measured process is
#: forked from this small interpreter, not from the benchmark (whose own memory a
#: forked child's peak RSS would start from).
SHIM = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.call(sys.argv[2:])
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as out:
    json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss, "code": code}, out)
"""


def run_process(args: list[str], *, env: dict[str, str], cwd: Path) -> ProcessRun:
    """Run a command to the end in a fresh process; wall and CPU time, peak RSS (the largest
    of the process and the children it waited for, e.g. --jobs workers)."""
    with tempfile.TemporaryDirectory() as folder:
        report, err_path = Path(folder) / "usage.json", Path(folder) / "stderr"
        with err_path.open("w", encoding="utf-8") as err:
            subprocess.run(
                [sys.executable, "-c", SHIM, str(report), *args],
                env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, check=True,
            )
        usage = json.loads(report.read_text(encoding="utf-8"))
        text = err_path.read_text(encoding="utf-8", errors="replace")
    return ProcessRun(
        wall_s=usage["wall"],
        cpu_s=usage["cpu"],
        rss_mb=usage["maxrss_kb"] / 1024,  # KiB on Linux
        code=usage["code"],
        spacy="BENCH spacy=1" in text,
        stderr_tail=text[-2000:],
    )


def child_env(model: Optional[Path]) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    for name in ("ARGMINE_STORE", "ARGMINE_RAISE_ERRORS", "ARGMINE_STORE_TIMEOUT"):
        env.pop(name, None)
    if model is not None:
        env["ARGMINE_MODEL"] = str(model)
    return env


def run_cli(args: list[str], *, env: dict[str, str], cwd: Path, launcher: Path) -> ProcessRun:
    run = run_process([sys.executable, str(launcher), *args], env=env, cwd=cwd)
    if run.code != 0:
        raise RuntimeError(f"argmine {' '.join(args)} exited {run.code}:\n{run.stderr_tail}")
    return run


def run_child(kind: str, spec: dict[str, Any], *, env: dict[str, str], work: Path) -> dict[str, Any]:
    """Run one of this script's in-process measurements (--child) in a fresh interpreter."""
    spec_file = work / f"{kind}-spec.json"
    result_file = work / f"{kind}-result.json"
    spec_file.write_text(json.dumps({**spec, "result": str(result_file)}), encoding="utf-8")
    run = run_process([sys.executable, __file__, "--child", kind, str(spec_file)], env=env, cwd=work)
    if run.code != 0:
        raise RuntimeError(f"the {kind} measurement failed (exit {run.code}):\n{run.stderr_tail}")
    result = json.loads(result_file.read_text(encoding="utf-8"))
    result["process"] = asdict(run)
    return result


# --------------------------------------------------------------------------- in-process measurements


def _files(folder: str) -> list[Path]:
    return sorted(Path(folder).glob("*.txt"))


def child_bare(spec: dict[str, Any]) -> dict[str, Any]:
    """The bare base model: load, warm up, then one timed nlp.pipe pass over the corpus.

    One pass per process: a second pass over the same texts would find spaCy's caches
    (tokenizer, lemmatizer) full of them, which argmine's single pass never does.
    """
    from argmine.model import load_base_model

    started = time.perf_counter()
    nlp = load_base_model()
    load_s = time.perf_counter() - started
    batch_size = spec.get("batch_size") or nlp.batch_size
    for _doc in nlp.pipe([p.read_text(encoding="utf-8") for p in _files(spec["warmup"])], batch_size=batch_size):
        pass
    started, cpu = time.perf_counter(), time.process_time()
    texts = [p.read_text(encoding="utf-8") for p in _files(spec["corpus"])]
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "load_s": load_s,
        "seconds": seconds,
        "cpu_s": cpu,
        "batch_size": batch_size,
        "default": not spec.get("batch_size"),
        "pipes": list(nlp.pipe_names),
    }


def _cli_in_process(args: list[str]) -> None:
    from argmine.cli import app

    try:
        app(args, prog_name="argmine")
    except SystemExit as stop:
        if stop.code not in (0, None):
            raise RuntimeError(f"argmine {' '.join(args)} exited {stop.code}") from None


def _warm_up_argmine(spec: dict[str, Any], work: Path, name: str) -> float:
    """`argmine extract` over the warm-up articles (loads the pipeline, fills its first caches)."""
    started = time.perf_counter()
    _cli_in_process(
        ["extract", spec["warmup"], "--store", str(work / f"{name}.db"), "-o", str(work / f"{name}.jsonl"),
         "--jobs", "1", "-f", "jsonl"]
    )
    return time.perf_counter() - started


def child_argmine(spec: dict[str, Any]) -> dict[str, Any]:
    """`argmine extract` through the CLI in this process: a warm-up run, then the timed run."""
    work = Path(spec["work"])
    common = ["--jobs", "1", "-f", "jsonl"]
    warm_s = _warm_up_argmine(spec, work, "warm")
    started, cpu = time.perf_counter(), time.process_time()
    _cli_in_process(["extract", spec["corpus"], "--store", str(work / "timed.db"), "-o", str(work / "timed.jsonl"), *common])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    claims = sum(1 for _ in (work / "timed.jsonl").open(encoding="utf-8"))
    return {"warmup_s": warm_s, "seconds": seconds, "cpu_s": cpu, "claims": claims}


def child_stages(spec: dict[str, Any]) -> dict[str, Any]:
    """Each stage of extract on its own, in a process warmed up exactly as `child_argmine`'s
    (not after the timed run: the words' caches would then already hold the corpus)."""
    work = Path(spec["work"])
    _warm_up_argmine(spec, work, "warm-stages")
    return {"stages": stage_times(spec, work)}


def stage_times(spec: dict[str, Any], work: Path) -> list[tuple[str, float]]:
    """Seconds of each stage of extract over the whole corpus, each timed on its own (warm)."""
    import io

    from argmine import pipeline
    from argmine.ingest import iter_articles
    from argmine.output import OutputFormat, write_records
    from argmine.runner import target_key
    from argmine.store import ExtractionKey, Store
    from argmine.target import resolve_target

    stages: list[tuple[str, float]] = []

    def timed(name: str, started: float) -> None:
        # CPU seconds: on one thread they are the wall time a free core would give,
        # and other load on the machine barely moves them.
        stages.append((name, time.process_time() - started))

    started = time.process_time()
    articles = [a for a in iter_articles([Path(spec["corpus"])]) if hasattr(a, "document")]
    timed("ingest (read, decode, segment)", started)

    stance_target = resolve_target(None)
    nlp = pipeline.load_pipeline(stance_target)
    target_name = stance_target.name
    # Batches as the runner makes them, each dropped once its records are built:
    # parsed Docs of a whole corpus would not fit in memory.
    prepare_s, build_s = 0.0, 0.0
    component_s = {name: 0.0 for name in nlp.pipe_names}
    results = []
    for batch in runner_batches(articles, spec["argmine_batch"], spec.get("argmine_batch_chars")):
        started = time.process_time()
        views = [a.view("latest") for a in batch]
        docs = [pipeline.prepare_doc(nlp, a, v) for a, v in zip(batch, views)]
        prepare_s += time.process_time() - started
        for name, proc in nlp.pipeline:
            started = time.process_time()
            if hasattr(proc, "pipe"):
                try:
                    docs = list(proc.pipe(docs, batch_size=len(docs)))
                except TypeError:
                    docs = list(proc.pipe(docs))
            else:
                docs = [proc(doc) for doc in docs]
            component_s[name] += time.process_time() - started
        started = time.process_time()
        results += [pipeline.build_result(a, v, d, target_name) for a, v, d in zip(batch, views, docs)]
        build_s += time.process_time() - started
    stages.append(("analysis view + tokenizer + actor registry (prepare_doc)", prepare_s))
    stages += [(f"component {name}", t) for name, t in component_s.items()]
    stages.append(("claim records (build_result)", build_s))

    version = pipeline.pipeline_version(stance_target)
    target = target_key(stance_target)
    started = time.process_time()
    with Store(work / "stages.db") as store:
        for r in results:
            key = ExtractionKey(r.document.sha256, version, "latest", target)
            store.save(key, r, source=os.path.abspath(r.document.path))
    timed("store: save", started)
    started = time.process_time()
    with Store(work / "stages.db") as store:
        for r in results:
            key = ExtractionKey(r.document.sha256, version, "latest", target)
            store.reuse(key, doc=r.document.doc, path=r.document.path, source=os.path.abspath(r.document.path))
    timed("store: reuse (what a cached re-run reads)", started)
    started = time.process_time()
    groups = list(results)
    write_records(groups, OutputFormat.jsonl, io.StringIO())
    timed("output: JSONL", started)
    return stages


def runner_batches(articles: list[Any], size: int, max_chars: Optional[int]) -> list[list[Any]]:
    """Articles grouped as `ExtractRun` groups them with --jobs 1 (count, and text length if capped)."""
    batches: list[list[Any]] = [[]]
    chars = 0
    for article in articles:
        if batches[-1] and max_chars and chars + len(article.text) > max_chars:
            batches.append([])
            chars = 0
        batches[-1].append(article)
        chars += len(article.text)
        if len(batches[-1]) >= size:
            batches.append([])
            chars = 0
    return [b for b in batches if b]


CHILDREN = {"bare": child_bare, "argmine": child_argmine, "stages": child_stages}


# --------------------------------------------------------------------------- the machine


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return float("nan")


@dataclass
class _Proc:
    ticks: int
    parent: int
    cmd: str


def _processes() -> dict[int, _Proc]:
    """CPU ticks (user + system), parent and command line of every process."""
    out = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
            out[int(entry.name)] = _Proc(int(fields[11]) + int(fields[12]), int(fields[1]), cmd or stat[stat.index("(") + 1 : stat.rindex(")")])
        except (OSError, ValueError, IndexError):
            continue
    return out


def _ours(pid: int, procs: dict[int, _Proc]) -> bool:
    """Is `pid` this benchmark or one of its descendants?"""
    me, seen = os.getpid(), set()
    while pid > 1 and pid not in seen:
        if pid == me:
            return True
        seen.add(pid)
        pid = procs[pid].parent if pid in procs else 0
    return False


def busy_processes(interval: float = 2.0) -> list[str]:
    """Other processes (not this benchmark's) using more than BUSY_SHARE of a core over `interval` s."""
    if not Path("/proc/self/stat").exists():
        return []
    hz = os.sysconf("SC_CLK_TCK")
    before = _processes()
    time.sleep(interval)
    after = _processes()
    busy = []
    for pid, proc in after.items():
        if pid not in before or _ours(pid, after):
            continue
        share = (proc.ticks - before[pid].ticks) / hz / interval
        if share > BUSY_SHARE:
            busy.append(f"pid {pid} at {share:.0%} of a core: {proc.cmd[:100]}")
    return busy


class BusyWatch:
    """Samples other processes' CPU use every `every` seconds in a background thread
    for as long as the measurements run, so a job that starts and ends in the middle
    of the run is seen too."""

    def __init__(self, every: float = 15.0):
        import threading

        self.every = every
        self.seen: dict[str, str] = {}  # pid -> first description
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            for line in busy_processes():
                self.seen.setdefault(line.split(" at ")[0], f"{time.strftime('%H:%M:%S')} {line}")
            self.samples += 1

    def __enter__(self) -> "BusyWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"Python": platform.python_version()}
    for name in ("spacy", "thinc", "numpy", "pydantic", "typer"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    from argmine import __version__

    out["argmine"] = __version__
    return out


def git_commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "argmine"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" (argmine/ has uncommitted changes)" if dirty else "")


def model_info(model: Optional[Path]) -> dict[str, Any]:
    import hashlib

    if model is None:
        from argmine.model import model_path

        model = model_path()
    meta_file = model / "meta.json"
    if not meta_file.is_file():
        raise SystemExit(f"no model at {model} (meta.json missing): set --model or ARGMINE_MODEL")
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    size = sum(f.stat().st_size for f in model.rglob("*") if f.is_file())
    return {
        "path": str(model),
        "name": str(meta.get("name", "?")),
        "version": meta.get("version", "?"),
        "meta_sha": hashlib.sha256(meta_file.read_bytes()).hexdigest()[:12],
        "pipes": meta.get("pipeline", []),
        "size_mb": size / 1e6,
    }


# --------------------------------------------------------------------------- the run


@dataclass
class Settings:
    docs: int
    small: int
    warmup: int
    startup_runs: int
    seed: int
    corpora: Path
    model: Optional[Path]
    breakdown: bool


@dataclass
class Report:
    settings: Settings
    started: str = ""
    machine: dict[str, Any] = field(default_factory=dict)
    model: dict[str, Any] = field(default_factory=dict)
    corpus: dict[str, Any] = field(default_factory=dict)
    bare: list[dict[str, Any]] = field(default_factory=list)
    argmine: dict[str, Any] = field(default_factory=dict)
    runs: dict[str, ProcessRun] = field(default_factory=dict)
    startup: dict[str, dict[str, Any]] = field(default_factory=dict)
    busy_before: list[str] = field(default_factory=list)
    busy_after: list[str] = field(default_factory=list)
    busy_during: list[str] = field(default_factory=list)
    watch_samples: int = 0
    model_changed: bool = False
    total_s: float = 0.0

    @property
    def idle(self) -> bool:
        return not (self.busy_before or self.busy_during or self.busy_after)

    @property
    def valid(self) -> bool:
        return self.idle and not self.model_changed


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def measure(settings: Settings, work: Path) -> Report:
    report = Report(settings=settings, started=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    began = time.perf_counter()
    log("checking that the machine is otherwise idle")
    report.busy_before = busy_processes()
    with BusyWatch() as watch:
        _measure(report, settings, work)
    report.busy_during = list(watch.seen.values())
    report.watch_samples = watch.samples
    log("checking that the machine stayed idle")
    report.busy_after = busy_processes()
    report.machine["load_after"] = os.getloadavg()
    if model_info(settings.model)["meta_sha"] != report.model["meta_sha"]:
        report.model_changed = True  # e.g. a new model shipped while this ran: processes differ
    report.total_s = time.perf_counter() - began
    return report


def _measure(report: Report, settings: Settings, work: Path) -> None:
    from argmine import runner

    report.machine = {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": memory_gb(),
        "os": f"{platform.system()} {platform.release()}",
        "load_before": os.getloadavg(),
        "versions": versions(),
        "commit": git_commit(),
    }
    report.model = model_info(settings.model)

    log(f"building {settings.docs} articles (+{settings.warmup} for warm-up) from {settings.corpora}")
    articles = build_corpus(settings.docs + settings.warmup, seed=settings.seed, corpora=settings.corpora)
    main, warm = articles[: settings.docs], articles[settings.docs :]
    corpus_dir, small_dir, warm_dir = work / "corpus", work / "small", work / "warmup"
    write_corpus(main, corpus_dir)
    write_corpus(main[: settings.small], small_dir)
    write_corpus(warm, warm_dir)
    words = [a.words for a in main]
    genres: dict[str, int] = {}
    for article in main:
        for genre in article.genres:
            genres[genre] = genres.get(genre, 0) + 1
    report.corpus = {
        "docs": len(main),
        "words": sum(words),
        "small_words": sum(words[: settings.small]),
        "bytes": sum(len(a.text.encode("utf-8")) for a in main),
        "median_words": statistics.median(words),
        "min_words": min(words),
        "max_words": max(words),
        "genres": dict(sorted(genres.items(), key=lambda kv: -kv[1])),
        "warmup_docs": len(warm),
    }

    env = child_env(settings.model)
    spec = {
        "corpus": str(corpus_dir),
        "warmup": str(warm_dir),
        "argmine_batch": runner.BATCH_HERE,  # stage timings batch as the runner does
        "argmine_batch_chars": getattr(runner, "BATCH_CHARS", None),
    }
    report.bare = []
    for batch_size in (None, runner.BATCH_HERE):
        log(f"bare base model: nlp.pipe, batch size {batch_size or 'default'} (fresh process, warm-up first)")
        report.bare.append(run_child("bare", {**spec, "batch_size": batch_size}, env=env, work=work))
    log("argmine extract --jobs 1 through the CLI (fresh process, warm-up run first)")
    report.argmine = run_child("argmine", {**spec, "work": str(work)}, env=env, work=work)
    if settings.breakdown:
        log("where argmine's time goes: each stage alone (fresh process, same warm-up)")
        report.argmine["stages"] = run_child("stages", {**spec, "work": str(work)}, env=env, work=work)["stages"]

    launcher = work / "launch.py"
    launcher.write_text(LAUNCHER, encoding="utf-8")
    out = ["-f", "jsonl", "-o", os.devnull]

    def extract(name: str, folder: Path, store: str, jobs: int, *engine: str) -> None:
        log(f"end to end: {name}")
        report.runs[name] = run_cli(
            ["extract", str(folder), "--store", str(work / store), "--jobs", str(jobs), *engine, *out], env=env, cwd=work, launcher=launcher
        )

    extract("jobs1", corpus_dir, "e2e-jobs1.db", 1)
    extract("cached", corpus_dir, "e2e-jobs1.db", 1)
    extract("jobs2", corpus_dir, "e2e-jobs2.db", 2)
    extract("small", small_dir, "e2e-small.db", 1)
    if importlib.util.find_spec("distributed") is not None:  # the dask extra
        extract("dask1", corpus_dir, "e2e-dask1.db", 1, "--engine", "dask")
        extract("dask2", corpus_dir, "e2e-dask2.db", 2, "--engine", "dask")

    actor = most_quoted_person(work / "e2e-jobs1.db", env=env, cwd=work, launcher=launcher)
    commands = {
        "python -c pass (interpreter floor)": None,
        "argmine --help": ["--help"],
        f"argmine who-said --actor {json.dumps(actor)} -f jsonl": ["who-said", "--actor", actor, "-f", "jsonl", "--store", str(work / "e2e-jobs1.db")],
    }
    for label, args in commands.items():
        log(f"start-up: {label} x{settings.startup_runs}")
        runs = []
        for _ in range(settings.startup_runs):
            if args is None:
                runs.append(run_process([sys.executable, "-c", "pass"], env=env, cwd=work))
            else:
                runs.append(run_cli(args, env=env, cwd=work, launcher=launcher))
        report.startup[label] = {
            "median_s": statistics.median(r.wall_s for r in runs),
            "max_s": max(r.wall_s for r in runs),
            "cpu_median_s": statistics.median(r.cpu_s for r in runs),
            "rss_mb": max(r.rss_mb for r in runs),
            "spacy": any(r.spacy for r in runs),
            "query": args is not None and args[0] != "--help",
            "runs": len(runs),
        }


def most_quoted_person(store: Path, **run_kwargs) -> str:
    """The person with most claims in a store whose name who-said resolves to one actor
    (who-said needs someone to look for; a bare surname several people share is refused
    by design, so it is skipped). Each candidate is tried once, untimed."""
    with sqlite3.connect(store) as conn:
        rows = conn.execute(
            "SELECT actor_name, COUNT(*) FROM claims WHERE actor_kind = 'person' "
            "GROUP BY actor_name ORDER BY COUNT(*) DESC, actor_name LIMIT 20"
        ).fetchall()
    for name, _count in rows:
        try:
            run_cli(["who-said", "--actor", name, "-f", "jsonl", "--store", str(store)], **run_kwargs)
        except RuntimeError:
            continue
        return name
    raise RuntimeError(f"no person in {store} that who-said resolves to one actor")


# --------------------------------------------------------------------------- the report


def figures(report: Report) -> dict[str, float]:
    """The headline figures, each checked against its target."""
    c, runs = report.corpus, report.runs
    return {
        "ratio": bare_best(report.bare)["seconds"] / report.argmine["seconds"],
        "jobs": runs["jobs1"].wall_s / runs["jobs2"].wall_s,
        "cached": runs["jobs1"].wall_s / runs["cached"].wall_s,
        "rss_mb": max(runs["jobs1"].rss_mb, runs["small"].rss_mb),
        "rss_growth": runs["jobs1"].rss_mb / runs["small"].rss_mb,
        "startup_help": report.startup["argmine --help"]["median_s"],
        "startup_query": next(v["median_s"] for v in report.startup.values() if v["query"]),
        "words": c["words"],
    }


def bare_best(bare: list[dict[str, Any]]) -> dict[str, Any]:
    """The faster bare-model pass: the ratio is taken against the best the base model
    can do, not against a batch size that happens to suit it less."""
    return min(bare, key=lambda p: p["seconds"])


def _met(ok: bool) -> str:
    return "yes" if ok else "**NO**"


def render(report: Report) -> str:
    s, m, c, f = report.settings, report.machine, report.corpus, figures(report)
    runs, v = report.runs, m["versions"]
    n, small = c["docs"], s.small
    lines: list[str] = []
    add = lines.append
    add("# argmine benchmark results\n")
    idle = report.idle
    if not idle:
        add("> **NOT VALID AS A RESULT: the machine was busy while this ran** (see Machine below).\n")
    if report.model_changed:
        add("> **NOT VALID AS A RESULT: the model's meta.json changed during the run** (a new model was shipped?).\n")
    add(f"Measured {report.started} with `python benchmarks/bench_extract.py {command_line(s)}` "
        f"(argmine {v['argmine']}, commit {m['commit']}); the run took {report.total_s / 60:.1f} min.\n")

    add("## Against the targets of issue 6\n")
    add("| measure | result | target | met |\n|---|---|---|---|")
    add(f"| argmine `extract --jobs 1` throughput / bare model `nlp.pipe` | {f['ratio']:.0%} | ≥ 75% | {_met(f['ratio'] >= TARGETS['ratio'])} |")
    add(f"| `--jobs 2` speed-up over `--jobs 1` ({n} articles, end to end) | {f['jobs']:.2f}× | ≥ 1.6× | {_met(f['jobs'] >= TARGETS['jobs'])} |")
    add(f"| cached re-run speed-up over the first run ({n} articles) | {f['cached']:.1f}× | ≥ 20× | {_met(f['cached'] >= TARGETS['cached'])} |")
    add(f"| peak RSS, `extract --jobs 1`, {n} articles | {runs['jobs1'].rss_mb:.0f} MB | ≤ 600 MB | {_met(f['rss_mb'] <= TARGETS['rss_mb'])} |")
    add(f"| peak RSS {small} → {n} articles (flat: ≤ +10%) | {runs['small'].rss_mb:.0f} → {runs['jobs1'].rss_mb:.0f} MB ({f['rss_growth'] - 1:+.0%}) | flat | {_met(f['rss_growth'] <= TARGETS['rss_growth'])} |")
    add(f"| start-up, `argmine --help` (median) | {f['startup_help']:.2f} s | ≤ 0.5 s | {_met(f['startup_help'] <= TARGETS['startup_s'])} |")
    add(f"| start-up, `argmine who-said` (median) | {f['startup_query']:.2f} s | ≤ 0.5 s | {_met(f['startup_query'] <= TARGETS['startup_s'])} |")
    add("")

    add("## Machine\n")
    add(f"- CPU: {m['cpu']}, {m['cores']} cores; RAM {m['ram_gb']:.1f} GiB; {m['os']}")
    add(f"- Python {v['Python']}, spaCy {v['spacy']}, thinc {v['thinc']}, numpy {v['numpy']}, pydantic {v['pydantic']}, typer {v['typer']}")
    add("- One BLAS thread per process (OMP/OPENBLAS/MKL_NUM_THREADS=1).")
    load_b = ", ".join(f"{x:.2f}" for x in m["load_before"])
    load_a = ", ".join(f"{x:.2f}" for x in m["load_after"])
    if idle:
        add(f"- Otherwise idle: no other process used more than {BUSY_SHARE:.0%} of a core in 2 s samples "
            f"taken before the run, every 15 s during it ({report.watch_samples} samples) and after it "
            f"(load average before {load_b}; after {load_a}, which counts this run).")
    else:
        add(f"- **Busy**: other processes used more than {BUSY_SHARE:.0%} of a core "
            f"(load average before {load_b}; after {load_a}):")
        for when, found in (("before", report.busy_before), ("during", report.busy_during), ("after", report.busy_after)):
            for line in found:
                add(f"  - {when}: {line}")
    mo = report.model
    add(f"\n## Model\n\n`{mo['name']}` version {mo['version']} (meta.json sha256 {mo['meta_sha']}), "
        f"{mo['size_mb']:.1f} MB at `{mo['path']}`; pipes: {', '.join(mo['pipes'])}.\n")

    add("## Corpus\n")
    genres = ", ".join(f"{g} {k}" for g, k in c["genres"].items())
    add(f"{n} articles (seed {s.seed}) built by `benchmarks/corpus.py` from the running text of UD English EWT and GUM "
        f"(GUM genres {', '.join(sorted(OPEN_GUM_GENRES))} only): {c['words']:,} words, {c['bytes'] / 1e6:.2f} MB, "
        f"median {c['median_words']:.0f} words per article ({c['min_words']}–{c['max_words']}). "
        f"Articles drawing on each source genre: {genres}. "
        f"Another {c['warmup_docs']} articles, not in the corpus, are the warm-up. "
        f"The {small}-article runs use the first {small} articles ({c['small_words']:,} words). "
        "words = whitespace-delimited words of the files, the same count for every measurement.\n")

    add("## Throughput, warm (one process each, after a warm-up pass)\n")
    a = report.argmine
    add("| | wall s | CPU s | words/s | documents/s |\n|---|---|---|---|---|")
    for b in report.bare:
        how = "spaCy's default" if b["default"] else "argmine's"
        add(f"| bare base model, `nlp.pipe(texts, batch_size={b['batch_size']})` ({how}) | {b['seconds']:.1f} | {b['cpu_s']:.1f} | {c['words'] / b['seconds']:,.0f} | {n / b['seconds']:.1f} |")
    add(f"| `argmine extract DIR --jobs 1 -f jsonl -o FILE`, fresh store (the CLI, in process) | {a['seconds']:.1f} | {a['cpu_s']:.1f} | {c['words'] / a['seconds']:,.0f} | {n / a['seconds']:.1f} |")
    best = bare_best(report.bare)
    add(f"\nargmine's throughput is **{f['ratio']:.0%}** of the bare model's faster pass (batch size {best['batch_size']}) "
        f"by wall time ({best['cpu_s'] / a['cpu_s']:.0%} by CPU time); {a['claims']:,} claims written. "
        f"Not timed: model load ({best['load_s']:.1f} s) and the warm-up passes.\n")

    if a.get("stages"):
        add("### Where argmine's time goes (each stage run alone over the corpus, in a process warmed up as above; CPU seconds)\n")
        total = sum(t for _, t in a["stages"])
        add("| stage | CPU s | share | words per CPU s, this stage alone |\n|---|---|---|---|")
        for name, t in a["stages"]:
            add(f"| {name} | {t:.2f} | {t / total:.0%} | {c['words'] / max(t, 1e-9):,.0f} |")
        add(f"| sum of the stages | {total:.2f} | 100% | {c['words'] / total:,.0f} |")
        add(f"| the timed CLI run above | {a['cpu_s']:.2f} | | {c['words'] / a['cpu_s']:,.0f} |\n")
        add("Base-model components (tok2vec to lemmatizer) run in argmine's pipeline exactly as in the bare model; "
            "the `argmine_*` components, ingest, records, store and output are argmine's overhead.\n")

    add("## End to end, fresh processes (as a user runs it)\n")
    add("| run | wall s | CPU s | peak RSS MB | documents/s | words/s | main process loaded spaCy |\n|---|---|---|---|---|---|---|")
    rows = [
        ("jobs1", f"`extract` {n} articles `--jobs 1`, fresh store", n, c["words"]),
        ("jobs2", f"`extract` {n} articles `--jobs 2`, fresh store", n, c["words"]),
        ("cached", "the `--jobs 1` command again, same store (all cached)", n, c["words"]),
        ("small", f"`extract` {small} articles `--jobs 1`, fresh store", small, c["small_words"]),
        ("dask1", f"`extract` {n} articles `--engine dask`, local cluster of 1 worker, fresh store", n, c["words"]),
        ("dask2", f"`extract` {n} articles `--engine dask`, local cluster of 2 workers, fresh store", n, c["words"]),
    ]
    rows = [row for row in rows if row[0] in runs]  # the Dask rows need the dask extra
    for key, label, docs, words in rows:
        r = runs[key]
        add(f"| {label} | {r.wall_s:.1f} | {r.cpu_s:.1f} | {r.rss_mb:.0f} | {docs / r.wall_s:.1f} | {words / r.wall_s:,.0f} | {'yes' if r.spacy else 'no'} |")
    add("\nWall time includes start-up and model loading. CPU time counts every process of the run "
        "(`--jobs 2`: the main process and both workers). Peak RSS is the largest single process "
        "(`--jobs 2`: the largest of the main process and its workers).\n")
    if "dask1" in runs and "dask2" in runs:
        add(f"Dask, 2 workers over 1: {runs['dask1'].wall_s / runs['dask2'].wall_s:.2f}× (goal ≥ 1.7×); "
            f"Dask 1 worker / `--jobs 1` wall: {runs['dask1'].wall_s / runs['jobs1'].wall_s:.2f}.\n")

    add(f"## Start-up (fresh processes, {s.startup_runs} runs each)\n")
    add("| command | median wall s | worst wall s | median CPU s | peak RSS MB | spaCy loaded |\n|---|---|---|---|---|---|")
    for label, st in report.startup.items():
        add(f"| `{label}` | {st['median_s']:.3f} | {st['max_s']:.3f} | {st['cpu_median_s']:.3f} | {st['rss_mb']:.0f} | {'yes' if st['spacy'] else 'no'} |")
    add(f"\n`who-said` reads the store the {n}-article `--jobs 1` run left "
        f"({report.argmine.get('claims', 0):,} claims) and looks for its most quoted person.\n")
    add("How to run it and what each figure means: `benchmarks/README.md`.")
    return "\n".join(lines) + "\n"


def command_line(s: Settings) -> str:
    parts = [f"--docs {s.docs}"]
    if s.small != 100:
        parts.append(f"--small {s.small}")
    if s.seed:
        parts.append(f"--seed {s.seed}")
    if not s.breakdown:
        parts.append("--no-breakdown")
    return " ".join(parts)


# --------------------------------------------------------------------------- main


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=None, help="articles in the corpus (default 1000; --quick: 60)")
    parser.add_argument("--small", type=int, default=None, help="articles in the small run for peak RSS (default 100; --quick: 10)")
    parser.add_argument("--warmup", type=int, default=None, help="extra articles for warming up (default 20; --quick: 10)")
    parser.add_argument("--startup-runs", type=int, default=None, help="fresh processes per start-up command (default 7; --quick: 3)")
    parser.add_argument("--quick", action="store_true", help="a small smoke run; prints the report, writes no RESULTS.md")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder holding UD_English-EWT and UD_English-GUM")
    parser.add_argument("--model", type=Path, default=None, help="base model folder (default: $ARGMINE_MODEL or the shipped one)")
    parser.add_argument("--results", type=Path, default=None, help=f"write the report here (default {DEFAULT_RESULTS.relative_to(REPO)}; none with --quick)")
    parser.add_argument("--allow-busy", action="store_true", help="write the report even when other processes used the CPU")
    parser.add_argument("--wait-idle", type=float, default=0, metavar="MINUTES",
                        help="first wait up to this long for the machine to become idle (checked each minute)")
    parser.add_argument("--no-breakdown", action="store_true", help="skip the per-stage timings (saves one pass over the corpus)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (corpus, stores) and say where it is")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "SPEC"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        kind, spec_file = args.child
        spec = json.loads(Path(spec_file).read_text(encoding="utf-8"))
        sys.path.insert(0, str(REPO))
        result = CHILDREN[kind](spec)
        Path(spec["result"]).write_text(json.dumps(result), encoding="utf-8")
        return 0

    quick = args.quick
    settings = Settings(
        docs=args.docs or (60 if quick else 1000),
        small=args.small or (10 if quick else 100),
        warmup=args.warmup or (10 if quick else 20),
        startup_runs=args.startup_runs or (3 if quick else 7),
        seed=args.seed,
        corpora=args.corpora,
        model=args.model.resolve() if args.model else None,
        breakdown=not args.no_breakdown,
    )
    if settings.small >= settings.docs:
        parser.error("--small must be smaller than --docs")
    results = args.results if args.results is not None else (None if quick else DEFAULT_RESULTS)
    if not (settings.corpora / "UD_English-EWT").is_dir():
        parser.error(f"treebanks not found under {settings.corpora} (use --corpora)")
    if settings.model is not None:
        os.environ["ARGMINE_MODEL"] = str(settings.model)
    sys.path.insert(0, str(REPO))

    deadline = time.monotonic() + 60 * args.wait_idle
    strict = results == DEFAULT_RESULTS and not args.allow_busy  # only an idle run may go there
    while True:
        while args.wait_idle > 0 and (busy := busy_processes()) and time.monotonic() < deadline:
            log(f"waiting for an idle machine ({len(busy)} busy: {busy[0][:80]})")
            time.sleep(58)
        if strict and (busy := busy_processes()):
            print("the machine is busy; timings would not be valid for RESULTS.md:\n  " + "\n  ".join(busy)
                  + "\nwait until it is idle (--wait-idle MINUTES), or pass --results PATH (or --allow-busy)",
                  file=sys.stderr)
            return 1
        report = _run_once(settings, keep=args.keep)
        text = render(report)
        print(text, flush=True)
        if results is None:
            return 0
        if strict and not report.valid:
            why = "the model changed" if report.model_changed else "the machine got busy"
            if time.monotonic() < deadline:
                log(f"{why} during the run; {results} not written; trying again when idle")
                continue
            log(f"{why} during the run; {results} not written")
            return 1
        tmp = results.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(results)
        log(f"wrote {results}")
        return 0


def _run_once(settings: Settings, *, keep: bool) -> Report:
    work = Path(tempfile.mkdtemp(prefix="argmine-bench-"))
    try:
        return measure(settings, work)
    finally:
        if keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
