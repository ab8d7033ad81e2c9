"""Legal references: the acts we cite, and how a check names an article in one of them.

A check cites `Ref("UCPD", "Annex I no. 7")`; the act's key resolves to its full citation and the
jurisdictions where it applies through `acts.toml`. A jurisdiction profile decides which of a
check's references a finding carries, and may add local equivalents.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Act:
    key: str
    citation: str  # e.g. "UCPD 2005/29/EC"
    title: str
    jurisdictions: tuple[str, ...]
    url: str | None = None


@dataclass(frozen=True)
class Ref:
    act: str  # key into acts.toml
    pinpoint: str  # "art. 6(1)(e)", "Annex I no. 7"
    note: str = ""  # e.g. "drip pricing", for soft-law lists without articles

    def cite(self) -> str:
        act = acts().get(self.act)
        head = act.citation if act else self.act
        tail = f" ({self.note})" if self.note else ""
        return f"{head} {self.pinpoint}{tail}".strip()

    def jurisdictions(self) -> tuple[str, ...]:
        act = acts().get(self.act)
        return act.jurisdictions if act else ()

    def url(self) -> str | None:
        act = acts().get(self.act)
        return act.url if act else None


@cache
def acts() -> dict[str, Act]:
    raw = tomllib.loads(resources.files("auditor").joinpath("legal_acts.toml").read_text("utf-8"))
    return {
        key: Act(
            key=key,
            citation=v["citation"],
            title=v["title"],
            jurisdictions=tuple(v.get("jurisdictions", [])),
            url=v.get("url"),
        )
        for key, v in raw.items()
    }
