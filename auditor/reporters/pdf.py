"""The HTML report printed to PDF by Chromium, for a legal reader who files documents.

The report is rendered in print mode (every section open) and printed on A4 with margins, a
header naming the shop and a footer with the page number and the artifacts' hash, so any
printed page can be tied back to the evidence. The page is our own HTML under a CSP that runs
no script; it is loaded with set_content, never from disk or the network.
"""

from __future__ import annotations

import asyncio
import html
import threading
from pathlib import Path
from typing import Any

from auditor.report import Report

PDF_OPTIONS: dict[str, Any] = {
    "format": "A4",
    "print_background": True,
    "margin": {"top": "18mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
    "display_header_footer": True,
}
_BAND = ("font-family: system-ui, sans-serif; font-size: 7.5pt; color: #5b6475; width: 100%; "
         "padding: 0 14mm; display: flex; justify-content: space-between; gap: 8mm;")


class RenderError(RuntimeError):
    """A report format could not be written; the message is one line for the user."""


def header_footer(report: Report) -> tuple[str, str]:
    target = html.escape(report.target)
    when = html.escape(report.started_at[:10])
    digest = html.escape((report.artifacts_sha256 or "n/a")[:16])
    header = (f'<div style="{_BAND}"><span>Shop audit of {target}</span>'
              f'<span>{when} · shop-auditor {html.escape(report.tool_version)}</span></div>')
    footer = (f'<div style="{_BAND}"><span>artifacts SHA-256 {digest}… · findings are indications, '
              'not legal conclusions</span>'
              '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>')
    return header, footer


async def print_pdf(page_html: str, path: Path, header: str, footer: str,
                    executable: str | None = None, sandbox: str = "auto") -> Path:
    from auditor.browser import BrowserOptions, launch

    async with launch(BrowserOptions(executable=executable, sandbox=sandbox, max_contexts=1)) as browser:
        async with browser.context() as ctx:
            page = await ctx.new_page()
            await page.set_content(page_html, wait_until="load")
            await page.emulate_media(media="print")
            await page.pdf(path=str(path), header_template=header, footer_template=footer, **PDF_OPTIONS)
    return path


def _run(coro: Any) -> Any:
    """asyncio.run, also from code that already runs an event loop (in a worker thread then)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as exc:  # handed back to the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=work, name="pdf")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def render_pdf(report: Report, out: Path, settings: Any = None, **_: Any) -> Path:
    from auditor.browser import BrowserNotFound
    from auditor.reporters.html import render_html

    path = out / "report.pdf"
    header, footer = header_footer(report)
    executable = getattr(settings, "browser", None)
    sandbox = getattr(settings, "sandbox", "auto") or "auto"
    try:
        return _run(print_pdf(render_html(report, out, print_mode=True), path, header, footer, executable, sandbox))
    except BrowserNotFound as exc:
        raise RenderError(f"cannot print the PDF report: {exc}") from None
    except Exception as exc:  # Playwright's errors are long; the first line says enough
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RenderError(f"cannot print the PDF report: {first}") from None
