"""The scarcity probe picks the product that claims few units left and asks the cart for one more."""

import asyncio
from types import SimpleNamespace

from auditor.artifacts import AddedItem, Artifacts, Control, Journey
from auditor.journey.probes import scarcity_probe, scarcity_target
from auditor.text.lexicon import lexicons
from tests.builders import BASE, page

QTY = Control(kind="number", name="quantity", value="1", locator="input[name=quantity]")


class FakeShopper:
    """What the probe uses of the Shopper: the crawl, the lexicons, add_product, open_cart."""

    def __init__(self, pages, cart_keeps: int | None):
        self.artifacts = Artifacts(target=BASE + "/", started_at="2026-01-01T00:00:00Z", pages=pages)
        self.lex = lexicons()
        self.journey = Journey()
        self.asked: list[int] = []
        self.cart_keeps = cart_keeps

    def _time_left(self) -> bool:
        return True

    async def add_product(self, page, product, quantity, purpose):
        self.asked.append(quantity)
        item = AddedItem(name="X", url=product.final_url, quantity=quantity, purpose=purpose)
        self.journey.added.append(item)
        return item

    async def open_cart(self, page):
        for item in self.journey.added:
            item.cart_quantity = self.cart_keeps
        return None


def test_target_is_a_product_with_a_small_count_and_a_quantity_field():
    pages = [
        page("/p/a", "product", ["Only 3 left"]),  # no quantity field: cannot ask for more
        page("/p/b", "product", ["250 in stock"], controls=[QTY]),  # a stock level, not scarcity
        page("/p/c", "product", ["Осталось всего 4 шт."], lang="ru", controls=[QTY]),
    ]
    target = scarcity_target(SimpleNamespace(artifacts=Artifacts(target=BASE, started_at="x", pages=pages), lex=lexicons()))
    assert target is not None
    assert target[0].url.endswith("/p/c") and target[1] == 4


def test_probe_asks_for_one_more_than_claimed_and_records_what_the_cart_kept():
    shopper = FakeShopper([page("/p/kos", "product", ["נותרו 3 יחידות במלאי"], lang="he", controls=[QTY])], cart_keeps=3)
    item = run(scarcity_probe(shopper, page=None))
    assert shopper.asked == [4]
    assert item.purpose == "scarcity probe" and item.cart_quantity == 3
    assert "claims 3 left" in shopper.journey.notes[-1]


def test_no_claim_no_probe():
    shopper = FakeShopper([page("/p/x", "product", ["A lamp"], controls=[QTY])], cart_keeps=1)
    assert run(scarcity_probe(shopper, page=None)) is None
    assert shopper.asked == []


def run(coro):
    """asyncio.run in a thread of its own: pytest-playwright's sync fixtures may hold a running
    event loop in this one when the whole suite runs."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()
