"""Worker processes: no more than the CPUs allow, and none outliving the run (issue 15, defects 6 and 7)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.runner import ExtractRun

REPO = Path(__file__).resolve().parents[1]


def _corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"doc{i:03d}.txt").write_text(f"Story {i}\n\nAda Byron said that plan {i} would help.\n")


def test_jobs_are_capped_at_the_cpus_available_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path / "corpus", 3)
    monkeypatch.setattr(runner_module, "available_cpus", lambda: 1)
    seen: list[int] = []

    def here_only(articles, target, versions):  # a closure: it cannot travel to a worker process
        seen.append(len(articles))
        return conftest.fake_extract(articles, target, versions)

    monkeypatch.setattr(runner_module, "pipeline_extract", here_only)
    result = CliRunner().invoke(app, ["extract", "corpus", "--jobs", "64", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("Warning: --jobs 64 is more than the 1 CPU available; using 1\n")
    assert len(result.stdout.splitlines()) == 3 and sum(seen) == 3


def test_available_cpus_follows_the_affinity_mask():
    if not hasattr(os, "sched_getaffinity"):
        pytest.skip("no CPU affinity on this system")
    assert runner_module.available_cpus() == len(os.sched_getaffinity(0))
    run = ExtractRun([], store=None, jobs=10_000)
    assert run.jobs == runner_module.available_cpus() and run.notices


RUN_CLI = """
import sys
sys.path[:0] = [{repo!r}, {tests!r}]
import conftest
from argmine import cli, runner
runner.pipeline_extract = conftest.fake_extract
runner.available_cpus = lambda: 2  # two workers even on a one-CPU machine
if __name__ == "__main__":  # spawned workers import this file too
    sys.argv[0] = "argmine"
    cli.main()
""".format(repo=str(REPO), tests=str(REPO / "tests"))


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_a_killed_extract(tmp_path, how):
    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc")
    _corpus(tmp_path / "many", 60)
    script = tmp_path / "argmine_fake.py"
    script.write_text(RUN_CLI)
    run = subprocess.Popen(
        [sys.executable, str(script), "extract", "many", "--jobs", "2", "-f", "jsonl"],
        cwd=tmp_path, env={**os.environ, "FAKE_EXTRACT_DELAY": "0.2"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    helpers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(helpers) < 3 and time.monotonic() < deadline:  # two workers and the resource tracker
            assert run.poll() is None, "finished before its workers were seen"
            helpers = _children(run.pid)
            time.sleep(0.05)
        assert len(helpers) >= 3, helpers
    finally:
        os.kill(run.pid, how)
        run.wait(timeout=30)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(pid) for pid in helpers):
        time.sleep(0.05)
    left = [pid for pid in helpers if _alive(pid)]
    for pid in left:  # do not leave them behind if the test fails
        os.kill(pid, signal.SIGKILL)
    assert left == []
