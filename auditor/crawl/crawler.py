"""The crawler: visit the shop's pages as one shopper would, in one browser session.

Pages are taken best-first: policy pages and shop pages before blog posts, so a small
`--max-pages` still reaches what the checks need. One context for the whole crawl means
cookies and dismissed banners persist as they would for a real visitor (nagging needs that).
"""

from __future__ import annotations

import heapq
import itertools
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from auditor.artifacts import Artifacts, AuditError, PageSnapshot
from auditor.classify import URL_HINTS, classify
from auditor.collect.navigate import open_page
from auditor.collect.overlays import dismiss_overlays
from auditor.collect.page import CollectOptions, collect, observer_script
from auditor.crawl.scope import Scope, parse_robots, parse_sitemap, sitemap_urls
from auditor.text.lexicon import Lexicons
from auditor.urls import canonical


class Progress(Protocol):
    def update(self, *, done: int | None = None, queued: int | None = None,
               step: str | None = None) -> None: ...


class NoProgress:
    def update(self, *, done: int | None = None, queued: int | None = None,
               step: str | None = None) -> None:
        pass


@dataclass(order=True)
class Queued:
    priority: int
    order: int
    url: str = field(compare=False)
    depth: int = field(compare=False)
    link_text: str = field(compare=False, default="")
    found_from: str | None = field(compare=False, default=None)


@dataclass
class CrawlLimits:
    max_pages: int
    max_depth: int
    page_timeout: float
    deadline: float  # time.monotonic() after which no new page is opened


class StartPageError(RuntimeError):
    """The start page could not be audited at all: the audit has nothing to judge."""


