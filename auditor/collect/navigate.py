"""Opening a page the way a shopper's browser would, with every failure bounded and named."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from auditor.artifacts import JsDialog

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class Opened:
    page: Any
    status: int | None
    content_type: str | None
    load_ms: float
    dialogs: list[JsDialog] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    error: str | None = None  # set when the page cannot be judged (timeout, non-HTML, ...)


def wire_page(page: Any, dialogs: list[JsDialog], console_errors: list[str]) -> None:
    """Answer dialogs so a page cannot stall the audit, and keep what it said as evidence."""

    async def on_dialog(dialog: Any) -> None:
        if len(dialogs) < 50:
            dialogs.append(JsDialog(type=dialog.type, message=dialog.message[:500], page_url=page.url))
        try:
            # beforeunload must be accepted or the page holds the browser; the rest dismissed.
            await (dialog.accept() if dialog.type == "beforeunload" else dialog.dismiss())
        except Exception:
            pass

    def on_console(msg: Any) -> None:
        if msg.type == "error" and len(console_errors) < 50:
            console_errors.append(msg.text[:300])

    def on_pageerror(err: Any) -> None:
        if len(console_errors) < 50:
            console_errors.append(f"uncaught: {str(err)[:300]}")

    page.on("dialog", lambda d: asyncio.ensure_future(on_dialog(d)))
    page.on("console", on_console)
    page.on("pageerror", on_pageerror)


def describe_navigation_error(exc: Exception, url: str, timeout_s: float) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "Timeout" in type(exc).__name__ or "Timeout" in text:
        return f"timed out after {timeout_s:g}s loading {url}"
    for marker, meaning in (
        ("ERR_CONNECTION_REFUSED", "connection refused"),
        ("ERR_NAME_NOT_RESOLVED", "host name not resolved"),
        ("ERR_ADDRESS_UNREACHABLE", "address unreachable"),
        ("ERR_CONNECTION_RESET", "connection reset"),
        ("ERR_CERT", "TLS certificate not trusted (use --ignore-https-errors for a test shop)"),
        ("ERR_TOO_MANY_REDIRECTS", "redirect loop"),
        ("ERR_ABORTED", "navigation aborted (a download, or the page navigated away)"),
        ("ERR_INVALID_AUTH_CREDENTIALS", "HTTP authentication required"),
        ("ERR_EMPTY_RESPONSE", "empty response"),
        ("ERR_INVALID_URL", "invalid URL"),
    ):
        if marker in text:
            return f"{meaning}: {url}"
    return f"{text[:200]} ({url})"


async def open_page(context: Any, url: str, timeout_s: float, settle_s: float = 1.5,
                    init_script: str | None = None) -> Opened:
    page = await context.new_page()
    dialogs: list[JsDialog] = []
    console_errors: list[str] = []
    wire_page(page, dialogs, console_errors)
    if init_script:
        await page.add_init_script(script=init_script)
    started = time.monotonic()
    try:
        response = await page.goto(url, wait_until="domcontentloaded", timeout=timeout_s * 1000)
    except Exception as exc:
        return Opened(page, None, None, (time.monotonic() - started) * 1000, dialogs,
                      console_errors, describe_navigation_error(exc, url, timeout_s))
    status = response.status if response else None
    headers = (await response.all_headers()) if response else {}
    ctype = (headers.get("content-type") or "").split(";")[0].strip().lower() or None
    opened = Opened(page, status, ctype, 0.0, dialogs, console_errors)
    if ctype and ctype not in HTML_TYPES:
        opened.error = f"not an HTML page ({ctype}): {url}"
        opened.load_ms = (time.monotonic() - started) * 1000
        return opened
    remaining = max(1.0, timeout_s - (time.monotonic() - started))
    try:
        await page.wait_for_load_state("load", timeout=min(remaining, 10) * 1000)
    except Exception:
        pass  # slow images or a trickling response: judge what has rendered
    await settle(page, settle_s)
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
        except Exception:
            # The page navigated while we watched it: wait for the new document, then again.
            try:
                await page.wait_for_load_state("load", timeout=8000)
            except Exception:
                return
