"""fake-scarcity on hand-made loads, probes and product data: Russian, Hebrew, Arabic, English."""

from auditor.artifacts import AddedItem, Journey, Load, StructuredData, TextBlock, TickingElement
from checks.urgency_scarcity.fake_scarcity import FakeScarcity
from tests.builders import BASE, artifacts, judge, page, repeated


def load(index: int, elapsed: float, *texts: str, profile: str = "desktop", ticking=()) -> Load:
    return Load(index=index, profile=profile, context=f"ctx-{index}", started_at=f"2026-01-01T00:00:{index:02d}Z",
                elapsed_s=elapsed, observed_ms=2500,
                text_blocks=[TextBlock(text="Кофемолка ручная", locator="h1", tag="h1")]
                + [TextBlock(text=t, locator="#stock", tag="p") for t in texts],
                ticking=list(ticking))


def test_count_that_goes_up_between_visitors_fails():
    rep = repeated("/products/kofemolka", [
        load(0, 0.0, "Осталось всего 3 шт."), load(1, 4.0, "Осталось всего 7 шт."),
        load(2, 8.0, "Осталось всего 2 шт.", profile="mobile"), load(3, 12.0, "Осталось всего 5 шт.", profile="returning"),
    ])
    result = judge(FakeScarcity, artifacts(pages=[page("/products/kofemolka", "product", lang="ru")], rep=[rep]))
    assert result.verdict == "fail", result.reason
    (finding,) = result.findings
    assert finding.locator == "#stock"
    assert "Осталось всего" in finding.text
    assert len(finding.observations) == 4  # one per visitor
    assert finding.evidence["counts"] == [3, 7, 2, 5]


def test_stable_count_passes_hebrew():
    rep = repeated("/he/p/kos", [load(i, 4.0 * i, "נותרו 3 יחידות במלאי") for i in range(3)])
    result = judge(FakeScarcity, artifacts(pages=[page("/he/p/kos", "product", lang="he")], rep=[rep]))
    assert result.verdict == "pass", result.reason
    assert result.details["verified"]


def test_count_that_only_falls_is_consistent_with_sales():
    rep = repeated("/p/tent", [load(0, 0.0, "Only 5 left in stock"), load(1, 5.0, "Only 4 left in stock")])
    assert judge(FakeScarcity, artifacts(pages=[page("/p/tent", "product")], rep=[rep])).verdict == "pass"


def test_count_that_jumps_up_while_one_visitor_watches_fails():
    tick = TickingElement(locator="#stock", first="Only 2 left!", second="Only 6 left!", interval_ms=1100)
    rep = repeated("/p/lamp", [load(0, 0.0, "Only 6 left!", ticking=[tick])])
    result = judge(FakeScarcity, artifacts(pages=[page("/p/lamp", "product")], rep=[rep]))
    assert result.verdict == "fail"
    assert "same visit" in result.findings[0].message


def test_badge_shown_to_some_new_visitors_only_fails_but_a_phone_layout_may_hide_it():
    rep = repeated("/p/boots", [load(0, 0.0, "Selling fast!"), load(1, 4.0)])
    result = judge(FakeScarcity, artifacts(pages=[page("/p/boots", "product")], rep=[rep]))
    assert result.verdict == "fail"
    assert result.findings[0].evidence["shown"] == [True, False]
    rep = repeated("/p/boots", [load(0, 0.0, "Selling fast!"), load(1, 4.0, "Selling fast!"), load(2, 8.0, profile="mobile")])
    assert judge(FakeScarcity, artifacts(pages=[page("/p/boots", "product")], rep=[rep])).verdict == "pass"


def _probe(claim_page_text: str, asked: int, kept: int | None, lang: str):
    product = page("/p/x", "product", [claim_page_text], lang=lang)
    item = AddedItem(name="X", url=BASE + "/p/x", quantity=asked, purpose="scarcity probe", cart_quantity=kept)
    return artifacts(pages=[product], journey=Journey(added=[item]))


def test_cart_that_accepts_more_than_claimed_fails():
    result = judge(FakeScarcity, _probe("باقي 2 قطع فقط", asked=3, kept=3, lang="ar"))
    assert result.verdict == "fail"
    (finding,) = result.findings
    assert finding.evidence == {"claimed_left": 2, "asked": 3, "cart_quantity": 3, "shop_message": None, "accepted": True}
    assert finding.text == "باقي 2 قطع فقط"


def test_cart_that_caps_at_the_claim_passes():
    result = judge(FakeScarcity, _probe("נותרו 3 יחידות במלאי", asked=4, kept=3, lang="he"))
    assert result.verdict == "pass", result.reason


def test_unreadable_cart_quantity_is_not_assessed():
    assert judge(FakeScarcity, _probe("Only 3 left", asked=4, kept=None, lang="en")).verdict == "not-assessed"


def _with_inventory(text: str, level: int, lang: str):
    sd = StructuredData(json_ld=[{"@type": "Product", "name": "X", "offers": {
        "@type": "Offer", "price": "10", "inventoryLevel": {"@type": "QuantitativeValue", "value": level}}}])
    return artifacts(pages=[page("/p/x", "product", [text], lang=lang, structured_data=sd)])


def test_claim_below_the_published_inventory_fails():
    result = judge(FakeScarcity, _with_inventory("باقي 2 قطع فقط", 40, "ar"))
    assert result.verdict == "fail"
    assert result.findings[0].evidence["inventory_level"] == 40


def test_claim_matching_the_published_inventory_passes():
    assert judge(FakeScarcity, _with_inventory("Nur noch 4 Stück auf Lager", 4, "de")).verdict == "pass"


def test_claim_that_could_not_be_checked_is_not_assessed_and_no_claim_passes():
    claimed = artifacts(pages=[page("/p/x", "product", ["Only 3 left!"])])
    assert judge(FakeScarcity, claimed).verdict == "not-assessed"
    plain = artifacts(pages=[page("/p/x", "product", ["A sturdy tent for two."])])
    assert judge(FakeScarcity, plain).verdict == "pass"


def test_a_countdown_that_says_left_is_not_a_stock_count():
    tick = TickingElement(locator="#stock", first="Spring sale ends 1 March 2030 — 1193d 03:47:32 left",
                          second="Spring sale ends 1 March 2030 — 1193d 03:47:31 left", interval_ms=1100)
    rep = repeated("/p/stove", [load(0, 0.0, "Spring sale ends 1 March 2030 — 1193d 03:47:30 left", ticking=[tick]),
                                load(1, 5.0, "Spring sale ends 1 March 2030 — 1193d 03:47:25 left")])
    result = judge(FakeScarcity, artifacts(pages=[page("/p/stove", "product")], rep=[rep]))
    assert result.verdict == "pass", [f.message for f in result.findings]
    assert result.details["claimed"] == []


def test_no_product_page_reached_is_not_a_pass():
    home_only = artifacts(pages=[page("/", "home", ["Welcome to our shop"])])
    result = judge(FakeScarcity, home_only)
    assert result.verdict == "not-assessed" and "no product page" in result.reason
