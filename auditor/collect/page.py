"""Turn a loaded Playwright page into a PageSnapshot: the in-page collector plus the parsing
(prices, structured data, language, kind) that is easier and safer in Python."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from auditor.artifacts import (
    Box, Button, Control, Link, Overlay, PageSnapshot, PriceMention, StructuredData, TextBlock,
    TransientElement,
)
from auditor.text.language import LanguageDetector, page_language
from auditor.text.prices import find_prices, parse_price

log = logging.getLogger(__name__)

SNAPSHOT_JS = resources.files("auditor.collect").joinpath("snapshot.js").read_text("utf-8")
OBSERVER_JS = resources.files("auditor.collect").joinpath("observer.js").read_text("utf-8")
MAX_SCREENSHOT_HEIGHT = 8000


def observer_script(key: str) -> str:
    return OBSERVER_JS.replace("__SHOP_AUDIT_KEY__", key)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass
class CollectOptions:
    observer_key: str
    screenshots_dir: Path | None = None
    detector: LanguageDetector = field(default_factory=LanguageDetector)
    currency_hint: str | None = None


def structured_data(html: str, base_url: str) -> StructuredData:
    """JSON-LD, microdata and OpenGraph through extruct; a broken block loses only itself."""
    import extruct

    out = StructuredData()
    for syntax, attr in (("json-ld", "json_ld"), ("microdata", "microdata"), ("opengraph", "opengraph")):
        try:
            data = extruct.extract(html, base_url=base_url, syntaxes=[syntax], uniform=True,
                                   errors="ignore").get(syntax, [])
            setattr(out, attr, [d for d in data if isinstance(d, dict)][:50])
        except Exception as exc:  # malformed markup in one syntax
            log.debug("structured data %s failed on %s: %s", syntax, base_url, exc)
    return out


def _currency_from_sd(sd: StructuredData) -> str | None:
    def walk(node: Any) -> str | None:
        if isinstance(node, dict):
            cur = node.get("priceCurrency")
            if isinstance(cur, str) and len(cur) == 3:
                return cur.upper()
            for v in node.values():
                found = walk(v)
                if found:
                    return found
        elif isinstance(node, list):
            for v in node:
                found = walk(v)
                if found:
                    return found
        return None

    return walk(sd.json_ld) or walk(sd.microdata)


def price_mentions(raw: list[dict], currency_hint: str | None, lang: str | None) -> list[PriceMention]:
    """Resolve nested price candidates to one mention per displayed price.

    An element and its parent often hold the same price ("<b><span>£</span>12</b>"); a split
    price ("<span>1 299</span><sup>00</sup> ₴") is only complete on the parent; a "was/now"
    pair lives in one parent with two priced children. Keep the most precise complete reading.
    """
    parsed: list[tuple[dict, list]] = []
    for cand in raw:
        found = find_prices(cand["text"], currency_hint=None, lang=lang)
        if not found:
            one = parse_price(cand["text"], currency_hint=currency_hint, lang=lang, split_fraction=True)
            if one is None and cand.get("content"):
                one = parse_price(cand["content"], currency_hint=currency_hint, lang=lang)
            found = [one] if one is not None else []
        parsed.append((cand, found))
    by_locator = {c["locator"]: (c, f) for c, f in parsed}
    drop: set[str] = set()
    for cand, found in parsed:
        parent = cand.get("parent")
        if not parent or parent not in by_locator:
            continue
        pcand, pfound = by_locator[parent]
        if not found:
            continue
        if len(pfound) > 1:
            drop.add(parent)  # the children carry the individual prices
        elif len(pfound) == 1 and len(found) == 1:
            if pfound[0].currency and not found[0].currency:
                drop.add(cand["locator"])  # the child is a fragment ("1 299" of "1 299 00 ₴")
            else:
                drop.add(parent)  # the same price: keep the more precise element
    mentions: list[PriceMention] = []
    for cand, found in parsed:
        if cand["locator"] in drop:
            continue
        for p in found:
            mentions.append(PriceMention(
                text=p.text or cand["text"], amount=p.amount,
                currency=p.currency or currency_hint, locator=cand["locator"],
                box=Box(**cand["box"]) if cand.get("box") else None,
                struck=bool(cand.get("struck")), region=cand.get("region", "main"),
                context=cand.get("context", ""), itemprop=cand.get("itemprop"),
            ))
    return mentions


async def collect(page: Any, opts: CollectOptions, *, url: str, status: int | None,
                  content_type: str | None, depth: int = 0, found_from: str | None = None,
                  shot_name: str | None = None, load_ms: float | None = None) -> PageSnapshot:
    raw = await page.evaluate(SNAPSHOT_JS, {})
    html = await page.content()
    final_url = page.url
    sd = structured_data(html, final_url)
    blocks = [TextBlock(**b) for b in raw["blocks"]]
    text = "\n".join(b.text for b in blocks)
    lang, _why = page_language(raw.get("lang_declared"), text[:5000], opts.detector)
    currency = _currency_from_sd(sd) or opts.currency_hint
    snap = PageSnapshot(
        url=url, final_url=final_url, status=status, content_type=content_type,
        title=raw.get("title", ""), lang=lang, lang_declared=raw.get("lang_declared"),
        dir=raw.get("dir"), depth=depth, found_from=found_from, text_blocks=blocks,
        links=[Link(**{k: v for k, v in ln.items() if k != "visible"}) for ln in raw["links"]],
        controls=[Control(**c) for c in raw["controls"]],
        buttons=[Button(**b) for b in raw["buttons"]],
        prices=price_mentions(raw["prices"], currency, lang),
        structured_data=sd,
        overlays=[Overlay(**o, page_url=final_url) for o in raw["overlays"]],
        transients=await transients(page, opts.observer_key),
        viewport=Box(**raw["viewport"]),
        loaded_at=now_iso(), load_ms=load_ms,
    )
    if opts.screenshots_dir is not None and shot_name:
        snap.screenshot = await screenshot(page, opts.screenshots_dir, shot_name, raw.get("doc_height", 0))
    return snap


async def transients(page: Any, key: str) -> list[TransientElement]:
    try:
        records = await page.evaluate(f"() => (window[{json.dumps(key)}] ? window[{json.dumps(key)}]() : [])")
    except Exception:
        return []
    out = []
    for r in records if isinstance(records, list) else []:
        try:
            out.append(TransientElement(**r))
        except Exception:
            continue
    return out


async def screenshot(page: Any, folder: Path, name: str, doc_height: int) -> str | None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    try:
        vp = page.viewport_size or {"width": 1280, "height": 900}
        height = max(vp["height"], min(int(doc_height or 0), MAX_SCREENSHOT_HEIGHT))
        await page.screenshot(path=str(path), full_page=True, timeout=15_000, animations="disabled",
                              clip={"x": 0, "y": 0, "width": vp["width"], "height": height})
    except Exception as exc:
        log.debug("screenshot failed: %s", exc)
        return None
    return f"{folder.name}/{path.name}"


def money(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:.2f}"
