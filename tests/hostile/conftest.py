"""The hostile fixture suite (issue 8): servers, one CLI audit per scenario, and the wall times.

Every audit runs the real CLI in a subprocess, as a user would, tagged with an environment
variable that Chromium and its children inherit: after each audit no tagged process may remain.
The wall time of each is kept and printed as a table at the end of the session.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from fixtures.hostile import ROUTES, auth_routes
from fixtures.server import FixtureServer, Recorder, serve

ROOT = Path(__file__).resolve().parents[2]
TAG_VAR = "SHOP_AUDIT_HOSTILE_TAG"

# A crawl of one scenario: small, fast, no journey, no repeated loads.
CRAWL = ["--no-journey", "--loads", "0", "--repeat-pages", "0", "--no-screenshots", "--timeout", "3",
         "--max-pages", "15", "--max-duration", "120", "--quiet"]


@dataclass
class Audit:
    name: str
    returncode: int
    stdout: str
    stderr: str
    wall_s: float
    out: Path
    leftover: list[str] = field(default_factory=list)  # tagged processes still alive afterwards

    @property
    def report(self) -> dict:
        return json.loads((self.out / "report.json").read_text(encoding="utf-8"))

    @property
    def artifacts(self) -> dict:
        return json.loads((self.out / "artifacts.json").read_text(encoding="utf-8"))

    def errors_for(self, path: str) -> list[str]:
        """Error messages recorded for URLs ending with `path`."""
        return [e["error"] for e in self.report["errors"] if (e.get("url") or "").endswith(path)]

    def page_paths(self) -> list[str]:
        return [p["url"].split("/", 3)[-1] for p in self.report["pages"]]


def assert_partial(audit, bound_s: float) -> None:
    """The audit ran, wrote its report, stayed within its time and left no browser behind."""
    assert audit.returncode in (0, 1), audit.stderr[-3000:]
    assert (audit.out / "report.json").is_file(), audit.stderr[-3000:]
    assert (audit.out / "report.html").is_file()
    assert audit.wall_s < bound_s, f"{audit.name} took {audit.wall_s:.1f}s"
    assert not audit.leftover, f"Chromium processes left behind: {audit.leftover}"


def assert_cannot_audit(audit, *words: str, bound_s: float = 40) -> None:
    """Exit 2 with one line on stderr that says why, quickly, and no browser left behind."""
    lines = [ln for ln in audit.stderr.splitlines() if ln.strip()]
    assert audit.returncode == 2, (audit.returncode, audit.stderr[-2000:])
    assert len(lines) == 1 and lines[0].startswith("shop-audit: error: "), audit.stderr[-2000:]
    for word in words:
        assert word.lower() in lines[0].lower(), lines[0]
    assert "Traceback" not in audit.stderr
    assert audit.wall_s < bound_s
    assert not audit.leftover


def tagged_processes(tag: str) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["pid", "name", "status"]):
        try:
            if proc.info["status"] == psutil.STATUS_ZOMBIE:
                continue  # already dead, waiting for its parent to collect it
            if proc.environ().get(TAG_VAR) == tag:
                found.append(proc)
        except (psutil.Error, OSError):
            continue
    return found


def wait_gone(tag: str, seconds: float = 8.0) -> list[str]:
    deadline = time.monotonic() + seconds
    while True:
        alive = tagged_processes(tag)
        if not alive or time.monotonic() > deadline:
            return [f"{p.pid} {p.info['name']}" for p in alive]
        time.sleep(0.2)


def cli_env(extra: dict[str, str] | None = None) -> tuple[dict[str, str], str]:
    tag = secrets.token_hex(8)
    env = {**os.environ, "PYTHONPATH": str(ROOT), TAG_VAR: tag, **(extra or {})}
    return env, tag


class Auditor:
    """Runs `shop-audit` for a scenario, measures it, and checks that nothing is left running."""

    def __init__(self, tmp: pytest.TempPathFactory, timings: list[tuple[str, str, float]]):
        self.tmp = tmp
        self.timings = timings

    def __call__(self, name: str, url: str, *args: str, env: dict[str, str] | None = None,
                 timeout: float = 300) -> Audit:
        out = self.tmp.mktemp(re.sub(r"[^A-Za-z0-9]+", "-", name)[:40])
        full_env, tag = cli_env(env)
        started = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "auditor.cli", url, "--out", str(out), *args],
                              cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=full_env)
        wall = time.monotonic() - started
        audit = Audit(name, proc.returncode, proc.stdout, proc.stderr, wall, out, wait_gone(tag))
        self.timings.append((name, outcome(audit), wall))
        return audit


def outcome(audit: Audit) -> str:
    if audit.returncode == 2:
        return "exit 2: " + (audit.stderr.strip().splitlines() or ["(no message)"])[-1][:110]
    if not (audit.out / "report.json").is_file():
        return f"exit {audit.returncode}, no report"
    report = audit.report
    return f"exit {audit.returncode}: {len(report['pages'])} pages, {len(report['errors'])} errors"


@pytest.fixture(scope="session")
def timings() -> list[tuple[str, str, float]]:
    return []


@pytest.fixture(scope="session")
def audit(tmp_path_factory: pytest.TempPathFactory, timings: list) -> Auditor:
    return Auditor(tmp_path_factory, timings)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ANN001
    rows = getattr(config, "_hostile_timings", None)
    if not rows:
        return
    terminalreporter.write_sep("-", "hostile inputs: outcome and wall time")
    for name, what, wall in rows:
        terminalreporter.write_line(f"{name[:44]:44} {wall:6.1f}s  {what}")


@pytest.fixture(scope="session", autouse=True)
def _publish_timings(request: pytest.FixtureRequest, timings: list) -> Iterator[None]:
    request.config._hostile_timings = timings  # read by pytest_terminal_summary
    yield


@pytest.fixture(scope="session")
def hostile() -> Iterator[tuple[FixtureServer, Recorder]]:
    recorder = Recorder()
    server = serve("hostile", recorder, ROUTES)
    yield server, recorder
    server.shutdown()


def base(server: FixtureServer) -> str:
    return server.base_url.rstrip("/")


@pytest.fixture(scope="session")
def credentials() -> tuple[str, str]:
    return "reviewer", "pw-" + secrets.token_urlsafe(18)


@pytest.fixture(scope="session")
def auth_server(credentials: tuple[str, str]) -> Iterator[FixtureServer]:
    server = serve("hostile/auth", Recorder(), auth_routes(*credentials))
    yield server
    server.shutdown()


@pytest.fixture(scope="session")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FixtureServer]:
    """The hostile fixtures over HTTPS, with a self-signed certificate made now (openssl CLI)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    server = serve("hostile", Recorder(), ROUTES, tls=(cert, key))
    yield server
    server.shutdown()


@pytest.fixture(scope="session")
def robots_server() -> Iterator[FixtureServer]:
    server = serve("hostile/robots", Recorder())
    yield server
    server.shutdown()
