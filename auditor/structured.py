"""Reading schema.org data as shops really publish it: nested in @graph, mainEntity or offers
lists, typed as strings or URLs, in JSON-LD or microdata alike."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from auditor.artifacts import StructuredData


def _types(node: dict) -> set[str]:
    t = node.get("@type") or node.get("type") or []
    if isinstance(t, str):
        t = [t]
    return {str(x).rsplit("/", 1)[-1] for x in t}


def walk(node: Any, depth: int = 0) -> Iterator[dict]:
    """Every dict in a structured-data tree, depth-first, bounded against hostile nesting."""
    if depth > 12:
        return
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value, depth + 1)
    elif isinstance(node, list):
        for value in node[:500]:
            yield from walk(value, depth + 1)


def products(sd: StructuredData) -> list[dict]:
    """schema.org Product (and ProductGroup/IndividualProduct) nodes."""
    return [n for n in walk(sd.json_ld + sd.microdata)
            if _types(n) & {"Product", "ProductGroup", "IndividualProduct", "ProductModel"}]


def offers(product: dict) -> list[dict]:
    out = []
    raw = product.get("offers")
    for node in walk(raw):
        if _types(node) & {"Offer", "AggregateOffer"} or "price" in node or "lowPrice" in node:
            out.append(node)
    return out


def price_of(offer: dict) -> Decimal | None:
    for key in ("price", "lowPrice"):
        value = offer.get(key)
        if isinstance(value, dict):
            value = value.get("@value") or value.get("value")
        if value is None or value == "":
            continue
        try:
            return Decimal(str(value).replace(",", ".").strip())
        except InvalidOperation:
            continue
    spec = offer.get("priceSpecification")
    if isinstance(spec, dict):
        return price_of(spec)
    return None


def currency_of(offer: dict) -> str | None:
    cur = offer.get("priceCurrency")
    if not cur and isinstance(offer.get("priceSpecification"), dict):
        cur = offer["priceSpecification"].get("priceCurrency")
    return str(cur).upper()[:3] if cur else None


def availability_of(offer: dict) -> str | None:
    """'in' | 'out' | 'limited' | 'preorder' | None, from schema.org ItemAvailability."""
    value = str(offer.get("availability") or "").rsplit("/", 1)[-1].lower()
    if not value:
        return None
    if value in ("instock", "onlineonly", "instoreonly"):
        return "in"
    if value == "limitedavailability":
        return "limited"
    if value in ("outofstock", "soldout", "discontinued"):
        return "out"
    if value in ("preorder", "presale", "backorder"):
        return "preorder"
    return None


def name_of(product: dict) -> str | None:
    name = product.get("name")
    return str(name) if name else None


def inventory_of(offer: dict) -> int | None:
    """Units in stock from schema.org inventoryLevel (a number or a QuantitativeValue)."""
    value = offer.get("inventoryLevel")
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("value", value.get("@value", value.get("maxValue")))
    try:
        return int(Decimal(str(value).strip())) if value not in (None, "") else None
    except (InvalidOperation, ValueError):
        return None
