"""The check catalogue is the contract: ids, metadata and fixtures stay in step with it."""

import re
from pathlib import Path

import pytest

from auditor.check import CATEGORIES, SEVERITY_ORDER, discover_checks
from auditor.legal import acts
from fixtures.manifest import load_manifest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT.parent / "shared" / "CHECKS.md"


def catalogue_ids() -> dict[str, str]:
    """id -> category, read from ../shared/CHECKS.md."""
    out, category = {}, None
    for line in CATALOGUE.read_text(encoding="utf-8").splitlines():
        m = re.match(r"## Category `([a-z-]+)`", line)
        if m:
            category = m.group(1)
        m = re.match(r"\| ([a-z]+(?:-[a-z]+)*) \|", line)
        if m and m.group(1) != "id" and category:
            out[m.group(1)] = category
    return out


CHECKS = discover_checks()


def test_catalogue_is_readable():
    assert len(catalogue_ids()) >= 29


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_check_is_in_the_catalogue_with_its_category(check):
    ids = catalogue_ids()
    assert check.id in ids, f"{check.id} is not a catalogue id"
    assert check.category == ids[check.id]
    assert check.category in CATEGORIES


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_metadata_is_complete(check):
    assert check.title and check.failure_title and check.title != check.failure_title
    assert check.severity in SEVERITY_ORDER
    assert check.effective_weight() > 0
    assert len(check.description.split()) >= 40, "a lawyer-readable paragraph, not a label"
    assert "What it detects" in check.description and "Why it harms" in check.description
    assert check.remedy
    assert check.references, "every check cites the law it may breach"
    for ref in check.references:
        assert ref.act in acts(), f"{check.id} cites unknown act {ref.act}"
        assert re.search(r"\d", ref.pinpoint), f"{check.id}: cite article and paragraph, not just the act"


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_module_name_is_the_id(check):
    assert check.__module__.rsplit(".", 1)[-1] == check.id.replace("-", "_")
    assert check.__module__.split(".")[1] == check.category.replace("-", "_")


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_every_check_has_unit_tests_and_fixtures_in_both_directions(check):
    unit = ROOT / "tests" / "checks" / f"test_{check.id.replace('-', '_')}.py"
    assert unit.is_file(), f"missing {unit.relative_to(ROOT)}"
    verdicts = [shop.get("verdicts", {}).get(check.id) for shop in load_manifest().values()]
    assert "fail" in verdicts, f"no fixture shop where {check.id} must fail"
    assert "pass" in verdicts, f"no fixture shop where {check.id} must pass"
