"""The HTML report shows each policy check's element table, escaped, with RTL quotes kept readable."""

from auditor.reporters.html import render_html
from tests.reportkit import check, finding, report


def elements_check():
    table = {
        "period": {"status": "present", "quote": "ניתן לבטל את העסקה תוך 14 יום", "page": "http://shop.test/bitul", "required": True},
        "refund_time": {"status": "vague", "quote": "Refunds are processed <script>alert(1)</script> promptly",
                        "page": "http://shop.test/returns", "required": True},
        "withdrawal_form": {"status": "missing", "quote": "", "page": "", "required": False},
    }
    return check("returns-terms", category="policies", verdict="fail",
                 findings=[finding("returns-terms", "/returns", "The returns policy is vague about how soon the refund is made",
                                   key="refund_time")],
                 details={"elements": table, "pages": ["http://shop.test/returns"]})


def test_element_table_lists_each_element_with_status_and_quote(tmp_path):
    html = render_html(report([elements_check()]), tmp_path)
    assert '<table class="elements">' in html
    table = html.split('<table class="elements">', 1)[1].split("</table>", 1)[0]
    assert "refund time" in table and "withdrawal form" in table
    assert '<blockquote dir="auto">ניתן לבטל את העסקה תוך 14 יום</blockquote>' in table
    assert '<span class="badge fail">vague</span>' in table
    assert '<span class="badge not-assessed">missing</span>' in table  # not required under the profile
    assert table.count('<span class="pill">required</span>') == 2


def test_quotes_from_the_shop_are_escaped(tmp_path):
    html = render_html(report([elements_check()]), tmp_path)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_checks_without_elements_have_no_element_table(tmp_path):
    html = render_html(report([check("fake-countdown", category="urgency-scarcity", details={"loads": 3})]), tmp_path)
    assert '<table class="elements">' not in html
