"""The serialisable snapshot of everything the browser saw: gather once, judge many times.

Checks read only these models. Everything here must round-trip through JSON so that
`shop-audit report artifacts.json` can re-judge an audit without a browser.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ARTIFACTS_SCHEMA = "shop-auditor/artifacts/v1"

PageKind = Literal[
    "home", "listing", "product", "cart", "checkout", "policy", "account", "search", "other"
]
PolicyKind = Literal[
    "returns", "delivery", "cancellation", "terms", "privacy", "contact", "imprint", "about",
    "payment", "faq", "cookies", "subscription",
]


class Model(BaseModel):
    model_config = ConfigDict(extra="ignore", ser_json_inf_nan="constants")


class Box(Model):
    """CSS pixels relative to the top of the document (not the viewport)."""

    x: float
    y: float
    width: float
    height: float


class TextBlock(Model):
    """The text of one block-level element, excluding nested blocks."""

    text: str
    locator: str
    tag: str = ""
    role: str | None = None
    region: str = "main"  # header | nav | main | footer | aside | dialog
    box: Box | None = None
    struck: bool = False  # rendered with line-through (or inside del/s/strike)
    lang: str | None = None
    dir: str | None = None
    font_size: float | None = None


class Link(Model):
    href: str
    text: str
    locator: str = ""
    region: str = "main"
    rel: str | None = None
    title: str | None = None


class Option(Model):
    value: str = ""
    text: str = ""
    selected: bool = False
    disabled: bool = False


class Control(Model):
    """A form control as the shopper first sees it (its default state)."""

    kind: str  # checkbox | radio | select | text | email | number | hidden | textarea | ...
    name: str | None = None
    id: str | None = None
    label: str = ""
    value: str | None = None
    checked: bool | None = None  # checkboxes and radios
    required: bool = False
    disabled: bool = False
    visible: bool = True
    options: list[Option] = Field(default_factory=list)
    locator: str = ""
    box: Box | None = None
    region: str = "main"
    form_action: str | None = None
    form_method: str | None = None
    group_label: str | None = None  # fieldset legend or radio-group label
    autocomplete: str | None = None
    min: str | None = None
    max: str | None = None


class Button(Model):
    text: str
    locator: str = ""
    kind: str = "button"  # button | submit | link
    region: str = "main"
    disabled: bool = False
    form_action: str | None = None
    form_method: str | None = None
    href: str | None = None
    box: Box | None = None
    card_link: str | None = None  # the other product a card's button belongs to, if any


class Money(Model):
    amount: Decimal
    currency: str | None = None  # ISO 4217 where known

    def __str__(self) -> str:
        return f"{self.amount} {self.currency or ''}".strip()


class PriceMention(Model):
    """A price as displayed: the raw text, what it parsed to and where it stood."""

    text: str
    amount: Decimal | None
    currency: str | None = None
    locator: str = ""
    box: Box | None = None
    struck: bool = False
    region: str = "main"
    context: str = ""  # text of the enclosing block, for 'was', 'shipping', 'per kg'
    itemprop: str | None = None


class Overlay(Model):
    """A modal, banner or toast covering part of the page."""

    kind: str  # modal | banner | toast | cookie | dialog
    text: str
    locator: str = ""
    box: Box | None = None
    buttons: list[Button] = Field(default_factory=list)
    controls: list[Control] = Field(default_factory=list)
    dismissed_by: str | None = None  # the label of the control the auditor used
    page_url: str | None = None
    late_ms: float | None = None  # appeared this long after the page was read (a delayed pop-up)


class TransientElement(Model):
    """An element added to the DOM after load (toasts, notifications), seen by a MutationObserver."""

    text: str
    locator: str = ""
    appeared_ms: float
    removed_ms: float | None = None
    position: str | None = None  # computed CSS position; toasts are fixed


class JsDialog(Model):
    type: str  # alert | confirm | prompt | beforeunload
    message: str
    page_url: str | None = None


class StructuredData(Model):
    json_ld: list[dict[str, Any]] = Field(default_factory=list)
    microdata: list[dict[str, Any]] = Field(default_factory=list)
    opengraph: list[dict[str, Any]] = Field(default_factory=list)
    rdfa: list[dict[str, Any]] = Field(default_factory=list)


class PageSnapshot(Model):
    url: str
    final_url: str
    status: int | None = None
    content_type: str | None = None
    title: str = ""
    lang: str | None = None  # detected from the text; the page's declared lang is beside it
    lang_declared: str | None = None
    dir: str | None = None
    kind: PageKind = "other"
    policy_kinds: list[PolicyKind] = Field(default_factory=list)
    kind_reasons: list[str] = Field(default_factory=list)
    depth: int = 0
    found_from: str | None = None
    text_blocks: list[TextBlock] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    controls: list[Control] = Field(default_factory=list)
    buttons: list[Button] = Field(default_factory=list)
    prices: list[PriceMention] = Field(default_factory=list)
    structured_data: StructuredData = Field(default_factory=StructuredData)
    overlays: list[Overlay] = Field(default_factory=list)
    transients: list[TransientElement] = Field(default_factory=list)
    dialogs: list[JsDialog] = Field(default_factory=list)
    console_errors: list[str] = Field(default_factory=list)
    popups: list[str] = Field(default_factory=list)  # windows and tabs the page opened (closed unread)
    screenshot: str | None = None  # path relative to the artifacts file
    viewport: Box | None = None
    loaded_at: str | None = None
    load_ms: float | None = None

    def full_text(self) -> str:
        return "\n".join(b.text for b in self.text_blocks)


class TickingElement(Model):
    """Text that changed within one load without navigation, e.g. a running countdown."""

    locator: str
    first: str
    second: str
    interval_ms: float
    box: Box | None = None


class Load(Model):
    """One load of a page in a browser context, for comparison with other loads."""

    index: int
    profile: str  # desktop | mobile | returning | same-session
    context: str  # identifies the browser context: two loads in one context share storage
    started_at: str
    elapsed_s: float  # since the first load of this series
    final_url: str = ""
    status: int | None = None
    text_blocks: list[TextBlock] = Field(default_factory=list)
    prices: list[PriceMention] = Field(default_factory=list)
    ticking: list[TickingElement] = Field(default_factory=list)
    transients: list[TransientElement] = Field(default_factory=list)
    overlays: list[Overlay] = Field(default_factory=list)
    structured_data: StructuredData = Field(default_factory=StructuredData)
    observed_ms: float = 0
    error: str | None = None


class BlockChange(Model):
    """A locator whose text differed between loads."""

    locator: str
    values: list[str | None]  # one per load, None where the element was absent


class RepeatedLoads(Model):
    url: str
    kind: PageKind = "other"
    loads: list[Load] = Field(default_factory=list)
    changes: list[BlockChange] = Field(default_factory=list)


# --- The shopper journey ---------------------------------------------------------------------

LineKind = Literal["item", "shipping", "tax", "fee", "discount", "addon", "subtotal", "total", "other"]


class LedgerLine(Model):
    label: str
    kind: LineKind
    amount: Decimal | None = None  # signed: discounts are negative
    quantity: int | None = None
    unit_price: Decimal | None = None
    text: str = ""
    locator: str = ""


class Ledger(Model):
    """The money a step shows: lines, and the total the shop states."""

    currency: str | None = None
    lines: list[LedgerLine] = Field(default_factory=list)
    subtotal: Decimal | None = None
    total: Decimal | None = None
    total_text: str = ""


class ShippingOption(Model):
    label: str
    amount: Decimal | None = None
    currency: str | None = None
    selected: bool = False
    locator: str = ""


class AddedItem(Model):
    """What the journey itself put in the cart."""

    name: str
    url: str
    quantity: int = 1
    unit_price: Decimal | None = None
    currency: str | None = None
    variant: str | None = None
    accepted: bool = True  # the shop took it into the cart
    message: str | None = None  # what the shop said when adding
    purpose: str = "checkout"  # checkout | out-of-stock probe | scarcity probe
    cart_quantity: int | None = None  # the quantity the cart showed for it


StepKind = Literal[
    "listing", "product", "add-to-cart", "cart", "checkout-entry", "checkout-login",
    "checkout-contact", "checkout-address", "checkout-shipping", "checkout-payment",
    "checkout-review", "coupon", "other",
]


class JourneyStep(Model):
    index: int
    kind: StepKind
    url: str
    title: str = ""
    action: str = ""  # what the shopper did to get here
    ledger: Ledger | None = None
    shipping_options: list[ShippingOption] = Field(default_factory=list)
    controls: list[Control] = Field(default_factory=list)
    buttons: list[Button] = Field(default_factory=list)
    policy_links: list[Link] = Field(default_factory=list)
    primary_button: str | None = None
    messages: list[str] = Field(default_factory=list)  # notices, errors, coupon answers
    page: int | None = None  # index into Artifacts.pages for the full snapshot
    at: str | None = None


class StopPoint(Model):
    """Where the journey stopped and why; the button it refused to press."""

    url: str
    reason: str
    button: Button | None = None


class Journey(Model):
    reached: str = "none"  # the furthest StepKind reached, or "none"
    guest_checkout: bool | None = None  # None: never saw a checkout entry
    steps: list[JourneyStep] = Field(default_factory=list)
    added: list[AddedItem] = Field(default_factory=list)
    stop: StopPoint | None = None
    notes: list[str] = Field(default_factory=list)


class AuditError(Model):
    url: str | None = None
    stage: str = "crawl"  # crawl | load | repeat | journey | check | report
    error: str


class AuditSettingsRecord(Model):
    """The settings the audit ran with, as recorded (never any secret)."""

    values: dict[str, Any] = Field(default_factory=dict)


class Artifacts(Model):
    schema_: str = Field(default=ARTIFACTS_SCHEMA, alias="schema")
    tool_version: str = ""
    target: str
    started_at: str
    duration_s: float = 0.0
    browser: str | None = None
    settings: dict[str, Any] = Field(default_factory=dict)
    pages: list[PageSnapshot] = Field(default_factory=list)
    repeated: list[RepeatedLoads] = Field(default_factory=list)
    journey: Journey | None = None
    errors: list[AuditError] = Field(default_factory=list)
    skipped: list[dict[str, str]] = Field(default_factory=list)  # URLs not visited and why
    timings: dict[str, float] = Field(default_factory=dict)  # seconds per stage: crawl, repeat, journey

    model_config = ConfigDict(populate_by_name=True, extra="ignore")

    def pages_of_kind(self, *kinds: str) -> list[PageSnapshot]:
        return [p for p in self.pages if p.kind in kinds]

    def page_for(self, url: str) -> PageSnapshot | None:
        for p in self.pages:
            if url in (p.url, p.final_url):
                return p
        return None

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=1)

    @classmethod
    def from_json(cls, text: str) -> "Artifacts":
        return cls.model_validate_json(text)
