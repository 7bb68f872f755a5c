"""Stats keys are named once, in crawler/crawl/stats.py."""

from __future__ import annotations

import re
from pathlib import Path

from crawler.crawl import stats

ROOT = Path(__file__).parent.parent
KEY_LITERAL = re.compile(r"""[fr]?(["'])newsarchive/(?!\d)""")  # "newsarchive/0.1" is the User-Agent


def test_no_stats_key_is_spelt_outside_the_stats_module():
    spelt = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("crawler", "spiders", "archive", "benchmarks")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != ROOT / "crawler" / "crawl" / "stats.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if KEY_LITERAL.search(line)
    ]
    assert not spelt, f"stats keys spelt by hand (use crawler.stats): {spelt}"


def test_every_key_is_namespaced_documented_and_distinct():
    source = (ROOT / "crawler" / "crawl" / "stats.py").read_text("utf-8")
    keys = {name: value for name, value in vars(stats).items() if name.isupper() and isinstance(value, str) and name != "PREFIX"}
    assert len(set(keys.values())) == len(keys)
    for name, value in keys.items():
        assert value.startswith("newsarchive/"), name
        assert re.search(rf"^{name} = .*  # \S", source, re.M), f"{name} has no one-line doc"
    for table in (stats.ARTICLE_OUTCOMES, stats.REJECTED, stats.SKIPPED):
        assert set(table.values()) <= set(keys.values())


def test_no_module_rebinds_a_key_it_imports():
    """A module-level name of its own under a key's name would replace the key where it is used."""
    import importlib

    keys = {name for name in vars(stats) if name.isupper()}
    for path in [*sorted((ROOT / "crawler").rglob("*.py")), *sorted((ROOT / "spiders").rglob("*.py"))]:
        text = path.read_text("utf-8")
        imported = re.search(r"from (?:\.|crawler\.)stats import \(?([^)]*?)\)?\n(?!\s)", text, re.S)
        if not imported or path.name == "stats.py":
            continue
        module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
        for name in re.findall(r"\w+", imported.group(1)):
            if name in keys:
                assert getattr(module, name) is getattr(stats, name), f"{path.relative_to(ROOT)} rebinds {name}"
