"""The shopper journey as the price checks read it: the steps that belong to the purchase, the
price first seen, the pages seen before a charge appeared."""

from __future__ import annotations

from decimal import Decimal

from auditor.artifacts import AddedItem, Artifacts, Journey, JourneyStep, PageSnapshot
from auditor.catalog import url_key
from auditor.text.normalize import normalize

PRICED_KINDS = ("cart", "coupon", "checkout-entry", "checkout-login", "checkout-contact", "checkout-address",
                "checkout-shipping", "checkout-payment", "checkout-review")


def purchase_steps(journey: Journey) -> list[JourneyStep]:
    """The steps of the purchase itself: the probes for sold-out products run afterwards and
    put other products in the cart, so everything from the first probe on is left out."""
    out = []
    for step in journey.steps:
        if "probe" in step.action:
            break
        out.append(step)
    return out


def bought(journey: Journey) -> list[AddedItem]:
    return [a for a in journey.added if a.purpose == "checkout" and a.accepted]


def first_price(journey: Journey) -> tuple[Decimal, str | None] | None:
    """What the products in the cart cost where the shopper first saw them (their pages), or
    None when a price or the currency is not known for every one of them."""
    items = bought(journey)
    if not items or any(a.unit_price is None for a in items):
        return None
    currencies = {a.currency for a in items}
    if len(currencies) > 1:
        return None
    total = sum((a.unit_price * (a.cart_quantity or a.quantity) for a in items if a.unit_price is not None), Decimal(0))
    return total, next(iter(currencies))


def final_step(steps: list[JourneyStep]) -> JourneyStep | None:
    """The last step with a total: the last checkout step that shows one, else the cart."""
    priced = [s for s in steps if s.ledger is not None and s.ledger.total is not None and s.kind in PRICED_KINDS]
    checkout = [s for s in priced if s.kind.startswith("checkout")]
    return (checkout or priced or [None])[-1]


def page_of(artifacts: Artifacts, step: JourneyStep) -> PageSnapshot | None:
    if step.page is None or step.page >= len(artifacts.pages):
        return None
    return artifacts.pages[step.page]


def product_pages(artifacts: Artifacts, items: list[AddedItem]) -> list[PageSnapshot]:
    """The pages of the products the shopper bought, as crawled and as the journey saw them."""
    keys = {url_key(a.url) for a in items}
    return [p for p in artifacts.pages if p.kind == "product" and url_key(p.final_url) in keys]


def line_key(kind: str, label: str) -> str:
    words = [w for w in normalize(label).split() if not any(ch.isdigit() for ch in w)]
    return f"{kind}:{' '.join(words[:4])}"
