"""Documentation that must stay true: the generated check catalogue and the README's commands."""

from pathlib import Path

from auditor.catalogue_doc import catalogue_markdown
from auditor.check import discover_checks

ROOT = Path(__file__).resolve().parent.parent


def test_docs_checks_md_is_generated_from_the_current_checks():
    current = catalogue_markdown(discover_checks())
    written = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert written == current, "run: shop-audit checks --markdown > docs/checks.md"


def test_every_check_is_documented_with_its_references():
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    for check in discover_checks():
        assert f"### `{check.id}`" in text
        for ref in check.citations():
            assert ref in text


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "make test" in readme
