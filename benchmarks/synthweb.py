"""A deterministic synthetic web of party-building portals in the five sample styles, for benchmarks.

Each portal wears one sample portal's page (header, menus, sidebars, furniture, footer) with
generated articles in it: headline, date line and body change, the furniture stays. Pages are
made on request from (portal, article, seed), so nothing is written to disk and the web can be
as large as a benchmark wants. Each portal listens on its own port on 127.0.0.1.

    python benchmarks/synthweb.py --portals 50 --articles 200 --registry DIR --port-file FILE
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from lxml import html

sys.path.insert(0, str(Path(__file__).parent.parent))
from crawler.extract.text import one_line  # noqa: E402

SITES = Path(__file__).parent.parent / "tests" / "sites"
PER_LISTING = 20
WORDS = (
    "đảng viên chi bộ đảng bộ cấp ủy kết nạp kiểm tra giám sát nghị quyết điều lệ Đảng sinh hoạt "
    "học tập quán triệt tổ chức cơ sở đảng cán bộ công tác xây dựng chỉnh đốn nâng cao chất lượng "
    "năng lực lãnh đạo sức chiến đấu Ban Thường vụ Huyện ủy Tỉnh ủy xã phường thôn bản hội nghị "
    "tổng kết sơ kết nhiệm kỳ đại hội đại biểu phát triển quần chúng ưu tú bồi dưỡng lý luận chính trị "
    "tư tưởng đạo đức phong cách Hồ Chí Minh nêu gương trách nhiệm người đứng đầu kỷ luật kỷ cương"
).split()


@dataclass(frozen=True)
class Style:
    """One sample portal's article page with slots for headline, date line and body."""

    key: str
    page: str  # serialized template with {{TITLE}}, {{DATE}}, {{BODY}} slots
    date_sample: str
    article_path: str  # with {slug}, {id} and {yyyymm}
    article_pattern: str


ARTICLE_PATHS = {
    "haugiang": ("/xay-dung-dang/{slug}-{id}.html", r"/xay-dung-dang/[a-z0-9-]+-\d{6}\.html$"),
    "phunuthudo": ("/{slug}-post{id}.html", r"/[a-z0-9-]+-post\d+\.html$"),
    "baolamdong": ("/chinh-tri/{yyyymm}/{slug}-{id}/", r"/chinh-tri/\d{6}/[a-z0-9-]+-\d+/$"),
    "namdinh-khoi": ("/web/guest/tin-tuc-su-kien/-/asset_publisher/kXq7Tn2B/content/{slug}-{id}", r"/-/asset_publisher/[^/]+/content/"),
    "sopcop": ("/Default.aspx?tabid=91&ItemID={id}", r"ItemID=\d+"),
}


def _deepest_with_text(tree, wanted: str | None):
    matches = [e for e in tree.iter() if isinstance(e.tag, str) and one_line("".join(e.itertext())) == wanted]
    return matches[-1] if matches else None


def _containing(tree, fragment: str):
    matches = [e for e in tree.iter() if isinstance(e.tag, str) and fragment in one_line("".join(e.itertext()))]
    return matches[-1] if matches else None


def load_style(key: str) -> Style:
    """Turn the site's first expected article into a template."""
    from crawler.extract.published import find_published
    from crawler.extract.article import _main_container, parse_html
    from crawler.extract.titles import find_title

    expected = json.loads((SITES / key / "expected.json").read_text("utf-8"))
    article = next(a for a in expected["articles"] if a["author"] and a["published"])
    www = SITES / key / "www"
    routes = json.loads((www / "_routes.json").read_text("utf-8")) if (www / "_routes.json").exists() else {}
    target = www / (routes.get(article["path"]) or article["path"].lstrip("/"))
    tree = parse_html((target / "index.html" if target.is_dir() else target).read_text("utf-8"))
    _, title = find_title(tree)
    line = find_published(tree, title, "http://x/").line
    date = _deepest_with_text(tree, line)
    container = _main_container(tree)
    lead = _containing(tree, article["body"][0][:40])
    for element in (title, date):
        for child in list(element):
            element.remove(child)
    title.text, date.text = "{{TITLE}}", "{{DATE}}"
    for link in tree.xpath("//link[@rel='canonical'] | //meta[@property='og:url']"):
        link.getparent().remove(link)
    for child in list(container):
        container.remove(child)
    container.text = "{{BODY}}"
    if lead is not None and container not in lead.iterancestors():
        lead.text, lead[:] = "{{LEAD}}", []
    page = html.tostring(tree, encoding="unicode").replace(article["title"], "{{TITLE}}")
    path, pattern = ARTICLE_PATHS[key]
    return Style(key, page, line, path, pattern)


