"""Small hand-made artifacts for checks' unit tests: no browser involved."""

from __future__ import annotations

from typing import Any

from auditor.artifacts import (
    Artifacts, Box, Control, Link, Load, PageSnapshot, RepeatedLoads, TextBlock, TickingElement,
)
from auditor.check import CheckContext, CheckResult
from auditor.runner import run_check

BASE = "http://shop.test"


def page(path: str = "/", kind: str = "other", texts: list[str] | None = None, lang: str = "en",
         policy_kinds: list[str] | None = None, **extra: Any) -> PageSnapshot:
    blocks = [TextBlock(text=t, locator=f"main > p:nth-of-type({i + 1})", tag="p",
                        box=Box(x=10, y=40 * i, width=300, height=30))
              for i, t in enumerate(texts or [])]
    return PageSnapshot(url=BASE + path, final_url=BASE + path, status=200, kind=kind, lang=lang,
                        text_blocks=blocks, policy_kinds=policy_kinds or [], **extra)


def checkbox(label: str, checked: bool, locator: str | None = None, **extra: Any) -> Control:
    return Control(kind="checkbox", label=label, checked=checked,
                   locator=locator or f"#cb-{abs(hash(label)) % 10000}", box=Box(x=1, y=2, width=20, height=20),
                   **extra)


def radio(label: str, checked: bool, name: str = "shipping") -> Control:
    return Control(kind="radio", label=label, checked=checked, name=name,
                   locator=f"input[name={name}][value='{abs(hash(label)) % 1000}']")


def link(href: str, text: str, region: str = "footer") -> Link:
    return Link(href=BASE + href, text=text, region=region)


def timer_load(index: int, elapsed: float, first: str, second: str, profile: str = "desktop",
               locator: str = "#timer", label: str = "Offer ends in") -> Load:
    return Load(
        index=index, profile=profile, context=f"ctx-{index}", started_at=f"2026-01-01T00:00:{index:02d}Z",
        elapsed_s=elapsed,
        text_blocks=[TextBlock(text=label, locator="#label"), TextBlock(text=first, locator=locator)],
        ticking=[TickingElement(locator=locator, first=first, second=second, interval_ms=1100,
                                box=Box(x=5, y=5, width=80, height=20))],
    )


def repeated(path: str, loads: list[Load]) -> RepeatedLoads:
    return RepeatedLoads(url=BASE + path, kind="product", loads=loads)


def artifacts(pages: list[PageSnapshot] | None = None, rep: list[RepeatedLoads] | None = None,
              **extra: Any) -> Artifacts:
    return Artifacts(target=BASE + "/", started_at="2026-01-01T00:00:00Z", pages=pages or [],
                     repeated=rep or [], **extra)


def judge(check: type, arts: Artifacts, jurisdiction: str = "EU", **settings: Any) -> CheckResult:
    """Run one check the way the engine does (requirements, isolation)."""
    return run_check(check, arts, CheckContext(jurisdiction=jurisdiction, settings=settings))
