"""The README stays honest: its commands exist, its source example is a valid entry."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from crawler.cli import cli
from crawler.sources.registry import load_source

README = (Path(__file__).parent.parent / "README.md").read_text("utf-8")


def test_readme_opens_with_the_two_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()] == ["make demo", "make test"]


def test_every_command_in_the_readme_exists():
    used = set(re.findall(r"bin/newsarchive (\w[\w-]*)", README))
    assert used and used <= set(cli.commands)
    for command in used:
        assert CliRunner().invoke(cli, [command, "--help"]).exit_code == 0


def test_options_in_the_readme_exist():
    help_text = "".join(CliRunner().invoke(cli, [c, "--help"]).output for c in cli.commands)
    for option in set(re.findall(r"`(--[a-z-]+)", README)):
        assert option in help_text, option


def test_source_example_is_a_valid_entry(tmp_path):
    example = re.search(r"```toml\n(.*?)```", README, re.S).group(1)
    path = tmp_path / "baolamdong.toml"
    path.write_text(example, "utf-8")
    source = load_source(path)
    assert all(source.is_article(url) and not source.is_listing(url) for url in source.examples)
    assert all(source.is_listing(url) for url in source.start_urls)


def readme_table(heading: str) -> list[list[str]]:
    """The rows (cells stripped) of the first table after ``heading`` in the README."""
    section = README.split(heading, 1)[1]
    lines = re.search(r"\n(\|.*\|\n)+", section).group(0).strip().splitlines()
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines[2:]]


ROOT = Path(__file__).parent.parent


def test_layout_names_every_module_and_only_paths_that_exist():
    named = {path.strip("`") for row in readme_table("## Layout") for path in row[0].split(", ")}
    assert all((ROOT / path).exists() for path in named), sorted(p for p in named if not (ROOT / p).exists())
    modules = [p.relative_to(ROOT).as_posix() for folder in ("crawler", "archive", "spiders", "benchmarks")
               for p in sorted((ROOT / folder).rglob("*.py")) if p.name not in ("__init__.py", "__main__.py")]
    folders = {p for p in named if p.endswith("/")}
    missing = [m for m in modules if m not in named and not any(m.startswith(f) for f in folders)]
    assert not missing, f"README's layout misses {missing}"


def settings_table() -> list[list[str]]:
    """The table of NEWSARCHIVE_* settings as crawler/crawl/settings.py says them: name, default, comment."""
    text = (ROOT / "crawler" / "crawl" / "settings.py").read_text("utf-8")
    return [[f"`{name}`", f"`{default}`", comment.replace("|", "\\|")]
            for name, default, comment in re.findall(r"^(NEWSARCHIVE_\w+) = (.+?)  # (.*)$", text, re.M)]


def test_settings_table_is_the_settings_module():
    expected = settings_table()
    assert readme_table("## Settings") == expected, "README's settings table, from crawler/crawl/settings.py:\n" + "\n".join(
        "| " + " | ".join(row) + " |" for row in expected)


def test_export_schema_is_the_export_s_fields_in_order():
    from crawler.corpus.export import FIELDS

    documented = [name.strip("`") for row in readme_table("### Record schema") for name in row[0].split(", ")]
    assert documented == [name for name, *_ in FIELDS]
