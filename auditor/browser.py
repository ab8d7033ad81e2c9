"""Finding, launching and hardening Chromium.

No browser can be downloaded on the machines this runs on, so the auditor drives whatever
Chromium it finds: an explicit path, $SHOP_AUDIT_CHROMIUM, Playwright's own build when one is
installed, then the distribution's /usr/bin/chromium or chromium-browser.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENV_VAR = "SHOP_AUDIT_CHROMIUM"

# Without these, Chromium keeps trying to reach Google's services and stalls on a closed network.
QUIET_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-quic",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--deny-permission-prompts",
    "--disable-features=Translate,MediaRouter,OptimizationHints,InterestFeedContentSuggestions",
    "--metrics-recording-only",
    "--mute-audio",
)

# Limits an audited page cannot lift: a script allocating without end hits a 1 GB JavaScript heap
# and crashes its own tab (recorded), instead of taking the machine's memory.
HARDENING_FLAGS = (
    "--js-flags=--max-old-space-size=1024",
)

INSTALL_HINT = (
    "no Chromium found: install one (Debian/Ubuntu: `apt-get install -y chromium`), "
    f"or pass --browser PATH or set {ENV_VAR}"
)

DESKTOP_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36"
)
MOBILE_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36"
)


class BrowserNotFound(RuntimeError):
    pass


class BrowserLaunchFailed(BrowserNotFound):
    """Chromium was found but did not start; the message says why and what to try."""


def _launch_failure(exc: Exception, sandbox: bool) -> BrowserLaunchFailed:
    first = next((ln.strip() for ln in str(exc).splitlines() if ln.strip()), type(exc).__name__)
    if sandbox and not sandbox_possible():
        return BrowserLaunchFailed("Chromium's sandbox cannot run as root: use --sandbox auto or --sandbox off "
                                   "(as root in a container, Chromium runs without its sandbox)")
    if sandbox:
        return BrowserLaunchFailed(f"Chromium did not start with its sandbox ({first[:160]}); this system may deny "
                                   "the user namespaces it needs: try --sandbox off")
    return BrowserLaunchFailed(f"Chromium did not start: {first[:200]}")


def browser_processes(exclude: set[int] | None = None) -> list[Any]:
    """Chromium processes below this one (psutil objects, safe against PID reuse)."""
    try:
        import psutil
    except ImportError:
        return []
    found = []
    for proc in psutil.Process().children(recursive=True):
        try:
            name = proc.name().lower()
        except psutil.Error:
            continue
        if proc.pid not in (exclude or set()) and ("chrom" in name or "headless" in name):
            found.append(proc)
    return found


def reap(processes: list[Any]) -> int:
    """Kill what is left of a browser (and its children); return how many were still running."""
    try:
        import psutil
    except ImportError:
        return 0
    alive: list[Any] = []
    for proc in processes:
        try:
            if proc.is_running():
                alive += [proc, *proc.children(recursive=True)]
        except psutil.Error:
            continue
    for proc in alive:
        try:
            proc.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(alive, timeout=2)
    return len(alive)


def _playwright_managed() -> str | None:
    """Playwright's own Chromium, if `playwright install chromium` was ever run here."""
    root = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or Path.home() / ".cache" / "ms-playwright")
    if not root.is_dir():
        return None
    for pattern in ("chromium-*/chrome-linux*/chrome", "chromium_headless_shell-*/chrome-*/chrome-headless-shell"):
        for candidate in sorted(root.glob(pattern), reverse=True):
            if os.access(candidate, os.X_OK):
                return str(candidate)
    return None


def find_chromium(explicit: str | None = None) -> tuple[str, str]:
    """Return (path, how it was found); raise BrowserNotFound with an install hint."""
    if explicit:
        if Path(explicit).is_file() and os.access(explicit, os.X_OK):
            return explicit, "--browser"
        raise BrowserNotFound(f"--browser {explicit}: not an executable file")
    env = os.environ.get(ENV_VAR)
    if env:
        if Path(env).is_file() and os.access(env, os.X_OK):
            return env, ENV_VAR
        raise BrowserNotFound(f"{ENV_VAR}={env}: not an executable file")
    managed = _playwright_managed()
    if managed:
        return managed, "playwright-managed"
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name) if not name.startswith("/") else (name if os.access(name, os.X_OK) else None)
        if found:
            return found, "system"
    raise BrowserNotFound(INSTALL_HINT)


