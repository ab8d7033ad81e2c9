"""coupon-conditions-late: what the shop answers when an advertised code is applied in its cart."""

from auditor.artifacts import Box, Button, Control
from auditor.journey.coupons import apply_button, coupon_field
from auditor.journey.safety import ButtonFacts
from auditor.text.lexicon import lexicons
from checks.promotions.coupon_conditions_late import CouponConditionsLate
from tests.builders import judge
from tests.price_builders import block, ledger, shop, shop_page, step


def applied(code, messages, rows, total, currency="EUR"):
    return step(1, "coupon", "/warenkorb", ledger(currency, rows, total), messages=messages,
                action=f"apply advertised code \u201c{code}\u201d with \u201cEinlösen\u201d")


def banner(text, lang="de"):
    return shop_page("/", "home", [block(text, "#promo > p")], lang)


def test_minimum_order_first_revealed_in_the_cart_fails():
    arts = shop([banner("10 % Rabatt auf alles mit dem Code WILLKOMMEN10")],
                [applied("WILLKOMMEN10", ["Der Gutschein gilt erst ab einem Mindestbestellwert von 100,00 €."],
                         [("item", "Leinenhemd", "49.90")], "49.90")])
    result = judge(CouponConditionsLate, arts)
    assert result.verdict == "fail"
    f = result.findings[0]
    assert f.evidence["code"] == "WILLKOMMEN10" and "min_spend" in f.evidence["revealed"]
    assert f.evidence["stated_before"] == [] and f.evidence["step"] == 1


def test_condition_already_stated_with_the_claim_passes_in_hryvnias():
    page = banner("Знижка 15% за промокодом ВЕСНА15 при замовленні від 2 000 грн", "uk")
    arts = shop([page], [step(1, "coupon", "/koshyk", ledger("UAH", [("item", "Скатертина", "1299.00")], "1299.00"),
                              messages=["Промокод діє лише для замовлень від 2 000 грн"],
                              action="apply advertised code \u201cВЕСНА15\u201d with \u201cЗастосувати\u201d")])
    assert judge(CouponConditionsLate, arts).verdict == "pass"


def test_accepted_code_passes():
    arts = shop([banner("Use code HELLO10 for 10% off, one per customer", "en")],
                [applied("HELLO10", ["Coupon code applied successfully."],
                         [("item", "Mug", "10.00"), ("discount", "Coupon: HELLO10", "-1.00")], "9.00", "GBP")])
    result = judge(CouponConditionsLate, arts)
    assert result.verdict == "pass" and "accepted" in result.reason


def test_unexplained_refusal_counts_only_when_the_claim_stated_no_condition():
    bare = shop([banner("Use code HELLO10 for 10% off", "en")],
                [applied("HELLO10", ["This coupon is not valid."], [("item", "Mug", "10.00")], "10.00", "GBP")])
    assert judge(CouponConditionsLate, bare).verdict == "fail"
    stated = shop([banner("Use code HELLO10 for 10% off, valid until 31 May 2030", "en")],
                  [applied("HELLO10", ["This coupon is not valid."], [("item", "Mug", "10.00")], "10.00", "GBP")])
    assert judge(CouponConditionsLate, stated).verdict == "pass"


def test_no_code_applied_is_not_assessed():
    assert judge(CouponConditionsLate, shop([banner("Sale")], [], [])).verdict == "not-assessed"


def test_the_journey_finds_the_coupon_field_and_its_apply_button():
    lex = lexicons()
    field = Control(kind="text", name="coupon_code", label="Gutscheincode", locator="#coupon_code",
                    form_action="http://shop.test/warenkorb", box=Box(x=10, y=500, width=200, height=30))
    qty = Control(kind="number", name="qty", label="Menge", locator="#qty")
    cart = shop_page("/warenkorb", "cart", [block("Warenkorb", "#main > h1", "h1")], "de", controls=[qty, field],
                     buttons=[])
    assert coupon_field(cart, lex) is field
    apply = Button(text="Gutschein einlösen", locator="#apply", kind="submit", form_action="http://shop.test/warenkorb",
                   box=Box(x=220, y=500, width=80, height=30))
    pay = Button(text="Jetzt kaufen", locator="#buy", kind="submit", form_action="http://shop.test/__record/order")
    facts = [ButtonFacts(label=apply.text, page_kind="cart", formaction=apply.form_action, method="post"),
             ButtonFacts(label=pay.text, page_kind="cart", formaction=pay.form_action, method="post")]
    assert apply_button(cart, field, [apply, pay], facts, lex) is apply
    assert apply_button(cart, field, [pay], facts[1:], lex) is None  # never an order button
