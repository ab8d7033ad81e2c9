"""Hand-made shops for the price, promotion and stock checks: product and listing pages whose
prices are read from their text exactly as the collector reads them, and journeys with a
price ledger per step. No browser involved."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from auditor.artifacts import (
    AddedItem, Artifacts, Box, Button, Control, Journey, JourneyStep, Ledger, LedgerLine, Link, Overlay,
    PageSnapshot, PriceMention, ShippingOption, StructuredData, TextBlock,
)
from tests.builders import BASE

D = Decimal


def block(text: str, locator: str, tag: str = "p", region: str = "main", struck: bool = False) -> TextBlock:
    return TextBlock(text=text, locator=locator, tag=tag, region=region, struck=struck,
                     box=Box(x=10, y=10, width=300, height=20))


def shop_page(path: str, kind: str, blocks: list[TextBlock], lang: str = "en", currency: str | None = None,
              sd: list[dict] | None = None, links: list[Link] | None = None, buttons: list[Button] | None = None,
              controls: list[Control] | None = None, overlays: list[Overlay] | None = None,
              found_from: str | None = None, og: list[dict] | None = None) -> PageSnapshot:
    """A page whose price mentions are found in its blocks' text (the block is their context)."""
    from auditor.text.prices import find_prices

    prices: list[PriceMention] = []
    for b in blocks:
        for i, p in enumerate(find_prices(b.text, currency, lang)):
            if p.amount is None or p.is_free:
                continue
            prices.append(PriceMention(text=p.text, amount=p.amount, currency=p.currency, struck=b.struck,
                                       region=b.region, context=b.text, locator=f"{b.locator} > span:nth-of-type({i + 1})"))
    return PageSnapshot(url=BASE + path, final_url=BASE + path, status=200, kind=kind, lang=lang, text_blocks=blocks,
                        prices=prices, links=links or [], buttons=buttons or [], controls=controls or [],
                        overlays=overlays or [], found_from=found_from,
                        structured_data=StructuredData(json_ld=sd or [], opengraph=og or []))


def product_sd(name: str, price: str, currency: str, availability: str = "InStock") -> dict:
    return {"@context": "https://schema.org", "@type": "Product", "name": name,
            "offers": {"@type": "Offer", "price": price, "priceCurrency": currency,
                       "availability": f"https://schema.org/{availability}"}}


def product(path: str, name: str, price_text: str, lang: str = "en", currency: str | None = None,
            extra: list[str] | None = None, sd: list[dict] | None = None, add_label: str = "Add to basket",
            add_disabled: bool = False, struck: str | None = None, found_from: str | None = None) -> PageSnapshot:
    blocks = [block(name, "#main > div > h1", "h1"), block(price_text, "#main > div > div.price > span", "span")]
    if struck:
        blocks.append(block(struck, "#main > div > div.price > del", "del", struck=True))
    blocks += [block(t, f"#main > div > p:nth-of-type({i + 1})") for i, t in enumerate(extra or [])]
    buttons = [Button(text=add_label, locator="#main > div > form > button", kind="submit", disabled=add_disabled)]
    blocks.append(block(add_label, "#main > div > form > button", "button"))
    return shop_page(path, "product", blocks, lang, currency, sd, buttons=buttons, found_from=found_from)


def tile_listing(path: str, tiles: list[tuple[str, str, list[str], list[str]]], lang: str = "en",
                 currency: str | None = None, kind: str = "listing", extra: list[str] | None = None) -> PageSnapshot:
    """A listing page: tiles of (href, name, [current price texts], [struck texts or badges])."""
    blocks: list[TextBlock] = []
    links: list[Link] = []
    for i, (href, name, current, other) in enumerate(tiles):
        root = f"#main > ul > li:nth-of-type({i + 1})"
        links.append(Link(href=BASE + href, text=name, locator=f"{root} > a", region="main"))
        blocks.append(block(name, f"{root} > a > h3", "h3"))
        for j, text in enumerate(current):
            blocks.append(block(text, f"{root} > a > span:nth-of-type({j + 1})", "span"))
        for j, text in enumerate(other):
            struck = any(ch.isdigit() for ch in text) and "%" not in text
            blocks.append(block(text, f"{root} > a > del:nth-of-type({j + 1})" if struck else f"{root} > span.badge-{j}",
                                "del" if struck else "span", struck=struck))
    blocks += [block(t, f"#main > p:nth-of-type({i + 1})") for i, t in enumerate(extra or [])]
    return shop_page(path, kind, blocks, lang, currency, links=links)


def ledger(currency: str, rows: list[tuple[str, str, str | None]], total: str | None,
           subtotal: str | None = None, qty: dict[int, int] | None = None) -> Ledger:
    lines = [LedgerLine(label=label, kind=kind, amount=None if amount is None else D(amount), text=label,
                        quantity=(qty or {}).get(i), locator=f"#summary > tr:nth-of-type({i + 1})")
             for i, (kind, label, amount) in enumerate(rows)]
    if subtotal is not None:
        lines.append(LedgerLine(label="Subtotal", kind="subtotal", amount=D(subtotal), locator="#summary > .subtotal"))
    if total is not None:
        lines.append(LedgerLine(label="Total", kind="total", amount=D(total), locator="#summary > .total",
                                text=f"Total {total}"))
    return Ledger(currency=currency, lines=lines, total=None if total is None else D(total),
                  subtotal=None if subtotal is None else D(subtotal), total_text=f"Total {total}" if total else "")


def step(index: int, kind: str, path: str, led: Ledger | None = None, page: int | None = None,
         options: list[ShippingOption] | None = None, messages: list[str] | None = None, action: str = "") -> JourneyStep:
    return JourneyStep(index=index, kind=kind, url=BASE + path, ledger=led, page=page, shipping_options=options or [],
                       messages=messages or [], action=action)


def added(name: str, path: str, price: str | None, currency: str | None, accepted: bool = True,
          message: str | None = None, purpose: str = "checkout", quantity: int = 1) -> AddedItem:
    return AddedItem(name=name, url=BASE + path, unit_price=None if price is None else D(price), currency=currency,
                     accepted=accepted, message=message, purpose=purpose, quantity=quantity, cart_quantity=quantity)


def shop(pages: list[PageSnapshot], steps: list[JourneyStep] | None = None, items: list[AddedItem] | None = None,
         **journey: Any) -> Artifacts:
    j = Journey(steps=steps or [], added=items or [], **journey) if steps is not None or items is not None else None
    return Artifacts(target=BASE + "/", started_at="2026-01-01T00:00:00Z", pages=pages, journey=j)
