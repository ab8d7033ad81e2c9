"""Gating: whether an audit passes a deploy. Separate from scoring on purpose: the same report
can be gated differently by different teams."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.report import Report


@dataclass
class Gate:
    fail_under: float | None = None
    category_minimums: dict[str, float] = field(default_factory=dict)
    fail_on: str | None = None  # a severity: fail on any finding at or above it
    allow_not_assessed: set[str] = field(default_factory=set)  # check ids, or "*"

    @property
    def active(self) -> bool:
        return self.fail_under is not None or bool(self.category_minimums) or self.fail_on is not None


@dataclass
class GateResult:
    passed: bool
    reasons: list[str]

    @property
    def summary(self) -> str:
        return "; ".join(self.reasons) if self.reasons else "all gates passed"


def evaluate(report: Report, gate: Gate) -> GateResult:
    reasons: list[str] = []
    if gate.fail_under is not None:
        score = report.score if report.score is not None else 0.0
        if score < gate.fail_under:
            reasons.append(f"score {score:g} is below --fail-under {gate.fail_under:g}")
    return GateResult(passed=not reasons, reasons=reasons)
