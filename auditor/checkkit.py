"""Small helpers checks share, so each check's module stays about its own judgement."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from auditor.artifacts import Artifacts, Control, Load, PageSnapshot, TextBlock
from auditor.check import Observation


def langs_of(page: PageSnapshot | None) -> list[str | None] | None:
    """The page's language plus English (shops mix in English UI words); None means all."""
    if page is None or not page.lang:
        return None
    return [page.lang, "en"]


def load_label(load: Load) -> str:
    who = {"desktop": "desktop, fresh visitor", "mobile": "mobile, fresh visitor",
           "returning": "returning visitor with the first visit's cookies and storage"}
    return f"load {load.index + 1} ({who.get(load.profile, load.profile)})"


def observation(load: Load, value: str | None, url: str | None = None) -> Observation:
    return Observation(label=load_label(load), at=load.started_at, elapsed_s=load.elapsed_s,
                       value=value, url=url)


def context_text(blocks: list[TextBlock], locator: str, own: str, limit: int = 240) -> str:
    """A timer or counter's text with the label before it ("Offer ends in" + "00:09:59")."""
    if any(ch.isalpha() for ch in own):
        return own[:limit]
    for i, block in enumerate(blocks):
        if block.locator == locator:
            before = blocks[i - 1].text if i > 0 else ""
            return f"{before} {own}".strip()[:limit]
    return own[:limit]


def controls_seen(artifacts: Artifacts, kinds: Iterable[str]) -> Iterator[tuple[str, PageSnapshot | None, Control]]:
    """Every control on pages of the given kinds, on overlays, and on journey steps, once each
    per visibility: a box hidden in the crawl's empty cart and shown in the journey's full one is
    two observations, and the visible one must not be lost to the hidden one."""
    wanted = set(kinds)
    seen: set[tuple[str, str, bool]] = set()
    for page in artifacts.pages:
        if page.kind in wanted:
            for control in page.controls:
                key = (page.final_url, control.locator, control.visible)
                if key not in seen:
                    seen.add(key)
                    yield page.final_url, page, control
        for overlay in page.overlays:
            for control in overlay.controls:
                key = (page.final_url, control.locator, control.visible)
                if key not in seen:
                    seen.add(key)
                    yield page.final_url, page, control
    if artifacts.journey:
        for step in artifacts.journey.steps:
            page = artifacts.pages[step.page] if step.page is not None and step.page < len(artifacts.pages) else None
            for control in step.controls:
                key = (step.url, control.locator, control.visible)
                if key not in seen:
                    seen.add(key)
                    yield step.url, page, control


def option_price(label: str, lex: Any, langs: Any) -> Any:
    """What choosing an option costs, from its label. "Free (orders over 1 500 ₴)" is free:
    a number beside a free word is a threshold, not the price."""
    from decimal import Decimal

    from auditor.text.prices import find_prices

    if lex.has("price.free", label, langs) or lex.has("price.shipping_free", label, langs):
        return Decimal("0")
    found = [p.amount for p in find_prices(label) if p.amount is not None]
    return found[-1] if found else None


def box_on_page(artifacts: Artifacts, url: str, locator: str) -> Any:
    """Where an element stood on the crawl's desktop snapshot of a page (the screenshot that
    evidence crops are cut from), or None. Repeated loads may be mobile-sized."""
    page = artifacts.page_for(url)
    if page is None:
        return None
    for group in (page.text_blocks, page.controls, page.buttons, page.prices):
        for item in group:
            if getattr(item, "locator", None) == locator and getattr(item, "box", None) is not None:
                return item.box
    return None


LAST_STEPS = ("checkout-review", "checkout-payment")


def walked_to_the_end(journey: Any) -> bool:
    """Did the journey see the checkout's last step before payment? It did when it stopped
    before the order button or at the payment step; a walk cut short (stuck on a form, out of
    time) saw only part of the checkout, and what it did not see cannot pass."""
    if journey is None:
        return False
    if journey.stop is not None and journey.stop.button is not None:
        return True
    last = next((s for s in reversed(journey.steps) if s.kind.startswith("checkout")), None)
    return last is not None and last.kind in LAST_STEPS
