"""URL handling shared by the crawler, the checks and the baselines."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that identify a visit rather than a page.
TRACKING_PARAMS = frozenset({
    "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "gclid", "fbclid",
    "yclid", "mc_cid", "mc_eid", "_ga", "ref", "sessionid", "sid", "phpsessid", "jsessionid",
})


# Front controllers name the page in the query string: OpenCart's index.php?route=product/product,
# Zen Cart's main_page=, CS-Cart's dispatch=, PrestaShop's controller=. Those keys, and ids
# (product_id=42, path=20_28), are the page's path; sorts, filters and page numbers are variants.
ROUTE_KEYS = frozenset({"route", "_route_", "controller", "main_page", "dispatch", "fc", "module"})
ROUTE_VALUE = re.compile(r"[a-z][\w-]*(?:/[\w-]+)+", re.I)
ID_KEY = re.compile(r"(?:^|_)id$|^(?:path|cpath|cat|category|category_id|products_id)$", re.I)
ID_VALUE = re.compile(r"\d+(?:[_-]\d+)*")
CONTEXT_KEYS = frozenset({"path", "cpath", "cat", "category"})  # the category a product was reached from


def routed_path(url: str) -> tuple[str, list[tuple[str, str]]]:
    """The page a URL names (its path, with routing and id parameters as further segments)
    and the rest of its query. A product reached from a category (…&path=20&product_id=42)
    is the same page as without it: an id drops the category context."""
    parts = urlsplit(url)
    routes: list[str] = []
    ids: list[tuple[str, str]] = []
    rest: list[tuple[str, str]] = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        low = key.lower()
        if low in TRACKING_PARAMS:
            continue
        if (low in ROUTE_KEYS and value[:1].isalpha()) or ROUTE_VALUE.fullmatch(value):
            routes.append(value.strip("/"))
        elif ID_KEY.search(low) and ID_VALUE.fullmatch(value):
            ids.append((low, value))
        else:
            rest.append((key, value))
    if any(k not in CONTEXT_KEYS for k, _ in ids):
        ids = [(k, v) for k, v in ids if k not in CONTEXT_KEYS]
    path = parts.path or "/"
    extra = [r for r in sorted(routes) if r] + [f"{k}:{v}" for k, v in sorted(ids)]
    if extra:
        path = path.rstrip("/") + "/" + "/".join(extra)
    return path, rest


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def same_origin(a: str, b: str) -> bool:
    return origin(a) == origin(b)


def absolute(base: str, href: str) -> str:
    return urljoin(base, href)


def canonical(url: str) -> str:
    """Dedupe key: no fragment, no tracking parameters, sorted query, no trailing slash noise."""
    parts = urlsplit(url)
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS
    )
    path = parts.path or "/"
    if path != "/" and path.endswith("/"):
        path = path[:-1]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))


def normalise_for_identity(url: str) -> str:
    """For fingerprints: the same page on another host (staging vs production) is the same page."""
    parts = urlsplit(canonical(url))
    return urlunsplit(("", "", parts.path, parts.query, ""))


def is_http(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")
