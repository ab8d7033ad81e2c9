"""Which URLs the crawler may visit: origin, robots.txt, and crawler-trap limits."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from protego import Protego

from auditor.urls import canonical, is_http, origin, routed_path

NON_HTML_EXT = re.compile(
    r"\.(?:pdf|jpe?g|png|gif|webp|avif|svg|ico|css|js|mjs|json|xml|txt|zip|gz|rar|7z|mp[34]|"
    r"webm|mov|avi|woff2?|ttf|eot|docx?|xlsx?|pptx?|csv|exe|dmg|apk)$", re.I)
DATE_LIKE = re.compile(r"(?:19|20)\d{2}[-/](?:0?[1-9]|1[0-2])(?:[-/]\d{1,2})?")
PAGINATION = re.compile(r"(?:^|[/?&])(?:page|pages|p|pg|start|offset|paged|pagina|seite|stranitsa)[=/]\d+", re.I)
CALENDAR_KEYS = {"year", "month", "day", "date", "week", "from", "to", "cal", "calendar"}
ACTION_WORDS = re.compile(r"(?:logout|log-out|signout|sign-out|delete|remove|add-to-cart|add_to_cart|"
                          r"[?&](?:add-to-cart|remove_item)=|[?&]action=(?:add|remove|delete|logout|update|clear|empty))",
                          re.I)


@dataclass
class Scope:
    start: str
    allow_domains: list[str] = field(default_factory=list)
    max_per_template: int = 4  # query-string variants of one page (filters, sorts)
    max_numbered: int = 12  # pages of one numbered pattern (/product/123): a sample is enough to judge
    max_paginated: int = 2
    # Query variants of one path, whatever their keys: filters combine into more key sets
    # (colour, colour+size, size+sort, ...) than any per-template limit can hold.
    max_query_variants: int = 6
    robots: Robots | None = None
    ignore_robots: bool = False
    templates: Counter = field(default_factory=Counter)
    queried_paths: Counter = field(default_factory=Counter)
    seen: set[str] = field(default_factory=set)

    def in_origin(self, url: str) -> bool:
        if origin(url) == origin(self.start):
            return True
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allow_domains)

    @staticmethod
    def template(url: str) -> str:
        """The page pattern: numbers as N, routing and id parameters as path segments
        (index.php?route=product/product&product_id=42 is a numbered product page, not a
        query variant of index.php), the other query keys as the variant."""
        path, rest = routed_path(url)
        keys = sorted({k for k, _ in rest})
        return re.sub(r"\d+", "N", path) + ("?" + "&".join(keys) if keys else "")

    def refuse(self, url: str, found_from: str | None = None) -> str | None:
        """None if the URL may be crawled, else the reason it may not (recorded in `skipped`)."""
        if not is_http(url):
            return "not http(s)"
        if not self.in_origin(url):
            return "other origin (out of scope)"
        key = canonical(url)
        if key in self.seen:
            return "duplicate"
        parts = urlsplit(url)
        if NON_HTML_EXT.search(parts.path):
            return "not a page (file extension)"
        if ACTION_WORDS.search(url):
            return "an action link, not a page (never followed)"
        if len(url) > 400:
            return "crawler trap: URL too long"
        segments = [s for s in parts.path.split("/") if s]
        if len(segments) > 10:
            return "crawler trap: path too deep"
        if len(segments) >= 4 and len(set(segments)) <= len(segments) // 2:
            return "crawler trap: repeating path segments"
        if len(parse_qsl(parts.query, keep_blank_values=True)) > 5:
            return "crawler trap: query-string explosion"
        page_path, query = routed_path(url)  # query: sorts, filters, pages — not routes or ids
        tmpl = self.template(url)
        limit = self.max_per_template
        if PAGINATION.search(url):
            limit = self.max_paginated
        if DATE_LIKE.search(url) or CALENDAR_KEYS & {k.lower() for k, _ in query}:
            limit = self.max_paginated
        if query and self.templates[tmpl] >= limit:
            return "crawler trap: too many variants of one page"
        if query and self.queried_paths[self.template(page_path)] >= self.max_query_variants:
            return "crawler trap: too many query variants of one page"
        # Numbered paths: product ids are many and legitimate; numbered pages and dates are traps.
        # A numbered page found on a page of its own pattern is a chain (next item, next day,
        # infinite scroll), capped like pagination; siblings found on a listing are products.
        chained = found_from is not None and self.template(found_from) == tmpl
        numbered_limit = self.max_paginated * 3 if (limit == self.max_paginated or chained) else self.max_numbered
        if not query and ("N" in tmpl) and self.templates[tmpl] >= numbered_limit:
            return "crawler trap: too many pages of one pattern"
        if not self.robots_allow(url):
            return "disallowed by robots.txt"
        return None

    def robots_allow(self, url: str) -> bool:
        return self.robots is None or self.ignore_robots or self.robots.can_fetch("shop-auditor", url)

    def admit(self, url: str) -> None:
        self.seen.add(canonical(url))
        self.templates[self.template(url)] += 1
        page_path, query = routed_path(url)
        if query:
            self.queried_paths[self.template(page_path)] += 1


class Robots:
    """robots.txt read as RFC 9309 says: the group for our agent (else `*`), the longest
    matching rule wins and Allow wins a tie, `*` and `$` are wildcards, percent-encoding is
    normalised. urllib.robotparser knows none of the wildcards, so PrestaShop's default
    `Disallow: /*?order=` would be ignored; Scrapy's protego implements the standard."""

    def __init__(self, text: str, url: str):
        self.url = url
        self._rules = Protego.parse(text)

    def can_fetch(self, useragent: str, url: str) -> bool:
        return self._rules.can_fetch(url, useragent)


def parse_robots(text: str, url: str) -> Robots:
    return Robots(text, url)


def sitemap_urls(robots_text: str) -> list[str]:
    return [line.split(":", 1)[1].strip() for line in robots_text.splitlines()
            if line.lower().startswith("sitemap:")]


def parse_sitemap(xml: str, limit: int = 500) -> tuple[list[str], list[str]]:
    """(page URLs, nested sitemap URLs) from a sitemap or sitemap index."""
    locs = re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", xml, re.I)[:limit]
    if re.search(r"<sitemapindex", xml, re.I):
        return [], locs
    return locs, []
