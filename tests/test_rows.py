"""Commands that print rows share one --json/--csv/table switch; errors carry the README's exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler import errors
from crawler.cli import cli
from crawler.rows import Column, field, flat, table_lines

README = (Path(__file__).parent.parent / "README.md").read_text("utf-8")


@pytest.mark.parametrize("command", ["sources", "crawls", "crawl", "write", "reextract"])
def test_every_command_printing_rows_takes_json_and_csv(command):
    help_text = CliRunner().invoke(cli, [command, "--help"]).output
    assert "--json" in help_text and "--csv" in help_text


def test_the_exit_codes_are_the_readme_s():
    table = dict(re.findall(r"^\| (\d+) \| ([^|]+) \|", README, re.M))
    assert {errors.EXIT_FAILED, errors.EXIT_USAGE, errors.EXIT_BUSY, errors.EXIT_INTERRUPTED} | {0} == set(map(int, table))
    assert (errors.Refused.exit_code, errors.Failed.exit_code, errors.Busy.exit_code, errors.Interrupted.exit_code) == (2, 1, 75, 130)


def test_a_table_aligns_its_columns_and_a_record_flattens_for_csv():
    columns = [field("source", width=8), Column("n", lambda r: r["n"] * 2, width=3, align=">"), field("status", gap="  ")]
    assert list(table_lines([{"source": "a", "n": 4, "status": "ok"}], columns)) == ["source     n  status", "a          8  ok"]
    assert flat({"key": "a", "domains": ["x", "y"], "health": {"articles": 3}}) == {"key": "a", "domains": "x, y", "health_articles": 3}
