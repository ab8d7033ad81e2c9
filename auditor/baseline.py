"""Baselines: findings a team has accepted, tracked by identity.

A baseline is keyed by finding fingerprint (check id, page path and query, locator and a
disambiguating key; see auditor.check.fingerprint), never by counts, so fixing one finding and
introducing another cannot cancel out. Each entry keeps why it was accepted and, optionally,
until when: an entry whose expiry date has passed stops suppressing (it is valid through the
expiry date itself) and its finding counts as open again.

Comparing a report with a baseline sorts the findings into:
- new: not in the baseline (these, and expired ones, are what the gate looks at);
- suppressed: in the baseline and still present;
- expired: in the baseline, still present, but the entry has expired;
- fixed: in the baseline, gone, and their check was assessed this time;
- unverified: in the baseline, gone, but their check was not assessed, so nobody knows.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from auditor import __version__
from auditor.report import Report

BASELINE_SCHEMA = "shop-auditor/baseline/v1"


class BaselineEntry(BaseModel):
    check_id: str
    url: str
    message: str
    reason: str = ""
    expires: date | None = None
    created: str = ""
    locator: str = ""
    severity: str | None = None

    def expired(self, today: date) -> bool:
        return self.expires is not None and self.expires < today


class Baseline(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    schema_: str = Field(default=BASELINE_SCHEMA, alias="schema")
    created: str
    tool_version: str = __version__
    target: str = ""
    findings: dict[str, BaselineEntry] = Field(default_factory=dict)  # fingerprint -> entry

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=2)

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.to_json() + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: Path) -> "Baseline":
        """Read a baseline; ValueError with one line saying what is wrong."""
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ValueError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
        except json.JSONDecodeError as exc:
            raise ValueError(f"baseline {path} is not JSON: {exc}") from None
        if not isinstance(raw, dict) or raw.get("schema") != BASELINE_SCHEMA:
            raise ValueError(f"{path} is not a shop-audit baseline (expected schema {BASELINE_SCHEMA})")
        try:
            return cls.model_validate(raw)
        except ValidationError as exc:
            raise ValueError(f"baseline {path} is malformed: {str(exc).splitlines()[0]}") from None


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def create_baseline(report: Report, reason: str = "", expires: date | None = None,
                    created: str | None = None) -> Baseline:
    """Accept every finding of the report as it stands."""
    stamp = created or _now()
    entries: dict[str, BaselineEntry] = {}
    for check in report.checks:
        for f in check.findings:
            if not f.fingerprint:
                continue  # without an identity a finding cannot be tracked
            entries[f.fingerprint] = BaselineEntry(
                check_id=check.id, url=f.url, message=f.message, reason=reason, expires=expires,
                created=stamp, locator=f.locator, severity=f.severity or check.severity,
            )
    return Baseline(created=stamp, target=report.target, findings=entries)


def _ref(fp: str, check_id: str, url: str, message: str, **more: Any) -> dict[str, Any]:
    return {"fingerprint": fp, "check_id": check_id, "url": url, "message": message, **more}


def compare(report: Report, baseline: Baseline, today: date | None = None,
            source: str = "") -> dict[str, Any]:
    """Sort the report's findings against the baseline; the dict goes into Report.baseline."""
    today = today or datetime.now(timezone.utc).date()
    new: list[dict[str, Any]] = []
    suppressed: list[dict[str, Any]] = []
    expired: list[dict[str, Any]] = []
    present: set[str] = set()
    for check in report.checks:
        for f in check.findings:
            present.add(f.fingerprint)
            entry = baseline.findings.get(f.fingerprint)
            severity = f.severity or check.severity
            if entry is None:
                new.append(_ref(f.fingerprint, check.id, f.url, f.message, severity=severity))
            elif entry.expired(today):
                expired.append(_ref(f.fingerprint, check.id, f.url, f.message, severity=severity,
                                    reason=entry.reason, expires=entry.expires.isoformat()))
            else:
                suppressed.append(_ref(f.fingerprint, check.id, f.url, f.message, severity=severity,
                                       reason=entry.reason,
                                       expires=entry.expires.isoformat() if entry.expires else None))
    assessed = {c.id for c in report.checks if c.verdict != "not-assessed"}
    fixed: list[dict[str, Any]] = []
    unverified: list[dict[str, Any]] = []
    for fp, entry in baseline.findings.items():
        if fp in present:
            continue
        ref = _ref(fp, entry.check_id, entry.url, entry.message, reason=entry.reason)
        (fixed if entry.check_id in assessed else unverified).append(ref)
    return {
        "file": source,
        "created": baseline.created,
        "compared_on": today.isoformat(),
        "counts": {"new": len(new), "suppressed": len(suppressed), "expired": len(expired),
                   "fixed": len(fixed), "unverified": len(unverified)},
        "new": new, "suppressed": suppressed, "expired": expired, "fixed": fixed,
        "unverified": unverified,
    }


def apply_baseline(report: Report, baseline: Baseline, source: str = "",
                   today: date | None = None) -> None:
    report.baseline = compare(report, baseline, today=today, source=source)


def status_by_fingerprint(report: Report) -> dict[str, dict[str, Any]]:
    """fingerprint -> {"state": "new" | "suppressed" | "expired", ...} for the renderers."""
    if not report.baseline:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for state in ("new", "suppressed", "expired"):
        for item in report.baseline.get(state, []):
            out[item["fingerprint"]] = {"state": state, **item}
    return out
