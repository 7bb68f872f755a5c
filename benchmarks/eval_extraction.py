"""Extraction quality on a labelled set of pages, ours beside plain trafilatura.

``python benchmarks/eval_extraction.py [DIR]`` (``make eval``) reads ``DIR/labels.jsonl`` and the pages
in ``DIR/pages/`` and prints, per extractor: body recall (share of labelled paragraphs found in
the text), furniture leaks (labelled furniture strings found in the text), title accuracy,
published accuracy at minute precision (pages that show a time) and at day precision, author
accuracy, and milliseconds per page. Ours runs with no site profile, so the figures measure the
generic rules. Both outputs get the same white-space folding before comparison; nothing else.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from crawler.extract import extract_article

DEFAULT_DIR = Path(__file__).parent.parent / "tests" / "eval"


@dataclass
class Scores:
    pages: int = 0
    paragraphs: int = 0
    paragraphs_found: int = 0
    leaks: int = 0
    titles: int = 0
    timed_pages: int = 0
    minute_hits: int = 0
    dated_pages: int = 0
    day_hits: int = 0
    authors: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {
            "body recall": self.paragraphs_found / max(self.paragraphs, 1),
            "furniture leaks": self.leaks,
            "title accuracy": self.titles / max(self.pages, 1),
            "published (minute)": self.minute_hits / max(self.timed_pages, 1),
            "published (day)": self.day_hits / max(self.dated_pages, 1),
            "author accuracy": self.authors / max(self.pages, 1),
            "ms/page": 1000 * self.seconds / max(self.pages, 1),
        }


def ours(page: bytes, url: str) -> dict:
    return extract_article(page, url).as_dict()


def plain_trafilatura(page: bytes, url: str) -> dict:
    """trafilatura as its users call it: comments excluded, metadata on, JSON out."""
    result = trafilatura.extract(page, url=url, include_comments=False, with_metadata=True, output_format="json")
    data = json.loads(result) if result else {}
    return {"title": data.get("title"), "text": data.get("text") or "", "published": data.get("date"), "author": data.get("author")}


EXTRACTORS: dict[str, Callable[[bytes, str], dict]] = {"ours": ours, "trafilatura": plain_trafilatura}


def load_labels(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "labels.jsonl").read_text("utf-8").splitlines() if line.strip()]


def score(extractor: Callable[[bytes, str], dict], folder: Path, labels: list[dict]) -> Scores:
    scores = Scores()
    for label in labels:
        page = (folder / "pages" / label["file"]).read_bytes()
        started = time.perf_counter()
        result = extractor(page, label["url"])
        scores.seconds += time.perf_counter() - started
        text = " ".join((result.get("text") or "").split())
        scores.pages += 1
        found = [p for p in label["paragraphs"] if p in text]
        scores.paragraphs += len(label["paragraphs"])
        scores.paragraphs_found += len(found)
        leaked = [f for f in label["furniture"] if f in text]
        scores.leaks += len(leaked)
        title_ok = result.get("title") == label["title"]
        scores.titles += title_ok
        expected, got = label["published"], result.get("published") or ""
        if expected:
            scores.dated_pages += 1
            scores.day_hits += got[:10] == expected[:10]
            if "T" in expected:
                scores.timed_pages += 1
                scores.minute_hits += got[:16] == expected[:16] and got[19:] == expected[19:]
        author_ok = result.get("author") == label["author"]
        scores.authors += author_ok
        problems = [
            *(f"missing paragraph: {p[:50]}" for p in label["paragraphs"] if p not in found),
            *(f"leak: {f[:50]}" for f in leaked),
            *([f"title: {result.get('title')!r}"] if not title_ok else []),
            *([f"published: {got!r} != {expected!r}"] if expected and got != expected or not expected and got else []),
            *([f"author: {result.get('author')!r} != {label['author']!r}"] if not author_ok else []),
        ]
        scores.misses += [f"{label['file']}: {p}" for p in problems]
    return scores


def report(results: dict[str, Scores], labels: list[dict]) -> str:
    layouts = len({label["layout"] for label in labels})
    names = list(results)
    lines = [f"{len(labels)} labelled pages, {layouts} layouts", f"{'':<22}" + "".join(f"{n:>14}" for n in names)]
    figures = {n: s.figures() for n, s in results.items()}
    for metric in figures[names[0]]:
        cells = "".join(
            f"{figures[n][metric]:>14.1f}" if metric in {"ms/page", "furniture leaks"} else f"{figures[n][metric]:>14.3f}" for n in names
        )
        lines.append(f"{metric:<22}{cells}")
    return "\n".join(lines)


def evaluate(folder: Path = DEFAULT_DIR, extractors: dict[str, Callable[[bytes, str], dict]] = EXTRACTORS) -> dict[str, Scores]:
    labels = load_labels(folder)
    return {name: score(extractor, folder, labels) for name, extractor in extractors.items()}


def main(argv: list[str]) -> None:
    paths = [a for a in argv if not a.startswith("-")]
    folder = Path(paths[0]) if paths else DEFAULT_DIR
    verbose = "-v" in argv
    labels = load_labels(folder)
    # Warm both up once (imports, dateparser's language data) so ms/page measures extraction.
    first = labels[0]
    for extractor in EXTRACTORS.values():
        extractor((folder / "pages" / first["file"]).read_bytes(), first["url"])
    results = evaluate(folder)
    print(report(results, labels))
    if verbose:
        print("\nour misses:\n" + "\n".join(results["ours"].misses))


if __name__ == "__main__":
    main(sys.argv[1:])
