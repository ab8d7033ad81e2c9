"""cancellation-terms on hand-made pages in English, German, Ukrainian and Hebrew."""

import pytest

from checks.policies.cancellation_terms import CancellationTerms
from tests.builders import artifacts, judge, page

BEFORE = {
    "en": "You can cancel your order at any time before it is dispatched by emailing orders@shop.test.",
    "de": "Sie können Ihre Bestellung bis zum Versand kostenlos stornieren.",
    "uk": "Ви можете скасувати замовлення до відправлення, написавши нам.",
    "he": "ניתן לבטל את ההזמנה לפני המשלוח בפנייה לשירות הלקוחות.",
}
AFTER = {
    "en": "If your order has already shipped, refuse the parcel or return it under our returns policy.",
    "de": "Wurde die Ware bereits versandt, können Sie die Annahme verweigern.",
    "uk": "Якщо замовлення вже відправлено, ви можете відмовитися від отримання посилки.",
    "he": "אם ההזמנה כבר נשלחה, ניתן לסרב לקבל את החבילה.",
}
SUBSCRIPTION_TERMS = "You can cancel your subscription at any time in your account before the next billing date."


def terms_page(texts, lang="en"):
    return page("/terms", "policy", ["Terms"] + texts, lang=lang, policy_kinds=["terms"])


def product(texts, lang="en", path="/p/coffee"):
    return page(path, "product", texts, lang=lang)


@pytest.mark.parametrize("lang", sorted(BEFORE))
def test_terms_for_before_and_after_dispatch_pass(lang):
    result = judge(CancellationTerms, artifacts(pages=[terms_page([BEFORE[lang], AFTER[lang]], lang)]))
    assert result.verdict == "pass", [f.message for f in result.findings]
    assert result.details["elements"]["before_dispatch"]["quote"] == BEFORE[lang]
    assert "subscription" not in [k for k, v in result.details["elements"].items() if v["required"]]


@pytest.mark.parametrize("lang", sorted(BEFORE))
def test_missing_after_dispatch_terms_fail(lang):
    result = judge(CancellationTerms, artifacts(pages=[terms_page([BEFORE[lang]], lang)]))
    assert result.verdict == "fail"
    assert [f.key for f in result.findings] == ["after_dispatch"]
    assert result.findings[0].url == "http://shop.test/terms"


def test_a_subscription_sold_on_a_product_page_needs_its_cancellation_terms():
    sub = product(["Coffee club", "Subscribe and save: a fresh bag delivered monthly for £20 per month."])
    result = judge(CancellationTerms, artifacts(pages=[sub, terms_page([BEFORE["en"], AFTER["en"]])]))
    assert result.verdict == "fail"
    assert [f.key for f in result.findings] == ["subscription"]
    fixed = judge(CancellationTerms, artifacts(pages=[sub, terms_page([BEFORE["en"], AFTER["en"], SUBSCRIPTION_TERMS])]))
    assert fixed.verdict == "pass", [f.message for f in fixed.findings]


def test_a_newsletter_signup_is_not_a_subscription_for_sale():
    shop = product(["Merino socks", "Subscribe to our newsletter for news and offers."])
    result = judge(CancellationTerms, artifacts(pages=[shop, terms_page([BEFORE["en"], AFTER["en"]])]))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_california_asks_only_for_subscription_cancellation_terms():
    plain = artifacts(pages=[terms_page(["Orders are final once placed."])])
    result = judge(CancellationTerms, plain, jurisdiction="US-CA")
    assert result.verdict == "not-assessed" and "17602" in result.reason
    sub = product(["Coffee club", "Auto-renews every month at $18 until you cancel."])
    result = judge(CancellationTerms, artifacts(pages=[sub, terms_page(["Orders are final once placed."])]), jurisdiction="US-CA")
    assert result.verdict == "fail" and [f.key for f in result.findings] == ["subscription"]


def test_terms_stated_at_checkout_count():
    checkout = page("/checkout", "checkout", ["Delivery details", BEFORE["en"], AFTER["en"]])
    other = page("/privacy", "policy", ["Privacy"], policy_kinds=["privacy"])
    result = judge(CancellationTerms, artifacts(pages=[checkout, other]))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_no_policy_pages_at_all_is_not_assessed():
    result = judge(CancellationTerms, artifacts(pages=[page("/", "home", ["Welcome"])]))
    assert result.verdict == "not-assessed"
