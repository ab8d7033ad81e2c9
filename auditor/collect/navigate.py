"""Opening a page the way a shopper's browser would, with every failure bounded and named."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from auditor.artifacts import JsDialog

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_DIALOGS = 50  # dialogs kept as evidence per page; later ones are still dismissed
MAX_POPUPS = 20
POPUP_MARK = "__shop_audit_popup__ "
# window.open records what the page wanted to open and opens nothing: a popup that opens two
# more would multiply for as long as the crawl's context lives. (Popups that still appear, from
# target=_blank clicks, are closed by wire_page.)
POPUP_JS = """(() => {
  const debug = console.debug.bind(console);
  const open = function (url) { try { debug(%s + String(url || 'about:blank')); } catch (e) {} return null; };
  // Plain assignment: a page that wraps window.open keeps working, and calls this one.
  window.open = open;
})();""" % repr(POPUP_MARK)


@dataclass
class Opened:
    page: Any
    status: int | None
    content_type: str | None
    load_ms: float
    dialogs: list[JsDialog] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    error: str | None = None  # set when the page cannot be judged (timeout, non-HTML, ...)
    popups: list[str] = field(default_factory=list)  # windows the page opened, closed unread
    blocked: list[str] = field(default_factory=list)  # requests the guard refused, and why
    fenced: str | None = None  # a navigation to another origin that was stopped
    retry_after: str | None = None  # the Retry-After header of a 503


def wire_page(page: Any, dialogs: list[JsDialog], console_errors: list[str],
              popups: list[str] | None = None) -> None:
    """Answer dialogs so a page cannot stall the audit, keep what it said as evidence, and
    close every window it opens (popups multiply, and each would run until the audit ends)."""

    async def on_dialog(dialog: Any) -> None:
        if len(dialogs) < MAX_DIALOGS:
            dialogs.append(JsDialog(type=dialog.type, message=dialog.message[:500], page_url=page.url))
        try:
            # beforeunload must be accepted or the page holds the browser; the rest dismissed.
            await (dialog.accept() if dialog.type == "beforeunload" else dialog.dismiss())
        except Exception:
            pass

    def on_console(msg: Any) -> None:
        if msg.type == "debug" and msg.text.startswith(POPUP_MARK):
            if popups is not None and len(popups) < MAX_POPUPS:
                popups.append(msg.text[len(POPUP_MARK):][:500])
            return
        if msg.type == "error" and len(console_errors) < 50:
            console_errors.append(msg.text[:300])

    def on_pageerror(err: Any) -> None:
        if len(console_errors) < 50:
            console_errors.append(f"uncaught: {str(err)[:300]}")

    async def on_popup(popup: Any) -> None:
        if popups is not None and len(popups) < MAX_POPUPS:
            popups.append(popup.url[:500])
        wire_page(popup, [], [], None)  # its own dialogs and popups are answered the same way
        await close_page(popup)

    page.on("dialog", lambda d: asyncio.ensure_future(on_dialog(d)))
    page.on("console", on_console)
    page.on("pageerror", on_pageerror)
    page.on("popup", lambda p: asyncio.ensure_future(on_popup(p)))


async def close_page(page: Any, timeout_s: float = 5.0) -> None:
    """Close a page whatever it is doing. A plain close() can wait forever on a page that keeps
    reloading itself (meta refresh 0); closing "with beforeunload" does not wait, so wait here,
    boundedly, for the page to be gone. A page still open is closed with its context."""
    try:
        await asyncio.wait_for(page.close(run_before_unload=True), timeout_s)
    except Exception:
        pass
    deadline = time.monotonic() + timeout_s
    while not page.is_closed() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)


def describe_navigation_error(exc: Exception, url: str, timeout_s: float) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    text = text.split(" at http", 1)[0]  # match the error, not the URL it names
    if "Timeout" in type(exc).__name__ or "Timeout" in text:
        return f"timed out after {timeout_s:g}s loading {url} (no response)"
    for marker, meaning in (
        ("Download is starting", "a download, not a page (downloads are off: nothing was saved)"),
        ("ERR_BLOCKED_BY_CLIENT", "blocked by the auditor"),
        ("crashed", "the page crashed its browser tab"),
        ("ERR_SSL", "TLS handshake failed (use --ignore-https-errors for a test shop)"),
        ("ERR_CONNECTION_CLOSED", "connection closed without a response"),
        ("ERR_INVALID_RESPONSE", "invalid HTTP response"),
        ("ERR_CONTENT_LENGTH_MISMATCH", "response cut short"),
        ("ERR_UNSAFE_REDIRECT", "unsafe redirect"),
        ("ERR_CONNECTION_REFUSED", "connection refused"),
        ("ERR_NAME_NOT_RESOLVED", "host name not resolved"),
        ("ERR_ADDRESS_UNREACHABLE", "address unreachable"),
        ("ERR_CONNECTION_RESET", "connection reset"),
        ("ERR_CERT", "TLS certificate not trusted (use --ignore-https-errors for a test shop)"),
        ("ERR_TOO_MANY_REDIRECTS", "redirect loop"),
        ("ERR_ABORTED", "navigation aborted (a download, or the page navigated away)"),
        ("ERR_INVALID_AUTH_CREDENTIALS", "HTTP authentication required, or the credentials were refused "
                                         "(--http-user and --http-password-env)"),
        ("ERR_EMPTY_RESPONSE", "empty response"),
        ("ERR_INVALID_URL", "invalid URL"),
    ):
        if marker in text:
            return f"{meaning}: {url}"
    return f"{text[:200]} ({url})"


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


async def _document_bytes(page: Any, response: Any) -> int:
    """The size of the page's HTML once it has arrived (0 while it is still arriving): what
    went over the wire, else what the page decoded."""
    try:
        sizes = await asyncio.wait_for(response.request.sizes(), timeout=2)
        if sizes.get("responseBodySize"):
            return int(sizes["responseBodySize"])
    except Exception:
        pass
    try:
        return int(await asyncio.wait_for(page.evaluate(
            "() => { const e = performance.getEntriesByType('navigation')[0]; return e ? e.decodedBodySize : 0; }"),
            timeout=3) or 0)
    except Exception:
        return 0


def _guard(page: Any, opened: Opened, in_scope: Callable[[str], bool] | None) -> Callable[..., Any]:
    """A route handler for one page: a read-only visitor sends no order or payment, and does not
    follow the page to another origin (recorded on `opened`, not followed)."""
    from auditor.journey.safety import request_refusal

    async def handle(route: Any, request: Any) -> None:
        try:
            reason = None
            if request.method not in ("GET", "HEAD", "OPTIONS"):
                body = request.post_data_buffer
                reason = request_refusal(request.method, request.url,
                                         body.decode("utf-8", "replace") if body else None)
            if reason is None and in_scope is not None and request.is_navigation_request() \
                    and request.frame.parent_frame is None and not in_scope(request.url):
                reason = f"out of scope: {request.url[:300]}"
                opened.fenced = request.url
            if reason:
                if len(opened.blocked) < 20:
                    opened.blocked.append(reason)
                # A navigation aborted as "aborted" leaves the current document in place (no
                # error page replaces it); other requests fail as blocked.
                await route.abort("aborted" if request.is_navigation_request() else "blockedbyclient")
                return
        except Exception:
            pass
        try:
            await route.fallback()
        except Exception:
            pass  # the page went away meanwhile

    return handle


async def open_page(context: Any, url: str, timeout_s: float, settle_s: float = 1.5,
                    init_script: str | None = None, *, in_scope: Callable[[str], bool] | None = None,
                    max_bytes: int | None = None) -> Opened:
    """Open `url` in a new page of `context`. Every wait is bounded by `timeout_s`; a page over
    `max_bytes` of HTML is not read (by its Content-Length before the body arrives, else by its
    decoded size once loaded); with `in_scope`, a redirect or script that takes the page to
    another origin is stopped and recorded rather than followed."""
    page = await context.new_page()
    opened = Opened(page, None, None, 0.0)
    wire_page(page, opened.dialogs, opened.console_errors, opened.popups)
    await page.route("**/*", _guard(page, opened, in_scope))
    await page.add_init_script(script=POPUP_JS)
    if init_script:
        await page.add_init_script(script=init_script)
    started = time.monotonic()

    def failed(error: str) -> Opened:
        opened.error = error
        opened.load_ms = (time.monotonic() - started) * 1000
        return opened

    try:
        response = await page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
    except Exception as exc:
        if opened.fenced:
            return failed(f"redirected out of scope to {opened.fenced} (not followed)")
        error = describe_navigation_error(exc, url, timeout_s)
        if len(opened.dialogs) >= MAX_DIALOGS:
            error += f" (the page opened {MAX_DIALOGS}+ dialogs)"
        return failed(error)
    if in_scope is not None and not in_scope(page.url):
        # A server-side redirect: the browser follows those before any route sees them, so the
        # document is stopped here, at its first byte, and never read or crawled.
        return failed(f"redirected out of scope to {page.url} (not followed)")
    opened.status = response.status if response else None
    headers = (await response.all_headers()) if response else {}
    opened.content_type = (headers.get("content-type") or "").split(";")[0].strip().lower() or None
    opened.retry_after = headers.get("retry-after")
    length = headers.get("content-length", "")
    if max_bytes and length.isdigit() and int(length) > max_bytes:
        return failed(f"page too large: {_megabytes(int(length))} (the limit is {_megabytes(max_bytes)}; "
                      f"not read): {url}")
    if opened.content_type and opened.content_type not in HTML_TYPES:
        return failed(f"not an HTML page ({opened.content_type}): {url}")
    remaining = max(1.0, timeout_s - (time.monotonic() - started))
    try:
        await page.wait_for_load_state("domcontentloaded", timeout=remaining * 1000)
    except Exception:
        size = await _document_bytes(page, response)
        if max_bytes and size > max_bytes:
            return failed(f"page too large: {_megabytes(size)} (the limit is {_megabytes(max_bytes)}; not read): {url}")
        error = (f"the response started but did not finish within {timeout_s:g}s "
                 f"(a slow or endless response): {url}")
        if len(opened.dialogs) >= MAX_DIALOGS:
            error = f"the page kept opening dialogs ({MAX_DIALOGS}+) and never finished loading: {url}"
        return failed(error)
    remaining = max(1.0, timeout_s - (time.monotonic() - started))
    try:
        await page.wait_for_load_state("load", timeout=min(remaining, 10) * 1000)
    except Exception:
        pass  # slow images or a trickling response: judge what has rendered
    await settle(page, settle_s)
    if max_bytes:
        size = await _document_bytes(page, response)
        if size > max_bytes:
            return failed(f"page too large: {_megabytes(size)} (the limit is {_megabytes(max_bytes)}; not read): {url}")
    opened.load_ms = (time.monotonic() - started) * 1000
    return opened


QUIET_JS = """(args) => new Promise((resolve) => {
  // Resolve once the DOM has been still for `quiet` ms (client-rendered shops fill in after
  // load), or after `max` ms whatever happens (pages that never stop animating).
  let timer = null;
  const done = () => { obs.disconnect(); resolve(true); };
  const obs = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, args.quiet); });
  obs.observe(document.documentElement, {subtree: true, childList: true, characterData: true});
  timer = setTimeout(done, args.quiet);
  setTimeout(done, args.max);
})"""


async def settle(page: Any, max_s: float = 0.8, quiet_ms: int = 250) -> None:
    """Wait until the page stops changing, at most `max_s` (plus a floor for first paint)."""
    for _attempt in range(2):
        try:
            await asyncio.wait_for(page.evaluate(QUIET_JS, {"quiet": quiet_ms, "max": int(max_s * 1000)}),
                                   timeout=max_s + 2)
            return
        except asyncio.TimeoutError:
            return  # the page does not answer scripts (a busy loop): waiting longer will not help
        except Exception:
            # The page navigated while we watched it: wait for the new document, then again.
            try:
                await page.wait_for_load_state("load", timeout=8000)
            except Exception:
                return


BUSY_JS = """() => {
  // A visible loading indicator: the shop is still rendering or waiting for its server
  // (Magento's loading mask, spinners, aria-busy regions, progress bars).
  const sel = '[aria-busy="true"], [role="progressbar"], [data-role="loader"], .loading-mask, .loader, '
            + '.spinner, .loading, [class*="spinner" i], [class*="loading-overlay" i]';
  for (const el of document.querySelectorAll(sel)) {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    if (r.width > 4 && r.height > 4 && s.visibility !== 'hidden' && s.display !== 'none' && +s.opacity > 0.05) return true;
  }
  return false;
}"""


class InFlight:
    """The page's XHR and fetch requests still waiting for an answer: after a click, a shop
    that adds to its cart or renders its checkout through its server is not done until then."""

    # A request open longer than this is a long poll or a stream, not an answer to a click.
    PATIENCE_S = 5.0

    def __init__(self, page: Any) -> None:
        self.started: dict[Any, float] = {}
        page.on("request", self._start)
        page.on("requestfinished", self._end)
        page.on("requestfailed", self._end)

    def _start(self, request: Any) -> None:
        if request.resource_type in ("xhr", "fetch"):
            self.started[request] = time.monotonic()

    def _end(self, request: Any) -> None:
        self.started.pop(request, None)

    @property
    def pending(self) -> bool:
        now = time.monotonic()
        return any(now - t < self.PATIENCE_S for t in self.started.values())


async def settle_busy(page: Any, inflight: InFlight | None = None, max_s: float = 8.0,
                      quiet_ms: int = 400) -> None:
    """Wait until the page is still, shows no loading indicator and has no request of its own
    scripts pending; at most `max_s`. Shops answer a click after a delay (an add to cart that
    lands 350 ms later), so the DOM being quiet for a moment is not enough."""
    deadline = asyncio.get_running_loop().time() + max_s
    await asyncio.sleep(0.15)
    while True:
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            return
        await settle(page, min(2.0, left), quiet_ms)
        try:
            busy = (inflight is not None and inflight.pending) or await asyncio.wait_for(page.evaluate(BUSY_JS), timeout=3)
        except Exception:
            return  # navigating or unresponsive: the caller's load-state waits cover it
        if not busy:
            return
        await asyncio.sleep(0.25)
