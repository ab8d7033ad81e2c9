"""contact-preferences: marketing choices at checkout, in English, German, Ukrainian, Hebrew and Arabic."""

import pytest

from auditor.artifacts import Control, Journey, JourneyStep
from checks.policies.contact_preferences import ContactPreferences
from tests.builders import BASE, artifacts, checkbox, judge, page

OPT_IN = {
    "en": "Keep me updated with news and exclusive offers by email. You can unsubscribe at any time.",
    "de": "Ja, ich möchte den Newsletter mit Angeboten per E-Mail erhalten.",
    "uk": "Підписатися на розсилку новин та акцій",
    "he": "אני מעוניין/ת לקבל עדכונים ומבצעים במייל ובמסרונים",
    "ar": "أرغب في تلقي العروض والنشرة الإخبارية عبر البريد الإلكتروني",
}
OPT_OUT = {
    "en": "Do not send me marketing emails or texts",
    "de": "Ich möchte keine Werbung per E-Mail erhalten",
    "uk": "Не надсилайте мені рекламні розсилки",
    "he": "אינני מעוניין לקבל דברי פרסומת",
}


def checkout(controls, texts=("Your details",), lang="en"):
    return page("/checkout", "checkout", list(texts), lang=lang, controls=controls)


@pytest.mark.parametrize("lang", sorted(OPT_IN))
def test_unticked_marketing_opt_in_passes(lang):
    result = judge(ContactPreferences, artifacts(pages=[checkout([checkbox(OPT_IN[lang], False)], lang=lang)]))
    assert result.verdict == "pass", [f.message for f in result.findings]
    assert result.details["choices"][0]["wording"] == "opt-in"


@pytest.mark.parametrize("lang", sorted(OPT_IN))
def test_pre_ticked_marketing_opt_in_fails(lang):
    box = checkbox(OPT_IN[lang], True, locator="#newsletter")
    result = judge(ContactPreferences, artifacts(pages=[checkout([box], lang=lang)]))
    assert result.verdict == "fail"
    finding = result.findings[0]
    assert finding.locator == "#newsletter" and finding.text == OPT_IN[lang]
    assert finding.url == BASE + "/checkout"


@pytest.mark.parametrize("lang", sorted(OPT_OUT))
@pytest.mark.parametrize("ticked", [False, True])
def test_opt_out_box_is_a_way_to_refuse_either_way(lang, ticked):
    result = judge(ContactPreferences, artifacts(pages=[checkout([checkbox(OPT_OUT[lang], ticked)], lang=lang)]))
    assert result.verdict == "pass", [f.message for f in result.findings]
    assert result.details["choices"][0]["wording"] == "opt-out"


def test_yes_no_radio_preset_to_yes_fails_and_preset_to_no_passes():
    def radios(yes_checked):
        common = dict(kind="radio", name="offers", group_label="Would you like to receive our special offers by SMS?")
        return [Control(label="Yes", checked=yes_checked, locator="#offers-yes", **common),
                Control(label="No", checked=not yes_checked, locator="#offers-no", **common)]
    assert judge(ContactPreferences, artifacts(pages=[checkout(radios(True))])).verdict == "fail"
    assert judge(ContactPreferences, artifacts(pages=[checkout(radios(False))])).verdict == "pass"


def test_marketing_notice_without_any_choice_fails():
    texts = ["Your details", "By placing your order you agree to receive our newsletter and special offers."]
    result = judge(ContactPreferences, artifacts(pages=[checkout([], texts)]))
    assert result.verdict == "fail"
    assert result.findings[0].key == "no-choice" and "agree to receive" in result.findings[0].text


def test_the_same_notice_with_an_opt_out_box_passes():
    texts = ["Your details", "By placing your order you agree to receive our newsletter and special offers."]
    result = judge(ContactPreferences, artifacts(pages=[checkout([checkbox(OPT_OUT["en"], False)], texts)]))
    assert result.verdict == "pass"


def test_service_messages_are_not_marketing():
    box = checkbox("Text me about my order's delivery", True)
    result = judge(ContactPreferences, artifacts(pages=[checkout([box])]))
    assert result.verdict == "pass" and result.details["choices"] == []


def test_controls_seen_by_the_journey_count():
    step = JourneyStep(index=3, kind="checkout-contact", url=BASE + "/checkout/contact",
                       controls=[checkbox(OPT_IN["en"], True, locator="#marketing")])
    result = judge(ContactPreferences, artifacts(pages=[], journey=Journey(reached="checkout-contact", steps=[step])))
    assert result.verdict == "fail" and result.findings[0].url == BASE + "/checkout/contact"


def test_california_profile_is_not_assessed_with_the_reason():
    result = judge(ContactPreferences, artifacts(pages=[checkout([checkbox(OPT_IN["en"], True)])]), jurisdiction="US-CA")
    assert result.verdict == "not-assessed" and "7704" in result.reason


def test_israel_judges_pre_ticked_consent():
    result = judge(ContactPreferences, artifacts(pages=[checkout([checkbox(OPT_IN["he"], True)], lang="he")]), jurisdiction="IL")
    assert result.verdict == "fail"


def test_no_checkout_is_not_assessed():
    result = judge(ContactPreferences, artifacts(pages=[page("/", "home", ["Hi"])]))
    assert result.verdict == "not-assessed"
