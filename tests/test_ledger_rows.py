"""rows.js in a real page: the row around each price, the item's name and its quantity."""

import pytest

from auditor.journey.shopper import ROWS_JS

pytestmark = pytest.mark.browser

GRID_BASKET = """
<div id="lines">
  <div class="row" id="r1">
    <div class="col"><h3><a href="/p/tee/">Organic Cotton T-Shirt</a></h3><p>In stock (25 available)</p></div>
    <div class="col">1</div>
    <div class="col"><span id="p1">£19.99</span></div>
  </div>
  <div class="row" id="r2">
    <div class="col"><a href="/p/hat/"><img alt=""></a> <a href="/p/hat/">Merino Wool Beanie</a>
      <button>Remove</button></div>
    <div class="col"><span>3</span></div>
    <div class="col"><span id="p2">£43.50</span></div>
  </div>
</div>
<table><tr><th>Order total</th><td id="t">£63.49</td></tr></table>
"""

TABLE_BASKET = """
<table class="shop_table">
  <tr><td><a href="/product/mug/">Enamel Mug</a> <a href="?remove=1">×</a></td>
      <td><span id="u">$9.00</span></td><td><input type="number" name="cart[1][qty]" value="2"></td>
      <td><span id="l">$18.00</span></td></tr>
</table>
"""


def _rows(page, html: str, locators: list[str]) -> list[dict]:
    page.set_content(html)
    return page.evaluate(ROWS_JS, {"prices": locators, "buttons": []})["rows"]


def test_grid_rows_give_the_product_name_and_the_bare_quantity_column(page):
    first, second, total = _rows(page, GRID_BASKET, ["#p1", "#p2", "#t"])
    assert (first["name"], first["qty"]) == ("Organic Cotton T-Shirt", 1)
    assert (second["name"], second["qty"]) == ("Merino Wool Beanie", 3)
    assert total["name"] is None and total["qty"] is None


def test_table_rows_read_the_quantity_input_and_the_longest_link(page):
    unit, line = _rows(page, TABLE_BASKET, ["#u", "#l"])
    assert unit["row_locator"] == line["row_locator"]
    assert (line["name"], line["qty"]) == ("Enamel Mug", 2)


def test_a_currency_code_beside_the_total_is_not_its_row(page):
    html = """<div class="summary"><div class="row"><span>Total</span>
              <div><abbr>USD</abbr> <strong id="total">$80.94</strong></div></div></div>"""
    (total,) = _rows(page, html, ["#total"])
    assert "Total" in total["row_text"]
