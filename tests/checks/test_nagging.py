"""nagging on hand-made crawl sessions: overlays per page, in visiting order."""

from auditor.artifacts import Button, Overlay
from checks.choice_architecture.nagging import Nagging
from tests.builders import artifacts, judge, page

NEWSLETTER_UK = "Підпишіться на розсилку та отримайте знижку 10%"
COOKIES_AR = "نستخدم ملفات تعريف الارتباط لتحسين تجربتك"


def overlay(text: str, dismissed_by: str | None, kind: str = "modal", locator: str = "#popup") -> Overlay:
    return Overlay(kind=kind, text=text, locator=locator, dismissed_by=dismissed_by,
                   buttons=[Button(text=dismissed_by or "×", locator=f"{locator} button")])


def crawl(per_page: list[list[Overlay]], lang: str = "en", found_from: str | None = None):
    return artifacts(pages=[page(f"/p{i}", "product", ["x"], lang=lang, overlays=ovs, found_from=found_from,
                                 loaded_at=f"2026-01-01T00:00:{i:02d}Z")
                            for i, ovs in enumerate(per_page)])


def test_newsletter_modal_back_on_every_page_after_no_thanks_fails():
    arts = crawl([[overlay(NEWSLETTER_UK, "Ні, дякую")] for _ in range(4)], lang="uk")
    result = judge(Nagging, arts)
    assert result.verdict == "fail"
    f = result.findings[0]
    assert f.evidence["returns"] == 3 and f.evidence["dismissed_by"] == "Ні, дякую"
    assert f.url.endswith("/p0")
    assert [o.url.rsplit("/", 1)[-1] for o in f.observations] == ["p0", "p1", "p2", "p3"]


def test_the_same_modal_with_a_changing_number_is_still_the_same_interruption():
    arts = crawl([[overlay(f"Only today: {n}% off if you subscribe", "No thanks")] for n in (10, 11, 12)])
    assert judge(Nagging, arts).verdict == "fail"


def test_cookie_banner_dismissed_once_and_gone_passes():
    pages = [[overlay(COOKIES_AR, "رفض الكل", kind="banner")], [], [], []]
    result = judge(Nagging, crawl(pages, lang="ar"))
    assert result.verdict == "pass"
    assert result.details["dismissed"]


def test_one_return_is_below_the_default_threshold_but_a_setting_can_lower_it():
    pages = [[overlay("Download our app for exclusive deals", "Not now", kind="banner")],
             [overlay("Download our app for exclusive deals", "Not now", kind="banner")], [], []]
    assert judge(Nagging, crawl(pages)).verdict == "pass"
    assert judge(Nagging, crawl(pages), nagging_min_returns=1).verdict == "fail"


def test_an_overlay_only_closed_with_escape_is_not_counted_as_dismissed():
    pages = [[overlay("Allow notifications?", "Escape key")] for _ in range(4)]
    result = judge(Nagging, crawl(pages))
    assert result.verdict == "pass"
    assert result.details["not_dismissable_by_a_control"]


def test_toasts_are_not_interruptions():
    pages = [[overlay("Anna from Kyiv just bought a mug", "Close", kind="toast")] for _ in range(4)]
    assert judge(Nagging, crawl(pages)).verdict == "pass"


def test_different_pop_ups_on_different_pages_do_not_add_up():
    pages = [[overlay("Join the newsletter", "No thanks", locator="#a")],
             [overlay("Rate your visit from 1 to 5 stars please", "Skip", locator="#b")],
             [overlay("Free delivery this weekend only on all orders", "Close", locator="#c")]]
    assert judge(Nagging, crawl(pages)).verdict == "pass"


def test_journey_pages_are_a_session_of_their_own():
    """The crawl dismissed it once; the journey (a fresh context) sees it once: not nagging."""
    crawl_pages = [page("/a", "home", ["x"], overlays=[overlay("Join the newsletter for 10% off", "No thanks")]),
                   page("/b", "listing", ["x"])]
    journey_pages = [page("/p", "product", ["x"], found_from="journey",
                          overlays=[overlay("Join the newsletter for 10% off", "No thanks")]),
                     page("/cart", "cart", ["x"], found_from="journey"),
                     page("/checkout", "checkout", ["x"], found_from="journey")]
    assert judge(Nagging, artifacts(pages=crawl_pages + journey_pages)).verdict == "pass"
    nagged = journey_pages[:1] + [page(p, k, ["x"], found_from="journey",
                                       overlays=[overlay("Join the newsletter for 10% off", "No thanks")])
                                  for p, k in (("/cart", "cart"), ("/checkout", "checkout"))]
    result = judge(Nagging, artifacts(pages=crawl_pages + nagged))
    assert result.verdict == "fail" and result.findings[0].evidence["session"] == "journey"


def test_a_single_page_is_not_assessed():
    assert judge(Nagging, crawl([[overlay("Join", "No thanks")]])).verdict == "not-assessed"
