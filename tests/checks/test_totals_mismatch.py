"""totals-mismatch on hand-made ledgers: honest readings pass, mis-added totals fail, to the minor unit."""

import pytest

from auditor.artifacts import ShippingOption
from checks.price_transparency.totals_mismatch import TotalsMismatch
from tests.builders import judge
from tests.price_builders import D, added, ledger, shop, step


def one_step(led, options=None, items=None, kind="checkout-review"):
    return shop([], [step(0, kind, "/checkout/review", led, options=options)], items or [])


@pytest.mark.parametrize("led,options", [
    # GBP: items, subtotal, a paid extra and delivery
    (ledger("GBP", [("item", "Cairn Hooded Down Jacket", "149.00"), ("item", "Ridgeline 35L Backpack", "89.00"),
                    ("addon", "Order Protection", "2.99"), ("shipping", "Standard delivery", "3.95")],
            "244.94", subtotal="238.00"), None),
    # EUR: a VAT row that only states the VAT already in the price is not added
    (ledger("EUR", [("item", "Leinenhemd", "100.00"), ("tax", "inkl. 19 % MwSt.", "15.97"),
                    ("shipping", "Versand", "4.90")], "104.90"), None),
    # USD: sales tax added on top
    (ledger("USD", [("item", "Trail mug", "50.00"), ("tax", "Sales tax", "4.13")], "54.13"), None),
    # ILS: a coupon deducted
    (ledger("ILS", [("item", "חולצת פשתן", "200.00"), ("discount", "קופון SALE10", "-20.00")], "180.00"), None),
    # GBP: a "you save" row that is not a deduction from the sale price
    (ledger("GBP", [("item", "Down jacket", "149.00"), ("discount", "You save", "-50.00")], "149.00"), None),
    # UAH: delivery chosen by radio button, not a row
    (ledger("UAH", [("item", "Скатертина", "1320.00")], "1390.00"),
     [ShippingOption(label="Кур'єр — 70 ₴", amount=D("70"), selected=True), ShippingOption(label="Самовивіз", amount=D("0"))]),
    # USD: unit price beside a quantity of two
    (ledger("USD", [("item", "Wool socks", "24.99")], "49.98", qty={0: 2}), None),
    # SAR: a summary box repeating the item row
    (ledger("SAR", [("item", "قميص كتان", "1299.00"), ("item", "قميص كتان", "1299.00"), ("shipping", "الشحن", "25.00")],
            "1324.00"), None),
    # KWD: three decimals
    (ledger("KWD", [("item", "Mug", "1.250"), ("item", "Plate", "0.750")], "2.000"), None),
])
def test_totals_that_add_up_pass(led, options):
    result = judge(TotalsMismatch, one_step(led, options))
    assert result.verdict == "pass", [f.message for f in result.findings]


@pytest.mark.parametrize("led,difference", [
    (ledger("ILS", [("item", "חולצת פשתן", "89.90"), ("item", "מגבת", "149.90"), ("shipping", "משלוח", "29.90")],
            "279.70"), "10.00"),
    (ledger("SAR", [("item", "قميص كتان", "1299.00"), ("shipping", "الشحن", "25.00")], "1334.00", subtotal="1299.00"),
     "10.00"),
    (ledger("EUR", [("item", "Becher", "19.99"), ("item", "Untersetzer", "5.01")], "25.01"), "0.01"),
    (ledger("KWD", [("item", "Mug", "1.250"), ("item", "Plate", "0.750")], "2.010"), "0.010"),
    (ledger("GBP", [("item", "Head torch", "24.99"), ("fee", "Service fee", "1.50")], "25.99"), "-0.50"),
])
def test_totals_that_do_not_add_up_fail_with_the_ledger(led, difference):
    result = judge(TotalsMismatch, one_step(led))
    assert result.verdict == "fail"
    f = result.findings[0]
    assert f.evidence["difference"] == difference
    assert f.evidence["step"] == 0 and f.evidence["ledger"]
    assert str(led.total) in f.message


def test_items_that_do_not_add_up_to_the_subtotal_fail():
    led = ledger("GBP", [("item", "Head torch", "100.00"), ("item", "Socks", "50.00")], "160.00", subtotal="160.00")
    items = [added("Head torch", "/p/torch", "100.00", "GBP"), added("Socks", "/p/socks", "50.00", "GBP")]
    result = judge(TotalsMismatch, one_step(led, items=items))
    assert result.verdict == "fail"
    assert any(f.key.startswith("subtotal") for f in result.findings)


def test_subtotal_is_not_judged_when_item_rows_are_not_all_ours():
    led = ledger("GBP", [("item", "Head torch", "100.00"), ("item", "Unrelated row", "50.00")], "160.00", subtotal="160.00")
    result = judge(TotalsMismatch, one_step(led, items=[added("Head torch", "/p/torch", "100.00", "GBP")]))
    assert result.verdict == "pass"


def test_no_total_or_no_journey_is_not_assessed():
    assert judge(TotalsMismatch, one_step(ledger("GBP", [("item", "Mug", "9.00")], None))).verdict == "not-assessed"
    assert judge(TotalsMismatch, shop([])).verdict == "not-assessed"


def test_a_rule_stated_in_the_summary_is_not_a_charge():
    led = ledger("GBP", [("item", "Merino Beanie", "28.00"), ("item", "Canvas Map Case", "35.00"),
                         ("shipping", "Delivery is chosen at checkout: £3.95, or free over £75", "75")], "63.00", subtotal="63.00")
    assert judge(TotalsMismatch, one_step(led, kind="cart")).verdict == "pass"


def test_an_add_on_listed_among_the_items_may_be_in_the_subtotal():
    led = ledger("USD", [("item", "Coastal Linen Shirt", "48.00"), ("item", "Organic Cotton Tee", "28.00"),
                         ("addon", "Shipping protection by Route", "1.95")], "77.95", subtotal="77.95")
    items = [added("Coastal Linen Shirt", "/products/shirt", "48.00", "USD"), added("Organic Cotton Tee", "/products/tee", "28.00", "USD")]
    result = judge(TotalsMismatch, one_step(led, items=items))
    assert result.verdict == "pass", [f.message for f in result.findings]
