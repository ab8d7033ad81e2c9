"""personalized-pricing on hand-made loads: Russian, Hebrew, English, German."""

from decimal import Decimal

from auditor.artifacts import Box, Load, PriceMention, StructuredData, TextBlock
from checks.choice_architecture.personalized_pricing import PersonalizedPricing
from tests.builders import artifacts, judge, page, repeated

PROFILES = ("desktop", "desktop", "mobile", "returning")


def price(amount: str, currency: str = "RUB", text: str | None = None, struck: bool = False,
          locator: str = "#price") -> PriceMention:
    return PriceMention(text=text or f"{amount} ₽", amount=Decimal(amount), currency=currency, locator=locator,
                        struck=struck, context="Цена: " + (text or f"{amount} ₽"), box=Box(x=0, y=100, width=80, height=20))


def load(index: int, *prices: PriceMention, sd: StructuredData | None = None, extra: str = "") -> Load:
    return Load(index=index, profile=PROFILES[index], context=f"ctx-{index}", started_at=f"2026-01-01T00:00:0{index}Z",
                elapsed_s=4.0 * index, prices=list(prices), structured_data=sd or StructuredData(),
                text_blocks=[TextBlock(text=extra or "Кофемолка", locator="h1")])


def judged(*loads: Load, lang: str = "ru"):
    rep = repeated("/products/kofemolka", list(loads))
    return judge(PersonalizedPricing, artifacts(pages=[page("/products/kofemolka", "product", lang=lang)], rep=[rep]))


def test_phone_charged_more_than_two_agreeing_desktops_fails():
    result = judged(load(0, price("1290")), load(1, price("1290")), load(2, price("1419")), load(3, price("1290")))
    assert result.verdict == "fail", result.reason
    (finding,) = result.findings
    assert len(finding.observations) == 4  # each visitor's price is in the evidence
    assert [o.value for o in finding.observations] == ["1290 ₽", "1290 ₽", "1419 ₽", "1290 ₽"]
    assert finding.evidence["differences"][0]["profile"] == "mobile"
    assert finding.locator == "#price"


def test_returning_visitor_charged_more_than_on_the_first_visit_fails_hebrew():
    def sd(amount: str) -> StructuredData:
        return StructuredData(json_ld=[{"@type": "Product", "name": "כוס קרמיקה", "sku": "K-1",
                                        "offers": {"@type": "Offer", "price": amount, "priceCurrency": "ILS"}}])
    result = judged(load(0, sd=sd("89.90")), load(1, sd=sd("89.90")), load(2, sd=sd("89.90")),
                    load(3, sd=sd("94.90")), lang="he")
    assert result.verdict == "fail"
    assert result.findings[0].evidence["differences"] == [
        {"price": "כוס קרמיקה", "profile": "returning", "load": 4, "seen": "94.90", "others": "89.90", "currency": "ILS"}]


def test_same_price_for_every_profile_passes():
    result = judged(*(load(i, price("1290"), price("1490", struck=True, locator="del")) for i in range(4)))
    assert result.verdict == "pass", result.reason
    assert result.details["compared"]


def test_price_varying_between_identical_desktops_is_an_ab_test_not_personalisation():
    result = judged(load(0, price("1290")), load(1, price("1190")), load(2, price("1419")), load(3, price("1290")))
    assert result.verdict == "pass"
    assert any("A/B" in n for n in result.details["notes"])


def test_struck_was_price_and_currency_switch_are_not_compared():
    result = judged(load(0, price("1290"), price("1490", struck=True, locator="del")),
                    load(1, price("1290"), price("1490", struck=True, locator="del")),
                    load(2, price("1290"), price("1590", struck=True, locator="del")),
                    load(3, price("12.90", currency="EUR", text="12,90 €")))
    assert result.verdict == "pass", [f.message for f in result.findings]
    assert any("currency" in n for n in result.details["notes"])


def test_disclosed_personalised_price_passes():
    note = "Цена персонализирована на основе автоматизированного принятия решений"
    result = judged(load(0, price("1290"), extra=note), load(1, price("1290"), extra=note),
                    load(2, price("1419"), extra=note), load(3, price("1290"), extra=note))
    assert result.verdict == "pass"


def test_desktop_only_loads_are_not_assessed():
    result = judged(load(0, price("1290")), load(1, price("1290")))
    assert result.verdict == "not-assessed"
