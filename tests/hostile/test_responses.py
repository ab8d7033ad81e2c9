"""Broken responses (issue 8, items 1, 2, 3, 7, 8): every one ends as a named error on its page,
the audit goes on, and a start page that cannot be audited is one clear line and exit 2."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from fixtures.hostile import DOWNLOAD_MARKER, hits
from tests.hostile.conftest import CRAWL, assert_cannot_audit, assert_partial, base

pytestmark = pytest.mark.browser


# --- 1. redirects ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def redirects(hostile, audit):
    server, recorder = hostile
    return audit("1 redirect loop + other origin", base(server) + "/redirects.html", *CRAWL), recorder


def test_redirect_loop_is_an_error_on_its_page(redirects):
    audit, _ = redirects
    assert_partial(audit, 60)
    assert any("redirect loop" in e for e in audit.errors_for("/__hostile/redirect/loop"))
    assert "returns.html" in audit.page_paths()  # the crawl went on


def test_redirect_to_another_origin_is_recorded_not_crawled(redirects):
    audit, recorder = redirects
    errors = audit.errors_for("/__hostile/redirect/away")
    assert any("redirected out of scope to http://localhost:" in e and "not followed" in e for e in errors), errors
    assert not any("localhost" in p["final_url"] for p in audit.artifacts["pages"])
    # The browser follows a server redirect by itself (no route sees it), so the other origin
    # may get that one GET; it is never read, crawled, or visited again.
    assert len(hits(recorder, "landed")) <= 1


def test_start_url_in_a_redirect_loop_cannot_be_audited(hostile, audit):
    server, _ = hostile
    result = audit("1 start URL: redirect loop", base(server) + "/__hostile/redirect/loop", *CRAWL)
    assert_cannot_audit(result, "redirect loop")


# --- 2. statuses, empty pages, PDFs -------------------------------------------------------------

@pytest.fixture(scope="module")
def statuses(hostile, audit):
    server, recorder = hostile
    return audit("2 500, 503, empty 200, PDF link", base(server) + "/status.html", *CRAWL), recorder


def test_server_errors_are_named_on_their_pages(statuses):
    audit, _ = statuses
    assert_partial(audit, 60)
    assert audit.errors_for("/__hostile/status/500") == ["HTTP 500"]
    long = audit.errors_for("/__hostile/status/503-long")
    assert len(long) == 1 and "HTTP 503" in long[0] and "Retry-After: 3600" in long[0] and "not retried" in long[0]


def test_a_503_that_asks_for_one_second_is_retried_once(statuses):
    audit, recorder = statuses
    assert "__hostile/status/503-once" in audit.page_paths()
    assert not audit.errors_for("/__hostile/status/503-once")
    assert len(hits(recorder, "503-once")) == 2


def test_empty_200_and_linked_pdf_are_errors_not_pages(statuses):
    audit, _ = statuses
    assert any("empty" in e for e in audit.errors_for("/__hostile/empty"))
    assert any("not an HTML page (application/pdf)" in e for e in audit.errors_for("/__hostile/brochure"))
    assert not {"__hostile/empty", "__hostile/brochure"} & set(audit.page_paths())


@pytest.mark.parametrize("path,words", [
    ("/__hostile/catalogue.pdf", ["not an HTML page", "application/pdf"]),
    ("/__hostile/status/500", ["HTTP 500"]),
    ("/__hostile/empty", ["empty"]),
], ids=["pdf", "500", "empty"])
def test_a_start_url_with_nothing_to_audit_exits_2(hostile, audit, path, words):
    server, _ = hostile
    result = audit(f"2 start URL: {path.rsplit('/', 1)[-1]}", base(server) + path, *CRAWL)
    assert_cannot_audit(result, base(server) + path, *words)


# --- 3. responses that never start or never end --------------------------------------------------

@pytest.fixture(scope="module")
def slow(hostile, audit):
    server, _ = hostile
    return audit("3 never starts + trickles forever", base(server) + "/slow.html", *CRAWL)


def test_a_response_that_never_starts_times_out_on_its_page(slow):
    assert_partial(slow, 60)
    errors = slow.errors_for("/__hostile/hang")
    assert len(errors) == 1 and "timed out after 3s" in errors[0], errors


def test_a_response_that_trickles_forever_is_cut_off(slow):
    errors = slow.errors_for("/__hostile/trickle")
    assert len(errors) == 1 and "did not finish within 3s" in errors[0], errors
    assert "returns.html" in slow.page_paths()


def test_a_start_url_that_never_answers_exits_2_within_the_timeout(hostile, audit):
    server, _ = hostile
    result = audit("3 start URL: never answers", base(server) + "/__hostile/hang", *CRAWL)
    assert_cannot_audit(result, "timed out after 3s", bound_s=30)


# --- 7. downloads ----------------------------------------------------------------------------------

@pytest.fixture
def short_dir() -> Iterator[Path]:
    # Chromium keeps a unix socket in TMPDIR: pytest's long tmp paths would overflow its name.
    path = Path(tempfile.mkdtemp(prefix="sa-dl-", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_downloads_are_never_saved(hostile, audit, short_dir):
    """A Content-Disposition link, and a page that starts a download by itself: recorded, and
    nothing reaches the disk (HOME and TMPDIR of the audit are searched for the file's content)."""
    server, recorder = hostile
    home, tmp = short_dir / "home", short_dir / "tmp"
    home.mkdir()
    tmp.mkdir()
    result = audit("7 downloads", base(server) + "/download.html", *CRAWL,
                   env={"HOME": str(home), "TMPDIR": str(tmp)})
    assert_partial(result, 60)
    errors = result.errors_for("/__hostile/download")
    assert len(errors) == 1 and "a download, not a page" in errors[0], errors
    assert "auto-download.html" in result.page_paths()
    assert hits(recorder, "download"), "the fixture was not exercised"
    for folder in (home, tmp, result.out):
        for path in folder.rglob("*"):
            if path.is_file():
                assert DOWNLOAD_MARKER.encode() not in path.read_bytes(), f"download saved to {path}"
    assert not any(name.endswith(".csv") for _, _, names in os.walk(home) for name in names)


# --- 8. encodings, invalid HTML, no body -------------------------------------------------------------

@pytest.fixture(scope="module")
def encodings(hostile, audit):
    server, _ = hostile
    return audit("8 cp1251 as UTF-8, invalid HTML, no body", base(server) + "/encoding.html", *CRAWL)


def test_mislabelled_encoding_is_read_and_flagged(encodings):
    assert_partial(encodings, 60)
    page = next(p for p in encodings.artifacts["pages"] if p["url"].endswith("/__hostile/cp1251"))
    assert page["text_blocks"]
    errors = encodings.errors_for("/__hostile/cp1251")
    assert len(errors) == 1 and "does not decode in its declared charset" in errors[0]


def test_invalid_html_and_a_document_without_head_or_body_are_audited(encodings):
    pages = {p["url"].rsplit("/", 1)[-1]: p for p in encodings.artifacts["pages"]}
    assert "£3.00" in pages["invalid.html"]["text_blocks"][0]["text"]
    assert any("Samplers" in b["text"] for b in pages["headless.html"]["text_blocks"])
    assert not encodings.errors_for("/invalid.html") and not encodings.errors_for("/headless.html")


def test_a_page_whose_script_removes_its_body_is_an_empty_page(encodings):
    errors = encodings.errors_for("/nobody.html")
    assert errors == ["the page is empty (HTTP 200 with nothing to read)"]
    assert all(not e.startswith("could not read") for e in (x["error"] for x in encodings.report["errors"]))


def test_encoding_errors_do_not_break_the_checks(encodings):
    report = encodings.report
    assert not [c["id"] for c in report["checks"] if "failed internally" in c["reason"]]
    assert Path(encodings.out / "report.html").read_text(encoding="utf-8").count("<html") == 1
