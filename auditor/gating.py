"""Gating: whether an audit passes a deploy. Separate from scoring on purpose: the same report
can be gated differently by different teams.

Four gates, any combination:
- `fail_under`: the overall score (0-100) must reach this;
- `category_minimums`: a category's score must reach its minimum;
- `fail_on`: no finding at or above this severity (a finding's own severity, where it has one,
  overrides its check's);
- not-assessed: a *gated* check that could not be assessed fails the gate unless it is allowed
  (`allow_not_assessed`, check ids or "*"). A crawler that never reached the checkout must not
  pass a deploy by saying nothing.

Which checks are gated: with `fail_under`, every check (the overall score is over all of them);
with a category minimum, that category's checks; with `fail_on`, every check whose default
severity is at or above the threshold (a check's findings cannot be known when it did not run, so
its default severity decides). The union of these is the gated set; with no gate, nothing is.

With a baseline (see auditor/baseline.py) only findings the baseline does not accept count:
`fail_on` looks at the new (and expired) findings only, and the scores the gate compares are
recomputed with accepted findings treated as absent. The report keeps its real score.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from auditor.check import CATEGORIES, SEVERITY_ORDER, Finding
from auditor.report import CheckReport, Report
from auditor.scoring import category_scores, overall_score

SEVERITIES: tuple[str, ...] = tuple(sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.__getitem__))
ALLOW_ALL = "*"


@dataclass
class Gate:
    fail_under: float | None = None
    category_minimums: dict[str, float] = field(default_factory=dict)
    fail_on: str | None = None  # a severity: fail on any finding at or above it
    allow_not_assessed: set[str] = field(default_factory=set)  # check ids, or "*"

    @property
    def active(self) -> bool:
        return self.fail_under is not None or bool(self.category_minimums) or self.fail_on is not None

    def allows_not_assessed(self, check_id: str) -> bool:
        return ALLOW_ALL in self.allow_not_assessed or check_id in self.allow_not_assessed

    def gated_checks(self, checks: Sequence[CheckReport]) -> dict[str, list[str]]:
        """check id -> the gates that make it count, for every gated check."""
        out: dict[str, list[str]] = {}
        for c in checks:
            why: list[str] = []
            if self.fail_under is not None:
                why.append("fail-under")
            if c.category in self.category_minimums:
                why.append(f"min-category {c.category}")
            if self.fail_on is not None and at_or_above(c.severity, self.fail_on):
                why.append(f"fail-on {self.fail_on}")
            if why:
                out[c.id] = why
        return out

    def describe(self) -> dict[str, Any]:
        return {
            "fail_under": self.fail_under,
            "min_category": dict(self.category_minimums),
            "fail_on": self.fail_on,
            "allow_not_assessed": sorted(self.allow_not_assessed),
        }

    @classmethod
    def from_options(cls, fail_under: float | None = None, min_category: Iterable[str] = (),
                     fail_on: str | None = None, allow_not_assessed: Iterable[str] = ()) -> "Gate":
        """Build a gate from command-line style values; ValueError names the bad one."""
        minimums: dict[str, float] = {}
        for item in min_category:
            name, sep, value = str(item).partition("=")
            name = name.strip()
            if not sep:
                raise ValueError(f"--min-category {item!r}: expected CATEGORY=SCORE, e.g. price-transparency=80")
            if name not in CATEGORIES:
                raise ValueError(f"--min-category: unknown category {name!r} (known: {', '.join(CATEGORIES)})")
            try:
                minimum = float(value)
            except ValueError:
                raise ValueError(f"--min-category {item!r}: {value!r} is not a number") from None
            if not 0 <= minimum <= 100:
                raise ValueError(f"--min-category {item!r}: the score must be between 0 and 100")
            minimums[name] = minimum
        if fail_on is not None and fail_on not in SEVERITY_ORDER:
            raise ValueError(f"--fail-on: unknown severity {fail_on!r} (choose from {', '.join(SEVERITIES)})")
        allowed = {part.strip() for item in allow_not_assessed for part in str(item).split(",") if part.strip()}
        return cls(fail_under=fail_under, category_minimums=minimums, fail_on=fail_on,
                   allow_not_assessed=allowed)


@dataclass
class GateResult:
    passed: bool
    reasons: list[str]
    gated: dict[str, list[str]] = field(default_factory=dict)
    blocking_not_assessed: list[str] = field(default_factory=list)
    failing_findings: dict[str, int] = field(default_factory=dict)  # check id -> open findings at/above fail_on
    score: float | None = None  # the score the gate compared (baseline-adjusted)
    suppressed: int = 0  # findings a baseline accepted, left out of the gate

    @property
    def summary(self) -> str:
        return "; ".join(self.reasons) if self.reasons else "all gates passed"

    def as_report(self, gate: Gate) -> dict[str, Any]:
        """What Report.gate holds: the verdict, why, and the gate's own settings."""
        return {
            "passed": self.passed, "summary": self.summary, "active": gate.active,
            "reasons": list(self.reasons), "settings": gate.describe(),
            "gated_checks": sorted(self.gated), "blocking_not_assessed": list(self.blocking_not_assessed),
            "failing_findings": dict(self.failing_findings), "score": self.score,
            "baseline_suppressed": self.suppressed,
        }


