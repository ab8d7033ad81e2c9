"""Start the Oscar test store (tests/oscar_shop) on loopback and look inside its database.

    with oscar_store(template) as store:      # template: a migrated, seeded data directory
        store.base_url                          # http://127.0.0.1:PORT
        store.order_count()                     # rows in Oscar's order table: must stay 0
        store.basket_lines()                    # what the shopper put in open baskets

By hand, to develop against it: `python -m tests.oscar_harness` serves one until Ctrl-C.

Building a store (tables, seed, search index) takes about two seconds, so a session builds
one template data directory (`build_template`, or the `oscar_template` fixture) and every
store runs on its own copy. The server is Django's runserver run by this interpreter
(django-oscar comes with the test extras), in a process group of its own, stopped and reaped
on exit; on Linux it also dies with the thread that started it, so start stores from the
main thread (pytest does).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

SHOP_DIR = Path(__file__).resolve().parent / "oscar_shop"
DB_NAME = "db.sqlite3"
STARTUP_TIMEOUT = 30.0


class OscarStoreError(RuntimeError):
    """The store could not be built or started; the message carries its output."""


@dataclass(frozen=True)
class BasketLine:
    basket_id: int
    basket_status: str  # Oscar's: Open, Merged, Saved, Frozen, Submitted
    product: str
    quantity: int
    price_incl_tax: float


@dataclass(frozen=True)
class OscarStore:
    base_url: str
    data_dir: Path
    log: Path  # the server's output, for a failing test's message
    pid: int | None = None

    @property
    def db(self) -> Path:
        return self.data_dir / DB_NAME

    def _query(self, sql: str) -> list[tuple]:
        # Read-only, so a look inside can never change what the shop recorded.
        with closing(sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10)) as conn:
            return conn.execute(sql).fetchall()

    def order_count(self) -> int:
        return self._query("SELECT COUNT(*) FROM order_order")[0][0]

    def basket_lines(self, status: str | None = "Open") -> list[BasketLine]:
        rows = self._query(
            "SELECT b.id, b.status, p.title, l.quantity, l.price_incl_tax FROM basket_line l "
            "JOIN basket_basket b ON b.id = l.basket_id "
            "JOIN catalogue_product p ON p.id = l.product_id ORDER BY l.id")
        lines = [BasketLine(r[0], r[1], r[2], r[3], float(r[4] or 0)) for r in rows]
        return [x for x in lines if status is None or x.basket_status == status]


def _env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "OSCAR_SHOP_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "settings",
            "PYTHONWARNINGS": "ignore", "PYTHONDONTWRITEBYTECODE": "1"}


def _run(args: list[str], data_dir: Path, python: str, timeout: float = 180) -> None:
    proc = subprocess.run([python, *args], cwd=SHOP_DIR, env=_env(data_dir), capture_output=True,
                          text=True, timeout=timeout)
    if proc.returncode != 0:
        hint = ("\ndjango-oscar is not installed for this Python: pip install -e '.[test]'"
                if "No module named" in proc.stderr else "")
        raise OscarStoreError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}{hint}")


def build_template(data_dir: Path, python: str = sys.executable) -> Path:
    """Migrate and seed a store into data_dir (created if needed); returns data_dir."""
    data_dir.mkdir(parents=True, exist_ok=True)
    _run(["manage.py", "migrate", "--run-syncdb", "--noinput", "-v", "0"], data_dir, python)
    _run(["seed.py"], data_dir, python)
    return data_dir


def _free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _detach() -> None:
    """In the server process before exec: a process group of its own (so stopping it reaches
    nothing else), and on Linux a SIGTERM when the test process dies, killed or not."""
    os.setsid()
    if sys.platform.startswith("linux"):
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)  # its own group: only what we started
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        except ProcessLookupError:
            pass
    proc.wait()


def _start(data_dir: Path, log: Path, python: str, timeout: float) -> tuple[subprocess.Popen, str]:
    last = ""
    for _attempt in range(3):  # a free port can be taken between probing and binding
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        with log.open("ab") as out:
            proc = subprocess.Popen(
                # --insecure: serve static files with DEBUG off; --noreload: one process, no watcher.
                [python, "manage.py", "runserver", "--noreload", "--insecure", "--skip-checks",
                 f"127.0.0.1:{port}"],
                cwd=SHOP_DIR, env=_env(data_dir), stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, preexec_fn=_detach)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            if _answers(base_url + "/catalogue/"):
                return proc, base_url
            time.sleep(0.2)
        _stop(proc)
        last = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        if "already in use" not in last:
            break
    raise OscarStoreError(f"the Oscar store did not start:\n{last}")


@contextmanager
def oscar_store(template: Path | None = None, python: str = sys.executable,
                timeout: float = STARTUP_TIMEOUT) -> Iterator[OscarStore]:
    """A running store on its own copy of template (built from scratch when None)."""
    with tempfile.TemporaryDirectory(prefix="oscar-store-") as tmp:
        data_dir = Path(tmp) / "data"
        if template is None:
            build_template(data_dir, python)
        else:
            shutil.copytree(template, data_dir, symlinks=True)
        log = Path(tmp) / "server.log"
        proc, base_url = _start(data_dir, log, python, timeout)
        try:
            yield OscarStore(base_url=base_url, data_dir=data_dir, log=log, pid=proc.pid)
        finally:
            _stop(proc)


@pytest.fixture(scope="session")
def oscar_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated, seeded store per session; stores run on copies of it."""
    return build_template(tmp_path_factory.mktemp("oscar-template") / "data")


@pytest.fixture
def fresh_oscar_store(oscar_template: Path) -> Iterator[OscarStore]:
    """A running store of its own for one test."""
    with oscar_store(oscar_template) as store:
        yield store


if __name__ == "__main__":
    with oscar_store() as running:
        print(f"Oscar test store at {running.base_url}/ (data in {running.data_dir}); Ctrl-C stops it")
        try:
            signal.pause()
        except KeyboardInterrupt:
            print(f"orders: {running.order_count()}, open basket lines: {running.basket_lines()}")