def sandbox_possible() -> bool:
    """Chromium refuses its sandbox as root; in unprivileged containers it may lack namespaces."""
    return hasattr(os, "geteuid") and os.geteuid() != 0


@dataclass
class Profile:
    """A kind of visitor: each fresh context of a profile is a new, cookie-less visitor."""

    name: str = "desktop"
    user_agent: str = DESKTOP_UA
    viewport: dict[str, int] = field(default_factory=lambda: {"width": 1280, "height": 900})
    is_mobile: bool = False
    locale: str | None = None


PROFILES = {
    "desktop": Profile(),
    "mobile": Profile("mobile", MOBILE_UA, {"width": 390, "height": 844}, is_mobile=True),
}


@dataclass
class BrowserOptions:
    executable: str | None = None
    headless: bool = True
    sandbox: str = "auto"  # auto | on | off
    ignore_https_errors: bool = False
    http_credentials: dict[str, str] | None = None
    extra_headers: dict[str, str] | None = None
    locale: str | None = None
    max_contexts: int = 4
    storage_state: str | None = None


class Browser:
    """One Chromium for the whole audit, with a cap on contexts open at once."""

    def __init__(self, playwright: Any, browser: Any, options: BrowserOptions, path: str,
                 found_by: str, sandboxed: bool):
        self.playwright = playwright
        self.browser = browser
        self.options = options
        self.path = path
        self.found_by = found_by
        self.sandboxed = sandboxed
        self._slots = asyncio.Semaphore(max(1, options.max_contexts))
        self.contexts_opened = 0

    @property
    def version(self) -> str:
        return f"Chromium {self.browser.version} ({self.path}, {self.found_by}" + (
            ", sandboxed)" if self.sandboxed else ", no sandbox)")

    @asynccontextmanager
    async def context(self, profile: Profile | None = None,
                      storage_state: Any = None) -> AsyncIterator[Any]:
        """A fresh, hardened browser context: a new visitor with no cookies or storage."""
        profile = profile or PROFILES["desktop"]
        async with self._slots:
            ctx = await self.browser.new_context(
                user_agent=profile.user_agent,
                viewport=profile.viewport,
                is_mobile=profile.is_mobile,
                has_touch=profile.is_mobile,
                locale=profile.locale or self.options.locale,
                accept_downloads=False,
                service_workers="block",
                permissions=[],
                ignore_https_errors=self.options.ignore_https_errors,
                http_credentials=self.options.http_credentials,
                extra_http_headers=self.options.extra_headers,
                storage_state=storage_state or self.options.storage_state,
                java_script_enabled=True,
                bypass_csp=False,
            )
            self.contexts_opened += 1
            # Pages must never reach the auditor's disk, whatever they link to.
            await ctx.route("file://**", lambda route: route.abort())
            try:
                yield ctx
            finally:
                try:
                    await asyncio.wait_for(ctx.close(), 15)  # bounded: a wedged page must not hold it
                except Exception:
                    pass


@asynccontextmanager
async def launch(options: BrowserOptions) -> AsyncIterator[Browser]:
    from playwright.async_api import async_playwright

    path, found_by = find_chromium(options.executable)
    want_sandbox = options.sandbox == "on" or (options.sandbox == "auto" and sandbox_possible())
    args = [*QUIET_FLAGS, *HARDENING_FLAGS]
    before = {p.pid for p in browser_processes()}
    async with async_playwright() as pw:
        try:
            browser = await pw.chromium.launch(
                executable_path=path, headless=options.headless, args=args,
                chromium_sandbox=want_sandbox, timeout=60_000,
            )
            sandboxed = want_sandbox
        except Exception as exc:
            if options.sandbox != "auto" or not want_sandbox:
                raise _launch_failure(exc, want_sandbox) from None
            # The sandbox needs user namespaces that some containers deny: run without it.
            try:
                browser = await pw.chromium.launch(
                    executable_path=path, headless=options.headless, args=args,
                    chromium_sandbox=False, timeout=60_000,
                )
            except Exception as exc2:
                raise _launch_failure(exc2, False) from None
            sandboxed = False
        ours = browser_processes(exclude=before)
        wrapped = Browser(pw, browser, options, path, found_by, sandboxed)
        try:
            yield wrapped
        finally:
            try:
                await asyncio.wait_for(browser.close(), 20)
            except Exception:
                pass
            finally:
                # Whatever did not exit with the browser (a wedged renderer) is killed: an
                # audit leaves no Chromium behind.
                reap(ours)
