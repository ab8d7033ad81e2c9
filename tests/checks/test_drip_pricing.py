"""drip-pricing on hand-made journeys: unannounced mandatory charges fail, announced ones pass."""

from auditor.artifacts import Link, ShippingOption
from checks.price_transparency.drip_pricing import DripPricing
from tests.builders import BASE, judge
from tests.price_builders import D, added, block, ledger, product, shop, shop_page, step


def journey_shop(product_page, rows_cart, total_cart, rows_final, total_final, currency, name, price,
                 lang="en", final_kind="checkout-review", extra_pages=(), options=None):
    pages = [product_page, *extra_pages]
    steps = [step(0, "product", product_page.url, page=0, action="add 1 to cart (checkout)"),
             step(1, "cart", "/cart", ledger(currency, rows_cart, total_cart)),
             step(2, "checkout-address", "/checkout", ledger(currency, rows_cart, total_cart)),
             step(3, final_kind, "/checkout/review", ledger(currency, rows_final, total_final), options=options)]
    return shop(pages, steps, [added(name, product_page.url.replace(BASE, ""), price, currency)])


def test_service_fee_added_at_review_fails_and_points_at_its_step():
    page = product("/p/hemd", "Leinenhemd", "49,90 €", "de", "EUR", extra=["inkl. MwSt., zzgl. Versandkosten"])
    arts = journey_shop(page, [("item", "Leinenhemd", "49.90")], "49.90",
                        [("item", "Leinenhemd", "49.90"), ("shipping", "Versand", "4.90"), ("fee", "Servicegebühr", "2.90")],
                        "57.70", "EUR", "Leinenhemd", "49.90", "de")
    result = judge(DripPricing, arts)
    assert result.verdict == "fail"
    assert len(result.findings) == 1  # delivery was announced ("zzgl. Versandkosten"), the fee was not
    f = result.findings[0]
    assert f.evidence["step"] == 3 and f.evidence["charge"]["kind"] == "fee"
    assert "Servicegebühr" in f.message and f.evidence["ledger_by_step"]
    kinds = {a["kind"]: a["counted_as_drip"] for a in f.evidence["attribution"]}
    assert kinds == {"shipping": False, "fee": True}


def test_fee_announced_beside_the_price_passes():
    page = product("/p/skatertyna", "Лляна скатертина", "1 299 ₴", "uk", "UAH",
                   extra=["+ 49 грн сервісний збір за обробку замовлення", "Доставка за тарифами перевізника"])
    arts = journey_shop(page, [("item", "Лляна скатертина", "1299.00")], "1299.00",
                        [("item", "Лляна скатертина", "1299.00"), ("fee", "Сервісний збір", "49.00")], "1348.00",
                        "UAH", "Лляна скатертина", "1299.00", "uk")
    result = judge(DripPricing, arts)
    assert result.verdict == "pass", [f.message for f in result.findings]
    assert result.details["attribution"][0]["disclosed"]


def test_delivery_charge_nobody_announced_fails_in_shekels():
    page = product("/p/towel", "מגבת פשתן", "₪149.90", "he", "ILS", extra=["מגבת פשתן רכה"])
    arts = journey_shop(page, [("item", "מגבת פשתן", "149.90")], "149.90",
                        [("item", "מגבת פשתן", "149.90"), ("shipping", "משלוח עד הבית", "29.90")], "179.80",
                        "ILS", "מגבת פשתן", "149.90", "he")
    result = judge(DripPricing, arts)
    assert result.verdict == "fail"
    assert result.findings[0].evidence["charge"]["kind"] == "shipping"


def test_delivery_table_on_a_linked_page_announces_delivery():
    page = product("/p/jacket", "Down jacket", "£149.00", "en", "GBP", extra=["Delivery information"])
    page.links.append(Link(href=BASE + "/delivery", text="Delivery information", region="main"))
    delivery = shop_page("/delivery", "policy", [block("Standard delivery", "#t > tr > td:nth-of-type(1)", "td"),
                                                 block("£3.95", "#t > tr > td:nth-of-type(2)", "td")], "en", "GBP")
    arts = journey_shop(page, [("item", "Down jacket", "149.00")], "149.00",
                        [("item", "Down jacket", "149.00"), ("shipping", "Standard delivery", "3.95")], "152.95",
                        "GBP", "Down jacket", "149.00", extra_pages=[delivery])
    assert judge(DripPricing, arts).verdict == "pass"


def test_a_pre_ticked_extra_is_shown_but_judged_elsewhere():
    page = product("/p/jacket", "Down jacket", "£149.00", "en", "GBP")
    arts = journey_shop(page, [("item", "Down jacket", "149.00"), ("addon", "Order Protection", "2.99")], "151.99",
                        [("item", "Down jacket", "149.00"), ("addon", "Order Protection", "2.99")], "151.99",
                        "GBP", "Down jacket", "149.00")
    result = judge(DripPricing, arts)
    assert result.verdict == "pass"
    assert result.details["attribution"][0]["why"].startswith("optional extra")


