"""Console output: a progress display while auditing and a short summary after."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from auditor.report import Report


class ConsoleProgress:
    """Pages done and queued, and the current step, on stderr; silent when not a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: Any = None

    def __enter__(self) -> "ConsoleProgress":
        if self.enabled:
            self._progress = Progress(
                SpinnerColumn(), TextColumn("[bold]{task.fields[step]}", justify="left"), BarColumn(),
                TextColumn("{task.completed} done, {task.fields[queued]} queued"), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("audit", total=None, step="starting", queued=0)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)

    def update(self, *, done: int | None = None, queued: int | None = None, step: str | None = None) -> None:
        if self._progress is None:
            return
        fields: dict[str, Any] = {}
        if queued is not None:
            fields["queued"] = queued
        if step is not None:
            fields["step"] = step if len(step) < 70 else step[:67] + "..."
        kwargs: dict[str, Any] = {}
        if done is not None:
            kwargs["completed"] = done
            if queued is not None:
                kwargs["total"] = done + queued
        self._progress.update(self._task, **kwargs, **fields)


def print_summary(report: Report, written: dict[str, Path], stream: Any = None) -> None:
    console = Console(file=stream or sys.stdout, highlight=False, soft_wrap=True)
    score = "n/a" if report.score is None else f"{report.score:g}"
    console.print(f"[bold]Score {score}/100[/bold] for {report.target} "
                  f"({int(report.coverage * 100)}% of check weight assessed, jurisdiction {report.jurisdiction})")
    for cat_id, cat in report.categories.items():
        cs = "n/a" if cat.score is None else f"{cat.score:g}"
        console.print(f"  {cat.title or cat_id:26} {cs:>5}   {cat.assessed}/{cat.total} assessed")
    failing = [c for c in report.checks if c.verdict == "fail"]
    if failing:
        console.print("[bold red]Failing checks:[/bold red]")
        for c in failing:
            console.print(f"  ✗ {c.id} ({c.severity}): {c.reason}", markup=False)
    na = [c for c in report.checks if c.verdict == "not-assessed"]
    if na:
        console.print(f"Not assessed: {len(na)} check(s) — see the report for reasons.")
    if report.errors:
        console.print(f"Errors: {len(report.errors)} (pages that could not be read; listed in the report)")
    if report.gate and report.gate.get("active"):
        console.print(f"Gate: {'passed' if report.gate['passed'] else 'FAILED'} — {report.gate['summary']}", markup=False)
    for fmt, path in written.items():
        console.print(f"  {fmt:5} {path}", markup=False)
