"""Checkout forms: which field is which, and what the test shopper types into it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from auditor.artifacts import Control
from auditor.text.normalize import normalize

TEXTUAL = {"text", "email", "tel", "number", "search", "url", "textarea", ""}


@cache
def field_rules() -> dict[str, dict[str, list[str]]]:
    return tomllib.loads(resources.files("auditor.journey").joinpath("fields.toml").read_text("utf-8"))


@cache
def personas() -> dict[str, dict[str, Any]]:
    return tomllib.loads(resources.files("auditor.journey").joinpath("personas.toml").read_text("utf-8"))


@dataclass
class Persona:
    country: str
    values: dict[str, Any] = field(default_factory=dict)

    def value(self, name: str) -> str:
        if name == "full_name":
            return f"{self.values.get('first_name', '')} {self.values.get('last_name', '')}".strip()
        return str(self.values.get(name, ""))


def persona_for(country: str | None, overrides: dict[str, Any] | None = None) -> Persona:
    table = personas()
    code = (country or "GB").upper()
    base = dict(table.get(code) or table["GB"])
    base.update(overrides or {})
    return Persona(code if code in table else "GB", base)


COUNTRY_FOR_JURISDICTION = {"EU": "DE", "UK": "GB", "US-CA": "US", "IL": "IL", "UA": "UA"}
COUNTRY_FOR_CURRENCY = {"GBP": "GB", "EUR": "DE", "UAH": "UA", "ILS": "IL", "SAR": "SA", "AED": "SA",
                        "USD": "US", "RUB": "RU"}
COUNTRY_FOR_LANGUAGE = {"en": "GB", "de": "DE", "fr": "FR", "es": "ES", "uk": "UA", "ru": "RU", "he": "IL",
                        "ar": "SA"}


def guess_country(currency: str | None, lang: str | None) -> str:
    return COUNTRY_FOR_CURRENCY.get(currency or "") or COUNTRY_FOR_LANGUAGE.get(lang or "", "GB")


def field_of(control: Control) -> str | None:
    """Which persona field a control asks for, or None if it is not one the journey fills."""
    rules = field_rules()
    tokens = set((control.autocomplete or "").lower().split())
    for name, rule in rules.items():
        if tokens & set(rule.get("autocomplete", [])):
            return name
    ident = f"{control.name or ''} {control.id or ''}".lower().replace("-", "_")
    parts = set(ident.replace("[", " ").replace("]", " ").replace(".", " ").split())
    for name, rule in rules.items():
        for frag in rule.get("name", []):
            frag = frag.replace("-", "_")
            if frag in parts or any(p.endswith("_" + frag) or p.startswith(frag + "_") for p in parts):
                return name
    if control.kind == "email":
        return "email"
    if control.kind == "tel":
        return "phone"
    label = normalize(control.label)
    for name, rule in rules.items():
        if any(normalize(word) in label for word in rule.get("label", [])):
            return name
    return None


def choose_option(control: Control, persona: Persona, field_name: str | None) -> str | None:
    """The option value to select: the persona's country, else the first real option."""
    options = [o for o in control.options if not o.disabled]
    if not options:
        return None
    if field_name == "country":
        wanted = {persona.value("country").lower(), *(n.lower() for n in persona.values.get("country_names", []))}
        for o in options:
            if o.value.lower() in wanted or o.text.strip().lower() in wanted:
                return o.value
    selected = next((o for o in options if o.selected), None)
    if selected is not None and selected.value not in ("", "0", "-1") and selected is not options[0]:
        return selected.value
    real = [o for o in options if o.value not in ("", "0", "-1") and not o.text.strip().startswith(("-", "—", "Select", "Choose"))]
    if field_name == "country" and selected is not None and selected.value:
        return selected.value  # keep the shop's default country rather than guess
    return (real[0] if real else options[0]).value
