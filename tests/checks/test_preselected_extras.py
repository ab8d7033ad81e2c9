"""preselected-extras on hand-made controls, in English and Ukrainian."""

import pytest

from checks.choice_architecture.preselected_extras import PreselectedExtras
from tests.builders import artifacts, checkbox, judge, page, radio


def cart(controls, lang="en", kind="cart"):
    return artifacts(pages=[page("/cart", kind, ["Your basket"], lang=lang, controls=controls)])


@pytest.mark.parametrize("label,lang", [
    ("Add Order Protection — covers loss and damage (+£2.99)", "en"),
    ("Add a 2-year extended warranty", "en"),
    ("Round up and donate £0.60 to charity", "en"),
    ("Страхування посилки (+35 ₴)", "uk"),
    ("Додати подарункове пакування +50 грн", "uk"),
])
def test_ticked_paid_extra_fails(label, lang):
    result = judge(PreselectedExtras, cart([checkbox(label, True)], lang))
    assert result.verdict == "fail"
    assert result.findings[0].evidence["classified_as"] == "cost"
    assert result.findings[0].text == label


@pytest.mark.parametrize("label,lang", [
    ("Keep me updated with news and exclusive offers by email", "en"),
    ("Share my details with trusted partners", "en"),
    ("Підписатися на розсилку новин та акцій", "uk"),
])
def test_ticked_marketing_consent_fails(label, lang):
    result = judge(PreselectedExtras, cart([checkbox(label, True)], lang, kind="checkout"))
    assert result.verdict == "fail"
    assert result.findings[0].evidence["classified_as"] == "consent"


@pytest.mark.parametrize("label,checked,lang", [
    ("Add gift wrapping (+£3.50)", False, "en"),            # optional extra left unticked
    ("Keep me updated with offers", False, "en"),
    ("Billing address same as delivery address", True, "en"),  # ticked, but neither cost nor consent
    ("Do not send me marketing emails", True, "en"),        # an opt-out, ticked in the shopper's favour
    ("Подарункове пакування (+50 ₴)", False, "uk"),
    ("Я прочитав(ла) та погоджуюсь з умовами", False, "uk"),
])
def test_honest_controls_pass(label, checked, lang):
    result = judge(PreselectedExtras, cart([checkbox(label, checked)], lang))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_express_shipping_chosen_by_default_fails_but_cheapest_default_passes():
    dear = [radio("Standard delivery (3–5 days) £3.95", False), radio("Express delivery £7.95", True)]
    cheap = [radio("Standard delivery (3–5 days) £3.95", True), radio("Express delivery £7.95", False)]
    assert judge(PreselectedExtras, cart(dear, kind="checkout")).verdict == "fail"
    assert judge(PreselectedExtras, cart(cheap, kind="checkout")).verdict == "pass"


def test_controls_on_other_pages_are_not_judged_and_no_cart_is_not_assessed():
    arts = artifacts(pages=[page("/blog", "other", ["Post"], controls=[checkbox("Newsletter", True)])])
    assert judge(PreselectedExtras, arts).verdict == "not-assessed"


def test_hidden_or_disabled_controls_are_ignored():
    hidden = checkbox("Add insurance (+£4)", True, visible=False)
    assert judge(PreselectedExtras, cart([hidden, checkbox("Gift note", False)])).verdict == "pass"
