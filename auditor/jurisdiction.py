"""Jurisdiction profiles: which legal references a finding carries, and which rules apply.

Profiles are data files in `auditor/jurisdictions/<ID>.toml`. A profile lists the acts that
apply directly, the local equivalents of EU acts (the UK's retained and successor law), and
rule switches that checks read (e.g. whether the 30-day prior-price rule applies).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from auditor.legal import Ref


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    acts: tuple[str, ...]
    equivalents: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    rules: dict[str, Any] = field(default_factory=dict)


@cache
def profiles() -> dict[str, Profile]:
    out: dict[str, Profile] = {}
    folder = resources.files("auditor").joinpath("jurisdictions")
    for entry in folder.iterdir():
        if not entry.name.endswith(".toml"):
            continue
        raw = tomllib.loads(entry.read_text("utf-8"))
        out[raw["id"]] = Profile(
            id=raw["id"], name=raw["name"], acts=tuple(raw.get("acts", [])),
            equivalents=raw.get("equivalents", {}), rules=raw.get("rules", {}),
        )
    return out


def profile(jurisdiction: str) -> Profile:
    found = profiles().get(jurisdiction.upper()) or profiles().get(jurisdiction)
    if found is None:
        known = ", ".join(sorted(profiles()))
        raise ValueError(f"unknown jurisdiction {jurisdiction!r} (known: {known})")
    return found


def references_for(refs: tuple[Ref, ...], jurisdiction: str) -> list[Ref]:
    """The references that apply under a profile, EU acts mapped to local equivalents."""
    prof = profile(jurisdiction)
    chosen: list[Ref] = []
    for ref in refs:
        if ref.act in prof.acts:
            chosen.append(ref)
        for eq in prof.equivalents.get(ref.act, []):
            if eq.get("from") in (None, "", ref.pinpoint):
                mapped = Ref(eq["act"], eq.get("pinpoint", ref.pinpoint), eq.get("note", ""))
                if mapped not in chosen:
                    chosen.append(mapped)
    # A profile with no mapping for any of a check's references still shows where the
    # rule comes from, rather than an empty list a reader would take for "no law applies".
    return chosen or list(refs)


def rule(jurisdiction: str, name: str, default: Any = None) -> Any:
    return profile(jurisdiction).rules.get(name, default)


# Signals that point to a jurisdiction: currency first (it is what the shopper pays in), then
# the shop's language. Only profiles that exist as data files can be chosen.
CURRENCY_HINTS = {"UAH": "UA", "ILS": "IL", "GBP": "UK", "USD": "US-CA", "EUR": "EU", "PLN": "EU",
                  "CZK": "EU", "SEK": "EU", "DKK": "EU", "HUF": "EU", "RON": "EU", "BGN": "EU"}
LANGUAGE_HINTS = {"uk": "UA", "he": "IL", "de": "EU", "fr": "EU", "es": "EU", "it": "EU", "nl": "EU",
                  "pl": "EU", "pt": "EU", "cs": "EU", "sv": "EU", "da": "EU", "fi": "EU", "el": "EU",
                  "ro": "EU", "hu": "EU", "bg": "EU", "sk": "EU", "sl": "EU", "hr": "EU", "lt": "EU",
                  "lv": "EU", "et": "EU"}
DEFAULT_JURISDICTION = "EU"


def infer_jurisdiction(artifacts: Any, explicit: str | None) -> tuple[str, str]:
    """(profile id, why). An explicit choice wins; otherwise the shop's currency and language."""
    if explicit:
        return profile(explicit).id, "chosen with --jurisdiction"
    from collections import Counter

    currencies = Counter(p.currency for page in artifacts.pages for p in page.prices if p.currency)
    languages = Counter(page.lang for page in artifacts.pages if page.lang)
    known = profiles()
    if currencies:
        cur, _ = currencies.most_common(1)[0]
        target = CURRENCY_HINTS.get(cur)
        if target in known:
            return target, f"inferred from the shop's currency ({cur})"
    if languages:
        lang, _ = languages.most_common(1)[0]
        target = LANGUAGE_HINTS.get(lang)
        if target in known:
            return target, f"inferred from the shop's language ({lang})"
    return DEFAULT_JURISDICTION, (
        "default: no currency or language pointed to another profile; choose with --jurisdiction")
