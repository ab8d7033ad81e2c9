"""The report: contract v1 of ../shared/DESIGN.md. Renderers (HTML, SARIF, ...) read only this.

Field names in the contract are never renamed; fields may be added.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from auditor.check import Finding, Severity, Verdict

REPORT_SCHEMA = "shop-auditor/report/v1"


class CategoryScore(BaseModel):
    score: float | None  # None when nothing in the category could be assessed
    assessed: int
    total: int
    title: str = ""


class CheckReport(BaseModel):
    id: str
    category: str
    severity: Severity
    verdict: Verdict
    reason: str
    findings: list[Finding] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)
    title: str = ""
    failure_title: str = ""
    description: str = ""
    remedy: str = ""
    weight: float = 0.0
    details: dict[str, Any] = Field(default_factory=dict)


class PageEntry(BaseModel):
    url: str
    kind: str
    lang: str | None = None
    final_url: str | None = None
    status: int | None = None
    title: str = ""
    policy_kinds: list[str] = Field(default_factory=list)


class ReportError(BaseModel):
    url: str | None = None
    error: str
    stage: str | None = None


class Report(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    schema_: str = Field(default=REPORT_SCHEMA, alias="schema")
    target: str
    started_at: str
    duration_s: float
    score: float | None
    categories: dict[str, CategoryScore]
    checks: list[CheckReport]
    pages: list[PageEntry]
    journey: dict[str, Any] = Field(default_factory=lambda: {"reached": "none", "steps": []})
    errors: list[ReportError] = Field(default_factory=list)
    # Additions beyond the v1 minimum.
    tool_version: str = ""
    jurisdiction: str = ""
    jurisdiction_reason: str = ""
    coverage: float = 0.0  # share of total check weight that could be assessed
    settings: dict[str, Any] = Field(default_factory=dict)
    artifacts_sha256: str | None = None
    browser: str | None = None
    skipped: list[dict[str, str]] = Field(default_factory=list)
    baseline: dict[str, Any] | None = None  # filled when audited against a baseline
    gate: dict[str, Any] | None = None

    def check(self, check_id: str) -> CheckReport | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=2)

    @classmethod
    def from_json(cls, text: str) -> "Report":
        return cls.model_validate_json(text)
