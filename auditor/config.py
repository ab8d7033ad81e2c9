"""Options from a file: `shop-audit.toml`, or `[tool.shop-audit]` in pyproject.toml.

Where from, first found wins: `--config PATH`; `./shop-audit.toml`; the `[tool.shop-audit]`
table of `./pyproject.toml`. The keys are the long option names of the commands that read them
(`audit` and `report`), with dashes or underscores: `fail-under = 80`, `fail_on = "serious"`,
`format = ["json", "sarif", "md"]`, `min-category = {price-transparency = 80}`,
`allow-not-assessed = ["hard-to-cancel"]`, `no-journey = true`. The command line wins over the
file. A key no command knows is an error, so a typo cannot quietly switch a gate off. Relative
paths are read from the directory of the file that names them.

The values become click's `default_map`, so click converts and validates them as it does
arguments; they are checked here first so an error names the file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

CONFIG_FILE = "shop-audit.toml"
PYPROJECT = "pyproject.toml"


class ConfigError(ValueError):
    """The configuration cannot be used; the message is one line naming the file and key."""


def _norm(key: str) -> str:
    return key.strip().lower().replace("_", "-")


def find_config(explicit: Path | None = None, cwd: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """(file, its table of options), or None when there is no configuration."""
    cwd = cwd or Path.cwd()
    if explicit is not None:
        path = explicit if explicit.is_absolute() else cwd / explicit
        if not path.is_file():
            raise ConfigError(f"--config {explicit}: no such file")
        table = _read(path)
        if path.name == PYPROJECT:
            table = table.get("tool", {}).get("shop-audit", {})
        return path, table
    own = cwd / CONFIG_FILE
    if own.is_file():
        return own, _read(own)
    pyproject = cwd / PYPROJECT
    if pyproject.is_file():
        table = _read(pyproject).get("tool", {}).get("shop-audit")
        if table is not None:
            return pyproject, table
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None


def option_keys(command: click.Command) -> dict[str, click.Option]:
    """Every spelling a file may use for each option of the command."""
    keys: dict[str, click.Option] = {}
    for param in command.params:
        if not isinstance(param, click.Option) or param.name in (None, "help", "version"):
            continue
        for opt in [*param.opts, *param.secondary_opts]:
            if opt.startswith("--"):
                keys[_norm(opt[2:])] = param
        keys[_norm(param.name)] = param
    return keys


def _coerce(param: click.Option, value: Any, base: Path, where: str) -> Any:
    """A TOML value in the shape click expects for the option."""
    if isinstance(value, Mapping):
        if not param.multiple:
            raise ConfigError(f"{where}: expected a single value, not a table")
        value = [f"{k}={v}" for k, v in value.items()]  # min-category = {price-transparency = 80}
    if param.multiple:
        value = list(value) if isinstance(value, list) else [value]
        return [str(v) for v in value]
    if isinstance(value, list):
        return ",".join(str(v) for v in value)  # format = ["json", "sarif"]
    if param.is_flag and not isinstance(value, bool):
        raise ConfigError(f"{where}: expected true or false, got {value!r}")
    if isinstance(param.type, click.Path) and isinstance(value, str):
        path = Path(value).expanduser()
        return str(path if path.is_absolute() else base / path)
    return value


def default_map(commands: Mapping[str, click.Command], table: Mapping[str, Any], source: Path) -> dict[str, dict[str, Any]]:
    """click default_map for each command from one table of options."""
    known = {name: option_keys(cmd) for name, cmd in commands.items()}
    spelled = sorted({_norm(opt[2:]) for cmd in commands.values() for p in cmd.params
                      if isinstance(p, click.Option) and p.name not in ("help", "version")
                      for opt in p.opts if opt.startswith("--")})
    out: dict[str, dict[str, Any]] = {name: {} for name in commands}
    for raw_key, value in table.items():
        key = _norm(raw_key)
        where = f"{source}: {raw_key}"
        if not any(key in keys for keys in known.values()):
            raise ConfigError(f"{source}: unknown key {raw_key!r} (known: {', '.join(spelled)})")
        for name, keys in known.items():
            param = keys.get(key)
            if param is None:
                continue
            coerced = _coerce(param, value, source.parent, where)
            try:
                param.type_cast_value(click.Context(commands[name]), coerced)
            except click.BadParameter as exc:
                raise ConfigError(f"{where}: {exc.message}") from None
            out[name][param.name] = coerced
    return out


def load_default_map(commands: Mapping[str, click.Command], explicit: Path | None = None,
                     cwd: Path | None = None) -> tuple[Path | None, dict[str, dict[str, Any]]]:
    found = find_config(explicit, cwd)
    if found is None:
        return None, {}
    path, table = found
    if not isinstance(table, Mapping):
        raise ConfigError(f"{path}: [tool.shop-audit] must be a table")
    return path, default_map(commands, table, path)
