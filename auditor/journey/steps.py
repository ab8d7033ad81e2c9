"""What a checkout page asks of the shopper, read from its controls and buttons."""

from __future__ import annotations

from auditor.artifacts import Button, Control, PageSnapshot
from auditor.checkkit import langs_of
from auditor.journey.forms import field_of
from auditor.text.lexicon import Lexicons

STEP_ORDER = ("none", "listing", "product", "add-to-cart", "cart", "checkout-entry", "checkout-login",
              "checkout-contact", "checkout-address", "checkout-shipping", "checkout-payment",
              "checkout-review")
ADDRESS_FIELDS = {"address1", "city", "postcode", "first_name", "last_name", "full_name", "country", "phone"}


def further(a: str, b: str) -> str:
    """The step further along the checkout of the two."""
    ia = STEP_ORDER.index(a) if a in STEP_ORDER else 0
    ib = STEP_ORDER.index(b) if b in STEP_ORDER else 0
    return a if ia >= ib else b


def main_controls(page: PageSnapshot) -> list[Control]:
    return [c for c in page.controls if c.visible and not c.disabled and c.region not in ("header", "nav", "footer")]


def main_buttons(page: PageSnapshot) -> list[Button]:
    return [b for b in page.buttons if not b.disabled and b.region not in ("header", "nav", "footer")]


def step_buttons(page: PageSnapshot) -> list[Button]:
    """The buttons of a journey step, disabled ones too: an order button stays disabled until
    the terms are ticked and must still be recognised (and refused), and a "Continue" that
    waits for the form to be filled in can be pressed once it is."""
    return [b for b in page.buttons if b.region not in ("header", "nav", "footer")]


def payment_choice(page: PageSnapshot, lex: Lexicons) -> list[Control]:
    """Radios choosing how to pay (card, cash on delivery, transfer...)."""
    langs = langs_of(page)
    return [c for c in main_controls(page) if c.kind == "radio" and (
        lex.has("policy.payment", f"{c.group_label or ''} {c.name or ''}", langs)
        or lex.has("delivery.cash_on_delivery", c.label, langs)
        or lex.has("delivery.prepayment", c.label, langs)
        or "payment" in (c.name or "").lower())]


def guest_option(page: PageSnapshot, lex: Lexicons) -> Control | Button | None:
    langs = langs_of(page)
    for c in main_controls(page):
        if c.kind in ("radio", "checkbox") and lex.has("action.guest_checkout", c.label, langs):
            return c
    for b in main_buttons(page):
        if lex.has("action.guest_checkout", b.text, langs):
            return b
    for ln in page.links:
        if ln.region not in ("header", "nav", "footer") and lex.has("action.guest_checkout", ln.text, langs):
            return Button(text=ln.text, locator=ln.locator, kind="link", href=ln.href)
    return None


def step_kind(page: PageSnapshot, lex: Lexicons, card_fields: int, final_refused: bool) -> str:
    controls = main_controls(page)
    fields = {field_of(c) for c in controls if c.kind not in ("checkbox", "radio", "hidden")}
    has_password = any(c.kind == "password" for c in controls)
    # A sign-in wall (a password, no address, no card) is not the order review, though the
    # journey refuses its submit too: recording it as a login step is what tells there is no guest way.
    sign_in_wall = has_password and not card_fields and len(fields & ADDRESS_FIELDS) < 3
    if final_refused and not sign_in_wall:
        return "checkout-review"
    if card_fields or payment_choice(page, lex):
        return "checkout-payment"
    if has_password and guest_option(page, lex) is not None:
        return "checkout-login"
    if len(fields & ADDRESS_FIELDS) >= 3:
        return "checkout-address"
    if has_password:
        return "checkout-login"
    from auditor.journey.ledger import shipping_options

    if shipping_options(page, lex):
        return "checkout-shipping"
    if "email" in fields:
        return "checkout-contact"
    heads = " ".join([page.title] + [b.text for b in page.text_blocks if b.tag in ("h1", "h2")][:3])
    if lex.has("policy.payment", heads, langs_of(page)):
        return "checkout-payment"  # a payment page with nothing to choose (or a hosted form)
    return "checkout-entry"
