"""The price ledger of a cart or checkout step: line items, shipping, fees, taxes, total.

Rows come from the page (rows.js finds the row around each price); each row's label is its
text without the prices, classified through the lexicons. A row that is none of the known
charges but has a quantity or links to a product is an item.
"""

from __future__ import annotations

from decimal import Decimal

from auditor.artifacts import Ledger, LedgerLine, PageSnapshot, PriceMention, ShippingOption
from auditor.checkkit import langs_of, option_price
from auditor.text.lexicon import Lexicons
from auditor.text.prices import find_prices
from auditor.text.normalize import squash

# Order matters: "Subtotal" before "Total", "Free shipping" before "Shipping".
LINE_CONCEPTS: tuple[tuple[str, str], ...] = (
    ("price.subtotal", "subtotal"),
    ("price.total", "total"),
    ("price.discount", "discount"),
    ("price.shipping_free", "shipping"),
    ("price.shipping", "shipping"),
    ("price.fee", "fee"),
    ("price.tax", "tax"),
    ("cost_extra", "addon"),
)


def label_of(row_text: str, prices: list[PriceMention]) -> str:
    label = row_text
    for p in prices:
        label = label.replace(p.text, " ")
    return squash(label.strip(" :|-–—"))


def classify_line(label: str, lex: Lexicons, langs: list[str | None] | None, qty: int | None,
                  has_link: bool) -> str:
    for concept, kind in LINE_CONCEPTS:
        if lex.has(concept, label, langs):
            if kind == "discount" and qty is not None and has_link:
                return "item"  # a product row with its sale badge ("Spare 4,00 €"), not a coupon line
            # "Total (2 items)" is a total; "Shipping protection" is an add-on, not shipping.
            if kind == "shipping" and not lex.has("price.shipping_free", label, langs) and any(
                    not lex.has("delivery_speed", hit.found, langs) for hit in lex.find("cost_extra", label, langs)):
                # "Shipping protection" is an add-on; "Express shipping"/"Envío urgente" is a
                # delivery rate, still shipping.
                return "addon"
            return kind
    if qty is not None or has_link:
        return "item"
    return "other"


def build_ledger(page: PageSnapshot, rows: list[dict | None], lex: Lexicons) -> Ledger:
    """Group the page's prices by row and classify each row."""
    langs = langs_of(page)
    by_row: dict[str, tuple[dict, list[PriceMention]]] = {}
    for price, row in zip(page.prices, rows):
        if (row is None or price.region in ("header", "nav", "footer") or price.amount is None
                or row.get("in_choice") or row.get("in_message")):
            continue
        entry = by_row.setdefault(row["row_locator"], (row, []))
        entry[1].append(price)
    ledger = Ledger()
    currencies: list[str] = []
    for loc, (row, prices) in by_row.items():
        current = [p for p in prices if not p.struck] or prices
        row_text = row["row_text"]
        badges = [p for p in current if lex.has("price.discount", p.context or "", langs)] if len(current) > 1 else []
        if badges and len(badges) < len(current):
            # A sale badge beside the line total ("Spare 4,00 €", "You save £5") is neither the
            # line's amount nor part of its name.
            current = [p for p in current if p not in badges]
            for badge in badges:
                row_text = row_text.replace(badge.context, " ")
        label = label_of(row_text, prices)
        kind = classify_line(label, lex, langs, row.get("qty"), row.get("has_link", False))
        if kind == "item" and row.get("name") and row["name"] in label:
            label = row["name"]
        amount = current[-1].amount
        if kind == "discount" and amount is not None and amount > 0:
            amount = -amount
        line = LedgerLine(label=label[:200], kind=kind, amount=amount, quantity=row.get("qty"),
                          unit_price=current[0].amount if len(current) > 1 else None,
                          text=row["row_text"][:300], locator=loc)
        currencies += [p.currency for p in current if p.currency]
        if kind == "total":
            ledger.total = amount
            ledger.total_text = row["row_text"][:200]
        elif kind == "subtotal":
            ledger.subtotal = amount
        ledger.lines.append(line)
    if currencies:
        ledger.currency = max(set(currencies), key=currencies.count)
    if not any(ln.kind == "shipping" for ln in ledger.lines):
        free = _free_delivery_line(page, lex, langs)
        if free is not None:
            ledger.lines.append(free)
    return ledger


def _free_delivery_line(page: PageSnapshot, lex: Lexicons, langs: list[str | None] | None) -> LedgerLine | None:
    """"Delivery: Free" has no number, so no price element marks it; it is still a line of the
    ledger (a zero one), and without it a later delivery charge would look like a new line."""
    for block in page.text_blocks:
        text = block.text
        if (block.region in ("main", "aside") and len(text) <= 60 and not any(ch.isdigit() for ch in text)
                and lex.has("price.free", text, langs)
                and (lex.has("price.shipping", text, langs) or lex.has("price.shipping_free", text, langs))):
            return LedgerLine(label=text, kind="shipping", amount=Decimal("0"), text=text, locator=block.locator)
    return None


