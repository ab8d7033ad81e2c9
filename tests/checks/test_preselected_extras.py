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


def test_the_cheapest_home_delivery_beside_a_free_store_pickup_is_not_an_extra():
    rates = [radio("DHL Paket 4,95 €", True), radio("Express 12,90 €", False), radio("Abholung im Laden – kostenlos", False)]
    assert judge(PreselectedExtras, cart(rates, "de", kind="checkout")).verdict == "pass"
    express = [radio("DHL Paket 4,95 €", False), radio("Express 12,90 €", True), radio("Abholung im Laden – kostenlos", False)]
    assert judge(PreselectedExtras, cart(express, "de", kind="checkout")).verdict == "fail"


def test_controls_on_other_pages_are_not_judged_and_no_cart_is_not_assessed():
    arts = artifacts(pages=[page("/blog", "other", ["Post"], controls=[checkbox("Newsletter", True)])])
    assert judge(PreselectedExtras, arts).verdict == "not-assessed"


def test_hidden_or_disabled_controls_are_ignored():
    hidden = checkbox("Add insurance (+£4)", True, visible=False)
    assert judge(PreselectedExtras, cart([hidden, checkbox("Gift note", False)])).verdict == "pass"


# ---------------------------------------------------------------- extended: languages, overlays, journey, selects

from auditor.artifacts import Control, Journey, JourneyStep, Option, Overlay  # noqa: E402
from tests.builders import BASE  # noqa: E402


@pytest.mark.parametrize("lang,cost,consent", [
    ("en", "Round up and donate £0.40 to the Mountain Rescue", "Share my details with trusted partners"),
    ("de", "Versandversicherung für 2,95 € hinzufügen", "Ja, ich möchte den Newsletter mit Angeboten erhalten"),
    ("fr", "Ajouter une garantie prolongée (+9,90 €)", "Je souhaite recevoir les offres de vos partenaires"),
    ("es", "Añadir envoltorio de regalo (+3 €)", "Quiero recibir ofertas y novedades por email"),
    ("uk", "Округлити суму на користь благодійного фонду", "Підписатися на розсилку новин та акцій"),
    ("ru", "Добавить страховку посылки (+150 ₽)", "Подписаться на рассылку новостей и акций"),
    ("he", "הוסף ביטוח משלוח (+15 ₪)", "אני מעוניין לקבל דיוור ומבצעים"),
    ("ar", "إضافة تأمين الشحنة (+10 ر.س)", "أرغب في تلقي العروض والنشرة الإخبارية"),
])
def test_eight_languages_ticked_fail_and_unticked_pass(lang, cost, consent):
    ticked = judge(PreselectedExtras, cart([checkbox(cost, True), checkbox(consent, True)], lang, kind="checkout"))
    assert ticked.verdict == "fail"
    assert sorted(f.evidence["classified_as"] for f in ticked.findings) == ["consent", "cost"]
    unticked = judge(PreselectedExtras, cart([checkbox(cost, False), checkbox(consent, False)], lang, kind="checkout"))
    assert unticked.verdict == "pass"


def test_pre_ticked_consent_inside_a_newsletter_modal_on_any_page_fails():
    box = checkbox("Also send me partner offers", True, locator="#modal-partners", region="dialog")
    home = page("/", "home", ["Welcome"], overlays=[Overlay(kind="modal", text="Join our newsletter", controls=[box])])
    result = judge(PreselectedExtras, artifacts(pages=[home]))
    assert result.verdict == "fail" and result.findings[0].locator == "#modal-partners"


def test_pre_ticked_extra_seen_only_at_a_journey_step_fails():
    box = Control(kind="checkbox", label="Захист посилки від пошкоджень (+45 грн)", checked=True, locator="#protect")
    journey = Journey(reached="checkout-shipping", steps=[
        JourneyStep(index=0, kind="checkout-shipping", url=BASE + "/checkout", controls=[box])])
    result = judge(PreselectedExtras, artifacts(pages=[], journey=journey))
    assert result.verdict == "fail" and result.findings[0].url == BASE + "/checkout"


def test_product_page_add_on_pre_ticked_fails():
    arts = artifacts(pages=[page("/p/kettle", "product", ["Kettle"], controls=[
        checkbox("Add 3-year care plan (+£14.99)", True)])])
    assert judge(PreselectedExtras, arts).verdict == "fail"


def test_round_up_donation_radio_default_fails_and_no_thanks_default_passes():
    def group(default_donate):
        return [radio("Round up for charity (+£0.60)", default_donate, name="donation"),
                radio("No thanks", not default_donate, name="donation")]
    assert judge(PreselectedExtras, cart(group(True))).verdict == "fail"
    assert judge(PreselectedExtras, cart(group(False))).verdict == "pass"


def select(label, options, selected):
    return Control(kind="select", label=label, locator=f"select[name={abs(hash(label)) % 100}]",
                   options=[Option(value=str(i), text=t, selected=i == selected) for i, t in enumerate(options)])


def test_select_whose_default_adds_cost_fails():
    warranty = ["3-year extended warranty (+£29.00)", "No extended warranty"]
    assert judge(PreselectedExtras, cart([select("Warranty", warranty, 0)], kind="product")).verdict == "fail"
    assert judge(PreselectedExtras, cart([select("Warranty", warranty, 1)], kind="product")).findings == []
    pack = ["Без подарункової упаковки", "Подарункова упаковка +50 грн"]
    assert judge(PreselectedExtras, cart([select("Пакування", pack, 1)], "uk")).verdict == "fail"
    assert judge(PreselectedExtras, cart([select("Пакування", pack, 0)], "uk")).verdict == "pass"


def test_a_variant_select_with_a_dearer_default_is_not_an_extra():
    sizes = ["50 ml — £20.00", "100 ml — £35.00"]
    assert judge(PreselectedExtras, cart([select("Size", sizes, 1)], kind="product")).findings == []


def test_a_box_hidden_in_the_crawls_empty_cart_is_still_judged_where_the_journey_saw_it():
    label = "Округлити суму на користь благодійного фонду «Серце» (+8 грн)"
    hidden = checkbox(label, True, locator="#donate", visible=False)
    shown = checkbox(label, True, locator="#donate")
    crawl_cart = page("/koshyk/", "cart", ["Кошик"], lang="uk", controls=[hidden])
    journey = Journey(reached="cart", steps=[JourneyStep(index=0, kind="cart", url=BASE + "/koshyk/", controls=[shown])])
    result = judge(PreselectedExtras, artifacts(pages=[crawl_cart], journey=journey))
    assert result.verdict == "fail" and result.findings[0].text == label


def test_product_pages_alone_do_not_pass_what_the_cart_and_checkout_offer():
    warranty = ["3-year extended warranty (+£29.00)", "No extended warranty"]
    result = judge(PreselectedExtras, cart([select("Warranty", warranty, 1)], kind="product"))
    assert result.verdict == "not-assessed" and "no cart or checkout" in result.reason
