"""Crawler traps (issue 8, item 5): endless pagination, a calendar, a query-string explosion and
infinite scroll. The scope's limits are unit-tested both ways (traps refused, honest page
families admitted); one audit with generous limits shows the crawl ends by itself."""

from __future__ import annotations

from collections import Counter

import pytest

from auditor.crawl.scope import Scope
from tests.hostile.conftest import assert_partial, base

START = "https://shop.example/"


def admitted(scope: Scope, urls: list[str]) -> list[str]:
    """Visit URLs in order as the crawler would: refused ones are skipped, the rest admitted."""
    taken = []
    for url in urls:
        if scope.refuse(url) is None:
            scope.admit(url)
            taken.append(url)
    return taken


def test_endless_pagination_by_path_and_by_query_is_cut():
    scope = Scope(START)
    by_path = admitted(scope, [f"{START}teas/pages/{n}" for n in range(1, 200)])
    by_query = admitted(scope, [f"{START}teas?page={n}" for n in range(1, 200)])
    assert len(by_path) == scope.max_paginated * 3
    assert len(by_query) == scope.max_paginated
    assert scope.refuse(f"{START}teas/pages/500") == "crawler trap: too many pages of one pattern"
    assert scope.refuse(f"{START}teas?page=500") == "crawler trap: too many variants of one page"


def test_a_calendar_is_cut_by_query_and_by_date_path():
    scope = Scope(START)
    months = admitted(scope, [f"{START}events?year={y}&month={m}" for y in range(2020, 2030) for m in range(1, 13)])
    days = admitted(scope, [f"{START}events/2026/{m:02d}/{d:02d}" for m in range(1, 13) for d in range(1, 29)])
    assert len(months) == scope.max_paginated
    assert len(days) == scope.max_paginated * 3


def test_a_query_string_explosion_is_cut_whatever_the_keys():
    scope = Scope(START)
    keys = ["colour", "size", "brand", "sort", "view"]
    urls = [f"{START}teas?{a}=1" for a in keys]
    urls += [f"{START}teas?{a}=1&{b}=2" for a in keys for b in keys if a < b]
    urls += [f"{START}teas?{a}=1&{b}=2&{c}=3" for a in keys for b in keys for c in keys if a < b < c]
    taken = admitted(scope, urls)
    assert len(taken) == scope.max_query_variants
    assert scope.refuse(f"{START}teas?x=1&y=2&z=3&u=4&v=5&w=6") == "crawler trap: query-string explosion"
    assert scope.refuse(f"{START}teas?colour=9") == "crawler trap: too many query variants of one page"


def test_honest_page_families_are_not_mistaken_for_traps():
    scope = Scope(START)
    products = admitted(scope, [f"{START}product/{n}" for n in range(1, 13)])
    named = admitted(scope, [f"{START}tea/{name}" for name in ("assam", "darjeeling", "earl-grey", "sencha",
                                                              "oolong", "rooibos", "chai", "matcha", "pu-erh")])
    variants = admitted(scope, [f"{START}tea/assam?weight={w}" for w in (50, 100, 250)])
    assert len(products) == 12 and len(named) == 9 and len(variants) == 3
    policies = admitted(scope, [f"{START}{p}" for p in ("returns", "delivery", "terms", "privacy", "contact")])
    assert len(policies) == 5


@pytest.mark.browser
def test_a_crawl_through_every_trap_ends_by_itself(hostile, audit):
    """Generous limits (200 pages, depth 50): the traps, not the budget, end the crawl."""
    server, _ = hostile
    result = audit("5 crawler traps (200 pages allowed)", base(server) + "/traps.html", "--no-journey",
                   "--loads", "0", "--repeat-pages", "0", "--no-screenshots", "--timeout", "3",
                   "--max-pages", "200", "--max-depth", "50", "--max-duration", "240", "--quiet")
    assert_partial(result, 150)
    pages = result.page_paths()
    assert len(pages) < 60, pages
    assert {"traps.html", "returns.html", "ok.html"} <= set(pages)

    def family(prefix: str) -> int:
        return sum(p.startswith(prefix) for p in pages)

    assert family("__hostile/trap/pages/") <= 6
    assert family("__hostile/trap/list") <= 6
    assert family("__hostile/trap/calendar?") <= 2
    assert family("__hostile/trap/calendar/") <= 6
    assert family("__hostile/trap/facets") <= 7  # the bare page and 6 variants
    assert family("__hostile/trap/scroll/") <= 12
    assert family("scroll.html") <= 3
    reasons = Counter(s["reason"] for s in result.report["skipped"])
    assert reasons["crawler trap: too many pages of one pattern"] > 10
    assert reasons["crawler trap: too many query variants of one page"] > 10
    assert not any(r.startswith("page budget") for r in reasons)
    html = (result.out / "report.html").read_text(encoding="utf-8")
    assert "Not visited" in html and "crawler trap: too many query variants of one page" in html
