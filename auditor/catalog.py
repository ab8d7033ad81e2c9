"""One product as the shop shows it in several places: its own page, its structured data, its
tile on listing pages and its row in the cart.

Product pages are keyed by their URL without query or fragment ("/p/mug/" and "/p/mug/index.html"
are one page). A listing tile is the smallest part of a listing page that holds a link to the
product and no link to another product: its prices, badges and buttons are that product's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlsplit

from auditor import structured
from auditor.artifacts import AddedItem, Artifacts, Button, LedgerLine, PageSnapshot, PriceMention, TextBlock
from auditor.checkkit import langs_of
from auditor.text.lexicon import Lexicons
from auditor.text.normalize import normalize
from auditor.urls import routed_path

# Price contexts that are not the product's own price: delivery, fees, savings, unit prices.
NOT_THE_PRICE = ("price.shipping", "price.shipping_rule", "price.shipping_free", "price.fee", "price.discount",
                 "price.per_unit", "promo_condition.min_spend", "price.prior_30d", "price.was")


def url_key(url: str) -> str:
    """One key per page: host and path, with the query's routing and ids (OpenCart's
    ?route=product/product&product_id=42) but without sorts, filters and variants."""
    parts = urlsplit(url)
    path = routed_path(url)[0]
    for tail in ("/index.html", "/index.htm", "/index.php"):
        if path.endswith(tail):
            path = path[: -len(tail)] + "/"
    return f"{parts.hostname or ''}{path.rstrip('/') or '/'}"


def segments(locator: str) -> list[str]:
    return [s.strip() for s in locator.split(" > ")]


def inside(locator: str, root: str) -> bool:
    """Is the element at `locator` inside (or at) `root`? Compared segment by segment, so that
    li:nth-of-type(1) is not a prefix of li:nth-of-type(10)."""
    a, r = segments(locator), segments(root)
    return len(a) >= len(r) and a[: len(r)] == r


@dataclass
class Tile:
    page: PageSnapshot
    url: str  # the product's page, as linked
    root: str  # locator of the tile
    prices: list[PriceMention] = field(default_factory=list)
    blocks: list[TextBlock] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(b.text for b in self.blocks)

    def current_prices(self) -> list[Decimal]:
        return sorted({p.amount for p in self.prices if not p.struck and p.amount is not None and p.amount > 0})


def product_urls(artifacts: Artifacts) -> set[str]:
    return {url_key(p.final_url) for p in artifacts.pages if p.kind == "product"}


def tiles(page: PageSnapshot, products: set[str]) -> dict[str, Tile]:
    """Product tiles on a page (listing, home, or the related products of a product page).

    A tile's root is the highest ancestor of a product link (at most three levels up) that
    holds no link to another product and not the page's own heading.
    """
    own = url_key(page.final_url)
    # Links back to the page itself (anchors, "?add-to-cart=" on WooCommerce) belong to no tile.
    links = [ln for ln in page.links if ln.region not in ("header", "nav", "footer")
             and url_key(ln.href) in products and url_key(ln.href) != own and ln.locator]
    if not links:
        return {}
    h1s = [b.locator for b in page.text_blocks if b.tag == "h1"]
    roots: dict[str, str] = {}
    for ln in links:
        key = url_key(ln.href)
        segs = segments(ln.locator)
        best = None
        for up in range(1, 4):
            if len(segs) - up < 2:
                break
            root = " > ".join(segs[: len(segs) - up])
            if any(url_key(o.href) != key and inside(o.locator, root) for o in links):
                break
            if any(inside(h, root) for h in h1s):
                break
            best = root
        if best is not None and (key not in roots or len(segments(best)) < len(segments(roots[key]))):
            roots[key] = best
    out: dict[str, Tile] = {}
    for key, root in roots.items():
        out[key] = Tile(page=page, url=key, root=root,
                        prices=[p for p in page.prices if inside(p.locator, root)],
                        blocks=[b for b in page.text_blocks if inside(b.locator, root)],
                        buttons=[b for b in page.buttons if inside(b.locator, root)])
    return out


def tile_roots(page: PageSnapshot, products: set[str]) -> tuple[str, ...]:
    return tuple(t.root for t in tiles(page, products).values())


def product_name(page: PageSnapshot) -> str:
    h1 = next((b.text for b in page.text_blocks if b.tag == "h1" and b.region == "main"), None)
    if h1:
        return h1
    for item in structured.products(page.structured_data):
        name = structured.name_of(item)
        if name:
            return name
    return page.title


@dataclass(frozen=True)
class SdPrice:
    amount: Decimal
    currency: str | None
    net: bool  # the offer says VAT is not included


def sd_prices(page: PageSnapshot) -> list[SdPrice]:
    out: list[SdPrice] = []
    for item in structured.products(page.structured_data):
        for offer in structured.offers(item):
            amount = structured.price_of(offer)
            if amount is None or amount <= 0:
                continue
            spec = offer.get("priceSpecification") if isinstance(offer.get("priceSpecification"), dict) else {}
            net = str(offer.get("valueAddedTaxIncluded", spec.get("valueAddedTaxIncluded", ""))).lower() == "false"
            found = SdPrice(amount, structured.currency_of(offer), net)
            if found not in out:
                out.append(found)
    for og in page.structured_data.opengraph:
        for key in ("product:price:amount", "og:price:amount"):
            raw = og.get(key) if isinstance(og, dict) else None
            if raw:
                try:
                    amount = Decimal(str(raw).replace(",", ".").strip())
                except Exception:  # noqa: BLE001 - a malformed meta tag is simply not a price
                    continue
                cur = og.get(key.replace("amount", "currency"))
                found = SdPrice(amount, str(cur).upper()[:3] if cur else None, False)
                if amount > 0 and found not in out:
                    out.append(found)
    return out


def shown_prices(page: PageSnapshot, lex: Lexicons, products: set[str]) -> list[PriceMention]:
    """The prices a product page shows for its product: main content, not struck, not inside
    another product's tile, not a delivery charge, fee, saving or unit price."""
    langs = langs_of(page)
    roots = tile_roots(page, products)
    out = []
    for p in page.prices:
        if p.struck or p.amount is None or p.amount <= 0 or p.region not in ("main", "aside"):
            continue
        if any(inside(p.locator, r) for r in roots):
            continue
        if p.context and any(lex.has(c, p.context, langs) for c in NOT_THE_PRICE):
            continue
        out.append(p)
    return out


