"""Gather: drive the browser once and fill the Artifacts snapshot.

The Artifacts object is filled as the audit goes, so whatever stops it (the time budget, a
signal, a crash in one stage) still leaves every page already seen for the report.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import time
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.artifacts import Artifacts, AuditError, PageSnapshot
from auditor.browser import BrowserOptions, launch
from auditor.collect.page import CollectOptions, now_iso
from auditor.collect.repeat import default_plan, repeat_page
from auditor.crawl.crawler import CrawlLimits, Crawler, NoProgress, Progress
from auditor.crawl.scope import Scope
from auditor.settings import AuditSettings
from auditor.text.language import LanguageDetector
from auditor.text.lexicon import Lexicons, lexicons

CLOCK_LIKE = re.compile(r"\d{1,2}\s*:\s*\d{2}\s*:\s*\d{2}")
DYNAMIC_CONCEPTS = ("countdown_label", "urgency", "scarcity", "social_proof")


def pages_to_repeat(pages: list[PageSnapshot], lex: Lexicons, limit: int) -> list[PageSnapshot]:
    """Pages whose claims need comparing across loads, the most suspicious first."""
    if limit <= 0:
        return []

    def signal(p: PageSnapshot) -> int:
        text = p.full_text()
        langs = [p.lang, "en"] if p.lang else None
        score = 3 if CLOCK_LIKE.search(text) else 0
        score += sum(1 for c in DYNAMIC_CONCEPTS if lex.has(c, text, langs))
        return score

    ranked = sorted(
        (p for p in pages if p.kind in ("home", "product", "listing", "cart", "other")),
        key=lambda p: (-signal(p), {"product": 0, "home": 1, "listing": 2}.get(p.kind, 3)),
    )
    chosen = [p for p in ranked if signal(p) > 0][:limit]
    # Always include some product pages: prices and stock must be compared across visitors too.
    for p in ranked:
        if len(chosen) >= limit:
            break
        if p not in chosen and p.kind == "product" and sum(c.kind == "product" for c in chosen) < 2:
            chosen.append(p)
    return chosen[:limit]


def browser_options(settings: AuditSettings) -> BrowserOptions:
    creds = None
    if settings.http_user:
        creds = {"username": settings.http_user,
                 "password": settings.http_password.get_secret_value() if settings.http_password else ""}
    return BrowserOptions(
        executable=settings.browser, sandbox=settings.sandbox,
        ignore_https_errors=settings.ignore_https_errors, http_credentials=creds,
        max_contexts=settings.max_contexts, storage_state=settings.storage_state,
    )


async def gather(settings: AuditSettings, artifacts: Artifacts, progress: Progress | None = None,
                 lex: Lexicons | None = None) -> Artifacts:
    progress = progress or NoProgress()
    lex = lex or lexicons()
    started = time.monotonic()
    deadline = started + settings.max_duration
    out = Path(settings.out)
    opts = CollectOptions(
        observer_key="__sa_" + secrets.token_hex(8),
        screenshots_dir=(out / "screenshots") if settings.screenshots else None,
        detector=LanguageDetector(low_accuracy_only=True), currency_hint=settings.currency,
    )
    async with launch(browser_options(settings)) as browser:
        artifacts.browser = browser.version
        crawler = Crawler(
            browser, lex, opts,
            # The crawl leaves time for the repeated loads and the journey (up to a minute).
            CrawlLimits(settings.max_pages, settings.max_depth, settings.timeout,
                        deadline - min(60.0, 0.4 * settings.max_duration),
                        max_page_bytes=int(settings.max_page_mb * 1_000_000),
                        attention_s=settings.attention),
            Scope(settings.url, allow_domains=settings.allow_domains, ignore_robots=settings.ignore_robots),
            artifacts, progress,
        )
        try:
            await crawler.run()
        finally:
            artifacts.duration_s = round(time.monotonic() - started, 2)
            artifacts.timings["crawl"] = artifacts.duration_s
        # Repeated loads and the journey use separate browser contexts: run them side by side.
        stage = time.monotonic()
        await asyncio.gather(
            _repeat_stage(browser, settings, artifacts, lex, opts, progress, deadline),
            _journey_stage(browser, settings, artifacts, lex, opts, progress, deadline),
        )
        artifacts.timings["repeat+journey"] = round(time.monotonic() - stage, 2)
    artifacts.duration_s = round(time.monotonic() - started, 2)
    return artifacts


async def _repeat_stage(browser: Any, settings: AuditSettings, artifacts: Artifacts, lex: Lexicons,
                        opts: CollectOptions, progress: Progress, deadline: float) -> None:
    started = time.monotonic()
    repeat = pages_to_repeat(artifacts.pages, lex, settings.repeat_pages)
    plan = default_plan(settings.loads, settings.profiles)
    if not repeat or not plan:
        return
    progress.update(step=f"repeated loads of {len(repeat)} page(s)")
    remaining = deadline - time.monotonic() - 20
    # A page that stops answering (a script that never yields) must not hold the stage.
    per_page = len(plan) * (settings.timeout + settings.observe + 15)
    tasks = [asyncio.ensure_future(asyncio.wait_for(
                 repeat_page(browser, p.final_url, p.kind, plan, opts, settings.observe, settings.timeout),
                 per_page))
             for p in repeat]
    try:
        done, pending = await asyncio.wait(tasks, timeout=max(5.0, remaining))
    except asyncio.CancelledError:  # a signal or the hard time bound: stop the loads too
        for task in tasks:
            task.cancel()
        raise
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending, timeout=15)  # let them close their contexts
    for page, task in zip(repeat, tasks):
        if task in done and task.exception() is None:
            artifacts.repeated.append(task.result())
        elif task in done:
            exc = task.exception()
            why = (f"gave up after {per_page:g}s (the page stopped answering?)"
                   if isinstance(exc, asyncio.TimeoutError) else f"{type(exc).__name__}: {str(exc)[:200]}")
            artifacts.errors.append(AuditError(url=page.final_url, stage="repeat",
                                               error=f"repeated loads failed: {why}"))
        else:
            artifacts.errors.append(AuditError(url=page.final_url, stage="repeat",
                                               error="repeated loads stopped by the time budget"))
    artifacts.timings["repeat"] = round(time.monotonic() - started, 2)


async def _journey_stage(browser: Any, settings: AuditSettings, artifacts: Artifacts, lex: Lexicons,
                         opts: CollectOptions, progress: Progress, deadline: float) -> None:
    if not settings.journey:
        return
    from auditor.journey import run_journey  # the shopper journey plugs in here

    started = time.monotonic()
    progress.update(step="shopper journey")
    # Bounded as a whole too: a checkout page that stops answering must not hold the audit.
    bound = max(5.0, min(deadline - time.monotonic(), max(180.0, 15 * settings.timeout)))
    try:
        artifacts.journey = await asyncio.wait_for(
            run_journey(browser, settings, artifacts, lex, opts, progress, deadline=deadline), bound)
    except asyncio.TimeoutError:
        artifacts.errors.append(AuditError(url=settings.url, stage="journey",
                                           error=f"journey stopped after {bound:.0f}s (time budget, or a "
                                                 "page that stopped answering); its pages so far are kept"))
    except Exception as exc:
        artifacts.errors.append(AuditError(url=settings.url, stage="journey",
                                           error=f"journey failed: {type(exc).__name__}: {str(exc)[:300]}"))
    artifacts.timings["journey"] = round(time.monotonic() - started, 2)


def new_artifacts(settings: AuditSettings) -> Artifacts:
    return Artifacts(tool_version=__version__, target=settings.url, started_at=now_iso(),
                     settings=settings.public())
