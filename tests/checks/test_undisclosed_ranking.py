"""undisclosed-ranking on hand-made listings: Russian, Hebrew, Arabic, English, German."""

import pytest

from auditor.artifacts import Box, Button, Control, Link, Option, TextBlock
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


# ------------------------------------------------ platform defaults: Magento "Position", PrestaShop "Pertinence"

@pytest.mark.parametrize("options,lang", [
    (["Posición", "Nombre del producto", "Precio"], "es"),
    (["Position", "Product Name", "Price"], "en"),
    (["Position", "Produktname", "Preis"], "de"),
    (["Позиция", "Название", "Цена"], "ru"),
    (["Позиція", "Назва", "Ціна"], "uk"),
    (["Pertinence", "Nom, A à Z", "Prix, croissant"], "fr"),
    (["Relevance", "Name, A to Z", "Price, low to high"], "en"),
])
def test_platform_default_position_or_relevance_is_the_shops_ranking(options, lang):
    control = Control(kind="select", id="sorter", locator="select#sorter",
                      options=[Option(value=str(i), text=t, selected=(i == 0)) for i, t in enumerate(options)])
    result = judge(UndisclosedRanking, artifacts(pages=[listing(control, lang)]))
    assert result.verdict == "fail", result.reason
    assert result.findings[0].text == options[0]


@pytest.mark.parametrize("default,lang", [
    ("Prix croissant", "fr"), ("Price: low to high", "en"), ("Nom A-Z", "fr"), ("Newest", "en"), ("Precio", "es"),
])
def test_objective_defaults_stay_objective(default, lang):
    control = Control(kind="select", id="sorter", locator="select#sorter",
                      options=[Option(value="a", text=default, selected=True), Option(value="b", text="Position")])
    assert judge(UndisclosedRanking, artifacts(pages=[listing(control, lang)])).verdict == "pass"


# ------------------------------------------------ a bare "Trier par :" label: read the value beside it

def _label_page(*, blocks: list[tuple[str, Box | None]], buttons: list[Button] | None = None,
                controls: list[Control] | None = None):
    shop = listing(lang="fr", buttons=buttons, path="/fr/3-vetements")
    shop.text_blocks = [TextBlock(text=t, locator=f"main > div:nth-of-type({i + 1})", tag="div", box=box)
                        for i, (t, box) in enumerate(blocks)]
    shop.controls = controls or []
    return shop


LABEL_BOX = Box(x=100, y=200, width=80, height=20)


def test_bare_label_reads_the_menu_trigger_beside_it():
    trigger = Button(text="Pertinence \u25be", locator="div.products-sort-order > button", region="main",
                     box=Box(x=200, y=198, width=150, height=24))
    far = Button(text="Prix, croissant", locator="footer button", region="main", box=Box(x=100, y=1800, width=100, height=20))
    shop = _label_page(blocks=[("Vêtements", None), ("Trier par :", LABEL_BOX)], buttons=[far, trigger])
    result = judge(UndisclosedRanking, artifacts(pages=[shop]))
    assert result.verdict == "fail", result.reason
    assert result.findings[0].text == "Pertinence \u25be"
    assert result.findings[0].evidence["control"] == "menu beside the label"
    objective = Button(text="Prix, croissant \u25be", locator="div.products-sort-order > button", region="main",
                       box=Box(x=200, y=198, width=150, height=24))
    shop = _label_page(blocks=[("Trier par :", LABEL_BOX)], buttons=[objective])
    assert judge(UndisclosedRanking, artifacts(pages=[shop])).verdict == "pass"


def test_bare_label_reads_the_select_beside_it_not_the_per_page_limiter():
    limiter = Control(kind="select", name="limit", locator="select.limiter", box=Box(x=190, y=200, width=40, height=20),
                      options=[Option(value="12", text="12", selected=True), Option(value="24", text="24")])
    order = Control(kind="select", name="x", locator="select.order", box=Box(x=260, y=200, width=120, height=20),
                    options=[Option(value="p", text="Position", selected=True), Option(value="n", text="Nom")])
    shop = _label_page(blocks=[("Trier par :", LABEL_BOX)], controls=[limiter, order])
    result = judge(UndisclosedRanking, artifacts(pages=[shop]))
    assert result.verdict == "fail" and result.findings[0].locator == "select.order"


def test_bare_label_reads_the_next_text_block():
    shop = _label_page(blocks=[("Trier par :", None), ("Meilleures ventes", None), ("T-shirt", None)])
    result = judge(UndisclosedRanking, artifacts(pages=[shop]))
    assert result.verdict == "fail" and result.findings[0].text == "Meilleures ventes"
    shop = _label_page(blocks=[("Trier par :", None), ("Nom, A à Z", None)])
    assert judge(UndisclosedRanking, artifacts(pages=[shop])).verdict == "pass"


def test_bare_label_with_no_value_found_is_unknown_not_objective():
    shop = _label_page(blocks=[("Trier par :", LABEL_BOX), ("T-shirt en coton bio, coupe droite, 100 % coton", Box(
        x=100, y=900, width=300, height=20))])
    result = judge(UndisclosedRanking, artifacts(pages=[shop]))
    assert result.verdict == "not-assessed", result.reason
    assert "unknown" in result.reason and "objective" not in result.reason
    assert result.details["unknown_sorts"]


def test_another_categorys_own_explanation_does_not_explain_this_one():
    control = Control(kind="select", id="sorter", locator="select#sorter",
                      options=[Option(value="p", text="Posición", selected=True), Option(value="n", text="Precio")])
    ropa = listing(control, "es", path="/ropa.html",
                   links=[Link(href=BASE + "/accesorios.html", text="Accesorios", region="nav")])
    accesorios = listing(control, "es", path="/accesorios.html",
                         texts=["Accesorios", "¿Cómo ordenamos los productos? Por unidades vendidas en 30 días."])
    result = judge(UndisclosedRanking, artifacts(pages=[ropa, accesorios]))
    assert result.verdict == "fail", result.reason
    assert [f.url for f in result.findings] == [BASE + "/ropa.html"]  # accesorios explains its own order
    accesorios.kind = "other"  # however the sibling category was classified
    assert judge(UndisclosedRanking, artifacts(pages=[ropa, accesorios])).verdict == "fail"
    info = page("/como-ordenamos", "policy", ["¿Cómo ordenamos los productos? Por unidades vendidas en 30 días."], lang="es")
    ropa.links.append(Link(href=BASE + "/como-ordenamos", text="Más información", region="footer"))
    assert judge(UndisclosedRanking, artifacts(pages=[ropa, accesorios, info])).verdict == "pass"


def test_no_duty_to_explain_a_ranking_under_the_california_profile():
    arts = artifacts(pages=[listing(sort_select(["Featured", "Price, low to high"], 0), "en")])
    result = judge(UndisclosedRanking, arts, jurisdiction="US-CA")
    assert result.verdict == "not-assessed" and "US-CA" in result.reason
