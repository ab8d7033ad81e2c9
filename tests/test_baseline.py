"""Baselines: keyed by identity, round trip, expiry, and the audit's new/fixed/suppressed view."""

from __future__ import annotations

import json
from datetime import date

import pytest

from auditor.baseline import BASELINE_SCHEMA, Baseline, apply_baseline, compare, create_baseline
from auditor.gating import Gate, evaluate
from tests.conftest import read_json, run_cli
from tests.reportkit import check, finding, report, write_restarting_timer_artifacts

TODAY = date(2026, 3, 1)


def _report(*findings, verdict="fail", **check_extra):
    return report([check("tax-unclear", severity="serious", verdict=verdict if findings else "pass",
                         findings=list(findings), **check_extra)])


def test_create_keys_entries_by_fingerprint_with_reason_expiry_and_creation(tmp_path):
    a, b = finding("tax-unclear", "/a", "no VAT statement"), finding("tax-unclear", "/b", locator="#y")
    made = create_baseline(_report(a, b), reason="legal accepted, ticket 7", expires=date(2026, 6, 30),
                           created="2026-01-02T00:00:00+00:00")
    assert set(made.findings) == {a.fingerprint, b.fingerprint}
    entry = made.findings[a.fingerprint]
    assert (entry.check_id, entry.url, entry.message) == ("tax-unclear", a.url, "no VAT statement")
    assert entry.reason == "legal accepted, ticket 7" and entry.expires == date(2026, 6, 30)
    assert entry.created == "2026-01-02T00:00:00+00:00"
    path = made.save(tmp_path / "baseline.json")
    raw = json.loads(path.read_text())
    assert raw["schema"] == BASELINE_SCHEMA and raw["findings"][a.fingerprint]["expires"] == "2026-06-30"
    assert Baseline.load(path) == made


def test_still_present_findings_are_suppressed_and_new_ones_are_new():
    old, new = finding("tax-unclear", "/a"), finding("tax-unclear", "/b")
    base = create_baseline(_report(old), reason="known")
    result = compare(_report(old, new), base, today=TODAY)
    assert [s["fingerprint"] for s in result["suppressed"]] == [old.fingerprint]
    assert result["suppressed"][0]["reason"] == "known"
    assert [n["fingerprint"] for n in result["new"]] == [new.fingerprint]
    assert result["counts"] == {"new": 1, "suppressed": 1, "expired": 0, "fixed": 0, "unverified": 0}


def test_a_fix_and_a_regression_do_not_cancel_out():
    before, after = finding("tax-unclear", "/a"), finding("tax-unclear", "/b")
    base = create_baseline(_report(before))
    r = _report(after)  # one finding before, one after: a count would see no change
    apply_baseline(r, base, today=TODAY)
    assert [f["fingerprint"] for f in r.baseline["fixed"]] == [before.fingerprint]
    assert [f["fingerprint"] for f in r.baseline["new"]] == [after.fingerprint]
    assert not evaluate(r, Gate(fail_on="serious")).passed


def test_an_expired_entry_no_longer_suppresses():
    f = finding("tax-unclear", "/a")
    base = create_baseline(_report(f), reason="until the redesign", expires=date(2026, 2, 28))
    on_last_day = _report(f)
    apply_baseline(on_last_day, base, today=date(2026, 2, 28))
    assert on_last_day.baseline["counts"]["suppressed"] == 1
    assert evaluate(on_last_day, Gate(fail_on="serious")).passed
    after = _report(f)
    apply_baseline(after, base, today=TODAY)
    assert after.baseline["counts"]["suppressed"] == 0
    assert after.baseline["expired"][0]["expires"] == "2026-02-28"
    assert not evaluate(after, Gate(fail_on="serious")).passed


def test_findings_gone_because_the_check_did_not_run_are_unverified_not_fixed():
    f = finding("tax-unclear", "/a")
    base = create_baseline(_report(f))
    result = compare(report([check("tax-unclear", verdict="not-assessed")]), base, today=TODAY)
    assert result["fixed"] == [] and [u["fingerprint"] for u in result["unverified"]] == [f.fingerprint]


@pytest.mark.parametrize("content,needle", [
    ("{not json", "not JSON"),
    ('{"schema": "shop-auditor/report/v1"}', "not a shop-audit baseline"),
    (json.dumps({"schema": BASELINE_SCHEMA, "created": "x", "findings": {"f": {"check_id": "a"}}}), "malformed"),
])
def test_unusable_baselines_are_refused_with_one_line(tmp_path, content, needle):
    path = tmp_path / "b.json"
    path.write_text(content)
    with pytest.raises(ValueError, match=needle):
        Baseline.load(path)


def test_cli_round_trip_with_an_expired_entry(tmp_path):
    arts = write_restarting_timer_artifacts(tmp_path / "arts")
    first = run_cli("report", str(arts), "--out", str(tmp_path / "r1"), "--format", "json", "--jurisdiction", "EU")
    assert first.returncode == 0, first.stderr
    made = run_cli("baseline", "create", str(tmp_path / "r1"), "--out", str(tmp_path / "base.json"),
                   "--reason", "accepted by legal", "--expires", "2099-12-31")
    assert made.returncode == 0, made.stderr
    saved = read_json(tmp_path / "base.json")
    (entry,) = [e for e in saved["findings"].values() if e["check_id"] == "fake-countdown"]
    assert entry["reason"] == "accepted by legal" and entry["expires"] == "2099-12-31" and entry["created"]

    args = ["report", str(arts), "--format", "json", "--jurisdiction", "EU", "--fail-on", "serious",
            "--allow-not-assessed", "*", "--baseline", str(tmp_path / "base.json")]
    ok = run_cli(*args, "--out", str(tmp_path / "r2"))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "still present (accepted)" in ok.stdout

    for e in saved["findings"].values():
        e["expires"] = "2020-01-01"  # as if the baseline had been written years ago
    (tmp_path / "base.json").write_text(json.dumps(saved))
    expired = run_cli(*args, "--out", str(tmp_path / "r3"))
    assert expired.returncode == 1
    rep = read_json(tmp_path / "r3" / "report.json")
    assert rep["baseline"]["counts"]["suppressed"] == 0 and rep["baseline"]["counts"]["expired"] >= 1


def test_cli_refuses_an_expiry_in_the_past(tmp_path):
    r = report([check("tax-unclear")])
    (tmp_path / "report.json").write_text(r.to_json())
    proc = run_cli("baseline", "create", str(tmp_path / "report.json"), "--out", str(tmp_path / "b.json"),
                   "--expires", "2001-01-01")
    assert proc.returncode == 2 and "in the past" in proc.stderr
    assert not (tmp_path / "b.json").exists()
