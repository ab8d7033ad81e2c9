"""auditor.disclosures.fee_statements: which earlier sentences announce a fee that appears later."""

from decimal import Decimal

import pytest

from auditor.disclosures import fee_statements
from auditor.text.lexicon import lexicons
from checks.price_transparency.drip_pricing import DripPricing
from tests.builders import judge
from tests.price_builders import added, block, ledger, product, shop, shop_page, step

PREP = "Frais de préparation de commande"


def _page(*texts: str, lang: str = "fr"):
    return shop_page("/fr/p/pull", "product", [block(t, f"#main > p:nth-of-type({i + 1})") for i, t in enumerate(texts)],
                     lang, "EUR")


def _quotes(page, amount: str | None, label: str) -> list[str]:
    return [s.quote for s in fee_statements(page, lexicons(), None if amount is None else Decimal(amount), label, "EUR")]


def test_an_optional_extras_supplement_does_not_announce_a_mandatory_fee():
    page = _page("Pull en laine", "Emballage cadeau (supplément 2,00 €)")
    assert _quotes(page, "1.50", PREP) == []


@pytest.mark.parametrize("text", [
    "Des frais de préparation de commande de 1,50 € s'appliquent à chaque commande.",  # the label's own words
    "Frais supplémentaires : 1,50 € par commande.",  # a fee word with the same amount
    "Frais de préparation : 1,50 €",  # a fee word and the same amount
])
def test_a_sentence_with_the_same_amount_or_the_labels_words_announces_it(text):
    assert _quotes(_page("Pull en laine", text), "1.50", PREP) == [text]


@pytest.mark.parametrize("text", [
    "Frais de port : 4,90 €",  # another fee, another amount
    "Des frais bancaires peuvent s'appliquer selon votre banque : 3 %.",  # a share, but of another charge
])
def test_a_different_fee_with_a_different_amount_does_not(text):
    assert _quotes(_page(text), "1.50", PREP) == []


def test_without_a_known_amount_any_stated_amount_or_share_still_counts():
    page = _page("Commission de 20 € + 2 % du montant de la commande")
    assert _quotes(page, None, "")


def test_a_fee_rule_on_the_delivery_page_with_the_same_amount_counts_english():
    def rule(text: str):
        return shop_page("/delivery", "policy", [block(text, "#main > p")], "en", "GBP")
    same = rule("Orders under £20 carry a handling fee of £2.50.")
    assert fee_statements(same, lexicons(), Decimal("2.50"), "Small basket surcharge", "GBP")
    other = rule("Orders under £20 carry a handling fee of £1.00.")
    assert fee_statements(other, lexicons(), Decimal("2.50"), "Small basket surcharge", "GBP") == []


def test_drip_pricing_sees_the_prep_fee_first_shown_at_payment_despite_gift_wrap():
    page = product("/fr/p/pull", "Pull en laine", "59,00 €", "fr", "EUR",
                   extra=["TTC, frais de port en sus", "Emballage cadeau (supplément 2,00 €)"])
    steps = [step(0, "product", page.url, page=0, action="add 1 to cart (checkout)"),
             step(1, "cart", "/panier", ledger("EUR", [("item", "Pull en laine", "59.00")], "59.00")),
             step(2, "checkout-payment", "/commande", ledger("EUR", [("item", "Pull en laine", "59.00"),
                                                                   ("fee", PREP, "1.50")], "60.50"))]
    arts = shop([page], steps, [added("Pull en laine", "/fr/p/pull", "59.00", "EUR")])
    result = judge(DripPricing, arts)
    assert result.verdict == "fail", result.reason
    assert PREP in result.findings[0].message
    page.text_blocks.append(block("Frais de préparation de commande : 1,50 € par commande", "#main > p.fees"))
    assert judge(DripPricing, arts).verdict == "pass"


def test_a_fee_stated_as_a_calculation_announces_the_computed_charge_ukrainian():
    cod = "Оплата при отриманні: комісія 20 грн + 2% від суми замовлення, або карткою онлайн без комісії."
    page = shop_page("/rushnyk", "product", [block(cod, "#main > ul > li")], "uk", "UAH")
    assert fee_statements(page, lexicons(), Decimal("53.76"), "Комісія за накладений платіж", "UAH")
    # ... but not a charge smaller than its fixed part, nor another kind of fee
    assert fee_statements(page, lexicons(), Decimal("15.00"), "Комісія за накладений платіж", "UAH") == []
    assert fee_statements(page, lexicons(), Decimal("53.76"), "Сервісний збір", "UAH") == []
