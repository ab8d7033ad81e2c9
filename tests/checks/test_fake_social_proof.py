"""fake-social-proof on hand-made loads and pages: Russian, Hebrew, English, Arabic, German."""

import pytest

from auditor.artifacts import Link, Load, TextBlock, TransientElement
from checks.urgency_scarcity.fake_social_proof import FakeSocialProof
from tests.builders import BASE, artifacts, judge, page, repeated


def load(index: int, *toasts: str, profile: str = "desktop", blocks: tuple[str, ...] = ()) -> Load:
    return Load(index=index, profile=profile, context=f"ctx-{index}", started_at=f"2026-01-01T00:00:{index:02d}Z",
                elapsed_s=4.0 * index,
                text_blocks=[TextBlock(text="Кофемолка", locator="h1", tag="h1")]
                + [TextBlock(text=b, locator=f"main > p:nth-of-type({i + 1})") for i, b in enumerate(blocks)],
                transients=[TransientElement(text=t, locator="body > div.toast", appeared_ms=900 + 1500 * i,
                                             removed_ms=2100 + 1500 * i, position="fixed") for i, t in enumerate(toasts)])


def test_viewer_counts_that_differ_between_visitors_fail():
    rep = repeated("/products/kofemolka", [
        load(0, "Сейчас 14 человек смотрят этот товар"), load(1, "Сейчас 31 человек смотрят этот товар"),
        load(2, "Сейчас 9 человек смотрят этот товар", profile="mobile"),
    ])
    result = judge(FakeSocialProof, artifacts(pages=[page("/products/kofemolka", "product", lang="ru")], rep=[rep]))
    assert result.verdict == "fail", result.reason
    (finding,) = result.findings
    assert finding.locator == "body > div.toast"
    assert len(finding.observations) == 3  # the variation, visitor by visitor
    assert finding.observations[1].value.startswith("Сейчас 31 человек")
    assert finding.evidence["pop_up"] is True
    assert finding.evidence["distinct_values"] == ["14", "31", "9"]


def test_purchase_popups_naming_different_buyers_fail():
    rep = repeated("/p/lamp", [load(0, "Anna from Kyiv just bought Desk Lamp"),
                               load(1, "Oleh from Lviv just bought Desk Lamp")])
    result = judge(FakeSocialProof, artifacts(pages=[page("/p/lamp", "product")], rep=[rep]))
    assert result.verdict == "fail"
    assert "Anna from Kyiv" in result.findings[0].message and "Oleh from Lviv" in result.findings[0].message


def test_same_notice_for_every_visitor_passes_even_as_minutes_pass():
    rep = repeated("/p/lamp", [load(0, "Anna from Kyiv just bought this, 3 minutes ago"),
                               load(1, "Anna from Kyiv just bought this, 4 minutes ago"),
                               load(2, "Anna from Kyiv just bought this, 4 minutes ago", profile="returning")])
    result = judge(FakeSocialProof, artifacts(pages=[page("/p/lamp", "product")], rep=[rep]))
    assert result.verdict == "pass", result.reason
    assert result.details["compared"]


def test_stable_counter_in_the_page_passes_hebrew():
    rep = repeated("/he/p/kos", [load(i, blocks=("12 אנשים צופים במוצר כעת",)) for i in range(3)])
    assert judge(FakeSocialProof, artifacts(pages=[page("/he/p/kos", "product", lang="he")], rep=[rep])).verdict == "pass"


def test_reviews_without_a_verification_statement_fail_arabic():
    product = page("/ar/p/1", "product", ["مصباح مكتب", "التقييمات (124)", "4.8 من 5"], lang="ar")
    result = judge(FakeSocialProof, artifacts(pages=[product]))
    assert result.verdict == "fail"
    (finding,) = result.findings
    assert finding.text == "التقييمات (124)"
    assert "checked to come from real customers" in finding.message


