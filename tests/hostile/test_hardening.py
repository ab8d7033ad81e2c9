"""Browser hardening (issue 8): an audited page cannot read the auditor's files, gets no
location, notification or camera permission, cannot install a service worker, and Chromium
runs in its sandbox wherever the system allows it (downloads: see test_responses)."""

from __future__ import annotations

import os

import pytest

from auditor.browser import sandbox_possible
from tests.hostile.conftest import CRAWL, assert_cannot_audit, assert_partial, base

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def probes(hostile, audit):
    server, recorder = hostile
    before = len(recorder.requests)
    result = audit("hardening: file://, permissions, service worker", base(server) + "/hardening.html", *CRAWL)
    return result, recorder.requests[before:]


def texts(audit, name: str) -> list[str]:
    page = next(p for p in audit.artifacts["pages"] if p["url"].endswith("/" + name))
    return [b["text"] for b in page["text_blocks"]]


def test_the_probes_were_audited(probes):
    result, _ = probes
    assert_partial(result, 60)
    assert {"file-probe.html", "permissions.html", "sw.html"} <= set(result.page_paths())


def test_file_urls_are_unreachable_from_audited_pages(probes):
    result, _ = probes
    shown = texts(result, "file-probe.html")
    assert "fetch: refused" in shown and "xhr: refused" in shown
    page = next(p for p in result.artifacts["pages"] if p["url"].endswith("/file-probe.html"))
    assert page["final_url"].startswith("http")  # its script's navigation to file:// went nowhere
    assert not any(p["final_url"].startswith("file:") for p in result.artifacts["pages"])
    for path in result.out.rglob("*"):
        if path.is_file():
            assert b"root:x:0:0" not in path.read_bytes(), f"/etc/passwd leaked into {path.name}"


def test_location_notifications_and_camera_are_denied(probes):
    result, _ = probes
    shown = " | ".join(texts(result, "permissions.html"))
    for name in ("geolocation", "notifications", "camera"):
        assert f"{name}: " in shown and f"{name}: pending" not in shown, shown
        assert f"state-{name}: denied" in shown, shown
    assert "GRANTED" not in shown


def test_service_workers_are_never_installed(probes):
    result, requests = probes
    assert "sw: not installed" in texts(result, "sw.html")
    assert not [r for r in requests if r.get("hostile") == "service-worker"], "the worker's script was fetched"


def test_sandbox_on_is_honoured_or_refused_with_one_line(hostile, audit):
    """As root (a container) Chromium refuses its sandbox: --sandbox on then fails clearly
    instead of silently running without it; elsewhere it runs sandboxed."""
    server, _ = hostile
    result = audit("hardening: --sandbox on", base(server) + "/ok.html", *CRAWL, "--sandbox", "on")
    if sandbox_possible():
        assert result.returncode in (0, 1), result.stderr
        assert result.report["browser"].endswith(", sandboxed)")
    else:
        assert os.geteuid() == 0
        assert_cannot_audit(result, "sandbox cannot run as root", "--sandbox off", bound_s=20)


def test_sandbox_auto_says_what_it_did(probes):
    result, _ = probes
    browser = result.report["browser"]
    assert browser.endswith(", sandboxed)" if sandbox_possible() else ", no sandbox)"), browser
