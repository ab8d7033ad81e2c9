"""Re-adding a journey step's price ledger the way a shopper would, to the currency's minor unit.

A ledger read off a page is ambiguous in a few known ways, and a check that calls a shop's
arithmetic wrong must first try every honest reading of what it saw:
* a tax line may be added to the total or only state the VAT the total already includes;
* a discount line may be deducted or only tell the shopper what the sale price saved;
* a line the lexicons could not name ("other") may or may not be a charge;
* the item rows may give line totals, or unit prices beside a quantity;
* the chosen delivery option may be a radio button whose price is not a row of its own;
* a summary box may repeat the item rows of the main table.
The ledger "adds up" when any reading lands on a total the step shows. Only when none does is
the difference evidence; the reading reported is the plain one (every line counted as shown).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
import re
from itertools import product

from auditor.artifacts import Ledger, LedgerLine, ShippingOption
from auditor.text.lexicon import Lexicons
from auditor.text.normalize import normalize
from auditor.text.prices import find_prices, minor_unit, money_equal

CHARGES = ("shipping", "fee", "addon")  # always added when shown as a row with an amount


@dataclass(frozen=True)
class Reading:
    """One way of adding the ledger up: the parts it added and what the total should be."""

    name: str
    expected: Decimal
    parts: tuple[tuple[str, Decimal], ...]


@dataclass
class Sum:
    """The outcome of re-adding one ledger."""

    judged: bool  # False: not enough on the page to add up (no total, no items)
    adds_up: bool = False
    total: Decimal | None = None
    plain: Reading | None = None  # every line counted as shown
    matched: Reading | None = None  # the reading that reproduced a shown total
    difference: Decimal | None = None  # total shown minus the plain reading
    subtotal_ok: bool | None = None  # None: no subtotal, or item rows could not be trusted
    subtotal_expected: Decimal | None = None
    why_not: str = ""
    readings: list[Reading] = field(default_factory=list)


def quantize(amount: Decimal, currency: str | None) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-minor_unit(currency)))


def tax_included(line: LedgerLine, lex: Lexicons, langs: list[str | None] | None) -> bool:
    """A tax row that states the VAT inside the price ("incl. 19% MwSt.", "VAT included")."""
    text = f"{line.label} {line.text}"
    return lex.has("price.tax_included", text, langs) and not lex.has("price.tax_excluded", text, langs)


_PERCENT = re.compile(r"\d\s?%")


def informational(line: LedgerLine, lex: Lexicons, langs: list[str | None] | None) -> bool:
    """A row that states a rule rather than charging an amount: "Delivery £3.95, or free over
    £75", "free shipping from 1 500 ₴". It may or may not be in the total, so it is optional."""
    if line.kind in ("item", "subtotal", "total"):
        return False
    text = line.text or line.label
    if len(find_prices(text)) >= 2 or _PERCENT.search(text) and line.kind != "tax":
        return True
    return any(lex.has(c, text, langs) for c in ("price.shipping_rule", "promo_condition.min_spend"))


def _item_variants(items: list[LedgerLine]) -> list[tuple[str, Decimal]]:
    """Ways of summing the item rows: as shown, unit price x quantity, repeated rows once."""
    out = [("items as shown", sum((ln.amount for ln in items if ln.amount is not None), Decimal(0)))]
    if any(ln.unit_price is None and (ln.quantity or 1) > 1 for ln in items):
        out.append(("items as unit price \u00d7 quantity",
                    sum(((ln.amount or Decimal(0)) * (ln.quantity if ln.unit_price is None and ln.quantity else 1)
                         for ln in items), Decimal(0))))
    seen: dict[tuple[str, Decimal], LedgerLine] = {}
    for ln in items:
        if ln.amount is not None:
            seen.setdefault((" ".join(normalize(ln.label).split()[:4]), ln.amount), ln)
    if len(seen) < len([ln for ln in items if ln.amount is not None]):
        out.append(("items with repeated rows counted once", sum((k[1] for k in seen), Decimal(0))))
    return out


