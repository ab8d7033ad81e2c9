"""Configuration files: where they are found, how keys map to options, and that the CLI wins."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.config import ConfigError, default_map, find_config, load_default_map
from tests.conftest import read_json, run_cli
from tests.reportkit import write_restarting_timer_artifacts

COMMANDS = {name: main.commands[name] for name in ("audit", "report")}


def test_shop_audit_toml_comes_before_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.shop-audit]\nfail-under = 10\n')
    assert find_config(cwd=tmp_path) == (tmp_path / "pyproject.toml", {"fail-under": 10})
    (tmp_path / "shop-audit.toml").write_text("fail-under = 20\n")
    assert find_config(cwd=tmp_path) == (tmp_path / "shop-audit.toml", {"fail-under": 20})
    (tmp_path / "other.toml").write_text("fail-under = 30\n")
    assert find_config(Path("other.toml"), cwd=tmp_path) == (tmp_path / "other.toml", {"fail-under": 30})


def test_pyproject_without_a_section_is_no_configuration(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "shop"\n')
    assert find_config(cwd=tmp_path) is None


def test_keys_take_dashes_or_underscores_and_toml_shapes(tmp_path):
    (tmp_path / "shop-audit.toml").write_text(
        'fail_under = 75\nfail-on = "serious"\nformat = ["json", "sarif", "md"]\n'
        'min-category = {price-transparency = 80, stock = 50}\nallow_not_assessed = ["a", "b"]\n'
        'baseline = "ci/baseline.json"\nno-journey = true\nmax-pages = 12\n')
    path, dmap = load_default_map(COMMANDS, cwd=tmp_path)
    audit = dmap["audit"]
    assert audit["fail_under"] == 75 and audit["fail_on"] == "serious"
    assert audit["formats"] == "json,sarif,md"
    assert audit["min_category"] == ["price-transparency=80", "stock=50"]
    assert audit["allow_not_assessed"] == ["a", "b"]
    assert audit["baseline"] == str(tmp_path / "ci" / "baseline.json")  # relative to the file
    assert audit["no_journey"] is True and audit["max_pages"] == 12
    assert "max_pages" not in dmap["report"] and dmap["report"]["fail_under"] == 75


@pytest.mark.parametrize("content,needle", [
    ("fial-on = 'serious'\n", "unknown key 'fial-on'"),
    ("fail-under = 'abc'\n", "fail-under"),
    ("fail-on = 'huge'\n", "'huge' is not one of"),
    ("no-journey = 'yes'\n", "expected true or false"),
    ("fail-under = [\n", "not valid TOML"),
])
def test_bad_configuration_names_the_file_and_key(tmp_path, content, needle):
    (tmp_path / "shop-audit.toml").write_text(content)
    with pytest.raises(ConfigError, match=needle) as info:
        load_default_map(COMMANDS, cwd=tmp_path)
    assert "shop-audit.toml" in str(info.value)


@pytest.fixture(scope="module")
def timer_artifacts(tmp_path_factory):
    return write_restarting_timer_artifacts(tmp_path_factory.mktemp("timer"))


def test_config_file_sets_the_gate_and_the_command_line_wins(tmp_path, timer_artifacts):
    config = tmp_path / "gate.toml"
    config.write_text('fail-under = 100\nallow-not-assessed = "*"\njurisdiction = "EU"\nformat = ["json", "md"]\n')
    by_file = run_cli("report", str(timer_artifacts), "--out", str(tmp_path / "a"), "--config", str(config))
    assert by_file.returncode == 1, by_file.stdout + by_file.stderr
    assert read_json(tmp_path / "a" / "report.json")["gate"]["settings"]["fail_under"] == 100
    assert (tmp_path / "a" / "report.md").exists()
    # --config before the URL (a group option) works as well as after it
    by_cli = run_cli("--config", str(config), "report", str(timer_artifacts), "--out", str(tmp_path / "b"),
                     "--fail-under", "0")
    assert by_cli.returncode == 0, by_cli.stdout + by_cli.stderr
    assert read_json(tmp_path / "b" / "report.json")["gate"]["settings"]["fail_under"] == 0


def test_config_is_discovered_in_the_current_directory(tmp_path, timer_artifacts, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.shop-audit]\nfail_under = 100\njurisdiction = "EU"\n'
                                            'allow-not-assessed = ["*"]\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["report", str(timer_artifacts), "--out", "out", "--format", "json"])
    assert result.exit_code == 1, result.output
    assert read_json(tmp_path / "out" / "report.json")["gate"]["settings"]["fail_under"] == 100


def test_unknown_key_exits_2_with_one_line(tmp_path):
    config = tmp_path / "shop-audit.toml"
    config.write_text("fail-undr = 80\n")
    proc = run_cli("http://127.0.0.1:9/", "--config", str(config), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "unknown key 'fail-undr'" in proc.stderr
    missing = run_cli("--config", str(tmp_path / "nope.toml"), "http://127.0.0.1:9/")
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_the_documented_configuration_examples_load(tmp_path):
    docs = (Path(__file__).resolve().parent.parent / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", docs, re.S)
    assert len(blocks) >= 2
    for block in blocks:
        table = tomllib.loads(block)
        table = table.get("tool", {}).get("shop-audit", table)
        assert default_map(COMMANDS, table, tmp_path / "shop-audit.toml")["audit"], block
