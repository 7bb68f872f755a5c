"""The README stays honest: its commands exist, its source example is a valid entry."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from crawler.cli import cli
from crawler.registry import load_source

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
