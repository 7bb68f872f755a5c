"""What every discovery portal has, whatever its CMS: stories, menu, sidebars, the pages that are not articles.

A family (``families.py``) subclasses ``Portal`` and gives its URL shapes (``article_url``,
``section_url``...) and its markup (``page`` for the shell, ``article_main``, ``listing_main``,
``pager``). ``pages()`` renders the whole site as {URL path with query: HTML}.
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta

from stories import Story, story

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
EXTERNAL = [
    ("Báo điện tử Đảng Cộng sản Việt Nam", "https://dangcongsan.vn/"),
    ("Tạp chí Xây dựng Đảng", "https://www.xaydungdang.org.vn/"),
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
    ("Tạp chí Cộng sản", "https://www.tapchicongsan.org.vn/"),
]
DOCUMENTS = [
    ("12-NQ/HU", "Nghị quyết về nâng cao chất lượng sinh hoạt chi bộ giai đoạn 2024-2025"),
    ("45-KH/HU", "Kế hoạch kiểm tra, giám sát của Ban Thường vụ năm 2024"),
    ("08-CT/HU", "Chỉ thị về tổ chức đại hội chi bộ trực thuộc đảng bộ cơ sở"),
    ("102-HD/BTC", "Hướng dẫn đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên"),
]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def dmy(d: datetime) -> str:
    return d.strftime("%d/%m/%Y")


def hm(d: datetime) -> str:
    return d.strftime("%H:%M")


def weekday(d: datetime) -> str:
    return WEEKDAYS[d.weekday()]


def cut(slug: str, n: int) -> str:
    """A slug shortened to at most ``n`` characters at a word boundary, as CMSs shorten them."""
    return slug if len(slug) <= n else slug[: n + 1].rsplit("-", 1)[0]


def iso(d: datetime) -> str:
    return d.strftime("%Y-%m-%dT%H:%M:%S+07:00")


class Portal:
    key = ""
    family = ""
    name = ""
    short_name = ""
    place: dict = {}
    newest = datetime(2024, 5, 17, 8, 30)
    party = 6  # party-building stories; the section lists them ``per_page`` at a time
    other = 2  # stories of the non-party sections, one per section
    per_page = 4
    shorts = (1, 4)  # which party stories are short items
    anonymous = (3,)  # which stories name no author
    topic_offset = 0
    id_base = 100
    robots = "User-agent: *\nDisallow: /admin/\n"
    party_label = "Xây dựng Đảng"
    other_labels = ("Kinh tế", "Văn hóa - Xã hội")

    def __init__(self):
        stories, when = [], self.newest
        for n in range(self.party + self.other):
            other = n >= self.party and True
            # the non-party stories fall between the party ones in time
            s = story(
                n, (n + self.topic_offset) if not other else n - self.party + self.topic_offset, self.place, when,
                short=n in self.shorts, other=other, author=None if n in self.anonymous else "", id_base=self.id_base,
            )
            stories.append(s)
            when = when - timedelta(days=2 + n % 3, hours=n * 5 % 7, minutes=n * 13 % 50)
        self.party_stories = stories[: self.party]
        self.other_stories = stories[self.party:]
        self.prepare()

    def prepare(self) -> None:
        """A family's own ids for its stories (Liferay url titles, numeric node ids...)."""

    # URL shapes ------------------------------------------------------------------------------
    def article_url(self, s: Story) -> str: raise NotImplementedError
    def section_url(self, page: int = 1) -> str: raise NotImplementedError
    def other_url(self, i: int) -> str: raise NotImplementedError
    about_url = "/gioi-thieu/"
    contact_url = "/lien-he/"
    documents_url = "/van-ban/"
    gallery_url = "/thu-vien-anh/"
    search_url = "/tim-kiem/"
    search_results_url = "/tim-kiem/?q=dang+vien"
    tag_url = "/tag/dang-vien/"

    # Markup -----------------------------------------------------------------------------------
    def page(self, title: str, main: str, crumbs: list[tuple[str, str]], kind: str) -> str: raise NotImplementedError
    def article_main(self, s: Story) -> str: raise NotImplementedError
    def listing_main(self, heading: str, stories: list[Story], pager: str) -> str: raise NotImplementedError
    def pager(self, page: int, pages: int) -> str: raise NotImplementedError

    # What every portal has -----------------------------------------------------------------------
    @property
    def stories(self) -> list[Story]:
        return sorted(self.party_stories + self.other_stories, key=lambda s: s.published, reverse=True)

    @property
    def pages_count(self) -> int:
        return -(-len(self.party_stories) // self.per_page)

    def listed(self, page: int) -> list[Story]:
        return self.party_stories[(page - 1) * self.per_page: page * self.per_page]

    def first_page(self) -> list[Story]:
        """Stories the home page, sidebars and related boxes may link: the newest, as real portals show."""
        return [s for s in self.stories if s not in self.party_stories or s in self.listed(1)]

    def menu(self) -> list[tuple[str, str]]:
        return [
            ("Trang chủ", "/"), ("Giới thiệu", self.about_url), (self.party_label, self.section_url()),
            *[(label, self.other_url(i)) for i, label in enumerate(self.other_labels[: self.other])],
            ("Văn bản", self.documents_url), ("Thư viện ảnh", self.gallery_url), ("Liên hệ", self.contact_url),
        ]

    def newest_links(self, n: int = 5) -> list[Story]:
        return self.first_page()[:n]

    def most_read(self) -> list[Story]:
        first = self.first_page()
        return [first[i] for i in (2, 0, len(first) - 1) if i < len(first)]

    def related(self, s: Story) -> list[Story]:
        return [o for o in self.first_page() if o is not s][:3]

    def byline(self, s: Story) -> str:
        return s.author or ""

    def paragraphs_html(self, s: Story, tag: str = "p", attrs: str = "") -> str:
        out = [f"<{tag}{attrs}><strong>{esc(s.lead)}</strong></{tag}>"] if s.lead else []
        out += [f"<{tag}{attrs}>{esc(p)}</{tag}>" for p in s.paragraphs]
        if s.author and self.byline_in_body:
            out.append(f'<p style="text-align: right;"><strong>{esc(s.author)}</strong></p>')
        return "\n".join(out)

    byline_in_body = True

    def about_main(self) -> str:
        noi = self.place["noi"]
        return f"""<h1>Giới thiệu</h1>
<p>{esc(self.name)} là kênh thông tin chính thức của {esc(self.place['cap'])}, cung cấp thông tin về hoạt động lãnh đạo, chỉ đạo của cấp ủy và chính quyền {esc(noi)}.</p>
<p>{esc(noi[:1].upper() + noi[1:])} có {len(self.place['xa']) + 7} đơn vị hành chính cấp xã, hơn 60 chi bộ trực thuộc các đảng bộ cơ sở với trên 4.000 đảng viên. Đảng bộ đã trải qua nhiều kỳ đại hội, lãnh đạo nhân dân phát triển kinh tế, giữ vững quốc phòng, an ninh.</p>
<p>Cổng thông tin đăng tải tin tức, văn bản chỉ đạo, lịch công tác và tiếp nhận ý kiến của nhân dân qua mục Liên hệ.</p>"""

    def contact_main(self) -> str:
        return f"""<h1>Liên hệ</h1>
<p>Ban biên tập {esc(self.name)}</p>
<p>Địa chỉ: Số 2 đường Trần Hưng Đạo, {esc(self.place['noi'])}</p>
<p>Điện thoại: 0262 3855 123 - Email: bbt@{self.key}.example.vn</p>
<form method="post" action="{esc(self.contact_url)}"><label>Họ và tên</label><input name="hoten"><label>Nội dung</label><textarea name="noidung"></textarea><button type="submit">Gửi</button></form>"""

    def documents_main(self) -> str:
        rows = "\n".join(
            f'<tr><td>{i + 1}</td><td>{esc(code)}</td><td>{dmy(self.newest - timedelta(days=20 * i + 3))}</td>'
            f'<td><a href="/uploads/van-ban/{code.replace("/", "-").lower()}.pdf">{esc(title)}</a></td></tr>'
            for i, (code, title) in enumerate(DOCUMENTS)
        )
        return f"""<h1>Văn bản chỉ đạo, điều hành</h1>
<table class="table table-bordered doc-list"><thead><tr><th>STT</th><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th></tr></thead>
<tbody>
{rows}
</tbody></table>"""

    def gallery_main(self) -> str:
        items = "\n".join(
            f'<div class="album-item"><a href="/uploads/anh/album-{i}.jpg"><img src="/uploads/anh/album-{i}-thumb.jpg" alt="{esc(s.title)}"></a>'
            f'<p class="caption">{esc(s.title)}</p></div>'
            for i, s in enumerate(self.party_stories[:4])
        )
        return f'<h1>Thư viện ảnh</h1>\n<div class="gallery">\n{items}\n</div>'

    def search_main(self, results: bool) -> str:
        form = f'<form action="{esc(self.search_url)}" method="get"><input type="text" name="q" value="{"đảng viên" if results else ""}"><button>Tìm kiếm</button></form>'
        if not results:
            return f"<h1>Tìm kiếm</h1>\n{form}\n<p>Nhập từ khóa để tìm kiếm tin bài.</p>"
        found = [s for s in self.stories if "đảng viên" in (s.title + " ".join(s.paragraphs)).lower()][:4]
        items = "\n".join(
            f'<li><a href="{esc(self.article_url(s))}">{esc(s.title)}</a> <span class="date">({dmy(s.published)})</span>'
            f"<p>{esc(s.paragraphs[0][:160])}...</p></li>" for s in found
        )
        return f'<h1>Kết quả tìm kiếm</h1>\n{form}\n<p>Tìm thấy {len(found)} kết quả cho từ khóa "đảng viên"</p>\n<ul class="search-results">\n{items}\n</ul>'

    def tag_main(self) -> str:
        found = [s for s in self.party_stories if "đảng viên" in s.title.lower() or "chi bộ" in s.title.lower()] or self.party_stories[:2]
        items = "\n".join(f'<li><a href="{esc(self.article_url(s))}">{esc(s.title)}</a> - {dmy(s.published)}</li>' for s in found)
        return f'<h1>Tag: đảng viên</h1>\n<ul class="tag-list">\n{items}\n</ul>'

    def home_main(self) -> str:
        """The home page's content column; families with their own home override it."""
        lead = self.first_page()[0]
        party = "\n".join(f'<li><a href="{esc(self.article_url(s))}">{esc(s.title)}</a></li>' for s in self.listed(1))
        others = "\n".join(
            f'<div class="box"><h2><a href="{esc(self.other_url(i))}">{esc(self.other_labels[i])}</a></h2>'
            f'<a href="{esc(self.article_url(s))}">{esc(s.title)}</a></div>'
            for i, s in enumerate(self.other_stories)
        )
        return f"""<div class="featured"><a href="{esc(self.article_url(lead))}"><img src="/uploads/tin/{lead.id}.jpg" alt=""></a>
<h2><a href="{esc(self.article_url(lead))}">{esc(lead.title)}</a></h2><p>{esc(lead.lead or lead.paragraphs[0][:200])}</p></div>
<div class="box"><h2><a href="{esc(self.section_url())}">{esc(self.party_label)}</a></h2><ul>
{party}
</ul><a class="more" href="{esc(self.section_url())}">Xem tiếp</a></div>
{others}"""

    # The whole site ------------------------------------------------------------------------------
    def pages(self) -> dict[str, str]:
        home = ("Trang chủ", "/")
        party = (self.party_label, self.section_url())
        out = {"/": self.page(self.name, self.home_main(), [home], "home")}
        for p in range(1, self.pages_count + 1):
            main = self.listing_main(self.party_label, self.listed(p), self.pager(p, self.pages_count))
            out[self.section_url(p)] = self.page(self.party_label, main, [home, party], "listing")
        for i, s in enumerate(self.other_stories):
            main = self.listing_main(self.other_labels[i], [s], "")
            out[self.other_url(i)] = self.page(self.other_labels[i], main, [home, (self.other_labels[i], self.other_url(i))], "listing")
        for s in self.party_stories:
            out[self.article_url(s)] = self.page(s.title, self.article_main(s), [home, party], "article")
        for i, s in enumerate(self.other_stories):
            out[self.article_url(s)] = self.page(s.title, self.article_main(s), [home, (self.other_labels[i], self.other_url(i))], "article")
        for url, title, main in [
            (self.about_url, "Giới thiệu", self.about_main()), (self.contact_url, "Liên hệ", self.contact_main()),
            (self.documents_url, "Văn bản", self.documents_main()), (self.gallery_url, "Thư viện ảnh", self.gallery_main()),
            (self.search_url, "Tìm kiếm", self.search_main(False)), (self.search_results_url, "Tìm kiếm", self.search_main(True)),
            (self.tag_url, "Tag: đảng viên", self.tag_main()),
        ]:
            if url:
                out[url] = self.page(title, main, [home, (title, url)], "page")
        return out

    def article_urls(self) -> list[str]:
        return [self.article_url(s) for s in self.stories]
