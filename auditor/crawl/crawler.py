"""The crawler: visit the shop's pages as one shopper would, in one browser session.

Pages are taken best-first: policy pages and shop pages before blog posts, so a small
`--max-pages` still reaches what the checks need. One context for the whole crawl means
cookies and dismissed banners persist as they would for a real visitor (nagging needs that).
"""

from __future__ import annotations

import asyncio
import heapq
import json
import itertools
import time
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit, urlunsplit

from auditor.artifacts import Artifacts, AuditError, Overlay, PageSnapshot
from auditor.classify import URL_HINTS, classify
from auditor.collect.navigate import Opened, close_page, open_page
from auditor.collect.overlays import dismiss_overlays
from auditor.collect.page import SNAPSHOT_JS, CollectOptions, collect, observer_script
from auditor.crawl.scope import Scope, parse_robots, parse_sitemap, sitemap_urls
from auditor.text.lexicon import Lexicons
from auditor.urls import canonical, routed_path


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
    max_page_bytes: int | None = None  # larger HTML is not read (see open_page)
    attention_s: float = 0.0  # seconds the first pages are watched for late pop-ups

    @property
    def read_timeout(self) -> float:
        """Reading a loaded page (snapshot, screenshot, overlays): a page whose scripts never
        yield would hold page.evaluate forever."""
        return max(8.0, self.page_timeout + 5.0)


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
        self.attention_s = limits.attention_s
        self._watch_left = 1 if limits.attention_s > 0 else 0  # the start page
        self._watched_product = False
        self._session: dict[str, list] = {}  # origin -> sessionStorage entries of the shopper's tab
        self._queue: list[Queued] = []
        self._order = itertools.count()
        self._queued: set[str] = set()

    def priority(self, url: str, text: str, region: str) -> int:
        return self._base_priority(url, text, region) + self._detour(url)

    @staticmethod
    def _detour(url: str) -> int:
        """Filter variants and form pages (write a review, compare, wishlist) come after pages."""
        path, query = routed_path(url)  # index.php?route=account/login ends in "login"
        last = [w for w in path.lower().split("/") if w][-1:] or [""]
        penalty = 2 if query else 0
        if last[0] in ("add", "new", "create", "edit", "write", "review", "reviews", "compare", "wishlist",
                       "login", "register", "signin", "signup", "print", "share", "alert", "alerts"):
            penalty += 3
        return penalty

    def _base_priority(self, url: str, text: str, region: str) -> int:
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
        reason = self.scope.refuse(url, found_from)
        if reason and reason != "duplicate":
            # One entry per (url, reason): a refused link in the header of 28 pages is one skip.
            entry = {"url": url, "reason": reason}
            if len(self.artifacts.skipped) < 500 and reason not in ("not http(s)",) and entry not in self.artifacts.skipped:
                self.artifacts.skipped.append(entry)
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
        # "Sitemap: /sitemap.xml" is relative to robots.txt, though RFC 9309 asks for a full URL.
        robots_url = _origin_join(base, "/robots.txt")
        maps = [urljoin(robots_url, u) for u in sitemap_urls(robots)] or [_origin_join(base, "/sitemap.xml")]
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
            self._enqueue_start(start)
            first: PageSnapshot | None = None
            while self._queue and len(self.artifacts.pages) < self.limits.max_pages:
                if first is not None and time.monotonic() > self.limits.deadline:
                    self.artifacts.errors.append(AuditError(
                        url=None, stage="crawl",
                        error=f"time budget reached after {len(self.artifacts.pages)} pages; "
                              f"{len(self._queue)} queued pages not visited"))
                    break
                item = heapq.heappop(self._queue)
                if item.depth > 0 and self._refused_now(item):
                    continue
                self.progress.update(done=len(self.artifacts.pages), queued=len(self._queue),
                                     step=f"crawl {item.url}")
                snap = await self.visit(context, item)
                if item.depth == 0 and first is None:
                    if snap is None:
                        err = self.artifacts.errors[-1].error if self.artifacts.errors else "failed"
                        if err.startswith("redirected out of scope"):
                            err += "; audit that URL instead"
                        raise StartPageError(err)
                    first = snap
            self.progress.update(done=len(self.artifacts.pages), queued=len(self._queue))
            for rest in self._queue:
                self.artifacts.skipped.append({"url": rest.url, "reason": "page budget (--max-pages) reached"})
            return first

    def _enqueue_start(self, start: str) -> None:
        """The start URL is audited whatever it looks like (a .pdf, a query): the user chose it.
        Only robots.txt may refuse it, and then there is nothing to audit."""
        if not self.scope.robots_allow(start):
            raise StartPageError("robots.txt disallows the start URL (for your own shop: --ignore-robots)")
        self._queued.add(canonical(start))
        heapq.heappush(self._queue, Queued(0, next(self._order), start, 0))

    def _refused_now(self, item: Queued) -> bool:
        """Trap limits fill while the queue waits: a page queued early may be over them now."""
        reason = self.scope.refuse(item.url, item.found_from)
        entry = {"url": item.url, "reason": reason or ""}
        if reason and reason != "duplicate" and len(self.artifacts.skipped) < 500 and entry not in self.artifacts.skipped:
            self.artifacts.skipped.append(entry)
        return reason is not None

    async def visit(self, context: Any, item: Queued) -> PageSnapshot | None:
        self.scope.admit(item.url)
        bound = self.limits.page_timeout * 2 + self.limits.read_timeout + 30
        try:
            return await asyncio.wait_for(self._visit(context, item), bound)
        except asyncio.TimeoutError:  # every step is bounded on its own; this is the backstop
            self._error(item.url, f"gave up on the page after {bound:g}s")
            return None

    def _error(self, url: str | None, error: str) -> None:
        self.artifacts.errors.append(AuditError(url=url, stage="crawl", error=error))

    async def _open(self, context: Any, url: str) -> tuple[Opened, bool]:
        """Open the page; a 503 that asks to retry within a few seconds is retried once."""
        opened = await open_page(context, url, self.limits.page_timeout, in_scope=self.scope.in_origin,
                                 max_bytes=self.limits.max_page_bytes, init_script=self._session_script())
        wait = _retry_after_s(opened.retry_after) if opened.status == 503 and opened.error is None else None
        if wait is None or wait > min(5.0, self.limits.page_timeout) or time.monotonic() + wait > self.limits.deadline:
            return opened, False
        await close_page(opened.page)
        await asyncio.sleep(wait)
        return await open_page(context, url, self.limits.page_timeout, in_scope=self.scope.in_origin,
                               max_bytes=self.limits.max_page_bytes, init_script=self._session_script()), True

    async def _visit(self, context: Any, item: Queued) -> PageSnapshot | None:
        opened, retried = await self._open(context, item.url)
        page = opened.page
        try:
            if opened.error is None and opened.status is not None and opened.status >= 400:
                opened.error = _http_error(opened.status, opened.retry_after, retried)
            if opened.error is None and not self.scope.in_origin(page.url):
                opened.error = f"redirected out of scope to {page.url} (not followed)"
            if opened.error:
                self._error(item.url, opened.error)
                return None
            try:
                snap = await self._read(page, item, opened)
            except asyncio.TimeoutError:
                self._error(item.url, f"the page stopped answering (gave up after {self.limits.read_timeout:g}s; "
                                      "a script that never yields?)")
                return None
            if snap is None:
                return None
            # Kept before the slow part, so an interrupted audit still reports this page.
            self.artifacts.pages.append(snap)
            thrown = [e for e in snap.console_errors if e.startswith("uncaught:")]
            if thrown:
                self._error(item.url, f"the page's own scripts threw {len(thrown)} error(s), e.g. "
                                      f"{thrown[0][10:130]} — what those scripts would show may be missing")
            await self._watch_for_late_overlays(page, snap)
            await dismiss_overlays(page, snap, self.lex)
            await self._keep_session(page)
            for link in snap.links:
                self.enqueue(link.href, item.depth + 1, link.text, link.region, found_from=snap.final_url)
            return snap
        except Exception as exc:  # a hostile page must not end the crawl
            text = str(exc).splitlines()[0][:200] if str(exc) else ""
            if "crashed" in text.lower():
                self._error(item.url, "the page crashed its browser tab (out of memory, or a renderer limit)")
            else:
                self._error(item.url, f"could not read the page: {type(exc).__name__}: {text}")
            return None
        finally:
            # Also what the page tried while it was read, or when an overlay was dismissed.
            for reason in opened.blocked:
                if not reason.startswith("out of scope: "):
                    self._error(item.url, f"blocked a request the page tried to send: {reason}")
                elif not (opened.error or "").startswith("redirected out of scope"):
                    self._error(item.url, f"the page tried to navigate to another origin, {reason[14:]} (not followed)")
            await close_page(page)

    async def _read(self, page: Any, item: Queued, opened: Opened) -> PageSnapshot | None:
        """Snapshot the page. A page that navigates itself away meanwhile (meta refresh, a script)
        is read again once it has loaded, twice at most; a page whose scripts do not answer a
        trivial evaluation within the read timeout raises asyncio.TimeoutError."""
        index = len(self.artifacts.pages)
        for attempt in range(3):
            try:
                # Liveness first: collecting is long, but a busy page does not answer even this.
                await asyncio.wait_for(page.evaluate("() => 1"), self.limits.read_timeout)
                snap = await collect(page, self.opts, url=item.url, status=opened.status,
                                     content_type=opened.content_type, depth=item.depth,
                                     found_from=item.found_from, shot_name=f"page-{index:03d}",
                                     load_ms=opened.load_ms)
                break
            except asyncio.TimeoutError:
                raise
            except Exception as exc:
                if not _navigating(exc):
                    raise
                try:
                    await page.wait_for_load_state("load", timeout=self.limits.page_timeout * 1000)
                except Exception:
                    pass
        else:
            self._error(item.url, "the page keeps navigating away by itself (a meta refresh or a script); "
                                  "it could not be read")
            return None
        if not self.scope.in_origin(page.url):
            self._error(item.url, f"the page took itself to another origin, {page.url} (not followed)")
            return None
        if not (snap.text_blocks or snap.links or snap.buttons or snap.controls):
            self._error(item.url, f"the page is empty (HTTP {opened.status or '?'} with nothing to read)")
            return None
        replaced = snap.full_text().count("\ufffd")
        if replaced >= 3 and replaced >= 0.02 * len(snap.full_text()):
            self._error(item.url, f"the text does not decode in its declared charset ({replaced} unreadable "
                                  "characters): checks may miss what this page says")
        snap.dialogs = opened.dialogs
        snap.console_errors = opened.console_errors
        snap.popups = opened.popups
        cls = classify(snap, self.lex, link_text=item.link_text, is_start=item.depth == 0)
        snap.kind, snap.policy_kinds, snap.kind_reasons = cls.kind, cls.policy_kinds, cls.reasons  # type: ignore[assignment]
        return snap

    def _session_script(self) -> str | None:
        """A shopper browses in one tab, whose sessionStorage ("newsletter closed") lives across
        pages; each crawled page opens in a new tab, so the tab's storage is carried over."""
        if not self._session:
            return None
        return ("(() => { const saved = " + json.dumps(self._session) + "; const s = saved[location.origin];"
                " if (!s) return; try { for (const [k, v] of s) if (sessionStorage.getItem(k) === null)"
                " sessionStorage.setItem(k, v); } catch (e) {} })();")

    async def _keep_session(self, page: Any) -> None:
        try:
            entries = await asyncio.wait_for(page.evaluate(
                "() => [location.origin, Object.entries(sessionStorage).filter(e => e[1].length < 2000).slice(0, 100)]"), 3)
        except Exception:
            return
        origin, items = entries
        if isinstance(origin, str) and isinstance(items, list):
            self._session[origin] = items

    async def _watch_for_late_overlays(self, page: Any, snap: PageSnapshot) -> None:
        """Newsletter and offer modals often open seconds after load, where a fast crawler never
        looks. Stay on the first pages (and the first product page) as a shopper would; once one
        appears late, stay as long on the next pages too, to see whether it comes back (nagging)."""
        first_product = snap.kind == "product" and not self._watched_product
        if not (self._watch_left > 0 or first_product) or self.attention_s <= 0:
            return
        self._watch_left -= 1
        self._watched_product = self._watched_product or snap.kind == "product"
        if time.monotonic() + self.attention_s > self.limits.deadline:
            return
        known = {o.locator for o in snap.overlays}
        started = time.monotonic()
        try:
            before = await page.evaluate(OVERLAY_COUNT_JS)
            while time.monotonic() - started < self.attention_s:
                await asyncio.sleep(0.5)
                if await page.evaluate(OVERLAY_COUNT_JS) > before:
                    await asyncio.sleep(0.6)  # let it finish opening
                    break
            else:
                return
            raw = await page.evaluate(SNAPSHOT_JS, {})
        except Exception:
            return
        waited = round((time.monotonic() - started) * 1000)
        for data in raw.get("overlays", []):
            if data.get("locator") not in known:
                snap.overlays.append(Overlay(**data, page_url=snap.final_url, late_ms=waited))
        # Seen late once: watch the next pages as long, to catch it coming back.
        self._watch_left = max(self._watch_left, 3)


