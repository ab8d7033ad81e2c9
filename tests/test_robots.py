"""robots.txt as RFC 9309 reads it: wildcards, `$`, longest match, Allow on ties, groups, encoding."""

import pytest

from auditor.crawl.scope import Scope, parse_robots

BASE = "https://shop.test"
# PrestaShop 8's default robots.txt, abridged.
PRESTASHOP = """\
User-agent: *
Disallow: /*?order=
Disallow: /*&order=
Disallow: /*?q=
Disallow: /*.pdf$
Disallow: /*controller=addresses
Allow: /*modules/*.css
"""


def scope(text: str) -> Scope:
    return Scope(BASE + "/", robots=parse_robots(text, BASE + "/robots.txt"))


@pytest.mark.parametrize("path,allowed", [
    ("/fr/3-vetements?order=product.price.asc", False),  # `*` in the middle
    ("/fr/3-vetements?page=2&order=product.name.asc", False),
    ("/fr/3-vetements", True),
    ("/fr/3-vetements?page=2", True),
    ("/fr/index.php?controller=addresses", False),
    ("/img/cgv.pdf", False),  # `$`: ends in .pdf
    ("/img/cgv.pdf?download=1", True),  # ... but this one does not
    ("/modules/blockcart/cart.css", True),
])
def test_wildcards_and_end_anchor(path, allowed):
    assert scope(PRESTASHOP).robots_allow(BASE + path) is allowed


def test_longest_match_wins_and_allow_wins_a_tie():
    s = scope("User-agent: *\nDisallow: /private/\nAllow: /private/public\nDisallow: /same\nAllow: /same\n")
    assert not s.robots_allow(BASE + "/private/staff.html")
    assert s.robots_allow(BASE + "/private/public/page.html")
    assert s.robots_allow(BASE + "/same/page")


def test_our_group_replaces_the_star_group():
    text = "User-agent: *\nDisallow: /everyone/\n\nUser-agent: shop-auditor\nDisallow: /auditors/\n"
    s = scope(text)
    assert not s.robots_allow(BASE + "/auditors/x")
    assert s.robots_allow(BASE + "/everyone/x")  # only the most specific group applies
    other = scope("User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /everyone/\n")
    assert other.robots_allow(BASE + "/auditors/x") and not other.robots_allow(BASE + "/everyone/x")


def test_percent_encoding_is_normalised():
    s = scope("User-agent: *\nDisallow: /%7Euser/\nDisallow: /caf%C3%A9\n")
    assert not s.robots_allow(BASE + "/~user/page")
    assert not s.robots_allow(BASE + "/caf\u00e9/menu")
    assert s.robots_allow(BASE + "/cafe/menu")


def test_ignore_robots_and_no_robots_allow_everything():
    s = scope(PRESTASHOP)
    s.ignore_robots = True
    assert s.robots_allow(BASE + "/c?order=price")
    assert Scope(BASE + "/").robots_allow(BASE + "/c?order=price")