def all_unstruck(page: PageSnapshot, products: set[str]) -> list[Decimal]:
    """Every price the page shows outside other products' tiles, whatever its context."""
    roots = tile_roots(page, products)
    return [p.amount for p in page.prices if not p.struck and p.amount is not None
            and not any(inside(p.locator, r) for r in roots) and p.region not in ("header", "nav", "footer")]


def name_score(name: str, text: str) -> float:
    """Share of the product name's words (longer than two letters) that appear in the text."""
    words = [w for w in normalize(name).split() if len(w) > 2]
    if not words:
        return 0.0
    hay = normalize(text)
    return sum(w in hay for w in words) / len(words)


def name_matches(name: str, text: str) -> bool:
    """The journey's rule: most words of the product name appear."""
    return name_score(name, text) >= 0.6


def cart_line(item: AddedItem, lines: list[LedgerLine]) -> LedgerLine | None:
    """The cart row for an item the journey added: the row naming it best. "Coffee grinder,
    hand" and "Coffee roaster, hand" share most words, so a tie between rows is no match."""
    scored = sorted(((name_score(item.name, f"{ln.label} {ln.text}"), i) for i, ln in enumerate(lines) if ln.kind == "item"),
                    reverse=True)
    if not scored or scored[0][0] < 0.6 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return lines[scored[0][1]]


def line_unit_price(line: LedgerLine) -> Decimal | None:
    if line.unit_price is not None:
        return line.unit_price
    if line.amount is None:
        return None
    if line.quantity and line.quantity > 1:
        return None  # a line total and a quantity: the unit price is not shown, do not divide
    return line.amount


def pages_by_product(artifacts: Artifacts) -> dict[str, list[PageSnapshot]]:
    """Product pages by URL key: the crawl's snapshot and the journey's, if both exist."""
    out: dict[str, list[PageSnapshot]] = {}
    for p in artifacts.pages:
        if p.kind == "product":
            out.setdefault(url_key(p.final_url), []).append(p)
    return out
