"""The report's `skipped` list: one entry per URL and reason, however many pages link it."""

from auditor.artifacts import Artifacts
from auditor.collect.page import CollectOptions
from auditor.crawl.crawler import Crawler, CrawlLimits
from auditor.crawl.scope import Scope
from auditor.text.lexicon import lexicons

BASE = "https://shop.test"


def crawler() -> Crawler:
    arts = Artifacts(target=BASE + "/", started_at="2026-01-01T00:00:00Z")
    limits = CrawlLimits(max_pages=50, max_depth=3, page_timeout=10.0, deadline=float("inf"))
    return Crawler(None, lexicons(), CollectOptions(observer_key="test"), limits, Scope(BASE + "/"), arts)


def test_an_action_link_on_every_page_is_skipped_once():
    c = crawler()
    for page in range(28):
        c.enqueue(BASE + "/index.php?controller=cart&action=delete&id=3", 1, "Supprimer", found_from=f"{BASE}/p/{page}")
    assert c.artifacts.skipped == [{"url": BASE + "/index.php?controller=cart&action=delete&id=3",
                                    "reason": "an action link, not a page (never followed)"}]


def test_different_urls_or_reasons_stay_separate():
    c = crawler()
    c.enqueue(BASE + "/logout", 1)
    c.enqueue(BASE + "/logout", 1)
    c.enqueue(BASE + "/catalogue.pdf", 1)
    c.enqueue("https://other.test/page", 1)
    assert [s["url"] for s in c.artifacts.skipped] == [BASE + "/logout", BASE + "/catalogue.pdf", "https://other.test/page"]
    assert len({s["reason"] for s in c.artifacts.skipped}) == 3
