"""Bad input through the real CLI: exit 2 and one clear line when nothing can be audited; an
error in the report, and the audit going on, when only a page is broken."""

import socket

import pytest

from tests.conftest import read_json, run_cli

pytestmark = pytest.mark.browser


def one_clear_line(proc) -> str:
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr and lines[0].startswith("shop-audit: error: ")
    return lines[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("url,words", [
    ("htp:/shop", "not an http(s) URL"),
    ("shop.example", "not an http(s) URL"),
    ("http://127.0.0.1:99999/", "malformed URL"),
    ("http://", "not an http(s) URL"),
])
def test_malformed_urls_exit_2_with_one_line(url, words, tmp_path):
    proc = run_cli(url, "--out", str(tmp_path), "--quiet", timeout=60)
    assert proc.returncode == 2
    assert words in one_clear_line(proc)
    assert not (tmp_path / "report.json").exists()


def test_a_refused_port_exits_2(tmp_path):
    proc = run_cli(f"http://127.0.0.1:{free_port()}/", "--out", str(tmp_path), "--quiet", "--timeout", "5", timeout=120)
    assert proc.returncode == 2
    assert "connection refused" in one_clear_line(proc)


def test_an_unresolvable_host_exits_2(tmp_path):
    proc = run_cli("http://no-such-shop.invalid/", "--out", str(tmp_path), "--quiet", "--timeout", "5", timeout=120)
    assert proc.returncode == 2
    assert "could not audit" in one_clear_line(proc)


def test_a_404_start_page_exits_2(shop_server, tmp_path):
    server = shop_server("demo")
    proc = run_cli(server.base_url + "no-such-page.html", "--out", str(tmp_path), "--quiet", timeout=120)
    assert proc.returncode == 2
    assert "404" in one_clear_line(proc)


def test_a_page_whose_scripts_throw_is_reported_and_the_audit_goes_on(shop_server, tmp_path):
    server = shop_server("broken")
    proc = run_cli(server.base_url, "--out", str(tmp_path), "--quiet", "--no-journey", "--loads", "0",
                   "--attention", "0", timeout=180)
    assert proc.returncode in (0, 1), proc.stderr
    report = read_json(tmp_path / "report.json")
    assert {p["url"].rsplit("/", 1)[-1] for p in report["pages"]} >= {"", "throws.html", "returns.html"}
    errors = [e for e in report["errors"] if e["url"] and e["url"].endswith("throws.html")]
    assert errors and "threw" in errors[0]["error"]
    # What could not be judged says so, with a reason, rather than passing.
    not_assessed = [c for c in report["checks"] if c["verdict"] == "not-assessed"]
    assert not_assessed and all(c["reason"] for c in not_assessed)
    assert "Not assessed" in (tmp_path / "report.html").read_text(encoding="utf-8")
