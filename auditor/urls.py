"""URL handling shared by the crawler, the checks and the baselines."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that identify a visit rather than a page.
TRACKING_PARAMS = frozenset({
    "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "gclid", "fbclid",
    "yclid", "mc_cid", "mc_eid", "_ga", "ref", "sessionid", "sid", "phpsessid", "jsessionid",
})


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
