"""Compare two reports: which findings appeared and disappeared (by fingerprint), which checks
changed verdict, and how the scores moved, overall and per category.

A finding that disappeared because its check could not run this time is marked so: "gone" is
not "fixed" when nobody looked.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from auditor.report import Report
from auditor.reporters.mdtext import code, md_text


class FindingChange(BaseModel):
    fingerprint: str
    check_id: str
    severity: str
    url: str
    message: str
    check_not_assessed: bool = False  # disappeared only because the check did not run


class VerdictChange(BaseModel):
    check_id: str
    old: str | None  # None: the check did not exist in that report
    new: str | None


class ScoreChange(BaseModel):
    name: str
    old: float | None
    new: float | None

    @property
    def delta(self) -> float | None:
        if self.old is None or self.new is None:
            return None
        return round(self.new - self.old, 1)


class ReportDiff(BaseModel):
    old_target: str
    new_target: str
    old_started_at: str
    new_started_at: str
    appeared: list[FindingChange] = Field(default_factory=list)
    disappeared: list[FindingChange] = Field(default_factory=list)
    unchanged: int = 0
    verdicts: list[VerdictChange] = Field(default_factory=list)
    overall: ScoreChange
    categories: list[ScoreChange] = Field(default_factory=list)

    def to_json(self) -> str:
        data = self.model_dump(mode="json")
        data["overall"]["delta"] = self.overall.delta
        for cat, raw in zip(self.categories, data["categories"]):
            raw["delta"] = cat.delta
        return json.dumps(data, indent=2, ensure_ascii=False)


def load_report(path: Path) -> Report:
    """Read a report.json; ValueError with one line saying what is wrong."""
    try:
        return Report.from_json(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (ValidationError, ValueError) as exc:
        raise ValueError(f"{path} is not a shop-audit report: {str(exc).splitlines()[0]}") from None


def _findings(report: Report) -> dict[str, FindingChange]:
    return {f.fingerprint: FindingChange(fingerprint=f.fingerprint, check_id=c.id,
                                         severity=f.severity or c.severity, url=f.url, message=f.message)
            for c in report.checks for f in c.findings}


def diff_reports(old: Report, new: Report) -> ReportDiff:
    before, after = _findings(old), _findings(new)
    not_assessed_now = {c.id for c in new.checks if c.verdict == "not-assessed"}
    disappeared = []
    for fp, f in before.items():
        if fp not in after:
            disappeared.append(f.model_copy(update={"check_not_assessed": f.check_id in not_assessed_now}))
    old_verdicts = {c.id: c.verdict for c in old.checks}
    new_verdicts = {c.id: c.verdict for c in new.checks}
    verdicts = [VerdictChange(check_id=cid, old=old_verdicts.get(cid), new=new_verdicts.get(cid))
                for cid in [*new_verdicts, *(k for k in old_verdicts if k not in new_verdicts)]
                if old_verdicts.get(cid) != new_verdicts.get(cid)]
    names = [*new.categories, *(k for k in old.categories if k not in new.categories)]
    categories = [ScoreChange(name=n, old=old.categories[n].score if n in old.categories else None,
                              new=new.categories[n].score if n in new.categories else None)
                  for n in names]
    return ReportDiff(
        old_target=old.target, new_target=new.target,
        old_started_at=old.started_at, new_started_at=new.started_at,
        appeared=[f for fp, f in after.items() if fp not in before],
        disappeared=disappeared,
        unchanged=sum(1 for fp in after if fp in before),
        verdicts=verdicts,
        overall=ScoreChange(name="overall", old=old.score, new=new.score),
        categories=categories,
    )


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:g}"


def _delta(change: ScoreChange) -> str:
    d = change.delta
    return "" if d is None or d == 0 else f" ({d:+g})"


def render_text(d: ReportDiff) -> str:
    lines = [f"Score {_score(d.overall.old)} -> {_score(d.overall.new)}{_delta(d.overall)}"]
    for c in d.categories:
        if c.old != c.new:
            lines.append(f"  {c.name:22} {_score(c.old):>5} -> {_score(c.new):<5}{_delta(c)}")
    lines.append(f"Findings: {len(d.appeared)} appeared, {len(d.disappeared)} disappeared, {d.unchanged} unchanged")
    for f in d.appeared:
        lines.append(f"  + {f.check_id} ({f.severity}) {f.url}: {f.message}")
    for f in d.disappeared:
        note = " [check not assessed this time]" if f.check_not_assessed else ""
        lines.append(f"  - {f.check_id} ({f.severity}) {f.url}: {f.message}{note}")
    if d.verdicts:
        lines.append("Verdict changes:")
        lines.extend(f"  {v.check_id}: {v.old or 'absent'} -> {v.new or 'absent'}" for v in d.verdicts)
    return "\n".join(lines) + "\n"


def render_md(d: ReportDiff) -> str:
    out = [f"## Shop audit diff: score {_score(d.overall.old)} → {_score(d.overall.new)}{_delta(d.overall)}", "",
           f"{len(d.appeared)} finding(s) appeared, {len(d.disappeared)} disappeared, {d.unchanged} unchanged.", "",
           "| Category | Before | After | Change |", "|---|---:|---:|---:|"]
    for c in d.categories:
        out.append(f"| {md_text(c.name)} | {_score(c.old)} | {_score(c.new)} | {_delta(c).strip(' ()') or '—'} |")
    for title, items in (("Appeared", d.appeared), ("Disappeared", d.disappeared)):
        if items:
            out += ["", f"### {title}", ""]
            for f in items:
                note = " *(check not assessed this time)*" if f.check_not_assessed else ""
                out.append(f"- {code(f.check_id)} ({f.severity}) {md_text(f.message, 300)} — {code(f.url, 200)}{note}")
    if d.verdicts:
        out += ["", "### Verdict changes", ""]
        out += [f"- {code(v.check_id)}: {v.old or 'absent'} → {v.new or 'absent'}" for v in d.verdicts]
    return "\n".join(out) + "\n"


RENDERERS = {"text": render_text, "json": lambda d: d.to_json() + "\n", "md": render_md}
