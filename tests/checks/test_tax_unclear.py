"""tax-unclear: a tax statement with the prices, and no tax added at checkout to final-looking prices."""

import pytest

from checks.price_transparency.tax_unclear import TaxUnclear
from tests.builders import BASE, judge
from tests.price_builders import added, ledger, product, shop, step


def with_checkout(page, currency, name, price, rows, total):
    steps = [step(0, "product", page.url, page=0),
             step(1, "cart", "/cart", ledger(currency, [("item", name, price)], price)),
             step(2, "checkout-review", "/checkout/review", ledger(currency, rows, total))]
    return shop([page], steps, [added(name, page.url.replace(BASE, ""), price, currency)])


@pytest.mark.parametrize("text,lang,currency,price", [
    ("inkl. MwSt., zzgl. Versandkosten", "de", "EUR", "49,90 €"),
    ("All prices include VAT.", "en", "GBP", "£24.99"),
    ("המחירים כוללים מע\"מ", "he", "ILS", "₪89.90"),
    ("جميع الأسعار شاملة ضريبة القيمة المضافة", "ar", "SAR", "١٢٩٫٠٠ ر.س"),
    ("© 2026 ФОП Коваленко О. П., РНОКПП 3145209876. Ціни вказано в гривнях; продавець не є платником ПДВ.", "uk", "UAH",
     "1 299,00 ₴"),
])
def test_a_tax_statement_with_final_prices_passes(text, lang, currency, price):
    page = product("/p/x", "Product", price, lang, currency, extra=[text])
    assert judge(TaxUnclear, shop([page])).verdict == "pass"


def test_no_statement_anywhere_fails():
    page = product("/p/x", "Camp mug", "£24.99", "en", "GBP",
                   extra=["Enamel steel, 350 ml", "Registered in England, company no. 07418825. VAT no. GB 184 2290 61."])
    result = judge(TaxUnclear, shop([page]))
    assert result.verdict == "fail" and result.findings[0].key == "no-tax-statement"


def test_vat_added_at_checkout_in_riyals_fails():
    page = product("/p/shirt", "قميص كتان", "١٬٠٠٠٫٠٠ ر.س", "ar", "SAR", extra=["قميص من الكتان الطبيعي"])
    arts = with_checkout(page, "SAR", "قميص كتان", "1000.00",
                         [("item", "قميص كتان", "1000.00"), ("tax", "ضريبة القيمة المضافة (15%)", "150.00")], "1150.00")
    result = judge(TaxUnclear, arts)
    assert result.verdict == "fail"
    added_tax = next(f for f in result.findings if f.key == "tax-added")
    assert added_tax.evidence["step"] == 2 and "150.00" in added_tax.message


def test_vat_added_after_saying_incl_vat_is_a_contradiction():
    page = product("/p/jacket", "Down jacket", "£120.00", "en", "GBP", extra=["Price includes VAT."])
    arts = with_checkout(page, "GBP", "Down jacket", "120.00",
                         [("item", "Down jacket", "120.00"), ("tax", "VAT 20%", "24.00")], "144.00")
    result = judge(TaxUnclear, arts)
    assert result.verdict == "fail" and "although the shop said" in result.findings[0].message


def test_included_vat_row_or_announced_net_prices_pass():
    page = product("/p/hemd", "Leinenhemd", "119,00 €", "de", "EUR", extra=["inkl. MwSt."])
    included = with_checkout(page, "EUR", "Leinenhemd", "119.00",
                             [("item", "Leinenhemd", "119.00"), ("tax", "inkl. 19 % MwSt.", "19.00")], "119.00")
    assert judge(TaxUnclear, included).verdict == "pass"
    net = product("/p/desk", "Standing desk", "£400.00", "en", "GBP", extra=["Prices excl. VAT"])
    announced = with_checkout(net, "GBP", "Standing desk", "400.00",
                              [("item", "Standing desk", "400.00"), ("tax", "VAT", "80.00")], "480.00")
    assert judge(TaxUnclear, announced).verdict == "pass"


def test_california_and_no_product_page_are_not_assessed():
    page = product("/p/mug", "Camp mug", "$24.99", "en", "USD")
    arts = with_checkout(page, "USD", "Camp mug", "24.99", [("item", "Camp mug", "24.99"), ("tax", "Sales tax", "2.06")], "27.05")
    assert judge(TaxUnclear, arts, jurisdiction="US-CA").verdict == "not-assessed"
    assert judge(TaxUnclear, shop([])).verdict == "not-assessed"
