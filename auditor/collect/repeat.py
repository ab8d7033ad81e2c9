"""Load the same page several times, as different visitors, and keep what each one saw.

Dynamic claims are only verifiable by comparison: a countdown is fake when a fresh visitor
sees it restart, a stock count when it changes between loads, a price when a phone is charged
more than a desktop. Each load is a new browser context (a new visitor) unless it is the
`returning` profile, which carries the cookies and storage of the first visit.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass
from typing import Any

from auditor.artifacts import BlockChange, Load, RepeatedLoads, TextBlock, TickingElement
from auditor.browser import PROFILES, Browser
from auditor.collect.navigate import open_page
from auditor.collect.page import SNAPSHOT_JS, CollectOptions, now_iso, observer_script, price_mentions, structured_data, transients
from auditor.artifacts import Overlay

TICK_S = 1.1  # long enough for a per-second timer to change, short enough to be cheap


@dataclass
class LoadPlan:
    profile: str  # desktop | mobile | returning


def default_plan(fresh_loads: int, extra_profiles: list[str]) -> list[LoadPlan]:
    plan = [LoadPlan("desktop") for _ in range(fresh_loads)]
    plan += [LoadPlan(p) for p in extra_profiles if p in ("mobile", "returning")]
    return plan


async def _read(page: Any) -> list[TextBlock]:
    raw = await page.evaluate(SNAPSHOT_JS, {"textsOnly": True})
    return [TextBlock(**b) for b in raw["blocks"]]


async def _one_load(browser: Browser, url: str, plan: LoadPlan, index: int, t0: float,
                    opts: CollectOptions, observe_s: float, timeout_s: float,
                    storage: Any) -> tuple[Load, Any]:
    profile = PROFILES.get("mobile" if plan.profile == "mobile" else "desktop")
    started = now_iso()
    async with browser.context(profile, storage_state=storage if plan.profile == "returning" else None) as ctx:
        opened = await open_page(ctx, url, timeout_s, settle_s=0.3,
                                 init_script=observer_script(opts.observer_key))
        page = opened.page
        load = Load(index=index, profile=plan.profile, context=f"ctx-{index}" if plan.profile != "returning" else "ctx-0 (returning)",
                    started_at=started, elapsed_s=round(time.monotonic() - t0, 3),
                    final_url=page.url, status=opened.status)
        if opened.error:
            load.error = opened.error
            return load, None
        try:
            read_at = time.monotonic()
            first = await _read(page)
            await asyncio.sleep(TICK_S)
            second = await _read(page)
            tick_ms = (time.monotonic() - read_at) * 1000
            load.elapsed_s = round(read_at - t0, 3)
            load.ticking = ticking_elements(first, second, tick_ms)
            await asyncio.sleep(max(0.0, observe_s - TICK_S))
            raw = await page.evaluate(SNAPSHOT_JS, {})
            load.text_blocks = [TextBlock(**b) for b in raw["blocks"]]
            html = await page.content()
            load.structured_data = structured_data(html, page.url)
            load.prices = price_mentions(raw["prices"], opts.currency_hint, None)
            load.overlays = [Overlay(**o, page_url=page.url) for o in raw["overlays"]]
            load.transients = await transients(page, opts.observer_key)
            load.observed_ms = round((time.monotonic() - read_at) * 1000)
            state = await ctx.storage_state() if index == 0 else None
        except Exception as exc:
            load.error = f"{type(exc).__name__}: {str(exc)[:200]}"
            state = None
        return load, state


def block_changes(loads: list[Load]) -> list[BlockChange]:
    good = [ld for ld in loads if ld.error is None]
    per_load = [{b.locator: b.text for b in ld.text_blocks} for ld in good]
    locators: dict[str, None] = {}
    for texts in per_load:
        locators.update(dict.fromkeys(texts))
    changes = []
    for loc in locators:
        values = [texts.get(loc) for texts in per_load]
        if len(set(values)) > 1:
            changes.append(BlockChange(locator=loc, values=values))
    return changes[:300]


async def repeat_page(browser: Browser, url: str, kind: str, plan: list[LoadPlan],
                      opts: CollectOptions, observe_s: float, timeout_s: float) -> RepeatedLoads:
    t0 = time.monotonic()
    loads: list[Load] = []
    storage = None
    # Fresh desktop loads first, then the other profiles; the returning visitor needs load 0.
    for index, step in enumerate(plan):
        load, state = await _one_load(browser, url, step, index, t0, opts, observe_s, timeout_s, storage)
        if index == 0:
            storage = state
        loads.append(load)
    return RepeatedLoads(url=url, kind=kind, loads=loads, changes=block_changes(loads))  # type: ignore[arg-type]


def _parent(locator: str) -> str:
    return locator.rsplit(" > ", 1)[0]


def _clock_text(blocks: list[TextBlock]) -> str:
    return re.sub(r"(?<=\d)\s*:\s*(?=\d)", ":", " ".join(b.text for b in blocks))


def ticking_elements(first: list[TextBlock], second: list[TextBlock], interval_ms: float) -> list[TickingElement]:
    """Text that changed between two reads of one load. A clock drawn one element per unit
    ("3 дні" "04 год" "12 хв" "51 сек", or "02" ":" "14" ":" "33") changes only in its seconds:
    the changed element then carries its siblings' text read at the same moment, so the whole
    remaining time is compared across visits, not the seconds alone."""
    before = {b.locator: b for b in first}
    out: list[TickingElement] = []
    for b in second:
        if b.locator not in before or before[b.locator].text == b.text:
            continue
        siblings_then = [x for x in first if _parent(x.locator) == _parent(b.locator)]
        siblings_now = [x for x in second if _parent(x.locator) == _parent(b.locator)]
        # Only a unit on its own ("51 сек", "33") needs its siblings; "1193 ימים 03:47:32" is whole.
        clock = (len(b.text) <= 8 and 2 <= len(siblings_now) <= 8 and all(len(x.text) <= 24 for x in siblings_now)
                 and [x.locator for x in siblings_then] == [x.locator for x in siblings_now])
        out.append(TickingElement(
            locator=b.locator,
            first=_clock_text(siblings_then) if clock else before[b.locator].text,
            second=_clock_text(siblings_now) if clock else b.text,
            interval_ms=round(interval_ms), box=b.box))
    return out
