"""diff of two reports: appeared/disappeared by fingerprint, verdict and score changes."""

from __future__ import annotations

import json

from auditor.diff import diff_reports, render_md, render_text
from tests.conftest import run_cli
from tests.reportkit import check, finding, report

KEPT = finding("tax-unclear", "/p", "no VAT statement")
GONE = finding("tax-unclear", "/q", "no VAT statement", locator="#q")
FRESH = finding("drip-pricing", "/checkout", "a fee of [5 €](javascript:alert(1)) @team", locator="#fee")
NA_GONE = finding("fake-countdown", "/", "timer restarts", locator="#t")


def _old():
    return report([
        check("tax-unclear", "price-transparency", "moderate", "fail", [KEPT, GONE]),
        check("drip-pricing", "price-transparency", "critical", "pass"),
        check("fake-countdown", "urgency-scarcity", "serious", "fail", [NA_GONE]),
    ])


def _new():
    return report([
        check("tax-unclear", "price-transparency", "moderate", "fail", [KEPT]),
        check("drip-pricing", "price-transparency", "critical", "fail", [FRESH]),
        check("fake-countdown", "urgency-scarcity", "serious", "not-assessed"),
    ])


def test_findings_that_appeared_and_disappeared_are_matched_by_fingerprint():
    d = diff_reports(_old(), _new())
    assert [f.fingerprint for f in d.appeared] == [FRESH.fingerprint]
    assert {f.fingerprint for f in d.disappeared} == {GONE.fingerprint, NA_GONE.fingerprint}
    assert d.unchanged == 1
    gone_unseen = next(f for f in d.disappeared if f.fingerprint == NA_GONE.fingerprint)
    assert gone_unseen.check_not_assessed  # gone because nobody looked, not fixed
    assert not next(f for f in d.disappeared if f.fingerprint == GONE.fingerprint).check_not_assessed


def test_verdict_and_score_changes_per_check_and_category():
    d = diff_reports(_old(), _new())
    assert {(v.check_id, v.old, v.new) for v in d.verdicts} == {
        ("drip-pricing", "pass", "fail"), ("fake-countdown", "fail", "not-assessed")}
    cats = {c.name: c for c in d.categories}
    assert cats["price-transparency"].old == 71.4 and cats["price-transparency"].new == 0
    assert cats["price-transparency"].delta == -71.4
    assert cats["urgency-scarcity"].new is None and cats["urgency-scarcity"].delta is None
    assert d.overall.old == 47.6 and d.overall.new == 0
    text = render_text(d)
    assert "Score 47.6 -> 0 (-47.6)" in text and "+ drip-pricing" in text
    assert "[check not assessed this time]" in text


def test_identical_reports_have_no_changes():
    d = diff_reports(_old(), _old())
    assert not d.appeared and not d.disappeared and not d.verdicts and d.unchanged == 3
    assert d.overall.delta == 0


def test_markdown_diff_escapes_the_shops_text():
    md = render_md(diff_reports(_old(), _new()))
    assert "](javascript:" not in md and "@team" not in md
    assert "### Appeared" in md


def test_cli_diff_json_and_exit_codes(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "old" / "report.json").write_text(_old().to_json())
    (tmp_path / "new" / "report.json").write_text(_new().to_json())
    proc = run_cli("diff", str(tmp_path / "old" / "report.json"), str(tmp_path / "new"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [f["check_id"] for f in data["appeared"]] == ["drip-pricing"]
    assert data["overall"]["delta"] == -47.6
    (tmp_path / "bad.json").write_text("{}")
    bad = run_cli("diff", str(tmp_path / "bad.json"), str(tmp_path / "new"))
    assert bad.returncode == 2 and "not a shop-audit report" in bad.stderr
