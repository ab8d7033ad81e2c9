"""delivery-terms on hand-made pages in English, German, Ukrainian and Hebrew, under each profile."""

from decimal import Decimal

from auditor.artifacts import Journey, JourneyStep, PriceMention, ShippingOption
from checks.policies.delivery_terms import DeliveryTerms
from tests.builders import artifacts, judge, page

COMPLETE_EN = [
    "Delivery information",
    "Standard delivery costs £3.95; delivery is free on orders over £50.",
    "Orders arrive in 2-4 working days on the mainland and 3-5 working days to the Highlands and islands.",
    "We ship with Royal Mail and DPD.",
    "You pay in advance by card; we do not offer cash on delivery.",
    "We do not deliver to PO boxes or outside the UK.",
]
COMPLETE_DE = [
    "Versand und Lieferung",
    "Die Versandkosten betragen 4,90 €, ab 50 € versandkostenfrei.",
    "Die Lieferzeit beträgt 2-3 Werktage innerhalb Deutschlands und 5-7 Werktage in andere EU-Länder.",
    "Wir versenden mit DHL.",
    "Die Zahlung erfolgt per Vorkasse oder PayPal.",
    "Wir liefern nur innerhalb Deutschlands und Österreichs, Inseln ausgenommen.",
]
UK_COD = [
    "Доставка і оплата",
    "Вартість доставки — за тарифами перевізника, безкоштовна доставка від 1500 грн.",
    "Термін доставки 1-3 дні по Україні.",
    "Доставляємо Новою Поштою та Укрпоштою.",
    "Оплата при отриманні або передоплата на картку.",
]
UK_INSPECTION = "При отриманні ви можете оглянути товар перед оплатою."
HE_NO_REGION = [
    "משלוחים",
    "דמי משלוח 29.90 ש\"ח, משלוח חינם בקנייה מעל 300 ש\"ח.",
    "זמן אספקה 3-5 ימי עסקים.",
]
HE_REGION = "המשלוחים מגיעים לכל הארץ, ולאילת תוך 5-7 ימי עסקים."


def delivery_page(texts, lang="en", path="/delivery"):
    return page(path, "policy", texts, lang=lang, policy_kinds=["delivery"])


def keys(result):
    return {f.key for f in result.findings}


def test_complete_english_delivery_page_passes():
    result = judge(DeliveryTerms, artifacts(pages=[delivery_page(COMPLETE_EN)]))
    assert result.verdict == "pass", [f.message for f in result.findings]
    assert result.details["cash_on_delivery"] is False, "'we do not offer cash on delivery' is not an offer"


def test_complete_german_delivery_page_passes():
    result = judge(DeliveryTerms, artifacts(pages=[delivery_page(COMPLETE_DE, "de", "/versand")]))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_fast_delivery_is_vague_and_reported_with_its_quote():
    texts = [t for t in COMPLETE_EN if "working days" not in t] + ["Fast delivery to your door!"]
    result = judge(DeliveryTerms, artifacts(pages=[delivery_page(texts)]))
    assert result.verdict == "fail"
    time = next(f for f in result.findings if f.key == "time")
    assert "vague" in time.message and time.text == "Fast delivery to your door!"
    assert result.details["elements"]["time"]["status"] == "vague"


def test_missing_restrictions_and_payment_fail():
    result = judge(DeliveryTerms, artifacts(pages=[delivery_page(COMPLETE_EN[:4])]))
    assert keys(result) == {"payment", "restrictions"}


def test_cash_on_delivery_makes_inspection_required_under_the_ukrainian_profile():
    result = judge(DeliveryTerms, artifacts(pages=[delivery_page(UK_COD, "uk", "/dostavka")]), jurisdiction="UA")
    assert result.details["cash_on_delivery"] is True
    assert keys(result) == {"inspection"}
    fixed = judge(DeliveryTerms, artifacts(pages=[delivery_page(UK_COD + [UK_INSPECTION], "uk", "/dostavka")]), jurisdiction="UA")
    assert fixed.verdict == "pass", [f.message for f in fixed.findings]


def test_israel_requires_the_delivery_area():
    result = judge(DeliveryTerms, artifacts(pages=[delivery_page(HE_NO_REGION, "he", "/mishloochim")]), jurisdiction="IL")
    assert keys(result) == {"region"}
    fixed = judge(DeliveryTerms, artifacts(pages=[delivery_page(HE_NO_REGION + [HE_REGION], "he")]), jurisdiction="IL")
    assert fixed.verdict == "pass", [f.message for f in fixed.findings]


def test_california_profile_does_not_assess_but_keeps_the_table():
    result = judge(DeliveryTerms, artifacts(pages=[delivery_page(COMPLETE_EN[:2])]), jurisdiction="US-CA")
    assert result.verdict == "not-assessed" and "17538" in result.reason
    assert result.details["elements"]["cost"]["status"] == "present"


def test_delivery_cost_beside_the_price_counts():
    product = page("/p/socks", "product", ["Merino socks", "£12.00"], prices=[
        PriceMention(text="£3.95", amount=Decimal("3.95"), currency="GBP", context="+ £3.95 delivery")])
    other = page("/privacy", "policy", ["Privacy"], policy_kinds=["privacy"])
    result = judge(DeliveryTerms, artifacts(pages=[product, other]))
    cost = result.details["elements"]["cost"]
    assert cost["status"] == "present" and cost["page"] == "http://shop.test/p/socks"
    assert "cost" not in keys(result)


def test_shipping_options_of_the_checkout_count_as_costs():
    step = JourneyStep(index=3, kind="checkout-shipping", url="http://shop.test/checkout/shipping",
                       shipping_options=[ShippingOption(label="Courier", amount=Decimal("4.50"), currency="EUR")])
    other = page("/privacy", "policy", ["Privacy"], policy_kinds=["privacy"])
    result = judge(DeliveryTerms, artifacts(pages=[other], journey=Journey(reached="checkout-shipping", steps=[step])))
    assert result.details["elements"]["cost"]["status"] == "present"
    assert result.details["elements"]["cost"]["page"] == "http://shop.test/checkout/shipping"


def test_no_delivery_terms_anywhere_fails_when_other_policies_exist():
    other = page("/privacy", "policy", ["Privacy"], policy_kinds=["privacy"])
    result = judge(DeliveryTerms, artifacts(pages=[page("/", "home", ["Welcome"]), other]))
    assert result.verdict == "fail" and keys(result) == {"no-policy"}


def test_no_policy_pages_at_all_is_not_assessed():
    assert judge(DeliveryTerms, artifacts(pages=[page("/", "home", ["Welcome"])])).verdict == "not-assessed"


def test_a_closed_list_of_delivery_countries_answers_whether_restrictions_apply():
    texts = COMPLETE_DE[:-1] + ["Liefergebiet: Wir liefern nach Deutschland und Österreich."]
    result = judge(DeliveryTerms, artifacts(pages=[delivery_page(texts, "de", "/versand")]))
    assert result.details["elements"]["restrictions"]["status"] == "present", result.details["elements"]["restrictions"]
    assert result.verdict == "pass", [f.message for f in result.findings]
