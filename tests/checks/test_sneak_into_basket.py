"""sneak-into-basket: the journey's cart and checkout ledgers against what it added."""

from decimal import Decimal as D

from auditor.artifacts import AddedItem, Journey, JourneyStep, Ledger, LedgerLine
from checks.choice_architecture.sneak_into_basket import SneakIntoBasket
from tests.builders import BASE, artifacts, checkbox, judge, radio

JACKET = AddedItem(name="Wanderjacke Alpen", url=BASE + "/p/jacke", quantity=1, unit_price=D("129.00"), currency="EUR")
MUG = AddedItem(name="Чашка Карпати", url=BASE + "/p/chashka", quantity=1, unit_price=D("320"), currency="UAH")


def line(label, kind, amount, qty=None):
    return LedgerLine(label=label, kind=kind, amount=D(amount) if amount is not None else None, quantity=qty,
                      text=f"{label} {amount or ''}".strip(), locator=f"#row-{abs(hash(label)) % 1000}")


def step(index, kind, lines, subtotal=None, total=None, controls=None):
    return JourneyStep(index=index, kind=kind, url=BASE + ("/warenkorb" if kind == "cart" else "/kasse"),
                       ledger=Ledger(currency="EUR", lines=lines, subtotal=D(subtotal) if subtotal else None,
                                     total=D(total) if total else None),
                       controls=controls or [], at=f"2026-01-01T00:01:{index:02d}Z")


def journey(steps, added=(JACKET,)):
    return artifacts(pages=[], journey=Journey(reached=steps[-1].kind, guest_checkout=True,
                                               added=list(added), steps=steps))


def test_a_second_product_in_the_cart_fails_with_each_step_observed():
    lines = [line("Wanderjacke Alpen, Größe M", "item", "129.00", 1), line("Imprägnierspray 300 ml", "item", "12.95", 1)]
    steps = [step(0, "cart", lines, subtotal="141.95", total="141.95"),
             step(1, "checkout-address", lines, subtotal="141.95", total="146.90")]
    result = judge(SneakIntoBasket, journey(steps))
    assert result.verdict == "fail"
    f = result.findings[0]
    assert "Imprägnierspray" in f.message and f.url.endswith("/warenkorb")
    assert [o.label for o in f.observations] == ["step 1 (cart)", "step 2 (checkout-address)"]


def test_insurance_line_with_no_control_fails_in_the_checkout():
    lines = [line("Чашка Карпати", "item", "320", 1), line("Страхування посилки", "addon", "35")]
    result = judge(SneakIntoBasket, journey([step(0, "checkout-shipping", lines, subtotal="320", total="355")], added=[MUG]))
    assert result.verdict == "fail"
    assert result.findings[0].evidence["line_kind"] == "addon"


def test_raised_quantity_fails():
    lines = [line("Wanderjacke Alpen", "item", "258.00", 2)]
    result = judge(SneakIntoBasket, journey([step(0, "cart", lines, subtotal="258.00", total="258.00")]))
    assert result.verdict == "fail"
    assert "raised from 1 to 2" in result.findings[0].message


def test_only_what_was_added_plus_fees_and_shipping_passes():
    lines = [line("Wanderjacke Alpen", "item", "129.00", 1), line("Versand", "shipping", "4.90"),
             line("Servicegebühr", "fee", "1.50"), line("MwSt.", "tax", "20.60")]
    assert judge(SneakIntoBasket, journey([step(0, "checkout-review", lines, subtotal="129.00", total="135.40")])).verdict == "pass"


def test_a_pre_ticked_extra_is_left_to_preselected_extras():
    box = checkbox("Versandschutz hinzufügen (+2,95 €)", True)
    lines = [line("Wanderjacke Alpen", "item", "129.00", 1), line("Versandschutz", "addon", "2.95")]
    cart = step(0, "cart", lines, subtotal="129.00", total="131.95", controls=[box])
    later = step(1, "checkout-review", lines, subtotal="129.00", total="131.95")
    result = judge(SneakIntoBasket, journey([cart, later]))
    assert result.verdict == "pass"
    assert result.details["explained_by_visible_options"]


def test_an_unchosen_delivery_option_with_a_price_is_not_a_basket_line():
    options = [radio("Standardversand 4,90 €", True), radio("Expressversand 9,90 €", False)]
    lines = [line("Wanderjacke Alpen", "item", "129.00", 1), line("Expressversand", "addon", "9.90")]
    assert judge(SneakIntoBasket, journey([step(0, "checkout-shipping", lines, subtotal="129.00", total="133.90",
                                                 controls=options)])).verdict == "pass"


def test_a_recommendation_priced_beside_the_basket_is_not_in_it():
    lines = [line("Wanderjacke Alpen", "item", "129.00", 1), line("Wandersocken Merino", "item", "19.90", 1)]
    assert judge(SneakIntoBasket, journey([step(0, "cart", lines, subtotal="129.00", total="129.00")])).verdict == "pass"


def test_a_free_sample_is_not_sneaking():
    lines = [line("Wanderjacke Alpen", "item", "129.00", 1), line("Gratisprobe Pflegemittel", "item", "0.00", 1)]
    assert judge(SneakIntoBasket, journey([step(0, "cart", lines, subtotal="129.00", total="129.00")])).verdict == "pass"


def test_no_journey_or_no_ledger_is_not_assessed():
    assert judge(SneakIntoBasket, artifacts(pages=[])).verdict == "not-assessed"
    empty = JourneyStep(index=0, kind="cart", url=BASE + "/cart")
    arts = artifacts(pages=[], journey=Journey(added=[JACKET], steps=[empty]))
    assert judge(SneakIntoBasket, arts).verdict == "not-assessed"


def test_an_inflected_label_or_the_stated_price_ties_a_line_to_its_box():
    """«Благодійний внесок» comes from the box «Округлити суму на користь благодійного фонду (+8 грн)»."""
    box = checkbox("Округлити суму на користь благодійного фонду «Серце» (+8 грн)", True)
    lines = [line("Чашка Карпати", "item", "320", 1), line("Благодійний внесок", "addon", "8")]
    result = judge(SneakIntoBasket, journey([step(0, "cart", lines, subtotal="320", total="328", controls=[box])], added=[MUG]))
    assert result.verdict == "pass"


def test_a_compound_is_not_its_head_word():
    """«Versandschutz» is not explained by a delivery option «Versand mit DHL»."""
    options = [radio("Versand mit DHL 4,90 €", True), radio("Abholung im Laden 0,00 €", False)]
    lines = [line("Wanderjacke Alpen", "item", "129.00", 1), line("Versandschutz", "addon", "1.95")]
    result = judge(SneakIntoBasket, journey([step(0, "checkout-shipping", lines, subtotal="129.00", total="135.85",
                                                  controls=options)]))
    assert result.verdict == "fail" and "Versandschutz" in result.findings[0].message


def test_the_journeys_own_scarcity_probe_does_not_count_as_a_raised_quantity():
    probe = AddedItem(name="Wanderjacke Alpen", url=BASE + "/p/jacke", quantity=4, unit_price=D("129.00"),
                      currency="EUR", purpose="scarcity probe")
    lines = [line("Wanderjacke Alpen", "item", "645.00", 5)]
    result = judge(SneakIntoBasket, journey([step(0, "cart", lines, subtotal="645.00", total="645.00")], added=(JACKET, probe)))
    assert result.verdict == "pass", [f.message for f in result.findings]
