"""The settings of one audit: what the command line, shop-audit.toml and pyproject give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, SecretStr

FORMATS = ("json", "html", "sarif", "junit", "md", "pdf")


class AuditSettings(BaseModel):
    url: str
    out: Path = Path("reports/latest")
    formats: list[str] = Field(default_factory=lambda: ["json", "html"])
    max_pages: int = Field(30, ge=1, le=2000)
    max_depth: int = Field(4, ge=0, le=50)
    timeout: float = Field(20.0, gt=0, description="per-page timeout, seconds")
    max_duration: float = Field(900.0, gt=0, description="whole-audit budget, seconds")
    browser: str | None = None
    sandbox: str = "auto"
    max_contexts: int = Field(4, ge=1, le=16)
    max_page_mb: float = Field(10.0, gt=0, description="HTML pages larger than this are not read")
    loads: int = Field(3, ge=0, le=10, description="fresh desktop loads per repeated page")
    profiles: list[str] = Field(default_factory=lambda: ["mobile", "returning"])
    observe: float = Field(3.0, ge=0.5, le=60, description="seconds each repeated load is watched")
    repeat_pages: int = Field(4, ge=0, le=50)
    screenshots: bool = True
    journey: bool = True
    jurisdiction: str | None = None
    allow_domains: list[str] = Field(default_factory=list)
    ignore_robots: bool = False
    ignore_https_errors: bool = False
    http_user: str | None = None
    http_password: SecretStr | None = None
    storage_state: str | None = None
    journey_file: str | None = None
    currency: str | None = None
    attention: float = Field(5.0, ge=0, le=30, description="seconds watched for late pop-ups")
    fail_under: float | None = None

    def public(self) -> dict[str, Any]:
        """What the report may show: never a password, a token or a storage state's content."""
        data = self.model_dump(mode="json", exclude={"http_password"})
        data["out"] = str(self.out)
        data["http_password"] = "***" if self.http_password else None
        if self.storage_state:
            data["storage_state"] = "(given)"
        return data
