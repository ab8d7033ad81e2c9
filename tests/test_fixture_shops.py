"""Audit every fixture shop through the CLI and hold the report to fixtures/manifest.toml.

Like axe-core's integration tests: each shop declares the verdict each check must give, the
findings that must exist and the honest look-alikes that must not be reported.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from fixtures.manifest import load_manifest

SHOPS = load_manifest()
pytestmark = pytest.mark.browser


def _page(url: str, with_query: bool) -> str:
    """A URL as the manifest names pages: its path ("/x/" and "/x/index.html" alike), with the
    query only when the manifest gives one (shops routed by query string), never the fragment."""
    parts = urlsplit(url)
    path = parts.path.removesuffix("index.html").rstrip("/") or "/"
    return f"{path}?{parts.query}" if with_query and parts.query else path


def _matches(finding: dict, base: str, expect: dict) -> bool:
    if "url" in expect:
        with_query = "?" in expect["url"]
        if _page(finding["url"], with_query) != _page(base + expect["url"], with_query):
            return False
    if "text" in expect:
        hay = f"{finding.get('text', '')} {finding.get('message', '')}".lower()
        if expect["text"].lower() not in hay:
            return False
    return True


VERDICT_CASES = [(shop, check, verdict) for shop, spec in SHOPS.items()
                 for check, verdict in spec.get("verdicts", {}).items()]


@pytest.mark.parametrize("shop,check,verdict", VERDICT_CASES, ids=[f"{s}:{c}" for s, c, _ in VERDICT_CASES])
def test_verdict(audited, shop, check, verdict):
    report, _base, _proc, _out = audited(shop)
    result = next(c for c in report["checks"] if c["id"] == check)
    assert result["verdict"] == verdict, f"{check}: {result['reason']} {[f['message'] for f in result['findings']]}"


FIND_CASES = [(shop, i, e) for shop, spec in SHOPS.items() for i, e in enumerate(spec.get("must_find", []))]


@pytest.mark.parametrize("shop,i,expect", FIND_CASES, ids=[f"{s}:{e['check']}:{i}" for s, i, e in FIND_CASES])
def test_must_find(audited, shop, i, expect):
    report, base, _proc, _out = audited(shop)
    result = next(c for c in report["checks"] if c["id"] == expect["check"])
    assert any(_matches(f, base, expect) for f in result["findings"]), (
        f"expected a {expect['check']} finding like {expect}; got {[(f['url'], f['message']) for f in result['findings']]}")


NOT_CASES = [(shop, i, e) for shop, spec in SHOPS.items() for i, e in enumerate(spec.get("must_not_find", []))]


@pytest.mark.parametrize("shop,i,expect", NOT_CASES, ids=[f"{s}:{e['check']}:{i}" for s, i, e in NOT_CASES])
def test_must_not_find(audited, shop, i, expect):
    report, base, _proc, _out = audited(shop)
    result = next(c for c in report["checks"] if c["id"] == expect["check"])
    wrong = [f for f in result["findings"] if _matches(f, base, expect)]
    assert not wrong, f"honest look-alike reported: {[(f['url'], f['message']) for f in wrong]}"


def test_demo_report_files_and_evidence(audited):
    report, base, proc, out = audited("demo")
    assert (Path(out) / "report.html").is_file() and (Path(out) / "artifacts.json").is_file()
    assert report["schema"] == "shop-auditor/report/v1"
    assert "Score" in proc.stdout
    fails = [f for c in report["checks"] if c["verdict"] == "fail" for f in c["findings"]]
    assert all(f["fingerprint"] and f["url"].startswith(base) for f in fails)
    assert any(f["screenshot"] for f in fails), "at least one finding carries a screenshot crop"
