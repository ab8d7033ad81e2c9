"""Gates: each gate in both directions on hand-made reports, and each exit code through the CLI."""

from __future__ import annotations

from datetime import date

import pytest

from auditor.baseline import apply_baseline, create_baseline
from auditor.gating import Gate, evaluate
from tests.conftest import read_json, run_cli
from tests.reportkit import check, finding, report, write_no_repeat_artifacts, write_restarting_timer_artifacts


def _mixed():
    return report([
        check("drip-pricing", "price-transparency", "critical", "pass"),
        check("tax-unclear", "price-transparency", "moderate", "fail", [finding("tax-unclear", "/p")]),
        check("fake-countdown", "urgency-scarcity", "serious", "pass"),
    ])


# --- fail-under -----------------------------------------------------------------------------

def test_fail_under_fails_below_and_passes_at_or_above_the_score():
    r = _mixed()  # 10 + 7 of 21 weight pass: 81
    assert r.score == pytest.approx(81.0)
    low = evaluate(r, Gate(fail_under=90))
    assert not low.passed and "below --fail-under 90" in low.summary
    assert evaluate(r, Gate(fail_under=81)).passed


def test_fail_under_gates_every_check_so_a_not_assessed_one_fails_unless_allowed():
    r = report([check("fake-countdown", "urgency-scarcity", "serious", "pass"),
                check("order-button-label", "policies", "minor", "not-assessed")])
    assert r.score == 100
    result = evaluate(r, Gate(fail_under=50))
    assert not result.passed
    assert result.blocking_not_assessed == ["order-button-label"]
    assert evaluate(r, Gate(fail_under=50, allow_not_assessed={"order-button-label"})).passed
    assert evaluate(r, Gate(fail_under=50, allow_not_assessed={"*"})).passed


def test_a_score_that_does_not_exist_cannot_pass_fail_under_even_when_everything_is_allowed():
    r = report([check("drip-pricing", verdict="not-assessed")])
    assert r.score is None
    result = evaluate(r, Gate(fail_under=10, allow_not_assessed={"*"}))
    assert not result.passed and "no check could be assessed" in result.summary


# --- per-category minimums -------------------------------------------------------------------

def test_category_minimum_fails_only_its_category():
    r = _mixed()  # price-transparency: 10 of 14 -> 71.4; urgency-scarcity: 100
    assert not evaluate(r, Gate(category_minimums={"price-transparency": 80})).passed
    assert evaluate(r, Gate(category_minimums={"price-transparency": 70})).passed
    assert evaluate(r, Gate(category_minimums={"urgency-scarcity": 100})).passed


def test_category_minimum_gates_only_that_categorys_not_assessed_checks():
    r = report([check("fake-countdown", "urgency-scarcity", "serious", "pass"),
                check("drip-pricing", "price-transparency", "critical", "not-assessed"),
                check("tax-unclear", "price-transparency", "moderate", "pass")])
    assert evaluate(r, Gate(category_minimums={"urgency-scarcity": 90})).passed
    gated = evaluate(r, Gate(category_minimums={"price-transparency": 50}))
    assert not gated.passed and gated.blocking_not_assessed == ["drip-pricing"]


def test_category_without_checks_in_the_report_cannot_pass_its_minimum():
    r = report([check("fake-countdown", "urgency-scarcity", "serious", "pass")])
    result = evaluate(r, Gate(category_minimums={"stock": 50}))
    assert not result.passed and "stock has no checks" in result.summary


# --- fail-on ---------------------------------------------------------------------------------

def test_fail_on_compares_each_findings_severity_with_the_finding_overriding_its_check():
    worse = finding("tax-unclear", "/a", severity="critical")  # moderate check, critical finding
    milder = finding("drip-pricing", "/b", severity="minor")  # critical check, minor finding
    r = report([check("tax-unclear", severity="moderate", verdict="fail", findings=[worse]),
                check("drip-pricing", severity="critical", verdict="fail", findings=[milder])])
    critical = evaluate(r, Gate(fail_on="critical"))
    assert not critical.passed and critical.failing_findings == {"tax-unclear": 1}
    assert not evaluate(r, Gate(fail_on="serious")).passed
    only_minor = report([check("drip-pricing", severity="critical", verdict="fail", findings=[milder])])
    assert evaluate(only_minor, Gate(fail_on="moderate")).passed
    assert not evaluate(only_minor, Gate(fail_on="minor")).passed


def test_fail_on_uses_the_checks_severity_when_findings_have_none():
    r = report([check("tax-unclear", severity="moderate", verdict="fail", findings=[finding("tax-unclear")])])
    assert evaluate(r, Gate(fail_on="serious")).passed
    assert not evaluate(r, Gate(fail_on="moderate")).passed


def test_fail_on_gates_not_assessed_checks_at_or_above_its_severity_only():
    r = report([check("drip-pricing", severity="critical", verdict="not-assessed"),
                check("nagging", "choice-architecture", "minor", "not-assessed"),
                check("tax-unclear", severity="moderate", verdict="pass")])
    serious = evaluate(r, Gate(fail_on="serious"))
    assert not serious.passed and serious.blocking_not_assessed == ["drip-pricing"]
    assert set(serious.gated) == {"drip-pricing"}
    minor = evaluate(r, Gate(fail_on="minor"))
    assert minor.blocking_not_assessed == ["drip-pricing", "nagging"]
    assert evaluate(r, Gate(fail_on="serious", allow_not_assessed={"drip-pricing"})).passed


