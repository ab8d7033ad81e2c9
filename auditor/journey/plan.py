"""The journey file: overrides for shops where the heuristics fail.

TOML or YAML, every key optional:

    products = ["https://shop.example/p/mug"]      # product pages to buy (else picked from the crawl)
    quantity = 1
    cart_url = "https://shop.example/cart"
    checkout_url = "https://shop.example/checkout"
    country = "DE"                                  # test persona
    coupons = ["WELCOME10"]                         # codes to try in the cart
    [persona]                                       # any persona field
    email = "qa@shop.example"
    [selectors]                                     # CSS selectors, per step
    add_to_cart = "button.add"
    view_cart = "a.cart"
    checkout = "a.checkout"
    guest = "#guest"
    continue = "button.next"
    final = "#place-order"                          # the button the journey must stop before
    [[steps]]                                       # extra actions on a page, in order
    url_contains = "/checkout/address"
    fill = { "#vat" = "DE123" }
    click = "#accept-terms"

Secrets (a login password) never belong here: use --http-password-env or --storage-state.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field


class StepOverride(BaseModel):
    url_contains: str
    fill: dict[str, str] = Field(default_factory=dict)
    click: str | None = None


class JourneyPlan(BaseModel):
    products: list[str] = Field(default_factory=list)
    quantity: int = Field(1, ge=1, le=99)
    max_products: int = Field(2, ge=1, le=5)
    cart_url: str | None = None
    checkout_url: str | None = None
    country: str | None = None
    coupons: list[str] = Field(default_factory=list)
    persona: dict[str, Any] = Field(default_factory=dict)
    selectors: dict[str, str] = Field(default_factory=dict)
    steps: list[StepOverride] = Field(default_factory=list)
    max_steps: int = Field(8, ge=1, le=20)


def load_plan(path: str | None) -> JourneyPlan:
    if not path:
        return JourneyPlan()
    file = Path(path)
    if not file.is_file():
        raise ValueError(f"journey file not found: {path}")
    text = file.read_text(encoding="utf-8")
    if file.suffix.lower() in (".yml", ".yaml"):
        import yaml

        data = yaml.safe_load(text) or {}
    else:
        data = tomllib.loads(text)
    return JourneyPlan.model_validate(data)
