"""Stable verdicts (issue 8): five audits of the demo shop in a row give the same verdict for
every check and the same findings, by fingerprint.

Kept affordable: 12 pages, two fresh loads observed for 2 s on two pages (plus the mobile and
returning visitors), no screenshots (they take time and no verdict depends on them)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ARGS = ["--max-pages", "12", "--loads", "2", "--observe", "2", "--repeat-pages", "2", "--timeout", "10",
        "--no-screenshots", "--max-duration", "240", "--quiet"]


def outcome(report: dict) -> dict:
    return {
        "verdicts": {c["id"]: c["verdict"] for c in report["checks"]},
        "findings": sorted((c["id"], f["fingerprint"]) for c in report["checks"] for f in c["findings"]),
        "score": report["score"],
    }


def test_five_audits_of_the_demo_shop_agree(shop_server, audit):
    url = shop_server("demo").base_url
    runs = []
    for n in range(5):
        result = audit(f"stability: demo shop, run {n + 1} of 5", url, *ARGS)
        assert result.returncode in (0, 1), result.stderr[-3000:]
        assert not result.leftover
        runs.append(outcome(result.report))
    first = runs[0]
    assert "fail" in first["verdicts"].values() and first["findings"], "nothing to compare"
    for n, run in enumerate(runs[1:], start=2):
        changed = {k: (first["verdicts"].get(k), v) for k, v in run["verdicts"].items() if first["verdicts"].get(k) != v}
        assert not changed, f"run {n} changed verdicts: {changed}"
        gained = sorted(set(run["findings"]) - set(first["findings"]))
        lost = sorted(set(first["findings"]) - set(run["findings"]))
        assert not gained and not lost, f"run {n}: new findings {gained}, missing findings {lost}"
        assert run["score"] == first["score"]
