"""``newsarchive probe``: what a portal offers today, read the way a crawl reads it, to keep the registry true.

Plain urllib, no Scrapy reactor: robots.txt first and obeyed, then the home page, its feeds and
sitemaps, its sections (``crawler.discovery.links``), the article links on them and the rule that took each
(the registry's pattern or a generic URL shape, ``crawler.discovery.listing``'s item blocks), a few articles
extracted, the CMS family whose article paths match them, and a draft registry entry. A source is
ok, moved (its home page now redirects off its domains) or broken (with why).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from archive.provinces import portal_province
from archive.shapes import PortalShapes

from crawler.extract import ExtractionError, article_from_tree, parse_html
from crawler.extract.titles import home_page_name, site_name
from crawler.extract.verdict import PageFacts, not_an_article
from crawler.discovery.links import LinkClassifier, is_pagination, page_links
from crawler.discovery.listing import Listing, read_listing
from crawler.sources.registry import Source
from crawler.crawl.settings import DOWNLOAD_MAXSIZE, USER_AGENT
from crawler.discovery.shapes import article_pattern, draft_entry, listing_pattern

MAX_SECTIONS = 3
MAX_ARTICLES = 3
MAX_TRIES = 8  # article pages fetched, at most, to get MAX_ARTICLES that are articles
PARTY_SECTION = re.compile(r"xay[-_]?dung[-_]?dang|chinh[-_]?tri|dang[-_]?bo|cong[-_]?tac[-_]?dang|thoi[-_]?su|tin[-_]?tuc")
FEED_TYPES = ("application/rss+xml", "application/atom+xml")


class ProbeFailure(Exception):
    """A page that could not be had; the message says why in a few words."""


def fetch_page(url: str, timeout: float) -> tuple[str, bytes]:
    """One GET with the project's User-Agent: the final URL (after redirects) and at most
    ``DOWNLOAD_MAXSIZE`` + 1 bytes of the body (so a caller can tell a page over the limit);
    ProbeFailure, saying why in a few words, when it cannot be had."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.geturl(), response.read(DOWNLOAD_MAXSIZE + 1)
    except urllib.error.HTTPError as exc:
        raise ProbeFailure("redirect loop" if 300 <= exc.code < 400 else f"HTTP {exc.code}") from None
    except (TimeoutError, urllib.error.URLError, ConnectionError, OSError) as exc:
        raise ProbeFailure(str(getattr(exc, "reason", exc))) from None


