"""Ours beside plain trafilatura on trafilatura's own multilingual evaluation set.

    python benchmarks/trafilatura_eval.py PATH [--no-url]

PATH is a trafilatura checkout, its ``tests`` folder, or the annotation file itself. The set is
not part of this repository: fetch a trafilatura checkout yourself and point this script at it.
Its annotations (``tests/evaldata.json`` in current checkouts, ``tests/evaldata.py`` in older ones)
map each page URL to the saved page's file name (looked up under ``cache/`` and ``eval/`` beside
the annotations, gzipped or not), a ``with`` list of text chunks the extracted text must contain
and a ``without`` list of chunks it must not contain. A ``.py`` annotation file is never run: the
dict literal assigned in it is read with ``ast.literal_eval``.

Per page and extractor, a ``with`` chunk found in the output is a true positive and one missing a
false negative; a ``without`` chunk found is a false positive and one absent a true negative. Both
the chunks and the output get the same white-space folding before the substring test, nothing
else. Printed per extractor: pages, failures (an exception, or no text at all), precision, recall,
accuracy, F1 and the seconds spent extracting.

Ours is ``crawler.extract.extract_article(page, url)`` with the entry's URL (``""`` with
``--no-url``, which also hides the URL from trafilatura); an exception counts as empty output.
Trafilatura runs as its users call it: ``trafilatura.extract(page, url=..., include_comments=False)``.
The set is mostly German, English and other European pages, so it measures how well the generic
rules hold up away from Vietnamese portals, not the Vietnamese-specific ones.
"""

from __future__ import annotations

import ast
import gzip
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from crawler.extract import extract_article

ANNOTATION_NAMES = ("evaldata.json", "evaldata.py")
PAGE_FOLDERS = ("cache", "eval")


def find_annotations(path: Path) -> Path:
    """The annotation file at PATH, in PATH, or in PATH/tests."""
    if path.is_file():
        return path
    for folder in (path, path / "tests"):
        for name in ANNOTATION_NAMES:
            if (folder / name).is_file():
                return folder / name
    raise SystemExit(f"no {' or '.join(ANNOTATION_NAMES)} in {path} or {path / 'tests'}")


def dict_literal(source: str) -> dict:
    """The first top-level ``NAME = {...}`` in a Python source, evaluated as a literal only."""
    for node in ast.parse(source).body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, ast.Dict):
            return ast.literal_eval(value)
    raise SystemExit("the annotation module assigns no dict literal")


def load_annotations(file: Path) -> dict[str, dict]:
    text = file.read_text("utf-8")
    data = json.loads(text) if file.suffix == ".json" else dict_literal(text)
    if not isinstance(data, dict) or not data:
        raise SystemExit(f"{file}: expected a non-empty mapping of URL to annotation")
    return data


def read_page(folder: Path, name: str) -> bytes | None:
    for sub in PAGE_FOLDERS:
        for candidate in (folder / sub / name, folder / sub / f"{name}.gz"):
            if candidate.is_file():
                data = candidate.read_bytes()
                return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    return None


def fold(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Tally:
    pages: int = 0
    failures: int = 0
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    seconds: float = 0.0

    def count(self, output: str, wanted: list[str], unwanted: list[str]) -> None:
        text = fold(output)
        found = sum(fold(chunk) in text for chunk in wanted)
        leaked = sum(fold(chunk) in text for chunk in unwanted)
        self.pages += 1
        self.failures += not text
        self.tp += found
        self.fn += len(wanted) - found
        self.fp += leaked
        self.tn += len(unwanted) - leaked

    def figures(self) -> dict[str, float]:
        precision = self.tp / max(self.tp + self.fp, 1)
        recall = self.tp / max(self.tp + self.fn, 1)
        return {
            "pages": self.pages,
            "failures": self.failures,
            "precision": precision,
            "recall": recall,
            "accuracy": (self.tp + self.tn) / max(self.tp + self.fn + self.fp + self.tn, 1),
            "F1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "seconds": self.seconds,
        }


def ours(page: bytes, url: str) -> str:
    return extract_article(page, url).text or ""


def plain_trafilatura(page: bytes, url: str) -> str:
    return trafilatura.extract(page, url=url or None, include_comments=False) or ""


EXTRACTORS: dict[str, Callable[[bytes, str], str]] = {"ours": ours, "trafilatura": plain_trafilatura}


def run(path: Path, use_urls: bool = True) -> tuple[dict[str, Tally], list[str]]:
    file = find_annotations(path)
    annotations = load_annotations(file)
    tallies = {name: Tally() for name in EXTRACTORS}
    missing = []
    for key, entry in annotations.items():
        page = read_page(file.parent, entry["file"])
        if page is None:
            missing.append(entry["file"])
            continue
        url = key if use_urls and key.startswith(("http://", "https://")) else ""
        for name, extractor in EXTRACTORS.items():
            started = time.perf_counter()
            try:
                output = extractor(page, url)
            except Exception:  # a crash is scored as empty output, as a failure in production would be
                output = ""
            tallies[name].seconds += time.perf_counter() - started
            tallies[name].count(output, entry.get("with", []), entry.get("without", []))
    return tallies, missing


def report(tallies: dict[str, Tally]) -> str:
    names = list(tallies)
    figures = {name: tally.figures() for name, tally in tallies.items()}
    lines = [f"{'':<12}" + "".join(f"{name:>14}" for name in names)]
    for metric in figures[names[0]]:
        cells = []
        for name in names:
            value = figures[name][metric]
            cells.append(f"{value:>14d}" if metric in {"pages", "failures"} else f"{value:>14.3f}" if metric != "seconds" else f"{value:>14.1f}")
        lines.append(f"{metric:<12}" + "".join(cells))
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    paths = [a for a in argv if not a.startswith("-")]
    if len(paths) != 1:
        raise SystemExit(__doc__)
    use_urls = "--no-url" not in argv
    tallies, missing = run(Path(paths[0]), use_urls)
    print(f"trafilatura evaluation set, URLs {'given' if use_urls else 'withheld'}")
    print(report(tallies))
    if missing:
        print(f"{len(missing)} annotated pages not found, skipped: {', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}")


if __name__ == "__main__":
    main(sys.argv[1:])
