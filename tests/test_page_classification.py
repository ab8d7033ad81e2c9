"""Page kinds from structure: a lone tile button does not make a listing a product page."""

from decimal import Decimal

from auditor.artifacts import Button, Control, PageSnapshot, PriceMention
from auditor.classify import classify
from auditor.text.lexicon import lexicons

LEX = lexicons()


def _prices(n: int) -> list[PriceMention]:
    return [PriceMention(text=f"{10 + i},00 €", amount=Decimal(10 + i), currency="EUR", locator=f"li:nth-of-type({i + 1}) > span")
            for i in range(n)]


def test_a_home_page_whose_only_button_sits_in_a_tile_is_not_a_product_page():
    page = PageSnapshot(url="https://s.example/", final_url="https://s.example/", lang="es", prices=_prices(5), buttons=[
        Button(text="Añadir al carrito", locator="li:nth-of-type(3) > button", card_link="https://s.example/gorra.html")])
    assert classify(page, LEX, is_start=True).kind != "product"


def test_a_product_page_whose_button_shares_a_panel_with_a_size_guide_link_is_a_product_page():
    page = PageSnapshot(url="https://s.example/camiseta.html", final_url="https://s.example/camiseta.html", lang="es",
                        prices=_prices(1),
                        controls=[Control(kind="number", name="qty", value="1", locator="#qty")],
                        buttons=[Button(text="Añadir al carrito", locator="#add", card_link="https://s.example/guia-tallas.html")])
    assert classify(page, LEX).kind == "product"


def test_a_button_of_its_own_makes_a_product_page():
    page = PageSnapshot(url="https://s.example/p/1", final_url="https://s.example/p/1", lang="en", prices=_prices(1),
                        buttons=[Button(text="Add to cart", locator="#add")])
    assert classify(page, LEX).kind == "product"


def test_a_contact_form_is_not_a_checkout_but_an_address_form_is():
    def form(*names):
        return [Control(kind="email" if n == "email" else "text", name=n, locator=f"#{n}") for n in names]
    contact = PageSnapshot(url="https://s.example/pages/contact", final_url="https://s.example/pages/contact", lang="en",
                           controls=form("first_name", "email", "phone"))
    assert classify(contact, LEX).kind != "checkout"
    checkout = PageSnapshot(url="https://s.example/c/1", final_url="https://s.example/c/1", lang="en",
                            controls=form("email", "first_name", "address1", "city", "zip"))
    assert classify(checkout, LEX).kind == "checkout"
