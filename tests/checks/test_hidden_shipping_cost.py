"""hidden-shipping-cost: delivery charges first shown inside the checkout, against what came before."""

from auditor.artifacts import Link, ShippingOption
from checks.price_transparency.hidden_shipping_cost import HiddenShippingCost
from tests.builders import BASE, judge
from tests.price_builders import D, added, block, ledger, product, shop, shop_page, step


def walk(page, currency, name, price, shipping_row=None, options=None, cart_page=None, extra_pages=(), cart_rows=None):
    rows = [("item", name, price)]
    final = rows + ([shipping_row] if shipping_row else [])
    total = str(D(price) + (D(shipping_row[2]) if shipping_row else 0))
    pages = [page, *([cart_page] if cart_page else []), *extra_pages]
    steps = [step(0, "product", page.url, page=0),
             step(1, "cart", "/cart", ledger(currency, cart_rows or rows, str(sum(D(r[2]) for r in (cart_rows or rows)))),
                  page=1 if cart_page else None),
             step(2, "checkout-shipping", "/checkout/shipping", ledger(currency, final, total), options=options),
             step(3, "checkout-review", "/checkout/review", ledger(currency, final, total))]
    return shop(pages, steps, [added(name, page.url.replace(BASE, ""), price, currency)])


def test_delivery_first_priced_in_checkout_with_nothing_said_before_fails():
    page = product("/p/towel", "מגבת פשתן", "₪149.90", "he", "ILS", extra=["מגבת פשתן רכה, 70×140"])
    result = judge(HiddenShippingCost, walk(page, "ILS", "מגבת פשתן", "149.90", ("shipping", "משלוח עד הבית", "29.90")))
    assert result.verdict == "fail"
    f = result.findings[0]
    assert f.evidence["step"] == 2 and f.evidence["amount"] == "29.90"
    assert BASE + "/p/towel" in f.evidence["pages_searched"]


def test_a_bare_free_delivery_claim_does_not_announce_a_charge():
    page = product("/p/shirt", "قميص كتان", "١٬٢٩٩٫٠٠ ر.س", "ar", "SAR", extra=["شحن مجاني"])
    result = judge(HiddenShippingCost, walk(page, "SAR", "قميص كتان", "1299.00", ("shipping", "الشحن", "25.00")))
    assert result.verdict == "fail"


def test_delivery_rule_on_the_product_page_passes():
    page = product("/p/jacket", "Down jacket", "£149.00", "en", "GBP", extra=["Price includes VAT. UK delivery from £3.95"])
    result = judge(HiddenShippingCost, walk(page, "GBP", "Down jacket", "149.00", ("shipping", "Standard delivery", "3.95")))
    assert result.verdict == "pass" and "delivery from" in result.reason


def test_german_versandkosten_note_in_the_cart_passes():
    page = product("/p/becher", "Emaille-Becher", "19,90 €", "de", "EUR")
    cart = shop_page("/cart", "cart", [block("Zwischensumme 19,90 €", "#c > p"),
                                       block("zzgl. Versandkosten, werden an der Kasse berechnet", "#c > small")], "de", "EUR")
    result = judge(HiddenShippingCost, walk(page, "EUR", "Emaille-Becher", "19.90", ("shipping", "Versand", "4.90"), cart_page=cart))
    assert result.verdict == "pass"


def test_rates_on_a_delivery_page_one_click_away_pass_in_hryvnias():
    page = product("/p/svichka", "Соєва свічка", "245,00 ₴", "uk", "UAH", extra=["Доставка і оплата"])
    page.links.append(Link(href=BASE + "/dostavka", text="Доставка і оплата", region="footer"))
    policy = shop_page("/dostavka", "policy", [block("Вартість доставки Новою Поштою — від 70 ₴ за тарифами перевізника.",
                                                     "#main > p")], "uk", "UAH")
    options = [ShippingOption(label="Нова Пошта — 70 ₴", amount=D("70"), selected=True)]
    result = judge(HiddenShippingCost, walk(page, "UAH", "Соєва свічка", "245.00", options=options, extra_pages=[policy]))
    assert result.verdict == "pass" and "linked" in result.reason


def test_delivery_already_priced_in_the_cart_or_never_charged_passes():
    page = product("/p/mug", "Camp mug", "$24.99", "en", "USD")
    in_cart = walk(page, "USD", "Camp mug", "24.99", ("shipping", "Shipping", "5.99"),
                   cart_rows=[("item", "Camp mug", "24.99"), ("shipping", "Shipping", "5.99")])
    assert judge(HiddenShippingCost, in_cart).verdict == "pass"
    free = walk(page, "USD", "Camp mug", "24.99")
    assert judge(HiddenShippingCost, free).verdict == "pass"


def test_california_profile_and_missing_checkout_are_not_assessed():
    page = product("/p/mug", "Camp mug", "$24.99", "en", "USD")
    arts = walk(page, "USD", "Camp mug", "24.99", ("shipping", "Shipping", "5.99"))
    assert judge(HiddenShippingCost, arts, jurisdiction="US-CA").verdict == "not-assessed"
    cart_only = shop([page], [step(0, "cart", "/cart", ledger("USD", [("item", "Camp mug", "24.99")], "24.99"))],
                     [added("Camp mug", "/p/mug", "24.99", "USD")])
    assert judge(HiddenShippingCost, cart_only).verdict == "not-assessed"


def test_no_delivery_charge_on_a_walk_stuck_before_the_last_step_is_not_a_pass():
    page = product("/p/mug", "Camp mug", "$24.99", "en", "USD")
    rows = [("item", "Camp mug", "24.99")]
    stuck = shop([page], [step(0, "product", page.url, page=0), step(1, "cart", "/cart", ledger("USD", rows, "24.99")),
                          step(2, "checkout-address", "/checkout", ledger("USD", rows, "24.99"))],
                 [added("Camp mug", "/p/mug", "24.99", "USD")])
    result = judge(HiddenShippingCost, stuck)
    assert result.verdict == "not-assessed", result.reason
    assert "checkout-address" in result.reason