def test_reviews_with_a_statement_on_the_page_or_one_click_away_pass():
    on_page = page("/he/p/1", "product", ["ביקורות גולשים (38)", "כל הביקורות מאומתות: רק לקוחות שרכשו את המוצר יכולים לכתוב ביקורת"], lang="he")
    assert judge(FakeSocialProof, artifacts(pages=[on_page])).verdict == "pass"
    policy = page("/bewertungen", "policy", ["Wie wir Bewertungen prüfen: Nur Kunden mit einer Bestellung können bewerten. "
                                              "Alle Bewertungen werden verifiziert."], lang="de")
    linked = page("/p/1", "product", ["Kundenbewertungen (12)"], lang="de",
                  links=[Link(href=BASE + "/bewertungen", text="Mehr erfahren", region="main")])
    result = judge(FakeSocialProof, artifacts(pages=[linked, policy]))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_a_link_that_says_how_reviews_are_checked_is_enough():
    product = page("/p/1", "product", ["4.8 out of 5 (54 reviews)"],
                   links=[Link(href=BASE + "/reviews-policy", text="How we verify reviews", region="main")])
    assert judge(FakeSocialProof, artifacts(pages=[product])).verdict == "pass"


def test_nothing_to_compare_and_no_reviews_is_not_assessed():
    result = judge(FakeSocialProof, artifacts(pages=[page("/", "home", ["Welcome"])]))
    assert result.verdict == "not-assessed"


def test_an_empty_reviews_section_is_not_a_review_claim_but_a_rating_is():
    empty = page("/p/tee", "product", ["Customer Reviews", "This product does not have any reviews yet"])
    assert judge(FakeSocialProof, artifacts(pages=[empty])).verdict != "fail"
    rated = page("/p/tee", "product", ["Customer Reviews", "4.6 out of 5 — 128 reviews"])
    result = judge(FakeSocialProof, artifacts(pages=[rated]))
    assert result.verdict == "fail" and "128 reviews" in result.findings[0].text


# ------------------------------------------------ a number next to the review word, not anywhere

def test_changing_ones_mind_is_no_review_claim_french_and_spanish():
    fr = page("/fr/p/lampe", "product", ["Lampe de bureau", "Satisfait ou remboursé : 14 jours pour changer d'avis",
                                         "Livraison sous 3 jours, sauf avis contraire du transporteur"], lang="fr")
    es = page("/es/p/lampara", "product", ["Lámpara", "Tienes 30 días para cambiar de opinión"], lang="es")
    for product in (fr, es):
        result = judge(FakeSocialProof, artifacts(pages=[product]))
        assert result.verdict == "not-assessed", (product.final_url, result.reason)
    counted = page("/fr/p/lampe", "product", ["Lampe de bureau", "Avis clients (12)"], lang="fr")
    result = judge(FakeSocialProof, artifacts(pages=[counted]))
    assert result.verdict == "fail" and result.findings[0].text == "Avis clients (12)"


def test_a_number_elsewhere_in_the_block_is_no_review_count():
    far = page("/p/lamp", "product", ["Free delivery in 3 days. Read what customers say in our reviews"])
    assert judge(FakeSocialProof, artifacts(pages=[far])).verdict == "not-assessed"
    zero = page("/fr/p/lampe", "product", ["0 avis"], lang="fr")
    assert judge(FakeSocialProof, artifacts(pages=[zero])).verdict == "not-assessed"


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "12 avis"), ("fr", "Note : 4,5/5"), ("fr", "★★★★☆ (12)"), ("es", "Opiniones (4)"),
    ("de", "4,7 von 5 Sternen"), ("ru", "Отзывы: 7"), ("en", "★★★★☆ 4.2"),
])
def test_a_count_or_rating_next_to_the_review_word_is_a_review_claim(lang, text):
    product = page("/p/x", "product", ["Produkt", text], lang=lang)
    result = judge(FakeSocialProof, artifacts(pages=[product]))
    assert result.verdict == "fail", (text, result.reason)
    assert result.findings[0].text == text


def test_withdrawal_of_consent_is_no_review_russian():
    product = page("/ru/p/1", "product", ["Отзыв согласия на обработку данных в течение 30 дней"], lang="ru")
    assert judge(FakeSocialProof, artifacts(pages=[product])).verdict == "not-assessed"


def test_no_review_statement_is_owed_under_the_california_profile():
    product = page("/p/1", "product", ["Desk lamp", "Reviews (124)", "4.8 out of 5"], lang="en")
    assert judge(FakeSocialProof, artifacts(pages=[product])).verdict == "fail"
    assert judge(FakeSocialProof, artifacts(pages=[product]), jurisdiction="US-CA").verdict != "fail"
