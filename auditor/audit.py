"""One audit end to end: gather artifacts, judge them, write the reports.

The CLI, the demo and the tests all come through here. Failures that leave nothing to judge
raise AuditFailure (exit code 2 with one line); everything else ends in a report.
"""

from __future__ import annotations

import asyncio
import os
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from auditor.artifacts import Artifacts, AuditError
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
    stopped: str | None = None
    try:
        stopped = asyncio.run(_gather_bounded(settings, artifacts, progress or NoProgress()))
    except BrowserNotFound as exc:
        raise AuditFailure(str(exc)) from None
    except StartPageError as exc:
        raise AuditFailure(f"could not audit {settings.url}: {exc}") from None
    except KeyboardInterrupt:  # a second Ctrl-C: the clean stop was not waited for
        stopped = "interrupted (SIGINT)"
    except Exception as exc:  # a dead browser, or a bug: what was gathered is still reported
        stopped = f"the audit stopped on an unexpected error ({type(exc).__name__}: {str(exc).strip()[:300]})"
    if stopped:
        from auditor.browser import browser_processes, reap

        reap(browser_processes())  # the browser's own shutdown may not have run to its end
        artifacts.errors.append(AuditError(stage="audit", error=f"{stopped}; the report covers what was "
                                                                "gathered before"))
    elif not artifacts.pages:
        last = artifacts.errors[-1].error if artifacts.errors else "no page could be read"
        raise AuditFailure(f"nothing could be audited at {settings.url}: {last}")
    return judge_and_write(artifacts, settings, Path(settings.out), gate, baseline, baseline_source)


GRACE_S = 30.0  # beyond --max-duration: for the stages to notice the deadline and stop
CLEANUP_S = 30.0  # after a stop: for the browser to close


async def _gather_bounded(settings: AuditSettings, artifacts: Artifacts, progress: Progress) -> str | None:
    """Gather under a hard time bound, and stop cleanly on SIGINT or SIGTERM: the task is
    cancelled, every stage closes its browser contexts on the way out, and the artifacts keep
    what was gathered. Returns why the audit stopped early, or None."""
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(gather(settings, artifacts, progress))
    reasons: list[str] = []

    def stop(why: str, sig: signal.Signals | None = None) -> None:
        if reasons and sig is not None:  # a second signal: stop waiting for a clean stop
            loop.remove_signal_handler(sig)
            os.kill(os.getpid(), sig)
            return
        if not reasons:
            reasons.append(why)
            task.cancel()

    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop, f"interrupted ({sig.name})", sig)
            installed.append(sig)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals here
            pass
    try:
        done, _ = await asyncio.wait({task}, timeout=settings.max_duration + GRACE_S)
        if not done:
            stop(f"stopped by the time budget (--max-duration {settings.max_duration:g}s)")
            done, _ = await asyncio.wait({task}, timeout=CLEANUP_S)
        if task in done and not task.cancelled():
            task.result()  # StartPageError, BrowserNotFound and the like go to the caller
    finally:
        for sig in installed:
            try:
                loop.remove_signal_handler(sig)
            except Exception:
                pass
    return reasons[0] if reasons else None
