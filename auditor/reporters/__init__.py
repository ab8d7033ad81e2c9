"""Reporters: pure renderers of the report (plus evidence crops cut from the artifacts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from auditor.artifacts import Artifacts
from auditor.report import Report
from auditor.reporters.evidence import crop_for
from auditor.settings import AuditSettings


def attach_crops(report: Report, artifacts_dir: Path, out: Path) -> None:
    for check in report.checks:
        for finding in check.findings:
            if finding.screenshot is None:
                finding.screenshot = crop_for(finding, artifacts_dir, out)


def _json(report: Report, out: Path, **_: Any) -> Path:
    path = out / "report.json"
    path.write_text(report.to_json(), encoding="utf-8")
    return path


def _html(report: Report, out: Path, **_: Any) -> Path:
    from auditor.reporters.html import render_html

    path = out / "report.html"
    path.write_text(render_html(report, out), encoding="utf-8")
    return path


def renderers() -> dict[str, Callable[..., Path]]:
    table: dict[str, Callable[..., Path]] = {"json": _json, "html": _html}
    try:  # CI formats arrive with issue 7; absent modules simply are not offered
        from auditor.reporters import ci_formats

        table.update(ci_formats.RENDERERS)
    except ImportError:
        pass
    return table


def write_reports(report: Report, artifacts: Artifacts, settings: AuditSettings, out: Path,
                  artifacts_dir: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    attach_crops(report, artifacts_dir, out)
    table = renderers()
    written: dict[str, Path] = {}
    # JSON first: every other format is a view of it, and it must exist even if one fails.
    for fmt in ["json"] + [f for f in settings.formats if f != "json"]:
        if fmt not in table:
            raise ValueError(f"unknown report format {fmt!r} (known: {', '.join(sorted(table))})")
        written[fmt] = table[fmt](report, out, artifacts=artifacts, settings=settings)
    return written
