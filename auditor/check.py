"""What a check is: metadata beside a pure function from artifacts to a result.

Modelled on Lighthouse audits and checkov checks: one small class per check, its metadata as
class attributes, discovered from the `checks` package (no import-time registry). A check never
touches the browser; the engine isolates it, so an exception becomes `not-assessed`.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable, Literal

from pydantic import BaseModel, Field

from auditor.artifacts import Artifacts, Box
from auditor.legal import Ref

Verdict = Literal["fail", "pass", "not-assessed"]
Severity = Literal["critical", "serious", "moderate", "minor"]
Category = Literal[
    "urgency-scarcity", "choice-architecture", "price-transparency", "promotions", "policies",
    "stock",
]
CATEGORIES: tuple[str, ...] = (
    "urgency-scarcity", "choice-architecture", "price-transparency", "promotions", "policies",
    "stock",
)
SEVERITY_ORDER: dict[str, int] = {"minor": 1, "moderate": 2, "serious": 3, "critical": 4}
DEFAULT_WEIGHT: dict[str, float] = {"critical": 10, "serious": 7, "moderate": 4, "minor": 2}


class Observation(BaseModel):
    """One reading of a value over time: the evidence for dynamic checks."""

    label: str  # "load 1 (desktop, fresh context)"
    at: str | None = None  # ISO-8601
    elapsed_s: float | None = None
    value: str | None = None
    url: str | None = None


class Finding(BaseModel):
    url: str
    message: str
    locator: str = ""
    text: str = ""
    observed: str = ""
    expected: str = ""
    observations: list[Observation] = Field(default_factory=list)
    evidence: dict[str, Any] = Field(default_factory=dict)
    box: Box | None = None  # where the element stood, to crop the page screenshot
    screenshot: str | None = None  # crop, relative to the report directory (set by reporters)
    page_screenshot: str | None = None  # full page the crop comes from, relative to artifacts
    key: str = ""  # disambiguates several findings at one locator (e.g. the product)
    fingerprint: str = ""
    severity: Severity | None = None  # overrides the check's default where one finding is worse


class CheckResult(BaseModel):
    verdict: Verdict
    reason: str = ""
    findings: list[Finding] = Field(default_factory=list)
    details: dict[str, Any] = Field(default_factory=dict)  # what was assessed, for the report


@dataclass
class CheckContext:
    """What a check may consult besides the artifacts: settings and shared knowledge."""

    jurisdiction: str = "EU"
    settings: dict[str, Any] = field(default_factory=dict)

    def setting(self, name: str, default: Any = None) -> Any:
        return self.settings.get(name, default)


class Check:
    """Base class. Subclasses set the metadata and implement `evaluate`."""

    id: ClassVar[str]
    title: ClassVar[str]  # what passing means: "Countdowns show real deadlines"
    failure_title: ClassVar[str]  # what failing means: "Countdowns restart for each visitor"
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    weight: ClassVar[float | None] = None
    references: ClassVar[tuple[Ref, ...]] = ()
    description: ClassVar[str]  # what it detects and why it harms shoppers, for a lawyer
    remedy: ClassVar[str] = ""  # how to fix
    requires: ClassVar[tuple[str, ...]] = ()  # artifact fields; absent ones mean not-assessed
    jurisdictions: ClassVar[tuple[str, ...] | None] = None  # None: applies everywhere

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        raise NotImplementedError

    # Helpers a check's evaluate() returns through, so verdicts read the same everywhere.
    def not_assessed(self, reason: str, **details: Any) -> CheckResult:
        return CheckResult(verdict="not-assessed", reason=reason, details=details)

    def judged(self, findings: Iterable[Finding], passed: str, failed: str = "",
               **details: Any) -> CheckResult:
        found = list(findings)
        if found:
            reason = failed or f"{len(found)} finding(s)"
            return CheckResult(verdict="fail", reason=reason, findings=found, details=details)
        return CheckResult(verdict="pass", reason=passed, details=details)

    @classmethod
    def effective_weight(cls) -> float:
        return cls.weight if cls.weight is not None else DEFAULT_WEIGHT[cls.severity]

    @classmethod
    def citations(cls, jurisdiction: str | None = None) -> list[str]:
        refs = cls.references
        if jurisdiction:
            from auditor.jurisdiction import references_for  # profiles are data; imported late

            refs = references_for(cls.references, jurisdiction)
        return [r.cite() for r in refs]


def fingerprint(check_id: str, url: str, locator: str, key: str = "") -> str:
    """Stable identity of a finding for baselines: not its wording, not its values."""
    from auditor.urls import normalise_for_identity

    raw = "\x1f".join([check_id, normalise_for_identity(url), locator.strip(), key.strip()])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]


def discover_checks(package: str = "checks") -> list[type[Check]]:
    """Import every module under `checks/` and return the Check subclasses they define."""
    root = importlib.import_module(package)
    found: dict[str, type[Check]] = {}
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, Check) and value is not Check
                    and value.__module__ == module.__name__ and getattr(value, "id", None)):
                if value.id in found:
                    raise RuntimeError(f"duplicate check id {value.id!r} in {info.name}")
                found[value.id] = value
    return sorted(found.values(), key=lambda c: (CATEGORIES.index(c.category), c.id))