OVERLAY_COUNT_JS = """() => {
  let n = 0;
  for (const el of document.querySelectorAll('dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"], body > *, body > * > *')) {
    if (n > 50) break;
    const s = getComputedStyle(el);
    if (s.position !== 'fixed' && !el.matches('dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width * r.height > 0.05 * innerWidth * innerHeight && s.visibility !== 'hidden' && s.display !== 'none' && +s.opacity > 0.1) n++;
  }
  return n;
}"""


def _navigating(exc: Exception) -> bool:
    """Errors that mean the document changed under the collector, not that the page is broken."""
    text = str(exc)
    return any(marker in text for marker in (
        "Execution context was destroyed", "page is navigating", "Cannot find context",
        "parameter 1 is not of type 'Node'", "frame was detached"))


def _retry_after_s(value: str | None) -> float | None:
    """Retry-After in seconds when it is a number of seconds (an HTTP date is not worth waiting for)."""
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def _http_error(status: int, retry_after: str | None, retried: bool) -> str:
    if status == 401:
        return "HTTP 401: the site asks for a password (HTTP authentication: --http-user and --http-password-env)"
    text = f"HTTP {status}"
    if retry_after:
        text += f" (Retry-After: {retry_after[:40]}" + ("; still unavailable after one retry)" if retried
                                                        else "; not retried, too long to wait)")
    return text


def _origin_join(base: str, path: str) -> str:
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
