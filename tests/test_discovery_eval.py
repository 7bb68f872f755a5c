"""make eval-discovery: the discovery portals, the scoring and the table, and a real run on two portals."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from eval_discovery import Outcome, evaluate, report, score, totals

sys.path.insert(0, str(Path(__file__).parent / "discoveryweb"))
import build  # noqa: E402

MANIFEST = {
    "family": "test",
    "articles": [
        {"path": "/a-1.html", "reachable": True},
        {"path": "/b-2.html", "reachable": True},
        {"path": "/c-3.html", "reachable": False},
    ],
}

def test_score_counts_found_reachable_and_pages_that_are_not_articles():
    origin = "http://127.0.0.1:8000"
    stored = {origin + "/a-1.html", origin + "/c-3.html", origin + "/lien-he.html", "http://127.0.0.1:8000/#x"}
    o = score("p", "ours", MANIFEST, origin, stored, requests=12)
    assert (o.found, o.reachable, o.unreachable) == (1, 2, 1)
    assert o.not_articles == 2  # the contact page and the home page; an unreachable article found is no mistake
    assert o.missed == ["/b-2.html"] and o.wrong == ["/", "/lien-he.html"]
    assert o.per_article == 12 / 1

def test_table_has_a_row_per_portal_and_totals():
    outcomes = [
        Outcome("dnn", "ours", reachable=8, found=8, stored=8, requests=14),
        Outcome("dnn", "scrapy", reachable=8, found=8, stored=12, not_articles=4, requests=23),
        Outcome("hugo", "ours", reachable=6, found=0, stored=0, requests=5),
        Outcome("hugo", "scrapy", error="exit 1"),
    ]
    assert totals(outcomes, "scrapy").stored == 12
    lines = report(outcomes, {"dnn": "DNN", "hugo": "Hugo"}).splitlines()
    dnn = next(line for line in lines if line.startswith("dnn "))
    assert "8/8" in dnn and dnn.endswith("DNN")
    hugo = next(line for line in lines if line.startswith("hugo "))
    assert "0/6" in hugo and "failed" in hugo and " - " in hugo  # no stored page: no requests per page
    total = lines[-1].split("|")
    assert total[0].startswith("total") and "8/14" in total[1] and "8/8" in total[2]

def test_at_least_fifteen_distinct_families_each_with_a_real_site(tmp_path):
    portals = build.portals()
    assert len({p.key for p in portals}) >= 15 and len({p.family for p in portals}) == len(portals)
    for site in build.build(tmp_path):
        manifest = json.loads((site / "manifest.json").read_text("utf-8"))
        articles = manifest["articles"]
        assert 4 <= len(articles) <= 9, site.name
        assert any(a["short"] and 150 <= a["body_chars"] <= 380 for a in articles), site.name
        assert len({a["title"] for a in articles}) == len(articles)
        assert (site / "www" / "robots.txt").is_file()
        # the party section has two pages or more, the menu leads to the pages that are not articles
        not_articles = set(manifest["not_articles"])
        portal = next(p for p in portals if p.key == site.name)
        assert {portal.about_url, portal.contact_url, portal.documents_url, portal.gallery_url} <= not_articles
        assert portal.pages_count >= 2
        unreachable = [a for a in articles if not a["reachable"]]
        assert bool(unreachable) == (site.name == "sharepoint"), site.name

def test_sharepoint_paging_is_postback_only(tmp_path):
    (site,) = build.build(tmp_path, ["sharepoint"])
    listing = next(p for p in (site / "www" / "portal" / "Pages").glob("Xay-dung-Dang.aspx"))
    text = listing.read_text("utf-8")
    assert "__doPostBack('ctl00$ctl37$g_8a1b$gvNews','Page$2')" in text
    unreachable = [a["path"] for a in json.loads((site / "manifest.json").read_text("utf-8"))["articles"] if not a["reachable"]]
    assert len(unreachable) == 2 and not any(path in text for path in unreachable)

@pytest.mark.e2e  # crawls the sample portals (eval_discovery serves and crawls them)
def test_harness_crawls_two_portals_with_both_crawlers():
    outcomes, families = evaluate(["dnn", "sharepoint"], jobs=2)
    assert {(o.portal, o.crawler) for o in outcomes} == {(p, c) for p in ("dnn", "sharepoint") for c in ("ours", "scrapy")}
    for o in outcomes:
        assert o.error is None, (o.portal, o.crawler, o.error)
        assert o.requests >= 2  # robots.txt and the home page at least, counted from the access log
        assert o.found <= o.reachable
    sharepoint = next(o for o in outcomes if o.portal == "sharepoint")
    assert sharepoint.unreachable == 2
    # a plain CrawlSpider that follows every link finds every reachable article of a DNN portal
    assert next(o for o in outcomes if o.portal == "dnn" and o.crawler == "scrapy").found == 8
    table = report(outcomes, families)
    assert "dnn" in table and "sharepoint" in table and table.splitlines()[-1].startswith("total")


@pytest.mark.e2e  # crawls the sample portals (eval_discovery serves and crawls them)
def test_ours_finds_every_reachable_article_and_stores_nothing_else_on_every_portal():
    """The gate of `make eval-discovery`: on each CMS family, from the home page alone."""
    outcomes, _ = evaluate(jobs=2, crawlers=("ours",))
    assert len(outcomes) >= 15
    for o in outcomes:
        assert o.error is None, (o.portal, o.error)
        assert (o.found, o.wrong) == (o.reachable, []), (o.portal, o.missed, o.wrong)
