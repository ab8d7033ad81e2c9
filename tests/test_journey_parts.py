"""The journey's parts that need no browser: ledger rows, shipping options, field recognition."""

from decimal import Decimal

import pytest

from auditor.artifacts import Button, Control, Option, PageSnapshot, PriceMention, TextBlock
from auditor.journey.forms import choose_option, field_of, persona_for
from auditor.journey.ledger import build_ledger, button_shipping_options, shipping_options
from auditor.journey.plan import load_plan
from auditor.journey.steps import further
from auditor.text.lexicon import lexicons

LEX = lexicons()


def price(text, amount, locator, currency="GBP", struck=False):
    return PriceMention(text=text, amount=Decimal(amount), currency=currency, locator=locator, struck=struck)


def row(text, locator, qty=None, link=False, choice=False):
    return {"row_text": text, "row_locator": locator, "qty": qty, "has_link": link, "in_choice": choice}


def test_ledger_classifies_rows_and_reads_the_total():
    page = PageSnapshot(url="u", final_url="u", lang="en", prices=[
        price("£19.99", "19.99", "p1"), price("£3.95", "3.95", "p2"), price("£2.99", "2.99", "p3"),
        price("£1.50", "1.50", "p4"), price("-£5.00", "-5.00", "p5"), price("£23.43", "23.43", "p6"),
        price("£7.95", "7.95", "p7"),
    ])
    rows = [row("Organic T-Shirt × 1 £19.99", "r1", qty=1, link=True), row("Delivery £3.95", "r2"),
            row("Order protection £2.99", "r3"), row("Service fee £1.50", "r4"), row("Discount WELCOME -£5.00", "r5"),
            row("Total £23.43", "r6"), row("Express delivery £7.95", "r7", choice=True)]
    ledger = build_ledger(page, rows, LEX)
    kinds = {ln.kind: ln.amount for ln in ledger.lines}
    assert kinds == {"item": Decimal("19.99"), "shipping": Decimal("3.95"), "addon": Decimal("2.99"),
                     "fee": Decimal("1.50"), "discount": Decimal("-5.00"), "total": Decimal("23.43")}
    assert ledger.total == Decimal("23.43") and ledger.currency == "GBP"


def test_ledger_in_ukrainian_and_a_struck_price_is_not_the_line_amount():
    page = PageSnapshot(url="u", final_url="u", lang="uk", prices=[
        price("1 490,00 ₴", "1490.00", "a", "UAH", struck=True), price("1 299,00 ₴", "1299.00", "b", "UAH"),
        price("50 ₴", "50", "c", "UAH"), price("1 349,00 ₴", "1349.00", "d", "UAH")])
    item_row = row("Скатертина 1 490,00 ₴ 1 299,00 ₴", "r1", qty=1)  # both prices share the item's row
    rows = [item_row, item_row, row("Доставка 50 ₴", "r2"), row("Разом 1 349,00 ₴", "r3")]
    ledger = build_ledger(page, rows, LEX)
    item = next(ln for ln in ledger.lines if ln.kind == "item")
    assert item.amount == Decimal("1299.00")
    assert next(ln for ln in ledger.lines if ln.kind == "shipping").amount == Decimal("50")
    assert ledger.total == Decimal("1349.00") and ledger.currency == "UAH"


def test_shipping_radios_with_prices_and_a_free_threshold():
    page = PageSnapshot(url="u", final_url="u", lang="uk", controls=[
        Control(kind="radio", name="shipping_method", label="Нова Пошта — безкоштовно (замовлення від 1 500 ₴)",
                checked=True, locator="#s1"),
        Control(kind="radio", name="shipping_method", label="Кур'єр — 120 ₴", checked=False, locator="#s2"),
        Control(kind="radio", name="payment_method", label="Оплата при отриманні", checked=True, locator="#p1"),
    ])
    options = shipping_options(page, LEX)
    assert [(o.amount, o.selected) for o in options] == [(Decimal("0"), True), (Decimal("120"), False)]


def test_delivery_offered_as_one_button_per_method():
    page = PageSnapshot(url="u", final_url="u", lang="en", title="Shipping method | Checkout")
    buttons = [Button(text="Select option", locator="#b1"), Button(text="Select option", locator="#b2")]
    raw = [{"row_text": "Standard delivery 3-5 days £3.95 Select option"},
           {"row_text": "Express delivery next day £7.95 Select option"}]
    found = button_shipping_options(page, buttons, raw, LEX)
    assert [(o.amount, b.locator) for o, b in found] == [(Decimal("3.95"), "#b1"), (Decimal("7.95"), "#b2")]
    assert "Standard delivery" in found[0][0].label and "£" not in found[0][0].label


@pytest.mark.parametrize("control,field", [
    (Control(kind="email", name="x"), "email"),
    (Control(kind="text", autocomplete="shipping postal-code"), "postcode"),
    (Control(kind="text", name="billing_first_name"), "first_name"),
    (Control(kind="text", name="line4", label="City"), "city"),
    (Control(kind="text", name="f12", label="Прізвище"), "last_name"),
    (Control(kind="text", name="f13", label="מיקוד"), "postcode"),
    (Control(kind="text", name="f14", label="المدينة"), "city"),
    (Control(kind="text", name="search", label="Search products"), None),
])
def test_field_recognition(control, field):
    assert field_of(control) == field


