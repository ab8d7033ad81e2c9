"""Probes the shopper runs after the checkout walk: questions only the shop's own cart can answer.

The scarcity probe: a product page says "only N left"; ask the cart for N + 1 and read what it
kept. A shop with N units refuses or caps the quantity; a cart that takes N + 1 shows that the
claim was not about stock. Nothing is ordered: the probe stops at the cart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from auditor.artifacts import AddedItem, PageSnapshot
from auditor.checkkit import langs_of
from auditor.text.claims import stock_count

if TYPE_CHECKING:
    from auditor.journey.shopper import Shopper

MAX_CLAIMED = 20  # "only 250 left" is a stock level, not a scarcity claim worth a probe


def scarcity_target(shopper: "Shopper") -> tuple[PageSnapshot, int] | None:
    """The first crawled product page that claims a small number of units left and has a
    quantity field to ask for more."""
    for page in shopper.artifacts.pages:
        if page.kind != "product" or page.found_from == "journey":
            continue
        if not any(c.kind == "number" or "qty" in (c.name or "").lower() or "quantity" in (c.name or "").lower()
                   for c in page.controls if c.visible):
            continue
        for block in page.text_blocks:
            if block.region in ("nav", "footer"):
                continue
            claimed = stock_count(block.text, shopper.lex, langs_of(page))
            if claimed is not None and 0 < claimed <= MAX_CLAIMED:
                return page, claimed
    return None


async def scarcity_probe(shopper: "Shopper", page: Any) -> AddedItem | None:
    target = scarcity_target(shopper)
    if target is None or not shopper._time_left():
        return None
    product, claimed = target
    item = await shopper.add_product(page, product, claimed + 1, "scarcity probe")
    if item is None:
        return None
    if item.quantity != claimed + 1:
        shopper.journey.notes.append(f"scarcity probe: could not ask for {claimed + 1} on {product.final_url}")
        return item
    if item.accepted:
        await shopper.open_cart(page)  # reads the quantity the cart kept for every added item
    shopper.journey.notes.append(
        f"scarcity probe: {product.final_url} claims {claimed} left; asked the cart for {claimed + 1}, "
        f"it kept {item.cart_quantity if item.cart_quantity is not None else 'an unreadable quantity'}")
    return item
