"""A real browser on the archive: Debian's headless chromium, driven through chromedriver against
``newsarchive serve`` on the crawled sample portals. It searches from the front page (without marks,
with marks, exactly as typed, a quoted phrase), opens an article and a syndicated copy, and lays the
pages out on a 400 px screen; it saves screenshots in the test's tmp dir (and in
$NEWSARCHIVE_SCREENSHOTS if set, which is how ``make screenshots`` refreshes docs/)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import CLI, free_port

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Debian's chromium and chromium-driver are not installed, and `make test` could not install them "
    "(it runs apt-get install only as root)",
)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run")


@pytest.fixture
def served(sample_archive, tmp_path):
    """``newsarchive serve`` on a free port, as a user starts it."""
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([str(CLI), "serve", "--db", str(sample_archive), "--port", str(port)], stdout=log, stderr=log)
    origin = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(origin + "/-/versions.json", timeout=2).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError(f"newsarchive serve did not start: {(tmp_path / 'serve.log').read_text()}") from None
            time.sleep(0.2)
    yield origin
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1000", "--lang=vi"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    yield driver
    driver.quit()


def screenshot(driver, path: Path, width: int = 1280) -> None:
    """The whole page (up to 1,800 pixels), not only the window; ``width`` other than 1280 is a phone's
    screen, emulated (a headless window cannot be made that narrow)."""
    if width == 1280:
        driver.set_window_size(1280, 600)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1280, min(height + 140, 1800))
    else:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        narrow(driver, width, min(height, 1800))
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    if os.environ.get("NEWSARCHIVE_SCREENSHOTS"):
        shutil.copy(path, Path(os.environ["NEWSARCHIVE_SCREENSHOTS"]) / path.name)


def test_search_then_read_an_article(served, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(served + "/")
    assert browser.title == "Party-building news archive"
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.chart rect")) > 10
    screenshot(browser, tmp_path / "front-page.png")

    query = browser.find_element(By.ID, "q")
    query.send_keys("ket nap dang vien")  # typed without a single mark
    query.submit()
    WebDriverWait(browser, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results li"))
    titles = [link.text for link in browser.find_elements(By.CSS_SELECTOR, ".search-results .article-link")]
    assert "Bảo Lộc kết nạp 118 đảng viên mới trong năm 2023" in titles
    assert "kết nạp" in titles[0].lower()  # relevance: a headline match first
    screenshot(browser, tmp_path / "search-results.png")

    first = browser.find_element(By.CSS_SELECTOR, ".search-results .article-link")
    first.click()
    WebDriverWait(browser, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "article.article h1"))
    assert browser.find_element(By.CSS_SELECTOR, "article.article h1").text == titles[0]
    original = browser.find_element(By.CSS_SELECTOR, "a.original").get_attribute("href")
    assert original.startswith("http://127.0.0.1:")  # the sample portal's page, not the archive's
    assert len(browser.find_elements(By.CSS_SELECTOR, ".article-text p")) > 1
    assert browser.find_element(By.CSS_SELECTOR, ".article-meta time").text[:2].isdigit()
    screenshot(browser, tmp_path / "article.png")


def narrow(driver, width: int, height: int = 900) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})


def result_ids(driver) -> list[int]:
    from selenium.webdriver.common.by import By

    links = driver.find_elements(By.CSS_SELECTOR, ".search-results .article-link")
    return [int(link.get_attribute("href").rsplit("/", 1)[1]) for link in links]


def search(driver, origin: str, typed: str, exact: bool = False) -> list[int]:
    """Type ``typed`` into the search page's box (ticking "exactly as typed" if asked) and submit."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(origin + "/archive/search")
    box = driver.find_element(By.ID, "q")
    box.send_keys(typed)
    if exact:
        driver.find_element(By.CSS_SELECTOR, "input[name=exact]").click()
    box.submit()
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results li, .zero-results"))
    return result_ids(driver)


def words(conn, article_id: int) -> str:
    title, text = conn.execute("select title, text from articles where id = ?", [article_id]).fetchone()
    return " ".join(f"{title} {text}".lower().split())