def test_country_select_picks_the_persona_country_by_value_or_name():
    persona = persona_for("UA")
    by_name = Control(kind="select", options=[Option(value="", text="Оберіть"), Option(value="PL", text="Польща"),
                                              Option(value="804", text="Україна")])
    assert choose_option(by_name, persona, "country") == "804"


def test_journey_file_in_toml_and_yaml(tmp_path):
    toml = tmp_path / "j.toml"
    toml.write_text('products = ["https://s/p"]\nquantity = 2\ncountry = "DE"\n[selectors]\nfinal = "#buy"\n')
    plan = load_plan(str(toml))
    assert plan.quantity == 2 and plan.selectors["final"] == "#buy" and plan.country == "DE"
    yml = tmp_path / "j.yaml"
    yml.write_text("coupons: [WELCOME10]\npersona:\n  email: qa@example.com\n")
    assert load_plan(str(yml)).persona["email"] == "qa@example.com"
    with pytest.raises(ValueError):
        load_plan(str(tmp_path / "missing.toml"))


def test_steps_are_ordered_so_the_furthest_one_is_reported():
    assert further("cart", "checkout-review") == "checkout-review"
    assert further("checkout-shipping", "product") == "checkout-shipping"


def test_free_delivery_is_a_zero_line_of_the_ledger():
    from auditor.artifacts import TextBlock

    page = PageSnapshot(url="u", final_url="u", lang="en", prices=[price("£19.99", "19.99", "p1")],
                        text_blocks=[TextBlock(text="Delivery: Free", locator="#d")])
    ledger = build_ledger(page, [row("Tee £19.99", "r1", qty=1)], LEX)
    assert [(ln.kind, ln.amount) for ln in ledger.lines] == [("item", Decimal("19.99")), ("shipping", Decimal("0"))]
    banner = PageSnapshot(url="u", final_url="u", lang="en", prices=[price("£19.99", "19.99", "p1")],
                          text_blocks=[TextBlock(text="Free delivery on orders over £50", locator="#b")])
    assert [ln.kind for ln in build_ledger(banner, [row("Tee £19.99", "r1", qty=1)], LEX).lines] == ["item"]


def test_rates_named_one_by_one_in_a_table_are_one_group_priced_from_their_rows():
    table = "body > div > table > tbody"
    page = PageSnapshot(url="u", final_url="u", lang="es", text_blocks=[
        TextBlock(text="Métodos de envío", tag="h2", locator="body > div > h2"),
    ], controls=[
        Control(kind="radio", name="ko_unique_1", label="Tarifa plana", checked=True,
                locator=f"{table} > tr:nth-of-type(1) > td:nth-of-type(1) > input"),
        Control(kind="radio", name="ko_unique_2", label="Envío urgente", checked=False,
                locator=f"{table} > tr:nth-of-type(2) > td:nth-of-type(1) > input"),
    ], prices=[
        price("4,95 €", "4.95", f"{table} > tr:nth-of-type(1) > td:nth-of-type(2) > span", "EUR"),
        price("9,90 €", "9.90", f"{table} > tr:nth-of-type(2) > td:nth-of-type(2) > span", "EUR"),
    ])
    options = shipping_options(page, LEX)
    assert [(o.label, o.amount, o.selected) for o in options] == [
        ("Tarifa plana", Decimal("4.95"), True), ("Envío urgente", Decimal("9.90"), False)]


@pytest.mark.parametrize("label,lang,kind", [
    ("Envío (Envío urgente - 24 horas)", "es", "shipping"), ("Express shipping", "en", "shipping"),
    ("Expressversand", "de", "shipping"), ("Shipping protection", "en", "addon"), ("Versandschutz", "de", "addon"),
    ("Standard delivery", "en", "shipping"),
])
def test_a_faster_delivery_rate_is_shipping_and_a_protection_plan_an_add_on(label, lang, kind):
    from auditor.journey.ledger import classify_line
    assert classify_line(label, LEX, [lang, "en"], None, False) == kind


def test_a_sale_badge_beside_the_line_total_is_not_the_lines_amount():
    row_loc = "body > table > tr:nth-of-type(1)"
    page = PageSnapshot(url="u", final_url="u", lang="de", prices=[
        PriceMention(text="14,90 €", amount=Decimal("14.90"), currency="EUR", locator=f"{row_loc} > td:nth-of-type(2) > span",
                     context="14,90 €"),
        PriceMention(text="4,00 €", amount=Decimal("4.00"), currency="EUR", locator=f"{row_loc} > td:nth-of-type(2) > div",
                     context="Spare 4,00 €"),
    ])
    rows = [row("Messing-Teedose 14,90 € Spare 4,00 €", row_loc, qty=1, link=True)] * 2
    ledger = build_ledger(page, rows, LEX)
    assert [(ln.kind, ln.amount) for ln in ledger.lines] == [("item", Decimal("14.90"))]


def test_a_product_row_with_a_savings_word_is_an_item_and_a_coupon_row_a_discount():
    from auditor.journey.ledger import classify_line
    assert classify_line("Kyusu-Teekanne Steingut Spare", LEX, ["de", "en"], 1, True) == "item"
    assert classify_line("Gutschein: WILLKOMMEN10", LEX, ["de", "en"], None, False) == "discount"
