"""One audit end to end: gather artifacts, judge them, write the reports.

The CLI, the demo and the tests all come through here. Failures that leave nothing to judge
raise AuditFailure (exit code 2 with one line); everything else ends in a report.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from auditor.artifacts import Artifacts
from auditor.browser import BrowserNotFound
from auditor.check import CheckContext
from auditor.crawl.crawler import NoProgress, Progress, StartPageError
from auditor.gather import gather, new_artifacts
from auditor.gating import Gate, evaluate
from auditor.report import Report
from auditor.reporters import write_reports
from auditor.runner import judge, sha256_text
from auditor.settings import AuditSettings

if TYPE_CHECKING:
    from auditor.baseline import Baseline


class AuditFailure(RuntimeError):
    """Nothing could be audited. The message is the one line the user sees."""


@dataclass
class AuditResult:
    artifacts: Artifacts
    report: Report
    written: dict[str, Path] = field(default_factory=dict)


def validate_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AuditFailure(f"not an http(s) URL: {url!r} (example: https://shop.example/)")
    try:
        parts.port  # raises on a malformed port
    except ValueError as exc:
        raise AuditFailure(f"malformed URL {url!r}: {exc}") from None
    return url.strip()


def save_artifacts(artifacts: Artifacts, out: Path) -> tuple[Path, str]:
    out.mkdir(parents=True, exist_ok=True)
    text = artifacts.to_json()
    path = out / "artifacts.json"
    path.write_text(text, encoding="utf-8")
    return path, sha256_text(text)


def context_for(settings: AuditSettings, artifacts: Artifacts) -> CheckContext:
    from auditor.jurisdiction import infer_jurisdiction

    jurisdiction, reason = infer_jurisdiction(artifacts, settings.jurisdiction)
    values = settings.public()
    values["jurisdiction_reason"] = reason
    return CheckContext(jurisdiction=jurisdiction, settings=values)


def judge_and_write(artifacts: Artifacts, settings: AuditSettings, artifacts_dir: Path,
                    gate: Gate | None = None, baseline: "Baseline | None" = None,
                    baseline_source: str = "") -> AuditResult:
    out = Path(settings.out)
    path, digest = save_artifacts(artifacts, out) if artifacts_dir == out else (artifacts_dir / "artifacts.json", None)
    if digest is None:
        digest = sha256_text(path.read_text(encoding="utf-8"))
    report = judge(artifacts, context_for(settings, artifacts), artifacts_sha256=digest)
    if baseline is not None:  # before the gate: only findings the baseline does not accept count
        from auditor.baseline import apply_baseline

        apply_baseline(report, baseline, source=baseline_source)
    gate = gate or Gate(fail_under=settings.fail_under)
    report.gate = evaluate(report, gate).as_report(gate)
    written = write_reports(report, artifacts, settings, out, artifacts_dir)
    return AuditResult(artifacts, report, written)


def run_audit(settings: AuditSettings, progress: Progress | None = None,
              gate: Gate | None = None, baseline: "Baseline | None" = None,
              baseline_source: str = "") -> AuditResult:
    settings.url = validate_url(settings.url)
    artifacts = new_artifacts(settings)
    try:
        asyncio.run(gather(settings, artifacts, progress or NoProgress()))
    except BrowserNotFound as exc:
        raise AuditFailure(str(exc)) from None
    except StartPageError as exc:
        raise AuditFailure(f"could not audit {settings.url}: {exc}") from None
    except KeyboardInterrupt:
        artifacts.errors.append(_interrupted())
    return judge_and_write(artifacts, settings, Path(settings.out), gate, baseline, baseline_source)


def _interrupted():  # noqa: ANN202 - tiny helper
    from auditor.artifacts import AuditError

    return AuditError(stage="audit", error="interrupted; the report covers what was gathered before")
