"""Reaching a shop that guards itself (issue 8, items 12, 13, 14): HTTP basic auth, a
self-signed certificate, robots.txt."""

from __future__ import annotations

import base64

import pytest

from tests.hostile.conftest import CRAWL, assert_cannot_audit, assert_partial, base

pytestmark = pytest.mark.browser


# --- 12. HTTP basic auth ---------------------------------------------------------------------------

def test_basic_auth_without_credentials_is_one_clear_line(auth_server, audit):
    result = audit("12 basic auth, no credentials", auth_server.base_url, *CRAWL)
    assert_cannot_audit(result, "HTTP authentication required", "--http-user", "--http-password-env")


def test_a_password_variable_that_is_not_set_is_one_clear_line(auth_server, audit):
    result = audit("12 basic auth, variable not set", auth_server.base_url, *CRAWL, "--http-user", "reviewer",
                   "--http-password-env", "SHOP_AUDIT_TEST_UNSET_VARIABLE")
    assert_cannot_audit(result, "SHOP_AUDIT_TEST_UNSET_VARIABLE", "not set", bound_s=15)


@pytest.fixture(scope="module")
def authed(auth_server, audit, credentials):
    user, secret = credentials
    result = audit("12 basic auth, password from env", auth_server.base_url, "--no-journey", "--loads", "1",
                   "--repeat-pages", "1", "--observe", "1", "--timeout", "5", "--max-pages", "5", "--quiet",
                   "--format", "json,html,sarif,junit,md",
                   "--http-user", user, "--http-password-env", "SHOP_AUDIT_TEST_PASSWORD",
                   env={"SHOP_AUDIT_TEST_PASSWORD": secret})
    return result, user, secret


def test_basic_auth_with_a_password_from_the_environment_works(authed):
    result, user, _ = authed
    assert_partial(result, 90)
    assert {"", "about.html"} <= set(result.page_paths())
    assert result.report["settings"]["http_user"] == user
    assert "Signed in with HTTP basic authentication as" in (result.out / "report.html").read_text(encoding="utf-8")


def test_the_password_appears_in_no_output(authed):
    """Every file the audit wrote (reports, artifacts, screenshots) and its stdout and stderr."""
    result, user, secret = authed
    forms = [secret.encode(), base64.b64encode(f"{user}:{secret}".encode())]
    files = [p for p in result.out.rglob("*") if p.is_file()]
    assert len(files) >= 6  # json, html, sarif, junit, md, artifacts (+ screenshots)
    for path in files:
        data = path.read_bytes()
        for form in forms:
            assert form not in data, f"the password leaked into {path.name}"
    for stream in (result.stdout, result.stderr):
        assert secret not in stream


# --- 13. self-signed TLS ----------------------------------------------------------------------------

def test_a_self_signed_certificate_is_one_clear_line(tls_server, audit):
    result = audit("13 self-signed TLS", tls_server.base_url + "ok.html", *CRAWL)
    assert_cannot_audit(result, "TLS", "--ignore-https-errors")


def test_ignore_https_errors_audits_and_says_so(tls_server, audit):
    result = audit("13 self-signed TLS, --ignore-https-errors", tls_server.base_url + "ok.html", *CRAWL,
                   "--ignore-https-errors")
    assert_partial(result, 60)
    assert result.report["target"].startswith("https://")
    assert {"ok.html", "returns.html"} <= set(result.page_paths())
    assert result.report["settings"]["ignore_https_errors"] is True
    assert "TLS certificate errors were ignored" in (result.out / "report.html").read_text(encoding="utf-8")


# --- 14. robots.txt ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def robots_respected(robots_server, audit):
    # --max-contexts 1 rides along: the option reaches the settings the report records.
    return audit("14 robots.txt respected", robots_server.base_url, *CRAWL, "--max-contexts", "1")


def test_robots_txt_is_respected_by_default(robots_respected):
    result = robots_respected
    assert_partial(result, 60)
    pages = result.page_paths()
    assert "public.html" in pages
    assert not any(p.startswith(("private/", "account/")) for p in pages)
    skipped = {s["url"].split("/", 3)[-1]: s["reason"] for s in result.report["skipped"]}
    assert skipped["private/staff.html"] == "disallowed by robots.txt"
    assert skipped["account/orders.html"] == "disallowed by robots.txt"


def test_the_report_says_robots_txt_was_respected(robots_respected):
    text = (robots_respected.out / "report.html").read_text(encoding="utf-8")
    assert "robots.txt was respected: 2 URL(s) it disallows were not visited" in text
    assert "disallowed by robots.txt" in text  # the Not visited table


def test_max_contexts_is_taken_from_the_command_line(robots_respected):
    assert robots_respected.report["settings"]["max_contexts"] == 1


def test_ignore_robots_audits_your_own_shop_fully(robots_server, audit):
    result = audit("14 robots.txt, --ignore-robots", robots_server.base_url, *CRAWL, "--ignore-robots")
    assert_partial(result, 60)
    assert {"private/staff.html", "account/orders.html"} <= set(result.page_paths())
    assert not [s for s in result.report["skipped"] if s["reason"] == "disallowed by robots.txt"]
    assert "robots.txt was ignored (--ignore-robots)" in (result.out / "report.html").read_text(encoding="utf-8")
