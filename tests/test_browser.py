"""A real browser on the archive: Debian's headless chromium, driven through chromedriver against
``newsarchive serve`` on the crawled sample portals. It searches from the front page, opens an
article and saves screenshots in the test's tmp dir (and in $NEWSARCHIVE_SCREENSHOTS if set,
which is how ``make screenshots`` refreshes docs/)."""

from __future__ import annotations

import os
import shutil
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


def screenshot(driver, path: Path) -> None:
    """The whole page (up to 1,800 pixels), not only the window."""
    driver.set_window_size(1280, 600)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(height + 140, 1800))
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