def test_no_gate_passes_whatever_the_report_says():
    r = report([check("drip-pricing", severity="critical", verdict="fail", findings=[finding("drip-pricing")]),
                check("tax-unclear", verdict="not-assessed")])
    result = evaluate(r, Gate())
    assert result.passed and not Gate().active and result.gated == {}


def test_gate_options_are_validated_with_a_message_naming_the_option():
    gate = Gate.from_options(70, ["price-transparency=80", "stock = 50"], "serious", ["a,b", "c"])
    assert gate.category_minimums == {"price-transparency": 80.0, "stock": 50.0}
    assert gate.allow_not_assessed == {"a", "b", "c"}
    for bad, needle in [(["pricing=80"], "unknown category"), (["stock"], "CATEGORY=SCORE"),
                        (["stock=lots"], "not a number"), (["stock=120"], "between 0 and 100")]:
        with pytest.raises(ValueError, match=needle):
            Gate.from_options(min_category=bad)
    with pytest.raises(ValueError, match="severity"):
        Gate.from_options(fail_on="huge")


def test_with_a_baseline_only_new_findings_count_and_the_gate_score_leaves_accepted_ones_out():
    old = finding("tax-unclear", "/old")
    r = report([check("tax-unclear", severity="moderate", verdict="fail", findings=[old]),
                check("drip-pricing", severity="critical", verdict="pass")])
    apply_baseline(r, create_baseline(r, reason="known"), today=date(2026, 1, 1))
    result = evaluate(r, Gate(fail_on="minor", fail_under=100))
    assert result.passed, result.summary
    assert result.score == 100 and r.score < 100  # the report keeps its real score
    assert result.suppressed == 1


# --- exit codes through the real CLI ---------------------------------------------------------

@pytest.fixture(scope="module")
def timer_artifacts(tmp_path_factory):
    return write_restarting_timer_artifacts(tmp_path_factory.mktemp("timer"))


def _judge(artifacts, out, *gate_args):
    proc = run_cli("report", str(artifacts), "--out", str(out), "--format", "json", "--jurisdiction", "EU",
                   *gate_args)
    return proc, (read_json(out / "report.json") if (out / "report.json").exists() else None)


def test_cli_without_gates_exits_0_even_with_failures(timer_artifacts, tmp_path):
    proc, rep = _judge(timer_artifacts, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert next(c for c in rep["checks"] if c["id"] == "fake-countdown")["verdict"] == "fail"


def test_cli_fail_under(timer_artifacts, tmp_path):
    proc, rep = _judge(timer_artifacts, tmp_path / "a", "--fail-under", "100")
    assert proc.returncode == 1, proc.stderr
    assert rep["gate"]["passed"] is False and rep["gate"]["settings"]["fail_under"] == 100
    proc, _ = _judge(timer_artifacts, tmp_path / "b", "--fail-under", "0", "--allow-not-assessed", "*")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_cli_min_category(timer_artifacts, tmp_path):
    proc, rep = _judge(timer_artifacts, tmp_path / "a", "--min-category", "urgency-scarcity=100")
    assert proc.returncode == 1
    assert any("urgency-scarcity" in r for r in rep["gate"]["reasons"])
    proc, _ = _judge(timer_artifacts, tmp_path / "b", "--min-category", "urgency-scarcity=0",
                     "--allow-not-assessed", "*")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_cli_fail_on_and_baseline_gating_only_new_findings(timer_artifacts, tmp_path):
    proc, rep = _judge(timer_artifacts, tmp_path / "a", "--fail-on", "serious")
    assert proc.returncode == 1
    assert rep["gate"]["failing_findings"].get("fake-countdown") == 1
    made = run_cli("baseline", "create", str(tmp_path / "a" / "report.json"), "--out", str(tmp_path / "b.json"),
                   "--reason", "known, ticket 12")
    assert made.returncode == 0, made.stderr
    proc, rep = _judge(timer_artifacts, tmp_path / "c", "--fail-on", "minor", "--allow-not-assessed", "*",
                       "--baseline", str(tmp_path / "b.json"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert rep["baseline"]["counts"]["suppressed"] >= 1 and rep["baseline"]["counts"]["new"] == 0


def test_cli_not_assessed_gated_check_fails_unless_allowed(tmp_path):
    arts = write_no_repeat_artifacts(tmp_path / "arts")
    proc, rep = _judge(arts, tmp_path / "a", "--fail-on", "serious")
    assert proc.returncode == 1
    assert "fake-countdown" in rep["gate"]["blocking_not_assessed"]
    assert "not assessed, but gated" in proc.stdout
    _proc, rep = _judge(arts, tmp_path / "b", "--fail-on", "serious", "--allow-not-assessed", "fake-countdown")
    assert "fake-countdown" not in rep["gate"]["blocking_not_assessed"]


@pytest.mark.parametrize("args,needle", [
    (["--min-category", "pricing=80"], "unknown category"),
    (["--fail-on", "huge"], "huge"),
    (["--baseline", "/nonexistent/baseline.json"], "cannot read baseline"),
])
def test_cli_bad_gate_options_exit_2_before_any_browser(args, needle, tmp_path):
    proc = run_cli("http://127.0.0.1:9/", "--out", str(tmp_path), *args)
    assert proc.returncode == 2
    assert needle in proc.stderr
    assert not (tmp_path / "report.json").exists()