def at_or_above(severity: str, threshold: str) -> bool:
    return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[threshold]


def finding_severity(check: CheckReport, finding: Finding) -> str:
    return finding.severity or check.severity


def suppressed_fingerprints(report: Report) -> set[str]:
    """Findings a baseline accepts (still present, entry not expired)."""
    if not report.baseline:
        return set()
    return {s["fingerprint"] for s in report.baseline.get("suppressed", [])}


def open_findings(check: CheckReport, suppressed: set[str]) -> list[Finding]:
    return [f for f in check.findings if f.fingerprint not in suppressed]


def _gating_view(checks: Sequence[CheckReport], suppressed: set[str]) -> list[CheckReport]:
    """The checks as the gate sees them: a failure made only of accepted findings is a pass."""
    view: list[CheckReport] = []
    for c in checks:
        if c.verdict == "fail" and c.findings and not open_findings(c, suppressed):
            c = c.model_copy(update={"verdict": "pass", "findings": []})
        view.append(c)
    return view


def _fmt(score: float | None) -> str:
    return "n/a" if score is None else f"{score:g}"


def evaluate(report: Report, gate: Gate) -> GateResult:
    suppressed = suppressed_fingerprints(report)
    view = _gating_view(report.checks, suppressed)
    score = overall_score(view)
    reasons: list[str] = []
    if gate.fail_under is not None:
        if score is None:
            reasons.append(f"no check could be assessed, so the score cannot reach --fail-under {gate.fail_under:g}")
        elif score < gate.fail_under:
            reasons.append(f"score {_fmt(score)} is below --fail-under {gate.fail_under:g}")
    categories = category_scores(view)
    for name, minimum in gate.category_minimums.items():
        cat = categories.get(name)
        if cat is None:
            reasons.append(f"category {name} has no checks in this report, so it cannot reach {minimum:g}")
        elif cat.score is None:
            reasons.append(f"category {name}: no check could be assessed (minimum {minimum:g})")
        elif cat.score < minimum:
            reasons.append(f"category {name} scored {_fmt(cat.score)}, below its minimum {minimum:g}")
    failing: dict[str, int] = {}
    if gate.fail_on is not None:
        for c in report.checks:
            if c.verdict != "fail":
                continue
            found = open_findings(c, suppressed)
            hits = sum(1 for f in found if at_or_above(finding_severity(c, f), gate.fail_on))
            if not c.findings and at_or_above(c.severity, gate.fail_on):
                hits = 1  # a failure without findings still fails at the check's severity
            if hits:
                failing[c.id] = hits
        if failing:
            listed = ", ".join(f"{cid} ({n})" for cid, n in failing.items())
            new = " new" if report.baseline else ""
            reasons.append(f"{sum(failing.values())}{new} finding(s) at or above {gate.fail_on}: {listed}")
    gated = gate.gated_checks(report.checks)
    blocking = [c.id for c in report.checks
                if c.verdict == "not-assessed" and c.id in gated and not gate.allows_not_assessed(c.id)]
    if blocking:
        reasons.append(f"not assessed, but gated: {', '.join(blocking)} "
                       "(see their reasons; accept with --allow-not-assessed ID)")
    return GateResult(passed=not reasons, reasons=reasons, gated=gated, blocking_not_assessed=blocking,
                      failing_findings=failing, score=score,
                      suppressed=sum(1 for c in report.checks for f in c.findings if f.fingerprint in suppressed))