def test_california_lets_tax_and_delivery_be_added_but_not_a_convenience_fee():
    page = product("/p/mug", "Camp mug", "$24.99", "en", "USD")
    honest = journey_shop(page, [("item", "Camp mug", "24.99")], "24.99",
                          [("item", "Camp mug", "24.99"), ("shipping", "Shipping", "5.99"), ("tax", "Sales tax", "2.06")],
                          "33.04", "USD", "Camp mug", "24.99")
    assert judge(DripPricing, honest, jurisdiction="US-CA").verdict == "pass"
    assert judge(DripPricing, honest, jurisdiction="EU").verdict == "fail"
    fee = journey_shop(page, [("item", "Camp mug", "24.99")], "24.99",
                       [("item", "Camp mug", "24.99"), ("fee", "Convenience fee", "2.99")], "27.98", "USD", "Camp mug", "24.99")
    result = judge(DripPricing, fee, jurisdiction="US-CA")
    assert result.verdict == "fail" and "Convenience fee" in result.findings[0].message


def test_delivery_by_radio_button_with_saudi_riyals():
    page = product("/p/shirt", "قميص كتان", "١٬٢٩٩٫٠٠ ر.س", "ar", "SAR")
    options = [ShippingOption(label="توصيل سريع ٢٥ ر.س", amount=D("25"), selected=True)]
    arts = journey_shop(page, [("item", "قميص كتان", "1299.00")], "1299.00",
                        [("item", "قميص كتان", "1299.00")], "1324.00", "SAR", "قميص كتان", "1299.00", "ar", options=options)
    result = judge(DripPricing, arts)
    assert result.verdict == "fail"
    assert result.findings[0].evidence["charge"]["amount"] == "25"


def test_cart_only_or_unexplained_increase_is_not_assessed():
    page = product("/p/mug", "Camp mug", "$24.99", "en", "USD")
    cart_only = shop([page], [step(0, "cart", "/cart", ledger("USD", [("item", "Camp mug", "24.99")], "24.99"))],
                     [added("Camp mug", "/p/mug", "24.99", "USD")])
    assert judge(DripPricing, cart_only).verdict == "not-assessed"
    hidden = journey_shop(page, [("item", "Camp mug", "24.99")], "24.99", [("item", "Camp mug", "24.99")], "29.99",
                          "USD", "Camp mug", "24.99")
    result = judge(DripPricing, hidden)
    assert result.verdict == "not-assessed" and "totals-mismatch" in result.reason


def test_chosen_delivery_is_charged_even_when_the_total_does_not_add_up():
    page = product("/p/towel", "מגבת חוף פשתן", "₪239.80", "he", "ILS")
    options = [ShippingOption(label="משלוח עד הבית: ₪29.90", amount=D("29.90"), selected=True)]
    arts = journey_shop(page, [("item", "מגבת חוף פשתן", "239.80")], "249.80",
                        [("item", "מגבת חוף פשתן", "239.80"), ("discount", "קופון: SALE10", "-23.98")], "255.72",
                        "ILS", "מגבת חוף פשתן", "239.80", "he", options=options)
    result = judge(DripPricing, arts)
    assert result.verdict == "fail" and result.findings[0].evidence["charge"]["kind"] == "shipping"


def test_a_tax_row_is_not_called_a_charge_when_no_reading_proves_it_is_added():
    page = product("/p/mug", "Camp mug", "£24.99", "en", "GBP", extra=["Price includes VAT. Delivery £3.95"])
    arts = journey_shop(page, [("item", "Camp mug", "24.99")], "24.99",
                        [("item", "Camp mug", "24.99"), ("shipping", "Delivery", "3.95"), ("tax", "VAT", "4.99")], "31.00",
                        "GBP", "Camp mug", "24.99")
    result = judge(DripPricing, arts)
    assert result.verdict == "not-assessed" and "totals-mismatch" in result.reason


def test_a_walk_stuck_before_the_last_step_is_not_a_pass():
    page = product("/p/tee", "Cotton tee", "£20.00", "en", "GBP", extra=["Prices include VAT"])
    arts = journey_shop(page, [("item", "Cotton tee", "20.00")], "20.00", [("item", "Cotton tee", "20.00")], "20.00",
                        "GBP", "Cotton tee", "20.00", final_kind="checkout-contact")
    result = judge(DripPricing, arts)
    assert result.verdict == "not-assessed", result.reason
    assert "checkout-contact" in result.reason
