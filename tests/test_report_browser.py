"""The report in a real headless browser (Debian's chromium): the highlights are in the DOM it
builds, and the page makes no network request. Skips where chromium is not installed
(`apt-get install chromium`).

Requests are read from chromium's net log: a request the page makes carries the page's
network isolation key (``file://``), which the browser's own background traffic never
does. A control page with one external image proves the log catches a page's request.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmine.cli import app
from test_report import hostile_store  # noqa: F401  (the fixture)

CHROMIUM = next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
)


def load(page: Path, work: Path) -> tuple[str, list[str]]:
    """The DOM chromium builds from `page`, and the URLs the page itself requested."""
    netlog = work / f"{page.stem}.netlog.json"
    profile = work / f"{page.stem}.profile"
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--log-net-log={netlog}", "--dump-dom", page.resolve().as_uri()],
        capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(work)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    log = json.loads(netlog.read_text(encoding="utf-8"))
    types = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    requested = [
        event["params"]["url"]
        for event in log["events"]
        if types.get(event["type"]) == "URL_REQUEST_START_JOB"
        and "file://" in str(event.get("params", {}).get("network_isolation_key", ""))
    ]
    return done.stdout, requested


def test_the_net_log_catches_a_page_request(tmp_path) -> None:
    control = tmp_path / "control.html"
    control.write_text('<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/x.png"></body></html>', encoding="utf-8")
    _, requested = load(control, tmp_path)
    assert requested == ["http://127.0.0.1:9/x.png"]


def test_report_loads_with_its_highlights_and_no_request(hostile_store, tmp_path) -> None:  # noqa: F811
    page = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "--store", str(hostile_store), "-o", str(page)])
    assert result.exit_code == 0, result.output
    dom, requested = load(page, tmp_path)
    assert requested == []
    assert dom.count("<mark ") == 2 and 'id="claim-1"' in dom and 'id="claim-2"' in dom
    assert "<script>" not in dom and "&lt;script&gt;alert" in dom
