"""The one rule the journey never breaks: it does not place an order or pay.

Three independent guards, so that a mistake in one is caught by another:
1. by label: a control whose name, in any lexicon language, means placing the order or paying
   is never pressed on a checkout page (and "buy now"-style labels never on any page);
2. by target: a submit whose form goes to a payment or order endpoint, carries an order action,
   or sits beside card fields is never pressed;
3. by network: the journey's browser context aborts any non-GET request that looks like
   placing an order or paying, and any request to a payment provider.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from auditor.text.lexicon import Lexicons

ORDER_URL = re.compile(
    r"(?:^|[/_\-.?=&])(?:pay|payment|payments|paypal|place[-_]?order|placeorder|submit[-_]?order|"
    r"confirm[-_]?order|order[-_]?confirm|create[-_]?order|purchase|process[-_]?order|"
    r"payment-information|processing|authori[sz]e|capture|charge|__record)(?:$|[/_\-.?=&])"
    r"|wc-ajax=checkout(?:$|&)|[?&]action=(?:place_order|placeorder|submit)",
    re.I,
)
ORDER_BODY = re.compile(r"(?:^|[&\"'{,\s])(?:action|submit|step)=?[\"':\s]*(?:place[-_]?order|placeorder|submit[-_]?order|pay(?:ment)?)\b"
                        r"|place[-_]?order|placeorder|woocommerce-process-checkout-nonce", re.I)
PAYMENT_HOSTS = re.compile(
    r"(?:^|\.)(?:stripe\.com|paypal\.com|braintreegateway\.com|adyen\.com|klarna\.com|checkout\.com|"
    r"mollie\.com|liqpay\.ua|wayforpay\.com|fondy\.eu|fondy\.ua|portmone\.com|monobank\.ua|"
    r"privatbank\.ua|tranzila\.com|cardcom\.solutions|payplus\.co\.il|meshulam\.co\.il|"
    r"tap\.company|hyperpay\.com|payfort\.com|moyasar\.com|tabby\.ai|tamara\.co|yookassa\.ru|"
    r"cloudpayments\.ru|sberbank\.ru|squareup\.com|authorize\.net|worldpay\.com|sagepay\.com|"
    r"opayo\.co\.uk|2checkout\.com|payu\.com|razorpay\.com|afterpay\.com|affirm\.com)$",
    re.I,
)


@dataclass(frozen=True)
class ButtonFacts:
    label: str
    page_kind: str  # product | cart | checkout | other
    formaction: str | None = None
    method: str = "get"
    hidden: tuple[str, ...] = ()
    name: str | None = None
    value: str = ""
    card_fields: int = 0
    page_card_fields: int = 0


def refusal(button: ButtonFacts, lex: Lexicons, langs: list[str | None] | None = None) -> str | None:
    """Why this control must not be pressed, or None if it is safe for a shopper who won't pay."""
    label = button.label.strip()
    says_order = bool(label) and lex.has("action.place_order", label, langs)
    if says_order and button.page_kind in ("checkout", "other"):
        return f"its label \u201c{label}\u201d means placing the order or paying"
    if says_order and button.page_kind == "product" and (not lex.has("action.add_to_cart", label, langs)
                                                         or lex.has("action.pay_now_wording", label, langs)):
        return f"\u201c{label}\u201d on a product page may buy immediately"
    if says_order and button.page_kind == "cart" and lex.has("action.pay_now_wording", label, langs) \
            and not lex.has("action.checkout", label, langs):
        return f"\u201c{label}\u201d on the cart pays immediately"
    for field in (button.name or "", button.value, *button.hidden):
        if ORDER_BODY.search(field):
            return f"its form sends an order action ({field[:60]})"
    if button.method == "post" and button.formaction and ORDER_URL.search(urlsplit(button.formaction).path
                                                                         + "?" + urlsplit(button.formaction).query):
        return f"its form posts to an order or payment endpoint ({button.formaction})"
    if button.formaction and PAYMENT_HOSTS.search(urlsplit(button.formaction).hostname or ""):
        return f"its form goes to a payment provider ({urlsplit(button.formaction).hostname})"
    if button.card_fields:
        return "its form asks for card details: the journey never submits payment forms"
    # On a one-page checkout that also asks for the card, only the button that applies a code
    # (outside the card's form) may be pressed; the network guard still stands behind it.
    if button.page_kind == "checkout" and button.page_card_fields and not (
            label and lex.has("action.apply_coupon", label, langs) and not says_order):
        return "the page asks for card details: the journey never submits payment forms"
    return None


def request_refusal(method: str, url: str, post_data: str | None) -> str | None:
    """The network guard: why a request from the journey must be aborted, or None."""
    host = urlsplit(url).hostname or ""
    if PAYMENT_HOSTS.search(host):
        return f"request to a payment provider ({host})"
    if method.upper() in ("GET", "HEAD", "OPTIONS"):
        return None
    parts = urlsplit(url)
    if ORDER_URL.search(parts.path + "?" + parts.query):
        return f"{method} to an order or payment endpoint ({parts.path})"
    if post_data and ORDER_BODY.search(post_data[:20000]):
        return f"{method} carrying an order action ({parts.path})"
    return None
