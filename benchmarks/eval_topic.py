"""Party-building tagging on a labelled set: the threshold it supports, and precision and recall.

``python benchmarks/eval_topic.py [DIR]`` (part of ``make eval``) reads ``DIR/labels.jsonl`` (one
article a line: ``title``, ``text``, ``label`` "party-building" or "other", ``kind``), scores
every article, and prints precision and recall at the documented ``crawler.corpus.topic.THRESHOLD``,
the threshold that maximises F1 on the set (the midpoint of the widest best gap, so a score
moving a little does not flip it), a 2-fold cross-check (threshold chosen on one half, scored
on the other: what to expect on articles the term list was not tuned on), and the errors.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from crawler.corpus import topic

DEFAULT_DIR = Path(__file__).parent.parent / "tests" / "topic"


@dataclass(frozen=True)
class Scored:
    id: str
    kind: str
    title: str
    positive: bool
    score: float


def load(folder: Path = DEFAULT_DIR) -> list[Scored]:
    rows = [json.loads(line) for line in (folder / "labels.jsonl").read_text("utf-8").splitlines() if line.strip()]
    return [Scored(r["id"], r["kind"], r["title"], r["label"] == topic.TOPIC, topic.score(r["title"], r["text"])) for r in rows]


def precision_recall(items: list[Scored], threshold: float) -> tuple[float, float]:
    tp = sum(i.positive and i.score >= threshold for i in items)
    fp = sum(not i.positive and i.score >= threshold for i in items)
    fn = sum(i.positive and i.score < threshold for i in items)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def best_threshold(items: list[Scored]) -> float:
    """Midpoint of the widest gap between adjacent scores among those giving the best F1."""
    scores = sorted({i.score for i in items})
    gaps = [(a, b) for a, b in zip(scores, scores[1:])]
    def quality(gap):
        return round(f1(*precision_recall(items, (gap[0] + gap[1]) / 2)), 9), gap[1] - gap[0]
    low, high = max(gaps, key=quality)
    return round((low + high) / 2, 1)


def cross_check(items: list[Scored]) -> tuple[float, float]:
    """Precision and recall over both halves, each scored at the threshold chosen on the other."""
    halves = [items[0::2], items[1::2]]
    tp = fp = fn = 0
    for train, test in ((halves[0], halves[1]), (halves[1], halves[0])):
        threshold = best_threshold(train)
        tp += sum(i.positive and i.score >= threshold for i in test)
        fp += sum(not i.positive and i.score >= threshold for i in test)
        fn += sum(i.positive and i.score < threshold for i in test)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def report(items: list[Scored]) -> str:
    positives = sum(i.positive for i in items)
    precision, recall = precision_recall(items, topic.THRESHOLD)
    cv_precision, cv_recall = cross_check(items)
    errors = [i for i in items if i.positive != (i.score >= topic.THRESHOLD)]
    lines = [
        f"topic {topic.TOPIC}: {len(items)} labelled articles, {positives} on topic, {len(items) - positives} not",
        f"threshold {topic.THRESHOLD} (best F1 on this set: {best_threshold(items)})",
        f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1(precision, recall):.3f}",
        f"2-fold cross-check: precision {cv_precision:.3f}  recall {cv_recall:.3f}",
        *(f"  {'missed' if i.positive else 'false alarm'}: {i.id} [{i.kind}] {i.score:.1f} {i.title}" for i in errors),
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else DEFAULT_DIR
    print(report(load(folder)))


if __name__ == "__main__":
    main(sys.argv[1:])
