"""Render the discovery portals into folders that ``tests/sampleweb.py`` serves, with a manifest each.

``python tests/discoveryweb/build.py OUT [KEY ...]`` writes, per portal::

    OUT/<key>/www/...            the pages (a URL with a query maps through www/_routes.json)
    OUT/<key>/www/robots.txt
    OUT/<key>/manifest.json      family, home, articles (path, title, published, short, reachable), not_articles

An article is reachable when a crawler can get to it from the home page by plain links
(``href``, not ``javascript:``), on the portal's host and allowed by its robots.txt; the
manifest computes that from the pages themselves rather than trusting the family's word.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).parent))

import families  # noqa: E402
from portal import Portal, iso  # noqa: E402

FAMILIES: list[type[Portal]] = [
    cls for cls in vars(families).values() if isinstance(cls, type) and issubclass(cls, Portal) and cls is not Portal
]
HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
FILES = re.compile(r"\.(pdf|docx?|xlsx?|jpe?g|png|gif|zip)$", re.IGNORECASE)


def portals(keys: list[str] | None = None) -> list[Portal]:
    chosen = [cls() for cls in FAMILIES if not keys or cls.key in keys]
    unknown = set(keys or ()) - {p.key for p in chosen}
    if unknown:
        raise ValueError(f"unknown discovery portal: {', '.join(sorted(unknown))}")
    return chosen


def disallowed(robots: str) -> list[str]:
    return [line.split(":", 1)[1].strip() for line in robots.splitlines() if line.lower().startswith("disallow:") and line.split(":", 1)[1].strip()]


def reachable(pages: dict[str, str], robots: str) -> set[str]:
    """The pages a crawler reaches from "/" by following plain on-site links."""
    blocked = disallowed(robots)
    seen, todo = {"/"}, ["/"]
    while todo:
        url = todo.pop()
        for href in HREF.findall(pages[url]):
            href = html.unescape(href).strip()
            if href.startswith(("javascript:", "mailto:", "#")) or not href:
                continue
            absolute = urljoin("http://portal.test" + url, href)
            parts = urlsplit(absolute)
            if parts.netloc != "portal.test" or FILES.search(parts.path):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target in pages and target not in seen and not any(target.startswith(b) for b in blocked):
                seen.add(target)
                todo.append(target)
    return seen


def manifest(portal: Portal, pages: dict[str, str]) -> dict:
    reached = reachable(pages, portal.robots)
    articles = set(portal.article_urls())
    return {
        "key": portal.key,
        "family": portal.family,
        "name": portal.name,
        "home": "/",
        "articles": [
            {
                "path": portal.article_url(s), "title": s.title, "published": iso(s.published), "author": s.author,
                "short": s.short, "body_chars": s.body_chars, "section": s.section,
                "reachable": portal.article_url(s) in reached,
            }
            for s in portal.stories
        ],
        "not_articles": sorted(url for url in pages if url not in articles),
    }


def write_site(portal: Portal, out: Path) -> Path:
    site = out / portal.key
    www = site / "www"
    pages = portal.pages()
    routes = {}
    # A path that is also a folder of other paths ("/index.php/xay-dung-dang" and
    # "/index.php/xay-dung-dang/12-slug") is written as that folder's index.html.
    paths = [u.split("?")[0] for u in pages]
    folders = {p[:i] for p in paths for i in range(1, len(p)) if p[i] == "/"}
    for n, (url, page) in enumerate(sorted(pages.items())):
        path, _, query = url.partition("?")
        if query:
            file = f"q/{n}.html"
            routes[url] = file
        elif path.endswith("/") or path in folders:
            file = path.strip("/") + "/index.html" if path.strip("/") else "index.html"
        else:
            file = path.lstrip("/")
        target = www / file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, "utf-8")
    (www / "_routes.json").write_text(json.dumps(routes, indent=1, ensure_ascii=False), "utf-8")
    (www / "robots.txt").write_text(portal.robots, "utf-8")
    # A registry entry with no patterns, so that ``tests/sampleweb.py --sites OUT`` serves the portals too.
    (site / "source.toml").write_text(
        f'name = "{portal.name}"\nprovince = ""\nkind = "unknown"\nhome = "{{origin}}/"\n'
        f'start_urls = ["{{origin}}/"]\ndomains = ["{{host}}"]\n', "utf-8",
    )
    (site / "manifest.json").write_text(json.dumps(manifest(portal, pages), indent=1, ensure_ascii=False), "utf-8")
    return site


def build(out: Path, keys: list[str] | None = None) -> list[Path]:
    return [write_site(portal, out) for portal in portals(keys)]


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__.splitlines()[2].strip())
    for site in build(Path(sys.argv[1]), sys.argv[2:] or None):
        data = json.loads((site / "manifest.json").read_text("utf-8"))
        unreachable = sum(not a["reachable"] for a in data["articles"])
        print(f"{data['key']:<12} {len(data['articles'])} articles ({unreachable} unreachable), {len(data['not_articles'])} other pages  {data['family']}")
