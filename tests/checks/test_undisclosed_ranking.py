"""undisclosed-ranking on hand-made listings: Russian, Hebrew, Arabic, English, German."""

import pytest

from auditor.artifacts import Button, Control, Link, Option
from checks.choice_architecture.undisclosed_ranking import UndisclosedRanking
from tests.builders import BASE, artifacts, judge, page


def sort_select(options: list[str], selected: int | None, name: str = "sort_by", label: str = "") -> Control:
    return Control(kind="select", name=name, label=label, locator="select#sort",
                   options=[Option(value=str(i), text=t, selected=(i == selected)) for i, t in enumerate(options)])


def listing(control: Control | None = None, lang: str = "en", texts: list[str] | None = None,
            links: list[Link] | None = None, buttons: list[Button] | None = None, path: str = "/collections/all"):
    return page(path, "listing", texts or ["All products"], lang=lang, controls=[control] if control else [],
                links=links or [], buttons=buttons or [])


@pytest.mark.parametrize("options,selected,lang", [
    (["Рекомендуемые", "Сначала дешевле", "Сначала дороже", "Новинки"], 0, "ru"),
    (["Featured", "Price, low to high", "Price, high to low"], None, "en"),  # no selected: the first is the default
    (["Standardsortierung", "Preis aufsteigend", "Preis absteigend"], 0, "de"),
    (["Sort by popularity", "Sort by latest", "Sort by price: low to high"], 0, "en"),
])
def test_shop_ranking_by_default_without_explanation_fails(options, selected, lang):
    result = judge(UndisclosedRanking, artifacts(pages=[listing(sort_select(options, selected), lang)]))
    assert result.verdict == "fail", result.reason
    (finding,) = result.findings
    assert finding.locator == "select#sort"
    assert finding.text == options[selected or 0]
    assert finding.evidence["options"] == options


def test_objective_default_order_passes():
    control = sort_select(["Sort by popularity", "Sort by price: low to high"], 1, name="orderby")
    result = judge(UndisclosedRanking, artifacts(pages=[listing(control)]))
    assert result.verdict == "pass", result.reason


def test_explanation_one_click_away_passes_hebrew():
    control = sort_select(["מומלצים", "מחיר: מהנמוך לגבוה", "מחיר: מהגבוה לנמוך"], 0)
    about = page("/pages/ranking", "policy", ["הדירוג מבוסס על מכירות בחודש האחרון, דירוג הלקוחות וזמינות במלאי. "
                                               "אין מיקום ממומן."], lang="he")
    shop = listing(control, "he", links=[Link(href=BASE + "/pages/ranking", text="מידע נוסף", region="footer")])
    result = judge(UndisclosedRanking, artifacts(pages=[shop, about]))
    assert result.verdict == "pass", result.reason
    assert "one click away" in result.details["sort_controls"][0]


def test_explanation_on_the_page_or_in_a_link_text_passes():
    control = sort_select(["Recommended", "Newest"], 0)
    assert judge(UndisclosedRanking, artifacts(pages=[listing(control, texts=[
        "All products", "Ranking is based on sales in the last 30 days and customer ratings."])])).verdict == "pass"
    linked = listing(control, links=[Link(href=BASE + "/ranking", text="How we rank products", region="main")])
    assert judge(UndisclosedRanking, artifacts(pages=[linked])).verdict == "pass"


def test_custom_sort_menu_trigger_is_read_arabic():
    trigger = Button(text="ترتيب حسب: الأكثر شعبية", locator="button.sort-toggle", region="main")
    result = judge(UndisclosedRanking, artifacts(pages=[listing(lang="ar", buttons=[trigger], path="/ar/c/all")]))
    assert result.verdict == "fail"
    assert result.findings[0].evidence["control"] == "control text"


def test_no_sort_control_passes_and_no_listing_is_not_assessed():
    assert judge(UndisclosedRanking, artifacts(pages=[listing()])).verdict == "pass"
    only_product = artifacts(pages=[page("/p/1", "product", ["A lamp"])])
    assert judge(UndisclosedRanking, only_product).verdict == "not-assessed"
