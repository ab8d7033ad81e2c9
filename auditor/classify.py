"""What kind of page is this? Decided from structured data, page structure, text and URL.

Structured data is the strongest signal (a Product with an Offer is a product page whatever
the markup), then structure (an address form is a checkout, several add-to-cart buttons a
listing), then headings and title against the lexicons, then the URL. Each decision keeps its
reasons so a reader can tell why a page was treated as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from auditor.artifacts import PageSnapshot
from auditor.text.lexicon import Lexicons

POLICY_KINDS = ("returns", "delivery", "cancellation", "terms", "privacy", "contact", "imprint",
                "about", "payment", "faq", "cookies", "subscription")

# URL words shops use for these pages, transliterated ones included (povernennya, dostavka).
URL_HINTS: dict[str, tuple[str, ...]] = {
    "cart": ("cart", "basket", "bag", "warenkorb", "panier", "carrito", "cesta", "koshyk", "korzina",
             "kosik", "sal", "carrello", "winkelwagen", "koszyk"),
    "checkout": ("checkout", "kasse", "commande", "pago", "oformlennya", "oformlenie", "order",
                 "zamovlennya", "zakaz", "onepage", "tramitar", "finalizar"),
    "account": ("login", "signin", "sign-in", "account", "register", "my-account", "customer",
                "anmelden", "konto", "compte", "cuenta", "kabinet"),
    "product": ("product", "products", "item", "p", "dp", "produkt", "produit", "producto", "tovar",
                "goods"),
    "listing": ("category", "categories", "collections", "collection", "catalog", "catalogue", "shop",
                "kategorie", "categorie", "categoria", "katalog", "c", "sale"),
    "search": ("search", "suche", "recherche", "buscar", "poisk"),
    "returns": ("return", "returns", "refund", "refunds", "widerruf", "retour", "retours",
                "devolucion", "devoluciones", "povernennya", "povernennja", "vozvrat", "obmin",
                "obmen", "withdrawal", "ruecksendung", "rucksendung"),
    "delivery": ("delivery", "shipping", "versand", "lieferung", "livraison", "envio", "envios",
                 "dostavka", "dostavka-i-oplata", "shipping-policy", "postage"),
    "cancellation": ("cancellation", "cancel", "storno", "annulation", "cancelacion", "skasuvannya",
                     "otmena"),
    "terms": ("terms", "agb", "conditions", "cgv", "condiciones", "oferta", "umovy", "usloviya",
              "terms-of-service", "tos", "legal"),
    "privacy": ("privacy", "datenschutz", "confidentialite", "privacidad", "konfidentsiynist",
                "privacy-policy", "gdpr"),
    "contact": ("contact", "contacts", "kontakt", "kontakty", "contacto", "contactez", "contact-us"),
    "imprint": ("imprint", "impressum", "mentions-legales", "aviso-legal", "legal-notice"),
    "about": ("about", "about-us", "ueber-uns", "a-propos", "quienes-somos", "pro-nas", "o-nas"),
    "payment": ("payment", "zahlung", "paiement", "oplata", "payment-methods"),
    "faq": ("faq", "help", "hilfe", "aide", "ayuda", "dopomoga", "pomoshch"),
    "cookies": ("cookie", "cookies", "cookie-policy"),
}

ADDRESS_AUTOCOMPLETE = {"street-address", "address-line1", "postal-code", "address-level2",
                        "shipping", "billing", "country", "tel", "email", "given-name", "family-name"}
POSTAL = re.compile(r"address|street|postcode|postal|zip|city|billing|shipping|address-line1|address-level2", re.I)
ADDRESS_NAME = re.compile(r"address|street|postcode|postal|zip|city|billing|shipping|phone|email"
                          r"|first_?name|last_?name", re.I)


@dataclass
class Classification:
    kind: str = "other"
    policy_kinds: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def _path_words(url: str) -> list[str]:
    path = unquote(urlsplit(url).path).lower()
    return [w for w in re.split(r"[/\-_.]+", path) if w and w not in ("html", "htm", "php", "aspx")]


def _types(items: Iterable[dict]) -> list[str]:
    out: list[str] = []
    for item in items:
        t = item.get("@type")
        if isinstance(t, list):
            out.extend(str(x) for x in t)
        elif t:
            out.append(str(t))
        for nested in item.get("@graph", []) if isinstance(item.get("@graph"), list) else []:
            out.extend(_types([nested]))
    return [t.rsplit("/", 1)[-1] for t in out]


def _headings(page: PageSnapshot) -> str:
    heads = [b.text for b in page.text_blocks if b.tag in ("h1", "h2") and b.region not in ("footer", "nav")]
    return " | ".join([page.title] + heads[:2])


def classify(page: PageSnapshot, lex: Lexicons, link_text: str = "", is_start: bool = False) -> Classification:
    c = Classification()
    langs = [page.lang, "en"] if page.lang else None
    sd = page.structured_data
    types = _types(sd.json_ld) + _types(sd.microdata)
    og_types = [str(o.get("og:type", "")) for o in sd.opengraph]
    words = _path_words(page.final_url or page.url)
    heads = _headings(page)

    add_buttons = [b for b in page.buttons if b.region not in ("footer", "nav")
                   and lex.has("action.add_to_cart", b.text, langs) and not lex.has("action.view_cart", b.text, langs)
                   and not lex.has("action.wishlist", b.text, langs)]
    # The product's own button is not in a card linking to another product.
    own_add = [b for b in add_buttons if not b.card_link]
    address_fields = [c_ for c_ in page.controls if c_.visible and c_.kind in ("text", "email", "tel", "select")
                      and ((c_.autocomplete or "").split(" ")[-1] in ADDRESS_AUTOCOMPLETE
                           or ADDRESS_NAME.search(f"{c_.name or ''} {c_.id or ''}"))]
    qty_fields = [c_ for c_ in page.controls if c_.kind == "number" and c_.visible]
    checkout_buttons = [b for b in page.buttons if lex.has("action.checkout", b.text, langs)]
    checkout_links = [ln for ln in page.links if ln.region == "main" and lex.has("action.checkout", ln.text, langs)]

    # Policy pages first: a returns page may mention products and prices.
    for kind in POLICY_KINDS:
        hit_head = lex.find(f"policy.{kind}", heads, langs)
        hit_link = lex.find(f"policy.{kind}", link_text, langs) if link_text else []
        hit_url = any(w in URL_HINTS.get(kind, ()) for w in words)
        if hit_head or (hit_link and hit_url) or (hit_link and len(link_text) < 60 and not add_buttons):
            c.policy_kinds.append(kind)
            c.reasons.append(f"policy:{kind} from " + ("heading" if hit_head else "link text")
                             + (" and URL" if hit_url else ""))
        elif hit_url and not add_buttons and not types:
            c.policy_kinds.append(kind)
            c.reasons.append(f"policy:{kind} from URL")

    product_sd = "Product" in types or "product" in og_types or any(t.endswith("product") for t in og_types)
    listing_sd = "ItemList" in types or "CollectionPage" in types or types.count("Product") > 1

    if "Product" in types and types.count("Product") == 1 and not listing_sd:
        c.kind = "product"; c.reasons.append("one schema.org Product")
    elif listing_sd:
        c.kind = "listing"; c.reasons.append("schema.org ItemList/CollectionPage or several Products")
    elif len(address_fields) >= 3 and any(
            POSTAL.search(f"{f.name or ''} {f.id or ''} {f.autocomplete or ''}") for f in address_fields):
        # A contact form asks for a name, e-mail and phone too; a checkout asks where to deliver.
        c.kind = "checkout"; c.reasons.append(f"{len(address_fields)} address/contact fields")
    elif any(w in URL_HINTS["checkout"] for w in words) and (address_fields or lex.has("page.checkout", heads, langs)):
        c.kind = "checkout"; c.reasons.append("checkout URL and heading/fields")
    elif lex.has("page.cart", heads, langs) and (qty_fields or checkout_buttons or checkout_links):
        c.kind = "cart"; c.reasons.append("cart heading with quantities or a checkout action")
    elif any(w in URL_HINTS["cart"] for w in words) and (checkout_buttons or checkout_links or qty_fields):
        c.kind = "cart"; c.reasons.append("cart URL with a checkout action")
    elif len(own_add) == 1 or (len(add_buttons) == 1 and qty_fields) or (product_sd and len(add_buttons) <= 1):
        # A lone add button inside a tile linking elsewhere is one tile's (Magento's home shows
        # one <button> among link-styled ones); a quantity box beside it makes it the page's own.
        c.kind = "product"
        c.reasons.append("one add-to-cart button of its own" if own_add or add_buttons else "og:type product")
    elif len(add_buttons) > 1:
        c.kind = "listing"; c.reasons.append(f"{len(add_buttons)} add-to-cart buttons")
    elif c.policy_kinds:
        c.kind = "policy"
    elif lex.has("page.account", heads, langs) and any(x.kind == "password" for x in page.controls):
        c.kind = "account"; c.reasons.append("sign-in heading with a password field")
    elif any(w in URL_HINTS["search"] for w in words):
        c.kind = "search"; c.reasons.append("search URL")
    elif any(w in URL_HINTS["listing"] for w in words) and len(page.prices) >= 3:
        c.kind = "listing"; c.reasons.append("listing URL with several prices")
    elif any(w in URL_HINTS["product"] for w in words[:-1]) and page.prices:
        c.kind = "product"; c.reasons.append("product URL with a price")
    if c.kind == "other" and is_start:
        c.kind = "home"; c.reasons.append("start page")
    elif c.kind == "other" and len(page.prices) >= 4:
        c.kind = "listing"; c.reasons.append("several prices")
    if c.kind not in ("policy", "other", "home"):
        # A shop page that mentions delivery or returns is not a policy page.
        c.policy_kinds = []
    return c
