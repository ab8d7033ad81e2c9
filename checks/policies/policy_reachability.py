"""policy-reachability: policies one click from every product and checkout page."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from auditor.artifacts import Artifacts, Link
from auditor.check import Check, CheckContext, CheckResult, Finding
from auditor.jurisdiction import rule
from auditor.legal import Ref
from auditor.text.lexicon import lexicons
from auditor.urls import canonical

# A policy "group" is what a shopper looks for; any of its page kinds satisfies it.
GROUPS: dict[str, tuple[str, ...]] = {
    "returns": ("returns", "cancellation"),
    "delivery": ("delivery", "payment"),
    "terms": ("terms",),
    "contact": ("contact", "imprint"),
    "privacy": ("privacy",),
}
DEFAULT_REQUIRED = ("returns", "delivery", "terms", "contact")
UNREACHABLE = 99
MAX_LINK_TEXT = 48  # a policy link says "Returns", not a sentence that happens to name returns


def key(url: str) -> str:
    """The same page however it was linked: canonical URL, "/x/index.html" as "/x"."""
    url = canonical(url)
    for tail in ("/index.html", "/index.htm", "/index.php"):
        if url.endswith(tail):
            return url[: -len(tail)] or "/"
    return url


@dataclass
class Graph:
    links: dict[str, set[str]] = field(default_factory=dict)  # page -> pages it links to
    policies: dict[str, set[str]] = field(default_factory=dict)  # page -> groups it is a policy of

    def add_links(self, page: str, links: list[Link], langs: list[str | None] | None) -> None:
        lex = lexicons()
        out = self.links.setdefault(page, set())
        for link in links:
            target = key(link.href)
            out.add(target)
            text = (link.text or link.title or "").strip()
            if 0 < len(text) <= MAX_LINK_TEXT:
                for group, kinds in GROUPS.items():
                    if any(lex.has(f"policy.{k}", text, langs) for k in kinds):
                        self.policies.setdefault(target, set()).add(group)

    def distance(self, start: str, group: str, limit: int = 4) -> int:
        """Clicks from `start` to a page of `group` over the crawled link graph."""
        seen = {start}
        queue = deque([(start, 0)])
        while queue:
            node, dist = queue.popleft()
            if dist and group in self.policies.get(node, set()):
                return dist
            if dist >= limit:
                continue
            for nxt in self.links.get(node, ()):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append((nxt, dist + 1))
        return UNREACHABLE


def build_graph(artifacts: Artifacts) -> tuple[Graph, dict[str, list[str]]]:
    """The link graph of crawled pages and journey steps, and the starting pages by origin."""
    graph = Graph()
    starts: dict[str, list[str]] = {"product": [], "checkout": []}
    for page in artifacts.pages:
        langs = [page.lang, "en"] if page.lang else None
        for url in {key(page.url), key(page.final_url)}:
            graph.add_links(url, page.links, langs)
            for group, kinds in GROUPS.items():
                if set(kinds) & set(page.policy_kinds):
                    graph.policies.setdefault(url, set()).add(group)
        if page.kind in starts:
            starts[page.kind].append(key(page.final_url))
    if artifacts.journey:
        for step in artifacts.journey.steps:
            page = artifacts.pages[step.page] if step.page is not None and step.page < len(artifacts.pages) else None
            langs = [page.lang, "en"] if page and page.lang else None
            graph.add_links(key(step.url), step.policy_links + (page.links if page else []), langs)
            if step.kind.startswith("checkout"):
                starts["checkout"].append(key(step.url))
            elif step.kind == "product":
                starts["product"].append(key(step.url))
    return graph, {k: list(dict.fromkeys(v)) for k, v in starts.items()}


class PolicyReachability(Check):
    id = "policy-reachability"
    title = "Policies are one click from product and checkout pages"
    failure_title = "Policies are hard to reach from product or checkout pages"
    category = "policies"
    severity = "moderate"
    references = (
        Ref("CRD", "art. 8(2)"),
        Ref("CRD", "art. 8(3)"),
        Ref("ECD", "art. 5(1)"),
        Ref("CA-BPC", "§ 17538(d)(2)(A)", "where legal name and address must appear"),
    )
    description = """
    What it detects: a product or checkout page from which the returns, delivery, terms or
    contact/imprint page (as the jurisdiction profile requires) is more than one click away, or
    not linked at all. Distance is counted as clicks over the links of the crawled pages and the
    policy links seen at each checkout step, so a footer link on every page is one click, and a
    link that only appears on a separate "Help" page is two.
    Why it harms shoppers: the information the trader must give before the order has to be
    clear and at hand when the shopper decides (CRD art. 8(2) and (3)), and the trader's
    identity must be easily, directly and permanently accessible (E-Commerce Directive
    art. 5(1)). Terms hidden behind several clicks are terms most shoppers never read.
    """
    remedy = ("Link the returns, delivery, terms and contact pages from the footer of every page, "
              "including each checkout step.")
    requires = ("pages",)

    def evaluate(self, artifacts: Artifacts, ctx: CheckContext) -> CheckResult:
        graph, starts = build_graph(artifacts)
        if not any(starts.values()):
            return self.not_assessed("no product or checkout page was reached to measure from")
        required = list(rule(ctx.jurisdiction, "reachable_policies", DEFAULT_REQUIRED))
        table: dict[str, dict[str, dict[str, int | None]]] = {}
        findings: list[Finding] = []
        for origin, pages in starts.items():
            if not pages:
                continue
            table[origin] = {}
            for group in required:
                dist = {p: graph.distance(p, group) for p in pages}
                table[origin][group] = {p: (d if d != UNREACHABLE else None) for p, d in dist.items()}
                far = [p for p, d in dist.items() if d > 1]
                if far:
                    findings.append(self._finding(origin, group, far, dist, len(pages), _as_shown(artifacts)))
        measured = {o: len(p) for o, p in starts.items()}
        return self.judged(findings, passed=f"{', '.join(required)} one click from every product and checkout page",
                           failed=f"{len(findings)} policy link(s) missing or too far",
                           distances=table, measured_from=measured,
                           note=None if starts["checkout"] else "no checkout page was reached; measured from product pages only")

    def _finding(self, origin: str, group: str, far: list[str], dist: dict[str, int], total: int,
                 shown: dict[str, str]) -> Finding:
        worst = max(dist[p] for p in far)
        how = "not linked at all" if worst == UNREACHABLE else f"{worst} clicks away"
        return Finding(
            url=shown.get(far[0], far[0]), key=f"{origin}:{group}",
            message=f"The {group} policy is {how} from {len(far)} of {total} {origin} page(s)",
            observed=f"{group} policy {how}",
            expected=f"a link to the {group} policy on every {origin} page (one click)",
            evidence={"origin": origin, "policy": group,
                      "pages": {p: (dist[p] if dist[p] != UNREACHABLE else "not linked") for p in far[:10]}})


def _as_shown(artifacts: Artifacts) -> dict[str, str]:
    """Each page's key to the URL the shop itself used for it (the key sorts and encodes its query)."""
    shown: dict[str, str] = {}
    for page in artifacts.pages:
        shown.setdefault(key(page.final_url), page.final_url)
    for step in artifacts.journey.steps if artifacts.journey else []:
        shown.setdefault(key(step.url), step.url)
    return shown
