"""Hand-made reports and artifacts for the CI-format, gate, baseline and diff tests.

Reports are built directly (no checks run) so each test controls every verdict; the artifacts
files feed `shop-audit report`, which judges them with the real checks and no browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from auditor.check import Finding, fingerprint
from auditor.report import CheckReport, PageEntry, Report
from auditor.scoring import category_scores, coverage, overall_score
from tests.builders import BASE, artifacts, repeated, timer_load

DEFAULT_WEIGHTS = {"critical": 10, "serious": 7, "moderate": 4, "minor": 2}


def finding(check_id: str, path: str = "/", message: str = "something is wrong", locator: str = "#x",
            text: str = "", key: str = "", **extra: Any) -> Finding:
    url = BASE + path
    return Finding(url=url, message=message, locator=locator, text=text, key=key,
                   fingerprint=fingerprint(check_id, url, locator, key), **extra)


def check(check_id: str, category: str = "price-transparency", severity: str = "serious",
          verdict: str = "pass", findings: list[Finding] | None = None, reason: str = "",
          **extra: Any) -> CheckReport:
    return CheckReport(
        id=check_id, category=category, severity=severity, verdict=verdict,
        reason=reason or {"pass": "nothing found", "fail": "found something",
                          "not-assessed": "the shopper journey did not run"}[verdict],
        findings=findings or [], weight=DEFAULT_WEIGHTS[severity],
        title=f"{check_id} passes", failure_title=f"{check_id} fails",
        description="What it detects: a thing.\nWhy it harms shoppers: it misleads them.",
        remedy="Stop doing the thing.", references=["CRD 2011/83/EU art. 6(1)(e)"], **extra,
    )


def report(checks: list[CheckReport], **extra: Any) -> Report:
    return Report(
        target=BASE + "/", started_at="2026-01-01T00:00:00+00:00", duration_s=1.0,
        score=overall_score(checks), categories=category_scores(checks), checks=checks,
        pages=[PageEntry(url=BASE + "/", kind="home", lang="en")], coverage=coverage(checks),
        tool_version="0.1.0", jurisdiction="EU", artifacts_sha256="ab" * 32, **extra,
    )


def write_restarting_timer_artifacts(folder: Path) -> Path:
    """artifacts.json on which fake-countdown fails: a timer that restarts for a new visitor."""
    rep = repeated("/p/jacket", [
        timer_load(0, 0.0, "00:14:59", "00:14:58"),
        timer_load(1, 6.0, "00:14:59", "00:14:58"),
        timer_load(2, 12.0, "00:14:58", "00:14:57"),
    ])
    return _write(folder, artifacts(rep=[rep]))


def write_no_repeat_artifacts(folder: Path) -> Path:
    """artifacts.json with no repeated loads: fake-countdown cannot be assessed."""
    return _write(folder, artifacts())


def _write(folder: Path, arts: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "artifacts.json"
    path.write_text(arts.to_json(), encoding="utf-8")
    return path
