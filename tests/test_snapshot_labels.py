"""snapshot.js in a real page: what a control's label is when the markup says little."""

import pytest

from auditor.collect.page import SNAPSHOT_JS

pytestmark = pytest.mark.browser

TOGGLE = """
<div class="route-row">
  <label for="route" class="switch"><input type="checkbox" id="route" checked><span class="slider"></span></label>
  <span>Shipping protection by Route</span> <span>$1.95</span>
</div>
<p><input type="checkbox" id="news"> <span>Email me with news and offers</span></p>
"""


def _controls(page, html: str) -> dict[str, dict]:
    page.set_content(html)
    raw = page.evaluate(SNAPSHOT_JS, {})
    return {c["id"]: c for c in raw["controls"]}


def test_a_toggle_whose_label_wraps_only_the_switch_takes_the_text_of_its_row(page):
    controls = _controls(page, TOGGLE)
    assert "Shipping protection by Route" in controls["route"]["label"] and controls["route"]["checked"]
    assert controls["news"]["label"] == "Email me with news and offers"
