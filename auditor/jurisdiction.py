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
    countries: tuple[str, ...] = ()  # ISO 3166 codes whose shops this profile serves


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
            countries=tuple(raw.get("countries", [])),
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

    def add(ref: Ref) -> None:
        # The same article cited directly and through a mapping is one citation.
        if not any((c.act, c.pinpoint) == (ref.act, ref.pinpoint) for c in chosen):
            chosen.append(ref)

    for ref in refs:
        if ref.act in prof.acts:
            add(ref)
        prefixed = False
        for eq in prof.equivalents.get(ref.act, []):
            exact = eq.get("from") in (None, "", ref.pinpoint) and "from_prefix" not in eq
            # Prefix mappings go from the most to the least specific: the first that fits wins.
            by_prefix = not prefixed and ref.pinpoint.startswith(eq.get("from_prefix", "\0"))
            if exact or by_prefix:
                prefixed = prefixed or by_prefix
                add(Ref(eq["act"], eq.get("pinpoint", ref.pinpoint), eq.get("note", "")))
    if chosen:
        return chosen
    # No reference maps to this profile: still show where the rule comes from, marked as
    # orientation, rather than an empty list a reader would take for "no law applies".
    return [Ref(r.act, r.pinpoint, f"{r.note + '; ' if r.note else ''}for orientation: not law under the {prof.id} profile")
            for r in refs]


def rule(jurisdiction: str, name: str, default: Any = None) -> Any:
    return profile(jurisdiction).rules.get(name, default)


def profile_for_country(country: str) -> str | None:
    """The profile that serves shops established in a country (ISO 3166 alpha-2), if any."""
    for prof in profiles().values():
        if country.upper() in prof.countries:
            return prof.id
    return None


# Signals that point to a jurisdiction. The currency is what the shopper pays in and the seller's
# address where the trader is established; each weighs twice the shop's language, which many
# countries share. Only profiles that exist as data files can be chosen; on a tie the currency
# wins, then the address (consumer law follows the market a shop targets).
CURRENCY_HINTS = {"UAH": "UA", "ILS": "IL", "GBP": "UK", "USD": "US-CA", "RUB": "RU", "EUR": "EU", "PLN": "EU",
                  "CZK": "EU", "SEK": "EU", "DKK": "EU", "HUF": "EU", "RON": "EU", "BGN": "EU"}
LANGUAGE_HINTS = {"uk": "UA", "he": "IL", "ru": "RU", "de": "EU", "fr": "EU", "es": "EU", "it": "EU", "nl": "EU",
                  "pl": "EU", "pt": "EU", "cs": "EU", "sv": "EU", "da": "EU", "fi": "EU", "el": "EU",
                  "ro": "EU", "hu": "EU", "bg": "EU", "sk": "EU", "sl": "EU", "hr": "EU", "lt": "EU",
                  "lv": "EU", "et": "EU"}
SIGNAL_WEIGHT = {"currency": 2, "address": 2, "language": 1}
DEFAULT_JURISDICTION = "EU"


def infer_jurisdiction(artifacts: Any, explicit: str | None) -> tuple[str, str]:
    """(profile id, why). An explicit choice wins; otherwise the shop's currency, the seller's
    address and the shop's language vote, and the reason names every signal that was read."""
    if explicit:
        return profile(explicit).id, "chosen with --jurisdiction"
    from collections import Counter

    known = profiles()
    signals: list[tuple[str, str, str]] = []  # (kind, profile, what was seen)
    currencies = Counter(p.currency for page in artifacts.pages for p in page.prices if p.currency)
    if currencies:
        cur, _ = currencies.most_common(1)[0]
        if CURRENCY_HINTS.get(cur) in known:
            signals.append(("currency", CURRENCY_HINTS[cur], f"currency {cur}"))
    address = _address_signal(artifacts)
    if address:
        signals.append(("address", *address))
    languages = Counter(page.lang for page in artifacts.pages if page.lang)
    if languages:
        lang, _ = languages.most_common(1)[0]
        if LANGUAGE_HINTS.get(lang) in known:
            signals.append(("language", LANGUAGE_HINTS[lang], f"language {lang}"))
    if not signals:
        return DEFAULT_JURISDICTION, (
            "default: no currency, address or language pointed to a profile; choose with --jurisdiction")
    votes: Counter[str] = Counter()
    for kind, prof_id, _seen in signals:
        votes[prof_id] += SIGNAL_WEIGHT[kind]
    order = {prof_id: i for i, (_k, prof_id, _s) in reversed(list(enumerate(signals)))}
    chosen = max(votes, key=lambda p: (votes[p], -order[p]))
    agree = [seen for _k, p, seen in signals if p == chosen]
    differ = [f"{seen} \u2192 {p}" for _k, p, seen in signals if p != chosen]
    reason = "inferred from the shop's " + ", ".join(agree)
    if differ:
        reason += "; outweighed: " + ", ".join(differ)
    return chosen, reason


def _address_signal(artifacts: Any) -> tuple[str, str] | None:
    """(profile, what was seen) from where the seller says it is established."""
    from auditor.policy_sources import seller_countries  # reads pages with the lexicons; late import

    found = seller_countries(artifacts)
    if not found:
        return None
    country, evidence = found[0]
    target = profile_for_country(country)
    if target is None:
        return None
    note = " (outside California: the closest profile)" if target == "US-CA" and "CA" not in evidence else ""
    return target, f"seller address in {country}{note}"
