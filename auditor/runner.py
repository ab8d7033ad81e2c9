"""Judge artifacts: run every check in isolation and assemble the report."""

from __future__ import annotations

import hashlib
import re
import textwrap
from collections.abc import Sequence

from auditor import __version__
from auditor.artifacts import Artifacts
from auditor.check import Check, CheckContext, CheckResult, discover_checks, fingerprint
from auditor.report import CheckReport, PageEntry, Report, ReportError
from auditor.scoring import category_scores, coverage, overall_score

# What a missing artifact means to a reader, for checks that declare `requires`.
MISSING_ARTIFACT_REASONS = {
    "repeated": "no page was loaded repeatedly, so nothing could be compared between loads",
    "journey": "the shopper journey did not run",
    "journey.steps": "the shopper journey recorded no step",
    "pages": "no page could be loaded",
}


def _missing(artifacts: Artifacts, requirement: str) -> bool:
    if requirement == "repeated":
        return not artifacts.repeated
    if requirement == "journey":
        return artifacts.journey is None
    if requirement == "journey.steps":
        return artifacts.journey is None or not artifacts.journey.steps
    if requirement == "pages":
        return not artifacts.pages
    return False


def tidy(text: str) -> str:
    """A docstring-style description as paragraphs: one line per paragraph, labels kept."""
    lines = textwrap.dedent(text).strip().splitlines()
    paras: list[str] = []
    for line in lines:
        line = line.strip()
        starts_new = not paras or not line or re.match(r"^[A-Z][\w ,'-]{2,40}:", line)
        if starts_new:
            paras.append(line)
        else:
            paras[-1] = f"{paras[-1]} {line}"
    return "\n".join(p for p in paras if p)


def run_check(check: type[Check], artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
    if check.jurisdictions is not None and ctx.jurisdiction not in check.jurisdictions:
        return CheckResult(
            verdict="not-assessed",
            reason=f"does not apply under the {ctx.jurisdiction} profile",
        )
    for requirement in check.requires:
        if _missing(artifacts, requirement):
            reason = MISSING_ARTIFACT_REASONS.get(requirement, f"missing artifact {requirement}")
            return CheckResult(verdict="not-assessed", reason=reason)
    try:
        return check().evaluate(artifacts, ctx)
    except Exception as exc:  # one broken check must not sink the audit
        return CheckResult(
            verdict="not-assessed",
            reason=f"the check failed internally ({type(exc).__name__}: {exc}); "
            "the result is unknown, not a pass",
        )


def _finish_findings(check: type[Check], result: CheckResult, artifacts: Artifacts) -> None:
    seen: dict[str, int] = {}
    for finding in result.findings:
        fp = fingerprint(check.id, finding.url, finding.locator, finding.key)
        # Two findings with one identity would make a baseline ambiguous.
        seen[fp] = seen.get(fp, 0) + 1
        if seen[fp] > 1:
            fp = fingerprint(check.id, finding.url, finding.locator, f"{finding.key}#{seen[fp]}")
        finding.fingerprint = fp
        if finding.page_screenshot is None and finding.box is not None:
            page = artifacts.page_for(finding.url)
            if page is not None:
                finding.page_screenshot = page.screenshot


def judge(
    artifacts: Artifacts,
    ctx: CheckContext,
    checks: Sequence[type[Check]] | None = None,
    artifacts_sha256: str | None = None,
) -> Report:
    checks = list(checks) if checks is not None else discover_checks()
    reports: list[CheckReport] = []
    for check in checks:
        result = run_check(check, artifacts, ctx)
        _finish_findings(check, result, artifacts)
        try:
            refs = check.citations(ctx.jurisdiction)
        except ValueError:
            refs = check.citations()
        reports.append(CheckReport(
            id=check.id, category=check.category, severity=check.severity,
            verdict=result.verdict, reason=result.reason, findings=result.findings,
            references=refs, title=check.title, failure_title=check.failure_title,
            description=tidy(check.description), remedy=tidy(check.remedy),
            weight=check.effective_weight(), details=result.details,
        ))
    journey = artifacts.journey
    return Report(
        target=artifacts.target,
        started_at=artifacts.started_at,
        duration_s=artifacts.duration_s,
        score=overall_score(reports),
        categories=category_scores(reports),
        checks=reports,
        pages=[
            PageEntry(url=p.url, final_url=p.final_url, kind=p.kind, lang=p.lang, status=p.status,
                      title=p.title, policy_kinds=list(p.policy_kinds))
            for p in artifacts.pages
        ],
        journey=(journey.model_dump(mode="json") if journey else {"reached": "none", "steps": []}),
        errors=[ReportError(url=e.url, error=e.error, stage=e.stage) for e in artifacts.errors],
        tool_version=__version__,
        jurisdiction=ctx.jurisdiction,
        jurisdiction_reason=str(ctx.setting("jurisdiction_reason", "")),
        coverage=coverage(reports),
        settings=artifacts.settings,
        artifacts_sha256=artifacts_sha256,
        browser=artifacts.browser,
        skipped=artifacts.skipped,
    )


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