def shipping_options(page: PageSnapshot, lex: Lexicons) -> list[ShippingOption]:
    """Radio options that choose a delivery method, with the price their label states."""
    langs = langs_of(page)
    radios_all = [c for c in page.controls if c.kind == "radio" and c.visible]
    names = [c.name or c.group_label or "" for c in radios_all]
    groups: dict[str, list] = {}
    for c, name in zip(radios_all, names):
        # Magento gives every rate its own name: radios named once group by their table or list.
        key = name if names.count(name) > 1 or not _row_of(c.locator) else "rows:" + _row_of(c.locator).rsplit(" > ", 1)[0]
        groups.setdefault(key, []).append(c)
    out: list[ShippingOption] = []
    for name, radios in groups.items():
        context = " ".join([name, radios[0].group_label or ""] + ([_heading_before(page, radios[0].locator)] if name.startswith("rows:") else []))
        about_delivery = (lex.has("price.shipping", context, langs) or "ship" in name.lower()
                          or "deliver" in name.lower() or "method_code" in name.lower()
                          or sum(lex.has("price.shipping", r.label, langs) or lex.has("delivery.carrier", r.label, langs)
                                 or lex.has("delivery.pickup", r.label, langs) for r in radios) >= max(1, len(radios) // 2))
        if not about_delivery or lex.has("policy.payment", context, langs):
            continue
        for r in radios:
            found = [p for p in find_prices(r.label) if p.amount is not None]
            amount = option_price(r.label, lex, langs)
            row = _row_of(r.locator)
            if amount is None and row:  # the price stands in the row's own cell, not the label
                in_row = [p for p in page.prices if p.amount is not None and p.locator.startswith(row + " > ") and not p.struck]
                if in_row:
                    amount, found = in_row[-1].amount, in_row
            out.append(ShippingOption(
                label=r.label[:200], amount=amount,
                currency=found[-1].currency if found else None, selected=bool(r.checked), locator=r.locator))
    return out


def _row_of(locator: str) -> str | None:
    """The table row or list item a control stands in (its locator), if any."""
    parts = locator.split(" > ")
    for i in range(len(parts) - 1, -1, -1):
        tag = parts[i].split(":", 1)[0].split("#", 1)[0]
        if tag in ("tr", "li"):
            return " > ".join(parts[: i + 1])
    return None


def _heading_before(page: PageSnapshot, locator: str) -> str:
    """The heading of a group of rows ("Shipping methods"): a header cell inside its table, else
    the nearest heading before it in the page (text blocks are in document order)."""
    table = locator.split(" > tr")[0].split(" > li")[0]
    heads = ("h1", "h2", "h3", "h4", "h5", "legend", "th", "caption")
    last = ""
    for block in page.text_blocks:
        if block.locator.startswith(table + " > ") or block.locator == table:
            return block.text if block.tag in heads else last
        if block.tag in heads:
            last = block.text
    return last


def button_shipping_options(page: PageSnapshot, buttons: list, raw_buttons: list[dict | None],
                            lex: Lexicons) -> list[tuple[ShippingOption, object]]:
    """Delivery methods offered as one button each ("Select option" per row), as django-oscar
    and some custom checkouts do: same-label buttons whose rows each state a price, on a page
    about delivery."""
    langs = langs_of(page)
    if not (lex.has("price.shipping", page.title, langs)
            or any(lex.has("price.shipping", b.text, langs) for b in page.text_blocks if b.tag in ("h1", "h2", "th"))):
        return []
    groups: dict[str, list[tuple[object, str]]] = {}
    for button, raw in zip(buttons, raw_buttons):
        if raw and raw.get("row_text"):
            groups.setdefault(normalize_label(button.text), []).append((button, raw["row_text"]))
    out: list[tuple[ShippingOption, object]] = []
    for _label, members in groups.items():
        if len(members) < 2:
            continue
        for button, row in members:
            text = squash(row.replace(button.text, " "))
            amount = option_price(text, lex, langs)
            if amount is None:
                break
            found = find_prices(text)
            for price in found:
                text = text.replace(price.text, " ")
            out.append((ShippingOption(label=squash(text), amount=amount,
                                       currency=found[-1].currency if found else None, locator=button.locator),
                        button))
        else:
            return out
        out = []
    return []


def normalize_label(text: str) -> str:
    return squash(text).casefold()