def test_tone_marks_and_phrases_as_typed(served, browser, sample_archive, tmp_path):
    """Without marks every toned form is found; with marks the exact spelling comes first, and only it
    when asked; a quoted phrase finds the words side by side."""
    from selenium.webdriver.common.by import By

    conn = sqlite3.connect(sample_archive)
    plain = search(browser, served, "dang")
    toned = search(browser, served, "đang")
    assert sorted(toned) == sorted(plain) and len(plain) > 10  # the same articles, in another order
    assert re.search(r"\bđang\b", words(conn, toned[0]))  # "currently" spelt as typed comes first
    exact = search(browser, served, "đang", exact=True)
    assert exact and set(exact) < set(plain)
    assert all(re.search(r"\bđang\b", words(conn, i)) for i in exact)
    assert browser.find_element(By.CSS_SELECTOR, "input[name=exact]").is_selected()
    screenshot(browser, tmp_path / "search-exact-tones.png")

    loose = search(browser, served, "Lâm Đồng")
    phrase = search(browser, served, '"Lâm Đồng"')
    assert phrase and set(phrase) < set(loose)
    assert all("lâm đồng" in words(conn, i) for i in phrase)
    assert not all("lâm đồng" in words(conn, i) for i in loose)
    assert browser.find_element(By.ID, "q").get_attribute("value") == '"Lâm Đồng"'
    screenshot(browser, tmp_path / "search-phrase.png")


def test_a_copy_links_to_its_original(served, browser, sample_archive, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    conn = sqlite3.connect(sample_archive)
    copy, original, title, attribution = conn.execute(
        "select a.id, a.duplicate_of, d.title, a.source_attribution from articles a join articles d on d.id = a.duplicate_of "
        "order by a.source_attribution is null, a.id limit 1"
    ).fetchone()
    browser.get(f"{served}/archive/articles/{copy}")
    if attribution:  # the outlet it was taken from, said so, not left where the author goes
        assert browser.find_element(By.CSS_SELECTOR, ".attribution").text == f"taken from {attribution}"
    link = browser.find_element(By.CSS_SELECTOR, ".copy-of a")
    screenshot(browser, tmp_path / "copy.png")
    link.click()
    WebDriverWait(browser, 15).until(lambda d: d.current_url.endswith(f"/archive/articles/{original}"))
    assert browser.find_element(By.CSS_SELECTOR, "article.article h1").text == title
    assert not browser.find_elements(By.CSS_SELECTOR, ".copy-of")  # the original is no copy


def overlaps(driver) -> list[str]:
    """Form controls that overlap one another, stick out of the screen or cut off what they hold, as readable strings."""
    return driver.execute_script("""
        const width = document.documentElement.clientWidth, found = [];
        const controls = [...document.querySelectorAll('form input:not([type=hidden]), form select, form button')]
            .filter(e => e.offsetParent !== null).map(e => [e, e.getBoundingClientRect()]);
        const name = e => e.name || e.type || e.tagName;
        controls.forEach(([e, r], i) => {
            if (r.left < 0 || r.right > width + 0.5) found.push(name(e) + ' sticks out: ' + r.left + '-' + r.right);
            if (e.type === 'text' && e.value && e.scrollWidth > e.clientWidth + 1) found.push(name(e) + ' cuts off ' + e.value);
            controls.slice(i + 1).forEach(([f, s]) => {
                if (r.left < s.right - 0.5 && s.left < r.right - 0.5 && r.top < s.bottom - 0.5 && s.top < r.bottom - 0.5)
                    found.push(name(e) + ' overlaps ' + name(f));
            });
        });
        return found;""")


def test_a_400_pixel_screen(served, browser, tmp_path):
    """On a 400 px phone screen nothing in the forms overlaps or runs off the side."""
    narrow(browser, 400)
    for path, shot in (("/", None), ("/archive/search?q=ket+nap+dang+vien&since=01/01/2023", "narrow-search.png"),
                       ("/archive/articles?_search=dang+vien&published_date__gte=01/01/2023", "narrow-articles.png")):
        browser.get(served + path)
        assert browser.execute_script("return window.innerWidth") == 400
        assert overlaps(browser) == [], path
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 400, path
        if shot:
            screenshot(browser, tmp_path / shot, width=400)
