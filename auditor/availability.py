"""What each source says about a product's availability, normalised to in / out / limited(N).

Sources: the product's structured data (schema.org ItemAvailability), the product page's text
(outside other products' tiles), the state of its add-to-cart button, and the badge on its
tile on listing pages. A source that says two things at once (a variant sold out beside
"in stock") is "mixed" and is not compared: the auditor cannot tell which applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor import structured
from auditor.artifacts import Artifacts, PageSnapshot
from auditor.catalog import Tile, inside, pages_by_product, product_urls, tile_roots, tiles
from auditor.checkkit import langs_of
from auditor.text.lexicon import Lexicons
from auditor.text.normalize import clip, normalize

SHOWN_AVAILABLE = ("in", "limited")


@dataclass(frozen=True)
class Reading:
    source: str  # structured data | product page text | add-to-cart button | listing badge
    state: str  # in | out | limited | preorder | mixed
    url: str
    text: str = ""
    locator: str = ""
    limit: int | None = None

    def describe(self) -> str:
        return f"limited ({self.limit})" if self.state == "limited" and self.limit else self.state


def _text_state(texts: list[tuple[str, str]], lex: Lexicons, langs: list[str | None] | None) -> tuple[str, str, str, int | None] | None:
    """(state, quote, locator, limit) from short availability texts; None when silent."""
    states: dict[str, tuple[str, str, int | None]] = {}
    for text, locator in texts:
        if len(text) > 160:
            continue  # availability is a label or a badge, not a paragraph of description
        norm = normalize(text)
        out_hits = lex.find("stock.out", norm, langs, normalized=True)
        if out_hits:
            states.setdefault("out", (text, locator, None))
            continue
        if lex.find("stock.preorder", norm, langs, normalized=True):
            states.setdefault("preorder", (text, locator, None))
            continue
        limited = lex.find("stock.limited", norm, langs, normalized=True)
        if limited:
            n = re.search(r"\d+", limited[0].found)
            states.setdefault("limited", (text, locator, int(n.group()) if n else None))
            continue
        if lex.find("stock.in", norm, langs, normalized=True):
            states.setdefault("in", (text, locator, None))
    if not states:
        return None
    avail = {"in", "limited"} & set(states)
    if "out" in states and avail:
        first = states["out"]
        return "mixed", first[0], first[1], None
    state = "limited" if "limited" in states else next(iter(states))
    text, locator, limit = states[state]
    return state, text, locator, limit


def from_structured_data(page: PageSnapshot) -> Reading | None:
    found = {structured.availability_of(o) for item in structured.products(page.structured_data)
             for o in structured.offers(item)} - {None}
    if not found:
        return None
    if len(found) > 1:
        state = "mixed" if {"in", "out"} <= found else ("limited" if "limited" in found else sorted(found)[0])
    else:
        state = next(iter(found))
    raw = ", ".join(sorted({str(o.get("availability")) for item in structured.products(page.structured_data)
                            for o in structured.offers(item) if o.get("availability")}))
    return Reading("structured data", state, page.final_url, clip(raw, 200))


def from_page_text(page: PageSnapshot, lex: Lexicons, products: set[str]) -> Reading | None:
    roots = tile_roots(page, products)
    texts = [(b.text, b.locator) for b in page.text_blocks if b.region in ("main", "aside")
             and not any(inside(b.locator, r) for r in roots)]
    found = _text_state(texts, lex, langs_of(page))
    if found is None:
        return None
    state, text, locator, limit = found
    return Reading("product page text", state, page.final_url, clip(text, 200), locator, limit)


def from_add_button(page: PageSnapshot, lex: Lexicons, products: set[str]) -> Reading | None:
    """An enabled add-to-cart button says the product can be bought; a disabled one says it
    cannot. A quantity box capped at N says at most N."""
    langs = langs_of(page)
    roots = tile_roots(page, products)
    buttons = [b for b in page.buttons if b.region in ("main", "aside") and not any(inside(b.locator, r) for r in roots)
               and lex.has("action.add_to_cart", b.text, langs)]
    if not buttons:
        return None
    enabled = [b for b in buttons if not b.disabled]
    button = enabled[0] if enabled else buttons[0]
    if not enabled:
        return Reading("add-to-cart button", "out", page.final_url, f"\u201c{button.text}\u201d is disabled", button.locator)
    cap = next((c for c in page.controls if c.kind == "number" and c.max and c.max.isdigit()
                and not any(inside(c.locator, r) for r in roots)), None)
    if cap is not None and 0 < int(cap.max or 0) <= 20:
        return Reading("add-to-cart button", "limited", page.final_url,
                       f"\u201c{button.text}\u201d enabled, quantity at most {cap.max}", button.locator, int(cap.max or 0))
    return Reading("add-to-cart button", "in", page.final_url, f"\u201c{button.text}\u201d is enabled", button.locator)


def from_tile(tile: Tile, lex: Lexicons) -> Reading | None:
    langs = langs_of(tile.page)
    found = _text_state([(b.text, b.locator) for b in tile.blocks], lex, langs)
    if found is None:
        return None
    state, text, locator, limit = found
    return Reading("listing badge", state, tile.page.final_url, clip(text, 200), locator, limit)


def conflicts(readings: list[Reading]) -> list[tuple[Reading, Reading]]:
    """Pairs of sources where one shows the product available and the other sold out."""
    usable = [r for r in readings if r.state in ("in", "limited", "out")]
    out = []
    for i, a in enumerate(usable):
        for b in usable[i + 1:]:
            if (a.state == "out") != (b.state == "out"):
                out.append((a, b))
    return out


def product_readings(artifacts: Artifacts, lex: Lexicons) -> dict[str, tuple[PageSnapshot, list[Reading]]]:
    """Availability per product from every source, keyed by the product page's URL."""
    products = product_urls(artifacts)
    out: dict[str, tuple[PageSnapshot, list[Reading]]] = {}
    for key, pages in pages_by_product(artifacts).items():
        page = next((p for p in pages if p.found_from != "journey"), pages[0])
        found = [r for r in (from_structured_data(page), from_page_text(page, lex, products),
                             from_add_button(page, lex, products)) if r is not None]
        out[key] = (page, found)
    for listing in artifacts.pages:
        if listing.found_from == "journey":
            continue
        for key, tile in tiles(listing, products).items():
            reading = from_tile(tile, lex)
            if reading is not None and key in out:
                out[key][1].append(reading)
    return out
