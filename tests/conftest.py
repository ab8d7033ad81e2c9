"""Shared test fixtures: fixture shops on loopback, the order recorder, a Chromium for pytest-playwright."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.browser import QUIET_FLAGS, find_chromium  # noqa: E402
from fixtures.manifest import load_manifest  # noqa: E402
from fixtures.server import FixtureServer, Recorder, serve  # noqa: E402

# Every request that reached an order or payment endpoint in any fixture, across the session.
ORDER_LOG = Path(os.environ.get("SHOP_AUDIT_ORDER_LOG", ROOT / ".pytest_cache" / "order-requests.jsonl"))


def pytest_sessionstart(session: pytest.Session) -> None:
    ORDER_LOG.parent.mkdir(parents=True, exist_ok=True)
    ORDER_LOG.write_text("", encoding="utf-8")


@pytest.fixture(scope="session")
def order_recorder() -> Recorder:
    return Recorder(file=ORDER_LOG)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path, _how = find_chromium()
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, chromium_path: str) -> dict:
    """pytest-playwright cannot download its browser here: point it at the one we found."""
    return {**browser_type_launch_args, "executable_path": chromium_path, "args": list(QUIET_FLAGS)}


@pytest.fixture(scope="session")
def shop_server(order_recorder: Recorder) -> Iterator:
    """Factory: shop_server('demo') -> a running FixtureServer (one per shop per session)."""
    servers: dict[str, FixtureServer] = {}

    def start(name: str, routes: dict | None = None) -> FixtureServer:
        key = name if routes is None else f"{name}#{id(routes)}"
        if key not in servers:
            servers[key] = serve(name, order_recorder, routes)
        return servers[key]

    yield start
    for srv in servers.values():
        srv.shutdown()


def run_cli(*args: str, timeout: float = 300, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `shop-audit` as a user would: a separate process, its exit code and its output."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "auditor.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env=full_env)


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# Small but sufficient observation settings: two fresh visits a few seconds apart per page.
AUDIT_ARGS = ["--max-pages", "40", "--loads", "2", "--observe", "2.5", "--repeat-pages", "5", "--attention", "0",
              "--timeout", "15", "--quiet"]


# Fixture-shop audits run side by side (each is mostly waiting: page loads, observation
# windows), two at a time on a 2-core machine; a test waits only for the shop it asserts on.
AUDIT_WORKERS = int(os.environ.get("SHOP_AUDIT_TEST_WORKERS", "2"))


@pytest.fixture(scope="session")
def audited(request, shop_server, tmp_path_factory):
    """shop name -> (report dict, base url, CompletedProcess, out dir); each shop audited once."""
    from concurrent.futures import Future, ThreadPoolExecutor

    manifest = load_manifest()
    pool = ThreadPoolExecutor(max(1, AUDIT_WORKERS))
    futures: dict[str, Future] = {}

    def submit(name: str) -> None:
        if name in futures:
            return
        spec = manifest[name]
        server = shop_server(spec["path"])  # servers start here, in the main thread
        out = tmp_path_factory.mktemp(f"audit-{name}")
        url = server.base_url.rstrip("/") + spec.get("start", "/")

        def work():
            proc = run_cli(url, "--out", str(out), *AUDIT_ARGS, *spec.get("args", []))
            return proc, out, server.base_url.rstrip("/")

        futures[name] = pool.submit(work)

    def get(name: str):
        if name not in futures:
            # The first request starts every shop this session's tests will ask for, in test order.
            for wanted in [name, *request.config.stash.get(SHOPS_NEEDED, [])]:
                submit(wanted)
        proc, out, base = futures[name].result()
        assert proc.returncode in (0, 1), proc.stderr
        return read_json(out / "report.json"), base, proc, out

    yield get
    pool.shutdown(wait=True, cancel_futures=True)


SHOPS_NEEDED = pytest.StashKey[list]()


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list) -> None:
    """Note which fixture shops the selected tests audit (so their audits can start together),
    and run the never-ordered check last: it must see every audit of the session."""
    needed: list[str] = []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        for shop in [params.get("shop")] + list(getattr(item.module, "SHOPS_USED", [])):
            if shop and shop not in needed:
                needed.append(shop)
    config.stash[SHOPS_NEEDED] = needed
    last = [i for i in items if i.module.__name__.endswith("test_zz_never_ordered")]
    items[:] = [i for i in items if i not in last] + last
