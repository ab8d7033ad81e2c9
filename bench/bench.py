"""Benchmark: audit the demo shop, and time a bare Playwright visit of the same URLs.

Prints the audit's wall time, the bare visit's wall time (same URLs, same number of loads,
same concurrency, no analysis and no observation windows), their ratio, pages per minute and
the peak memory of the audit's process tree (Python plus every Chromium process).

    python bench/bench.py [--shop demo] [--runs 1] [audit options...]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.browser import QUIET_FLAGS, find_chromium  # noqa: E402
from fixtures.server import serve  # noqa: E402

DEFAULT_ARGS = ["--loads", "3", "--observe", "3", "--repeat-pages", "4", "--quiet"]


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_audit(url: str, out: Path, args: list[str]) -> tuple[float, int, int]:
    """(wall seconds, peak RSS bytes of the process tree, exit code)."""
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "auditor.cli", url, "--out", str(out), *args],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, tree_rss(ps))
        except psutil.Error:
            pass
        time.sleep(0.1)
    return time.monotonic() - started, peak, proc.returncode


async def bare_visits(crawl_urls: list[str], repeated: list[tuple[str, int]], journey_urls: list[str],
                      concurrency: int) -> float:
    """The same page visits with Playwright alone: crawl in one context, each repeated load in
    a fresh context, the journey's pages in one context."""
    from playwright.async_api import async_playwright

    path, _ = find_chromium()
    started = time.monotonic()
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=path, args=list(QUIET_FLAGS))
        slots = asyncio.Semaphore(concurrency)

        async def visit_in_one_context(urls: list[str]) -> None:
            async with slots:
                ctx = await browser.new_context()
                page = await ctx.new_page()
                for url in urls:
                    try:
                        await page.goto(url, wait_until="load", timeout=20000)
                    except Exception:
                        pass
                await ctx.close()

        async def fresh_loads(url: str, times: int) -> None:
            for _ in range(times):
                async with slots:
                    ctx = await browser.new_context()
                    page = await ctx.new_page()
                    try:
                        await page.goto(url, wait_until="load", timeout=20000)
                    except Exception:
                        pass
                    await ctx.close()

        await visit_in_one_context(crawl_urls)
        await asyncio.gather(visit_in_one_context(journey_urls), *(fresh_loads(u, n) for u, n in repeated))
        await browser.close()
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shop", default="demo", help="fixture shop folder under fixtures/")
    parser.add_argument("--runs", type=int, default=1)
    known, extra = parser.parse_known_args()
    args = extra or DEFAULT_ARGS
    server = serve(known.shop)
    for run in range(known.runs):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            wall, peak, code = run_audit(server.base_url, out, args)
            if code not in (0, 1):
                print(f"audit failed with exit code {code}", file=sys.stderr)
                return code
            art = json.loads((out / "artifacts.json").read_text(encoding="utf-8"))
        crawl = [p["final_url"] for p in art["pages"] if p.get("found_from") != "journey"]
        journey = [p["final_url"] for p in art["pages"] if p.get("found_from") == "journey"]
        repeated = [(r["url"], len(r["loads"])) for r in art["repeated"]]
        concurrency = int(art["settings"].get("max_contexts", 4))
        bare = asyncio.run(bare_visits(crawl, repeated, journey, concurrency))
        pages = len(art["pages"])
        loads = sum(n for _, n in repeated)
        print(f"run {run + 1}: {known.shop} — {pages} pages ({len(crawl)} crawled, {len(journey)} journey steps), "
              f"{loads} repeated loads of {len(repeated)} pages, concurrency {concurrency}")
        print(f"  audit wall time        {wall:7.1f} s   (stages: "
              + ", ".join(f"{k} {v:.1f} s" for k, v in art.get("timings", {}).items()) + ")")
        print(f"  bare Playwright visits {bare:7.1f} s   (same URLs and loads, no analysis, no observation windows)")
        print(f"  ratio audit/bare       {wall / bare:7.2f}")
        print(f"  pages per minute       {pages / wall * 60:7.1f}   (every page snapshot, incl. journey steps)")
        print(f"  peak memory            {peak / 2**20:7.0f} MiB (audit process tree: Python + Chromium)")
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