class Crawler:
    def __init__(self, browser: Any, lex: Lexicons, opts: CollectOptions, limits: CrawlLimits,
                 scope: Scope, artifacts: Artifacts, progress: Progress | None = None):
        self.browser = browser
        self.lex = lex
        self.opts = opts
        self.limits = limits
        self.scope = scope
        self.artifacts = artifacts
        self.progress = progress or NoProgress()
        self._queue: list[Queued] = []
        self._order = itertools.count()
        self._queued: set[str] = set()

    def priority(self, url: str, text: str, region: str) -> int:
        words = url.lower()
        for kind in ("returns", "delivery", "terms", "contact", "imprint", "cancellation", "payment"):
            if self.lex.has(f"policy.{kind}", text) or any(f"/{w}" in words for w in URL_HINTS[kind]):
                return 1
        if self.lex.has("action.view_cart", text) or any(f"/{w}" in words for w in URL_HINTS["cart"]):
            return 2
        if region == "main":
            return 3
        if region in ("header", "nav"):
            return 4
        return 6

    def enqueue(self, url: str, depth: int, text: str = "", region: str = "main",
                found_from: str | None = None, priority: int | None = None) -> None:
        key = canonical(url)
        if key in self._queued or depth > self.limits.max_depth:
            return
        reason = self.scope.refuse(url)
        if reason and reason != "duplicate":
            if len(self.artifacts.skipped) < 500 and reason not in ("not http(s)",):
                self.artifacts.skipped.append({"url": url, "reason": reason})
            return
        if reason:
            return
        self._queued.add(key)
        prio = priority if priority is not None else self.priority(url, text, region)
        heapq.heappush(self._queue, Queued(prio, next(self._order), url, depth, text, found_from))

    async def _robots_and_sitemaps(self, context: Any) -> None:
        base = self.scope.start
        try:
            resp = await context.request.get(_origin_join(base, "/robots.txt"),
                                             timeout=self.limits.page_timeout * 1000, max_redirects=3)
            robots = await resp.text() if resp.ok else ""
        except Exception:
            robots = ""
        if robots:
            self.scope.robots = parse_robots(robots, _origin_join(base, "/robots.txt"))
        maps = sitemap_urls(robots) or [_origin_join(base, "/sitemap.xml")]
        for sm in maps[:3]:
            await self._read_sitemap(context, sm, nested=1)

    async def _read_sitemap(self, context: Any, url: str, nested: int) -> None:
        if not self.scope.in_origin(url):
            return
        try:
            resp = await context.request.get(url, timeout=self.limits.page_timeout * 1000, max_redirects=3)
            if not resp.ok:
                return
            xml = (await resp.body())[:5_000_000].decode("utf-8", "replace")
        except Exception:
            return
        pages, children = parse_sitemap(xml)
        for page_url in pages:
            self.enqueue(page_url, 1, found_from="sitemap.xml", region="sitemap",
                         priority=max(1, self.priority(page_url, "", "main")) + 1)
        if nested > 0:
            for child in children[:3]:
                await self._read_sitemap(context, child, nested - 1)

    async def run(self) -> PageSnapshot | None:
        """Crawl; return the start page's snapshot. Raises StartPageError if it is unusable."""
        start = self.scope.start
        async with self.browser.context() as context:
            await context.add_init_script(script=observer_script(self.opts.observer_key))
            await self._robots_and_sitemaps(context)
            self.enqueue(start, 0, priority=0)
            first: PageSnapshot | None = None
            while self._queue and len(self.artifacts.pages) < self.limits.max_pages:
                if time.monotonic() > self.limits.deadline:
                    self.artifacts.errors.append(AuditError(
                        url=None, stage="crawl",
                        error=f"time budget reached after {len(self.artifacts.pages)} pages; "
                              f"{len(self._queue)} queued pages not visited"))
                    break
                item = heapq.heappop(self._queue)
                self.progress.update(done=len(self.artifacts.pages), queued=len(self._queue),
                                     step=f"crawl {item.url}")
                snap = await self.visit(context, item)
                if item.depth == 0 and first is None:
                    if snap is None:
                        err = self.artifacts.errors[-1].error if self.artifacts.errors else "failed"
                        raise StartPageError(err)
                    first = snap
            self.progress.update(done=len(self.artifacts.pages), queued=len(self._queue))
            for rest in self._queue:
                self.artifacts.skipped.append({"url": rest.url, "reason": "page budget (--max-pages) reached"})
            return first

    async def visit(self, context: Any, item: Queued) -> PageSnapshot | None:
        self.scope.admit(item.url)
        opened = await open_page(context, item.url, self.limits.page_timeout)
        page = opened.page
        try:
            if opened.error is None and opened.status is not None and opened.status >= 400:
                opened.error = f"HTTP {opened.status}"
            if opened.error is None and not self.scope.in_origin(page.url):
                opened.error = f"redirected out of scope to {page.url} (not followed)"
            if opened.error:
                self.artifacts.errors.append(AuditError(url=item.url, stage="crawl", error=opened.error))
                return None
            index = len(self.artifacts.pages)
            snap = await collect(page, self.opts, url=item.url, status=opened.status,
                                 content_type=opened.content_type, depth=item.depth,
                                 found_from=item.found_from, shot_name=f"page-{index:03d}",
                                 load_ms=opened.load_ms)
            snap.dialogs = opened.dialogs
            snap.console_errors = opened.console_errors
            cls = classify(snap, self.lex, link_text=item.link_text, is_start=item.depth == 0)
            snap.kind, snap.policy_kinds, snap.kind_reasons = cls.kind, cls.policy_kinds, cls.reasons  # type: ignore[assignment]
            await dismiss_overlays(page, snap, self.lex)
            self.artifacts.pages.append(snap)
            for link in snap.links:
                self.enqueue(link.href, item.depth + 1, link.text, link.region, found_from=snap.final_url)
            return snap
        except Exception as exc:  # a hostile page must not end the crawl
            self.artifacts.errors.append(AuditError(
                url=item.url, stage="crawl", error=f"could not read the page: {type(exc).__name__}: {str(exc)[:200]}"))
            return None
        finally:
            try:
                await page.close()
            except Exception:
                pass


def _origin_join(base: str, path: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