def readings(ledger: Ledger, options: list[ShippingOption], lex: Lexicons,
             langs: list[str | None] | None) -> list[Reading]:
    lines = [ln for ln in ledger.lines if ln.amount is not None]
    items = [ln for ln in lines if ln.kind == "item"]
    notes = [ln for ln in lines if informational(ln, lex, langs)]
    charges = [ln for ln in lines if ln.kind in CHARGES and ln not in notes]
    taxes = [ln for ln in lines if ln.kind == "tax" and not tax_included(ln, lex, langs) and ln not in notes]
    discounts = [ln for ln in lines if ln.kind == "discount" and ln not in notes]
    others = [ln for ln in lines if ln.kind == "other" or ln in notes]
    bases = _item_variants(items) if items else []
    if ledger.subtotal is not None:
        bases.insert(0, ("subtotal", ledger.subtotal))
    if not bases:
        return []
    # The delivery chosen by radio button, when its price is not a row of the ledger.
    ship_choices: list[tuple[str, Decimal]] = [("", Decimal(0))]
    if not any(ln.kind == "shipping" and ln not in notes for ln in lines):
        chosen = [o for o in options if o.selected and o.amount is not None]
        pool = chosen or [o for o in options if o.amount is not None]
        ship_choices += [(f"delivery option \u201c{o.label[:60]}\u201d", o.amount) for o in pool if o.amount]
    fixed = [(f"{ln.kind}: {ln.label[:60]}", ln.amount) for ln in charges]
    out: list[Reading] = []
    for (base_name, base), add_tax, add_disc, add_other, (ship_name, ship) in product(
            bases, (True, False) if taxes else (False,), (True, False) if discounts else (False,),
            (True, False) if others else (False,), ship_choices):
        parts = [(base_name, base), *fixed]
        if add_tax:
            parts += [(f"tax: {ln.label[:60]}", ln.amount) for ln in taxes]
        if add_disc:
            parts += [(f"discount: {ln.label[:60]}", ln.amount) for ln in discounts]
        if add_other:
            parts += [(f"other: {ln.label[:60]}", ln.amount) for ln in others]
        if ship:
            parts.append((ship_name, ship))
        name = ", ".join(p[0] for p in parts)
        out.append(Reading(name, sum((p[1] for p in parts), Decimal(0)), tuple(parts)))  # type: ignore[misc]
    return out


def add_up(ledger: Ledger, options: list[ShippingOption], lex: Lexicons,
           langs: list[str | None] | None, expected_items: int | None = None) -> Sum:
    """Re-add a ledger. `expected_items` is how many products the shopper put in the cart: the
    item rows are compared with the subtotal only when that many rows were read."""
    if ledger.total is None:
        return Sum(judged=False, why_not="the step shows no total")
    lines = [ln for ln in ledger.lines if ln.amount is not None]
    items = [ln for ln in lines if ln.kind == "item"]
    if not items and ledger.subtotal is None:
        return Sum(judged=False, why_not="the step shows neither item rows nor a subtotal")
    cur = ledger.currency
    all_readings = readings(ledger, options, lex, langs)
    totals = [ledger.total] + [ln.amount for ln in lines if ln.kind == "total" and ln.amount != ledger.total]
    matched = next((r for r in all_readings for t in totals if money_equal(r.expected, t, cur)), None)
    plain = _plain(all_readings, ledger)
    result = Sum(judged=True, adds_up=matched is not None, total=ledger.total, plain=plain, matched=matched,
                 readings=all_readings)
    if plain is not None and matched is None:
        result.difference = quantize(ledger.total - plain.expected, cur)
    if ledger.subtotal is not None and items and expected_items is not None and len(items) == expected_items:
        sums = [v for _n, v in _item_variants(items)]
        discounts = sum((ln.amount for ln in lines if ln.kind == "discount"), Decimal(0))
        # Add-ons the shop lists among the items (Shopify's "Shipping protection" line) may be in
        # the subtotal too.
        addons = sum((ln.amount for ln in lines if ln.kind == "addon"), Decimal(0))
        result.subtotal_expected = sums[0]
        result.subtotal_ok = any(money_equal(s + d + a, ledger.subtotal, cur)
                                 for s in sums for d in {Decimal(0), discounts} for a in {Decimal(0), addons})
    return result


def _plain(all_readings: list[Reading], ledger: Ledger) -> Reading | None:
    """The reading that counts every row as shown: the largest set of parts, items first."""
    if not all_readings:
        return None
    items_first = [r for r in all_readings if r.parts[0][0] != "subtotal"] or all_readings
    if ledger.subtotal is not None:
        items_first = [r for r in all_readings if r.parts[0][0] == "subtotal"]
    return max(items_first, key=lambda r: len(r.parts))


def ledger_rows(ledger: Ledger) -> list[dict[str, str | None]]:
    """The ledger as evidence rows: kind, label, amount."""
    return [{"kind": ln.kind, "label": ln.label[:120], "amount": None if ln.amount is None else str(ln.amount)}
            for ln in ledger.lines]
