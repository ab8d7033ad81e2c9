"""confirmshaming on hand-made overlays and offers, in eight languages."""

import pytest

from auditor.artifacts import Button, Link, Load, Overlay, RepeatedLoads
from checks.choice_architecture.confirmshaming import Confirmshaming
from tests.builders import BASE, artifacts, judge, page


def modal(decline: str, accept: str = "Get 10% off", dismissed: bool = True) -> Overlay:
    return Overlay(kind="modal", text=f"Join our newsletter and get 10% off\n{accept}\n{decline}",
                   locator="#newsletter",
                   buttons=[Button(text=accept, locator="#nl-yes"), Button(text=decline, locator="#nl-no", kind="link")],
                   dismissed_by=decline if dismissed else None)


def with_modal(decline: str, lang: str = "en", **kw) -> object:
    return artifacts(pages=[page("/", "home", ["Welcome"], lang=lang, overlays=[modal(decline, **kw)])])


@pytest.mark.parametrize("decline,lang", [
    ("No thanks, I prefer to pay full price", "en"),
    ("I don't want to protect my order", "en"),
    ("Nein danke, ich zahle lieber den vollen Preis", "de"),
    ("Non merci, je préfère payer plein tarif", "fr"),
    ("No gracias, prefiero pagar más", "es"),
    ("Ні, дякую, я не хочу економити", "uk"),
    ("Нет, спасибо, я не хочу экономить", "ru"),
    ("לא תודה, אני מעדיף לשלם מחיר מלא", "he"),
    ("لا شكرا، أفضل دفع السعر الكامل", "ar"),
])
def test_shaming_decline_in_a_modal_fails(decline, lang):
    result = judge(Confirmshaming, with_modal(decline, lang))
    assert result.verdict == "fail"
    f = result.findings[0]
    assert f.text == decline and f.locator == "#nl-no"
    assert f.evidence["auditor_had_to_press_it"] is True


@pytest.mark.parametrize("decline,lang", [
    ("No thanks", "en"), ("Maybe later", "en"), ("Not now", "en"), ("Close", "en"),
    ("Nein danke", "de"), ("Non merci", "fr"), ("No, gracias", "es"), ("Ні, дякую", "uk"),
    ("Нет, спасибо", "ru"), ("לא תודה", "he"), ("لا شكرا", "ar"), ("إغلاق", "ar"),
])
def test_neutral_decline_passes(decline, lang):
    result = judge(Confirmshaming, with_modal(decline, lang))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_a_shaming_link_beside_an_offer_on_the_page_fails_and_header_links_are_ignored():
    body = page("/product", "product", ["Add 2-year protection for £9"], links=[
        Link(href=BASE + "/cart", text="No thanks, I'll take the risk", locator="#skip-protection", region="main")])
    assert judge(Confirmshaming, artifacts(pages=[body])).verdict == "fail"
    header = page("/product", "product", ["Bags"], links=[
        Link(href=BASE + "/blog", text="I don't need a bag: 5 ways to pack light", locator="#nav-blog", region="nav")])
    assert judge(Confirmshaming, artifacts(pages=[header])).verdict == "pass"


def test_the_same_modal_on_many_pages_is_one_finding_listing_the_pages():
    pages = [page(f"/p{i}", "product", ["x"], overlays=[modal("No thanks, I hate saving money")]) for i in range(3)]
    result = judge(Confirmshaming, artifacts(pages=pages))
    assert result.verdict == "fail" and len(result.findings) == 1
    assert len(result.findings[0].evidence["pages"]) == 3
    assert len(result.findings[0].observations) == 3


def test_overlays_seen_only_in_repeated_loads_are_read():
    load = Load(index=1, profile="desktop", context="ctx-1", started_at="2026-01-01T00:00:05Z", elapsed_s=5,
                final_url=BASE + "/", overlays=[modal("Я краще заплачу повну ціну", dismissed=False)])
    arts = artifacts(pages=[page("/", "home", ["Головна"], lang="uk")],
                     rep=[RepeatedLoads(url=BASE + "/", kind="home", loads=[load])])
    result = judge(Confirmshaming, arts)
    assert result.verdict == "fail"
    assert result.findings[0].observations[0].label.startswith("load 2")


def test_long_paragraph_links_are_not_decline_options():
    text = "I don't need a huge tent — read our guide to choosing a lightweight shelter for two " * 3
    arts = artifacts(pages=[page("/blog", "other", ["Guide"], links=[Link(href=BASE + "/g", text=text, region="main")])])
    assert judge(Confirmshaming, arts).verdict == "pass"


def test_no_page_is_not_assessed():
    assert judge(Confirmshaming, artifacts(pages=[])).verdict == "not-assessed"


def test_a_product_named_like_a_shaming_phrase_is_not_a_decline():
    shirt = page("/p/shirt", "product", ["I Don't Need Therapy T-shirt"])
    listing = page("/shop", "listing", ["Shirts"], links=[
        Link(href=BASE + "/p/shirt", text="I Don't Need Therapy, I Need Hiking T-shirt", locator="#card-1", region="main")])
    assert judge(Confirmshaming, artifacts(pages=[listing, shirt])).verdict == "pass"
