"""Pages that fight the visitor (issue 8, item 6): alert/confirm/prompt loops, a beforeunload
dialog, popups that open popups, and pages that keep navigating themselves away."""

from __future__ import annotations

import pytest

from fixtures.hostile import hits
from tests.hostile.conftest import CRAWL, assert_partial, base

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def dialogs(hostile, audit):
    server, recorder = hostile
    before = len(hits(recorder, "probe"))
    result = audit("6 dialogs, popups, self-navigation", base(server) + "/dialogs.html", *CRAWL)
    popups_opened = [r for r in hits(recorder, "probe")[before:] if "popup-opened" in r["path"]]
    landed = [r for r in hits(recorder, "landed") if "escape" in r["path"]]
    return result, popups_opened, landed


def page(audit, name: str) -> dict:
    return next(p for p in audit.artifacts["pages"] if p["url"].endswith("/" + name))


def test_the_audit_survives_every_hostile_page(dialogs):
    audit, _, _ = dialogs
    assert_partial(audit, 75)
    assert {"dialogs.html", "returns.html", "ok.html"} <= set(audit.page_paths())


def test_dialog_loops_are_answered_and_kept_as_evidence(dialogs):
    audit, _, _ = dialogs
    kinds = {d["type"] for d in page(audit, "alert-loop.html")["dialogs"]}
    assert kinds == {"alert", "confirm", "prompt"}
    assert len(page(audit, "alert-loop.html")["dialogs"]) <= 50


def test_a_dialog_loop_that_blocks_loading_is_an_error_on_its_page(dialogs):
    audit, _, _ = dialogs
    errors = audit.errors_for("/dialog-sync.html")
    assert len(errors) == 1 and "kept opening dialogs" in errors[0], errors


def test_beforeunload_is_answered_when_the_page_is_closed(dialogs):
    audit, _, _ = dialogs
    leave = page(audit, "leave.html")
    assert [d["type"] for d in leave["dialogs"]] == ["beforeunload"]  # asked at close, and accepted
    assert not audit.errors_for("/leave.html")
    assert "ok.html" in audit.page_paths()  # and the crawl went on after it


def test_popups_are_recorded_and_never_opened(dialogs):
    audit, popups_opened, _ = dialogs
    recorded = page(audit, "popups.html")["popups"]
    assert len(recorded) == 3 and all("/popup-bomb.html" in u for u in recorded), recorded
    assert popups_opened == [], f"{len(popups_opened)} popup(s) actually loaded"


def test_pages_that_keep_navigating_themselves_are_given_up(dialogs):
    audit, _, _ = dialogs
    for name in ("refresh.html", "replace.html"):
        errors = audit.errors_for("/" + name)
        assert errors == ["the page keeps navigating away by itself (a meta refresh or a script); "
                          "it could not be read"], (name, errors)


def test_a_page_that_navigates_to_another_origin_is_stopped_there(dialogs):
    audit, _, landed = dialogs
    assert landed == []  # a script navigation is caught before the request leaves the browser
    errors = audit.errors_for("/escape.html")
    assert len(errors) == 1 and "tried to navigate to another origin" in errors[0] and "not followed" in errors[0]
    assert page(audit, "escape.html")["final_url"].endswith("/escape.html")
