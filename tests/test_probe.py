"""``newsarchive probe`` against local servers only: the sample portals, the fault web, a portal that moved."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import TESTS, run_cli, site_expectations, wait_for
from crawler.sources.registry import load_source


@pytest.fixture(scope="module")
def fault_web(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faultweb")
    server = subprocess.Popen(
        [sys.executable, str(TESTS / "faultweb.py"), "--registry", str(tmp / "sources"), "--port-file", str(tmp / "ports.json")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    wait_for(lambda: (tmp / "ports.json").exists() and (tmp / "ports.json").read_text())
    yield tmp / "sources", f"http://127.0.0.1:{json.loads((tmp / 'ports.json').read_text())['faulty']}"
    server.terminate()
    server.wait(timeout=10)


def test_probe_a_registry_source(sample_web, tmp_path):
    result = run_cli("probe", "haugiang", "--sources", sample_web.registry)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "robots.txt: found" in out and "/xay-dung-dang/  'start page': 5 article links" in out
    assert "[registry pattern, listing structure]" in out
    titles = {a["title"] for a in site_expectations()["haugiang"]["articles"]}
    shown = [line.split("title: ", 1)[1] for line in out.splitlines() if line.strip().startswith("title: ")]
    assert len(shown) == 3 and set(shown) <= titles
    assert "date: 2025-04-02T16:40:00+07:00 (" in out and "words: " in out
    assert "cms family: news-slug-id (3 of 3" in out and out.rstrip().endswith("status: ok")
    draft = out.split("draft entry:\n", 1)[1].rsplit("\nstatus:", 1)[0]
    path = tmp_path / "haugiang.toml"
    path.write_text("\n".join(line[2:] for line in draft.splitlines()), "utf-8")
    source = load_source(path)  # the draft is an entry that loads, its family resolved
    assert source.cms == "news-slug-id" and all(source.is_article(url) for url in source.examples)


def test_probe_a_portal_never_seen_by_its_url(sample_web):
    result = run_cli("probe", sample_web.origin("dangbo-lienson") + "/")
    assert result.returncode == 0, result.stderr
    assert "listing structure" in result.stdout and "cms family: liferay" in result.stdout
    assert result.stdout.count("    title: ") == 3


def _draft(out: str) -> list[str]:
    return [line[2:] for line in out.split("draft entry:\n", 1)[1].rsplit("\nstatus:", 1)[0].splitlines()]


def test_the_draft_reads_the_name_and_province_of_an_ad_hoc_portal_from_its_home_page(sample_web):
    named = run_cli("probe", sample_web.origin("haugiang") + "/")  # host 127.0.0.1: only its name says
    assert named.returncode == 0, named.stderr
    assert "name = 'Báo Hậu Giang'" in _draft(named.stdout)  # its <title>, less the tagline
    assert "province = 'Hậu Giang'                 # read from the site's name" in _draft(named.stdout)
    unnamed = _draft(run_cli("probe", sample_web.origin("dangbo-lienson") + "/").stdout)
    assert "name = 'Đảng bộ huyện Liên Sơn'" in unnamed  # "Trang chủ - ..." less the page's generic name
    assert unnamed[unnamed.index("# province: not found in the site's name or host") + 1].startswith('province = ""')
    registry = _draft(run_cli("probe", "dangbo-lienson", "--sources", sample_web.registry).stdout)
    assert "province = 'Lạng Sơn'" in registry  # the registry's name and province win
    assert f"name = {load_source(sample_web.registry / 'dangbo-lienson.toml').name!r}" in registry


def test_probe_all_prints_one_line_per_active_source(sample_web, tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for site in ("haugiang", "dangbo-lienson"):
        (sources / f"{site}.toml").write_text((sample_web.registry / f"{site}.toml").read_text("utf-8"), "utf-8")
    gone = 'status = "archived"\nmerged_into = "haugiang"\n' + (sample_web.registry / "sopcop.toml").read_text("utf-8")
    (sources / "sopcop.toml").write_text(gone, "utf-8")
    result = run_cli("probe", "--all", "--sources", sources)
    assert result.returncode == 0, result.stderr
    assert [line.split() for line in result.stdout.splitlines()] == [["dangbo-lienson", "ok"], ["haugiang", "ok"]]
    as_json = run_cli("probe", "--all", "--json", "--sources", sources)
    assert as_json.returncode == 0, as_json.stderr
    rows = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert [(r["key"], r["status"], r["why"]) for r in rows] == [("dangbo-lienson", "ok", ""), ("haugiang", "ok", "")]
    assert all(r["home"].startswith("http://127.0.0.1:") for r in rows)


def test_faults_are_ok_when_articles_remain(fault_web):
    registry, _ = fault_web
    result = run_cli("probe", "faulty", "--sources", registry, "--timeout", "3")
    assert result.returncode == 0, result.stdout
    assert result.stdout.count("    title: ") == 3
    report = json.loads(run_cli("probe", "faulty", "--json", "--sources", registry, "--timeout", "3").stdout)
    assert report["status"] == "ok" and len(report["articles"]) == 3
    refused = run_cli("probe", "faulty", "--csv", "--sources", registry)
    assert refused.returncode == 2 and refused.stderr.startswith("Error: --csv gives one row a source")


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("/tin/loi-may-chu-luon-luon-1004.html", "home page: HTTP 500"),
        ("/tin/chuyen-huong-vong-lap-1007.html", "home page: redirect loop"),
        ("/rieng-tu/bai-viet-bi-chan-robots-1016.html", "home page: robots.txt disallows it"),
        ("/tin/trang-dang-nhap-he-thong-1008.html", "no section found on the home page"),
    ],
)
def test_broken_portals_say_why_and_exit_1(fault_web, path, why):
    _, origin = fault_web
    result = run_cli("probe", origin + path)
    assert result.returncode == 1
    assert result.stdout.rstrip().endswith(f"status: broken: {why}")


def test_a_portal_whose_home_redirects_elsewhere_has_moved(sample_web, tmp_path):
    target = sample_web.origin("haugiang") + "/"

    class Moved(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(301)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Moved)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = run_cli("probe", f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stdout
    assert result.stdout.rstrip().endswith(f"status: moved: home page redirects to {target}")


def test_probe_needs_one_target():
    result = run_cli("probe")
    assert result.returncode == 2 and "give a source key or URL, or --all" in result.stderr
    result = run_cli("probe", "no-such-source")
    assert result.returncode == 2 and "unknown source: no-such-source" in result.stderr