class SyntheticWeb:
    def __init__(self, portals: int, articles: int, seed: int = 1):
        self.portals, self.articles, self.seed = portals, articles, seed
        self.styles = [load_style(key) for key in ARTICLE_PATHS]

    def style(self, portal: int) -> Style:
        return self.styles[portal % len(self.styles)]

    def _rng(self, portal: int, article: int) -> random.Random:
        return random.Random(f"{self.seed}:{portal}:{article}")

    def published(self, portal: int, article: int) -> datetime:
        return datetime(2026, 1, 1, 7, 0) - timedelta(hours=11 * article + portal)

    def slug_and_title(self, portal: int, article: int) -> tuple[str, str]:
        rng = self._rng(portal, article)
        words = [rng.choice(WORDS) for _ in range(rng.randint(9, 15))]
        title = f"{' '.join(words).capitalize()} năm {self.published(portal, article).year} (bài {article + 1})"
        from crawler.extract.text import fold

        slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")[:80]
        return slug, title

    def article_path(self, portal: int, article: int) -> str:
        slug, _ = self.slug_and_title(portal, article)
        when = self.published(portal, article)
        return self.style(portal).article_path.format(slug=slug, id=100000 + article, yyyymm=f"{when:%Y%m}")

    def article_page(self, portal: int, article: int) -> str:
        style = self.style(portal)
        rng = self._rng(portal, article)
        _, title = self.slug_and_title(portal, article)
        when = self.published(portal, article)
        date = re.sub(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}", f"{when:%d/%m/%Y}", style.date_sample, count=1)
        date = re.sub(r"\d{1,2}:\d{2}", f"{when:%H:%M}", date, count=1)
        paragraphs = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 90))).capitalize() + "."
            for _ in range(rng.randint(5, 9))
        ]
        body = "".join(f"<p>{p}</p>" for p in paragraphs[1:])
        page = style.page.replace("{{TITLE}}", title).replace("{{DATE}}", date)
        if "{{LEAD}}" in page:
            return page.replace("{{LEAD}}", paragraphs[0]).replace("{{BODY}}", body)
        return page.replace("{{BODY}}", f"<p>{paragraphs[0]}</p>{body}")

    def listing_page(self, portal: int, page: int) -> str | None:
        first = (page - 1) * PER_LISTING
        if first >= self.articles:
            return None
        items = []
        for article in range(first, min(first + PER_LISTING, self.articles)):
            _, title = self.slug_and_title(portal, article)
            items.append(f'<li><a href="{self.article_path(portal, article)}">{title}</a> ({self.published(portal, article):%d/%m/%Y})</li>')
        pages = -(-self.articles // PER_LISTING)
        pager = " ".join(f'<a href="/xay-dung-dang/?page={n}">{n}</a>' for n in range(1, pages + 1))
        return f"<html><head><title>Xây dựng Đảng</title></head><body><h1>Xây dựng Đảng</h1><ul>{''.join(items)}</ul><div class='pager'>{pager}</div></body></html>"

    def resolve(self, portal: int, path: str) -> str | None:
        if path in {"/", "/xay-dung-dang/"}:
            return self.listing_page(portal, 1)
        if match := re.fullmatch(r"/xay-dung-dang/\?page=(\d+)", path):
            return self.listing_page(portal, int(match.group(1)))
        for article in self._index(portal).get(path, ()):
            return self.article_page(portal, article)
        return None

    def _index(self, portal: int) -> dict[str, list[int]]:
        cache = self.__dict__.setdefault("_paths", {})
        if portal not in cache:
            cache[portal] = {}
            for article in range(self.articles):
                cache[portal].setdefault(self.article_path(portal, article), []).append(article)
        return cache[portal]

    def urls(self, origin: str, portal: int) -> list[str]:
        pages = -(-self.articles // PER_LISTING)
        listings = [f"{origin}/xay-dung-dang/"] + [f"{origin}/xay-dung-dang/?page={n}" for n in range(1, pages + 1)]
        return listings + [origin + self.article_path(portal, a) for a in range(self.articles)]

    def registry_entry(self, portal: int, origin: str) -> str:
        style = self.style(portal)
        host = origin.removeprefix("http://")
        return (
            f'name = "Cổng thông tin tổng hợp số {portal}"\nprovince = "Hà Nội"\nkind = "party-portal"\n'
            f'home = "{origin}/"\nstart_urls = ["{origin}/xay-dung-dang/"]\ndomains = ["{host}"]\n'
            f"article_pattern = '{style.article_pattern}'\nlisting_pattern = '/xay-dung-dang/(\\?page=\\d+)?$'\n"
        )


class Handler(BaseHTTPRequestHandler):
    def __init__(self, *args, web: SyntheticWeb, portal: int, **kwargs):
        self.web, self.portal = web, portal
        super().__init__(*args, **kwargs)

    def do_GET(self):  # noqa: N802
        page = self.web.resolve(self.portal, self.path)
        body = (page or "<html><body>404</body></html>").encode("utf-8")
        self.send_response(200 if page else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A crawler that drops an idle keep-alive connection is no error worth a traceback."""


def serve(web: SyntheticWeb) -> dict[int, str]:
    origins = {}
    for portal in range(web.portals):
        server = QuietServer(("127.0.0.1", 0), partial(Handler, web=web, portal=portal))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origins[portal] = f"http://127.0.0.1:{server.server_address[1]}"
    return origins


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portals", type=int, default=50)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--registry", type=Path, required=True)
    parser.add_argument("--port-file", type=Path, required=True)
    args = parser.parse_args()
    web = SyntheticWeb(args.portals, args.articles, args.seed)
    origins = serve(web)
    args.registry.mkdir(parents=True, exist_ok=True)
    for portal, origin in origins.items():
        (args.registry / f"synth-{portal:03d}.toml").write_text(web.registry_entry(portal, origin), "utf-8")
    args.port_file.write_text(json.dumps({str(p): o for p, o in origins.items()}), "utf-8")
    threading.Event().wait()


if __name__ == "__main__":
    main()
