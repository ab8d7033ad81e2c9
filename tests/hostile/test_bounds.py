"""Bounds and cleanup (issue 8): --max-duration bounds the whole audit, a page that never yields
cannot hold it, --max-contexts caps the contexts open at once, and SIGINT or SIGTERM still
write the partial report and leave no Chromium behind."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import pytest

from auditor.browser import Browser, BrowserOptions
from tests.hostile.conftest import CRAWL, ROOT, assert_cannot_audit, assert_partial, base, cli_env, wait_gone


class FakeContext:
    async def route(self, *args, **kwargs) -> None:
        pass

    async def close(self) -> None:
        pass


class FakeChromium:
    """Counts how many contexts are open at once."""

    def __init__(self) -> None:
        self.open = 0
        self.most = 0

    async def new_context(self, **kwargs) -> FakeContext:
        self.open += 1
        self.most = max(self.most, self.open)
        ctx = FakeContext()
        chromium = self

        async def close() -> None:
            chromium.open -= 1

        ctx.close = close  # type: ignore[method-assign]
        return ctx


@pytest.mark.parametrize("limit", [1, 3])
def test_max_contexts_caps_the_contexts_open_at_once(limit):
    chromium = FakeChromium()
    browser = Browser(None, chromium, BrowserOptions(max_contexts=limit), "/fake", "test", False)

    async def visitor() -> None:
        async with browser.context():
            await asyncio.sleep(0.02)

    async def crowd() -> None:
        await asyncio.gather(*(visitor() for _ in range(8)))

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:  # a loop of its own, whatever pytest-playwright holds
        pool.submit(asyncio.run, crowd()).result()
    assert chromium.most == limit and chromium.open == 0
    assert browser.contexts_opened == 8


@pytest.mark.browser
def test_max_duration_bounds_the_whole_audit(hostile, audit):
    """Traps with room for 2000 pages, repeated loads, 30 s: the budget ends it, with a report."""
    server, _ = hostile
    result = audit("bounds: --max-duration 30 over the traps", base(server) + "/traps.html", "--no-journey",
                   "--loads", "1", "--repeat-pages", "2", "--observe", "1", "--no-screenshots", "--timeout", "3",
                   "--max-pages", "2000", "--max-depth", "50", "--max-duration", "30", "--quiet")
    assert_partial(result, 30 + 20)
    errors = [e["error"] for e in result.report["errors"]]
    assert any(e.startswith("time budget reached after") for e in errors), errors
    assert len(result.report["pages"]) >= 3


@pytest.mark.browser
def test_a_start_page_that_never_yields_cannot_hold_the_audit(hostile, audit):
    server, _ = hostile
    result = audit("bounds: start page never yields", base(server) + "/busy.html", *CRAWL)
    assert_cannot_audit(result, "stopped answering", bound_s=35)


def _interrupt(shop_url: str, out, sig: signal.Signals, whole_group: bool) -> tuple[subprocess.Popen, float, str]:
    """Start an audit, wait until its first page is on disk, then send the signal."""
    env, tag = cli_env()
    proc = subprocess.Popen([sys.executable, "-m", "auditor.cli", shop_url, "--out", str(out), "--loads", "2",
                             "--observe", "2", "--repeat-pages", "2", "--timeout", "10", "--quiet"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    while not (out / "screenshots" / "page-000.png").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the audit never read its first page"
        time.sleep(0.2)
    time.sleep(1.0)
    sent = time.monotonic()
    if whole_group:  # Ctrl-C in a terminal: the whole foreground group gets SIGINT
        os.killpg(proc.pid, sig)
    else:  # a CI runner or `kill` stopping the job
        proc.send_signal(sig)
    proc.wait(timeout=90)
    return proc, time.monotonic() - sent, tag


@pytest.mark.browser
@pytest.mark.parametrize("sig,whole_group", [(signal.SIGTERM, False), (signal.SIGINT, True)],
                         ids=["SIGTERM", "SIGINT-to-the-process-group"])
def test_a_signal_still_writes_the_partial_report_and_leaves_no_browser(shop_server, tmp_path, timings,
                                                                       sig, whole_group):
    import json

    server = shop_server("demo")
    out = tmp_path / "out"
    proc, after_signal, tag = _interrupt(server.base_url, out, sig, whole_group)
    stderr = proc.stderr.read() if proc.stderr else ""
    timings.append((f"bounds: {sig.name} mid-audit (demo shop)", f"exit {proc.returncode}, report written "
                    f"{after_signal:.1f}s after the signal", after_signal))
    assert proc.returncode in (0, 1), stderr[-3000:]
    assert "Traceback" not in stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert (out / "report.html").is_file()
    assert any(e["error"].startswith(f"interrupted ({sig.name}); the report covers what was gathered")
               for e in report["errors"]), report["errors"]
    assert report["pages"], "the pages read before the signal were lost"
    assert after_signal < 45
    assert wait_gone(tag) == []


@pytest.mark.browser
def test_a_page_that_hangs_the_journey_cannot_outlast_max_duration(hostile, audit):
    """The product's "Add to basket" spins forever: the crawl never presses it, the journey
    does, and is cut at the deadline; the crawl's pages are reported."""
    server, _ = hostile
    result = audit("bounds: journey hangs on a spinning button", base(server) + "/spin/", "--loads", "0",
                   "--repeat-pages", "0", "--no-screenshots", "--timeout", "3", "--max-duration", "30", "--quiet")
    assert_partial(result, 30 + 25)
    assert "spin/kettle.html" in result.page_paths()
    errors = [e["error"] for e in result.report["errors"] if e["stage"] == "journey"]
    assert any(e.startswith("journey stopped after") for e in errors), result.report["errors"]