class Fetcher:
    """GETs with the project's User-Agent and a timeout, each origin's robots.txt asked first and obeyed."""

    def __init__(self, timeout: float):
        self.timeout = timeout
        self.robots: dict[str, RobotFileParser] = {}
        self.with_robots: set[str] = set()  # origins that serve a robots.txt

    def robots_for(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            parser = RobotFileParser(origin + "/robots.txt")
            try:
                parser.parse(self._get(origin + "/robots.txt")[1].decode("utf-8", "replace").splitlines())
                self.with_robots.add(origin)
            except ProbeFailure:
                parser.parse([])  # none (or unreadable): everything allowed, as Scrapy does
            self.robots[origin] = parser
        return self.robots[origin]

    def get(self, url: str) -> tuple[str, bytes]:
        """The final URL (after redirects) and the body; ProbeFailure when robots.txt or the server refuses."""
        if not self.robots_for(url).can_fetch(USER_AGENT, url):
            raise ProbeFailure("robots.txt disallows it")
        return self._get(url)

    def _get(self, url: str) -> tuple[str, bytes]:
        final, body = fetch_page(url, self.timeout)
        if len(body) > DOWNLOAD_MAXSIZE:
            raise ProbeFailure(f"over {DOWNLOAD_MAXSIZE // 2**20} MB")
        return final, body


@dataclass
class Report:
    key: str
    home: str
    status: str = "ok"  # ok | moved | broken
    why: str = ""
    robots: bool = False
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    sections: list[tuple[str, str, int]] = field(default_factory=list)  # URL, anchor text, article links on it
    links: dict[str, list[str]] = field(default_factory=dict)  # article link -> the rules that took it
    articles: list[dict] = field(default_factory=list)
    family: tuple[str, int] | None = None  # CMS family, article links its paths match
    draft: str = ""

    def line(self) -> str:
        return f"{self.key:<24} {self.status}" + (f": {self.why}" if self.why else "")


def _sections(source: Source, root, base: str) -> list[tuple[str, str]]:
    """The entry's start pages, then the home page's section links, party-building ones first."""
    classifier = LinkClassifier(source)
    homes = {source.home.rstrip("/"), base.rstrip("/")}
    found = [(url, "start page") for url in source.start_urls if url.rstrip("/") not in homes]
    menu = [(link.url, link.menu_text or link.text) for link in page_links(root, base, source)
            if classifier.is_listing(link) and not is_pagination(link) and link.url.rstrip("/") not in homes]
    menu.sort(key=lambda item: not PARTY_SECTION.search(item[0].lower()))
    return list({url: text for url, text in reversed(found + menu)}.items())[::-1][:MAX_SECTIONS]


def _article_links(source: Source, root, url: str) -> tuple[dict[str, list[str]], Listing]:
    """A listing page's article links, each with the rules that take it, and the page read by structure."""
    classifier = LinkClassifier(source)
    by_url = "registry pattern" if source.article_pattern is not None else "URL shape"
    found: dict[str, list[str]] = {}
    for link in page_links(root, url, source):
        if classifier.is_article(link):
            found.setdefault(link.url, []).append(by_url)
    listing = read_listing(root, url, source)
    for link in listing.items:
        found.setdefault(link.url, []).append("listing structure")
    return found, listing


def _article(source: Source, url: str, page: bytes) -> dict | None:
    """What extraction makes of a page, or None when it is no article."""
    try:
        tree = parse_html(page)
        facts = PageFacts.read(tree)  # before extraction prunes the tree
        article = article_from_tree(tree, url, source.extract, site=source.name)
        if not_an_article(article, facts):
            return None
    except ExtractionError:
        return None
    first = next((line for line in article.text.splitlines() if line.strip()), "")
    return {"url": url, "title": article.title, "published": article.published, "date_source": article.date_source,
            "author": article.author, "first_line": first[:160], "words": article.word_count}


def recognise(urls: list[str], families: dict[str, dict]) -> tuple[str, int] | None:
    """The CMS family whose article path matches the most of ``urls`` (host left aside), and how many;
    of two that match as many, the one saying least (the family made for that shape)."""
    targets = [urlsplit(u).path + (f"?{urlsplit(u).query}" if urlsplit(u).query else "") for u in urls]
    counts = []
    for name, family in families.items():
        if path := family.get("article_path"):
            counts.append((sum(bool(re.match(path, t)) for t in targets), -len(path), name))
    hits, _, name = max(counts, default=(0, 0, ""))
    return (name, hits) if hits else None


def _draft_row(source: Source, root, final: str) -> tuple[dict, str]:
    """The entry as a draft starts from. A portal the registry does not know is named as its home page
    names the site (its og:site_name, then its <title>), not after its host; a province the registry
    does not give is read from those names or the host. With where the province was read, or why not."""
    row = source.as_row()
    named, title = site_name(root), root.findtext(".//title") or ""
    if source.name in source.domains:  # an entry made from a URL, named after its host
        row["name"] = named or home_page_name(title) or source.name
    if source.province:
        return row, ""
    found, why = portal_province([named, title], urlsplit(final).hostname or "")
    return {**row, "province": found.name if found else None}, why


def probe(source: Source, families: dict[str, dict], timeout: float) -> Report:
    report = Report(source.key, source.home)
    fetcher = Fetcher(timeout)
    try:
        final, body = fetcher.get(source.home)
        root = parse_html(body)
    except (ProbeFailure, ExtractionError) as exc:
        report.status, report.why = "broken", f"home page: {exc}"
        return report
    if not source.on_domain(final):
        report.status, report.why = "moved", f"home page redirects to {final}"
        return report
    robots = fetcher.robots_for(final)
    report.robots = any(final.startswith(origin + "/") for origin in fetcher.with_robots)
    report.feeds = list(dict.fromkeys([*(urljoin(final, h.strip()) for h in root.xpath(
        "//link[contains(@rel, 'alternate')][" + " or ".join(f"@type='{t}'" for t in FEED_TYPES) + "]/@href")), *source.feeds]))
    report.sitemaps = list(dict.fromkeys([*(robots.site_maps() or []), *source.sitemaps]))
    gave, structure = [], Listing()
    for url, text in _sections(source, root, final):
        try:
            _, page = fetcher.get(url)
            links, listing = _article_links(source, parse_html(page), url)
        except (ProbeFailure, ExtractionError) as exc:
            report.sections.append((url, f"{text} ({exc})", 0))
            continue
        report.sections.append((url, text, len(links)))
        if links:
            gave.append(url)
            structure = structure if structure.item_xpath else listing
        for link, rules in links.items():
            report.links.setdefault(link, []).extend(r for r in rules if r not in report.links.get(link, []))
    # Links a URL rule takes first: the structure alone also proposes the odd non-article.
    for url in sorted(report.links, key=lambda u: report.links[u] == ["listing structure"])[:MAX_TRIES]:
        if len(report.articles) == MAX_ARTICLES:
            break
        try:
            article = _article(source, url, fetcher.get(url)[1])
        except ProbeFailure:
            continue
        if article:
            report.articles.append(article)
    confirmed = [a["url"] for a in report.articles]
    report.family = recognise(confirmed or list(report.links), families)
    if not confirmed:
        report.status = "broken"
        report.why = f"no article on {len(report.sections)} sections ({len(report.links)} article links)" if report.sections else "no section found on the home page"
        return report
    shapes = PortalShapes(source=source.key, start_urls=gave, article_pattern=article_pattern(confirmed, gave),
                          listing_pattern=listing_pattern(gave), item_xpath=structure.item_xpath, pager=structure.pager,
                          examples=confirmed)
    row, province_why = _draft_row(source, root, final)
    draft = draft_entry(row, shapes, province_why)
    report.draft = draft.replace("\nfeeds = ", f'\ncms = "{report.family[0]}"\nfeeds = ', 1) if report.family else draft
    return report


def describe(report: Report, shown: int = 10) -> list[str]:
    """The report as ``probe`` prints it for one source."""
    lines = [f"probe {report.key}: {report.home}",
             f"robots.txt: {'found' if report.robots else 'none'}",
             f"feeds: {', '.join(report.feeds) or 'none'}",
             f"sitemaps: {', '.join(report.sitemaps) or 'none'}",
             f"sections ({len(report.sections)}):"]
    lines += [f"  {url}  {text!r}: {count} article links" for url, text, count in report.sections]
    lines.append(f"article links ({len(report.links)}):")
    lines += [f"  {url}  [{', '.join(rules)}]" for url, rules in list(report.links.items())[:shown]]
    if len(report.links) > shown:
        lines.append(f"  ... {len(report.links) - shown} more")
    lines.append(f"articles ({len(report.articles)}):")
    for a in report.articles:
        lines += [f"  {a['url']}", f"    title: {a['title']}", f"    date: {a['published']} ({a['date_source']})",
                  f"    author: {a['author']}", f"    first line: {a['first_line']}", f"    words: {a['words']}"]
    family = report.family
    lines.append(f"cms family: {family[0]} ({family[1]} of {len(report.articles) or len(report.links)} article URLs)" if family else "cms family: none recognised")
    if report.draft:
        lines += ["draft entry:", *(f"  {line}" for line in report.draft.splitlines())]
    lines.append(f"status: {report.status}" + (f": {report.why}" if report.why else ""))
    return lines
