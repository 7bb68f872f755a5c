"""Articles per month as a stacked bar chart in inline SVG: drawn on the server, so the front page
needs no script, no plugin assets and no network to show it."""

from __future__ import annotations

from collections import defaultdict
from html import escape

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")
OTHER_COLOUR = "#b0b0b0"
WIDTH, HEIGHT = 960, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 36


def months_between(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from ``first`` to ``last``, both included."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _nice_step(top: int) -> int:
    """A round gridline step giving four to eight lines up to ``top``."""
    step = 1
    while top / step > 8:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if top / step <= 8:
                break
    return step


def monthly_chart(counts: list[tuple[str, str, int]], *, series_label: str, max_series: int = len(PALETTE),
                  max_months: int = 120) -> str:
    """SVG of ``(month, series, articles)`` rows: one bar per month, stacked by series, the biggest
    ``max_series`` series in colour and the rest as "other"; the last ``max_months`` months at most."""
    if not counts:
        return '<p class="chart-empty">No dated articles yet.</p>'
    totals: dict[str, int] = defaultdict(int)
    for _, series, n in counts:
        totals[series or "(none)"] += n
    ranked = sorted(totals, key=lambda s: (-totals[s], s))
    shown = ranked[:max_series] if len(ranked) > max_series + 1 else ranked
    colours = dict(zip(shown, PALETTE, strict=False))
    by_month: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for month, series, n in counts:
        series = series or "(none)"
        by_month[month][series if series in colours else "other"] += n
    months = months_between(min(by_month), max(by_month))[-max_months:]
    peak = max(sum(by_month[m].values()) for m in months) or 1
    step = _nice_step(peak)
    top = -(-peak // step) * step
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(months)
    bar = max(1.0, slot * 0.8)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="chart-title"><title id="chart-title">Articles per month by {escape(series_label)}</title>',
        '<g class="grid" font-size="11" fill="#555">',
    ]
    for value in range(0, top + 1, step):
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#e3e3e3"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{value}</text>')
    parts.append("</g>")
    label_every = 1 if len(months) <= 12 else 3 if len(months) <= 36 else 12
    yearly = label_every == 12
    for i, month in enumerate(months):
        x = LEFT + i * slot + (slot - bar) / 2
        base = 0
        for series in [*shown, "other"]:
            n = by_month.get(month, {}).get(series, 0)
            if not n:
                continue
            colour = colours.get(series, OTHER_COLOUR)
            parts.append(
                f'<rect x="{x:.1f}" y="{y(base + n):.1f}" width="{bar:.1f}" height="{plot_h * n / top:.1f}" '
                f'fill="{colour}"><title>{month} · {escape(series)}: {n}</title></rect>'
            )
            base += n
        if (month.endswith("-01") or i == 0) if yearly else (int(month[5:7]) - 1) % label_every == 0:
            parts.append(
                f'<text x="{LEFT + (i + 0.5) * slot:.1f}" y="{HEIGHT - BOTTOM + 16}" font-size="11" fill="#555" '
                f'text-anchor="middle">{month[:4] if yearly else month}</text>'
            )
    parts.append("</svg>")
    legend = [*shown, *(["other"] if len(shown) < len(ranked) else [])]
    items = "".join(
        f'<li><span class="swatch" style="background:{colours.get(s, OTHER_COLOUR)}"></span>{escape(s)} '
        f'<small>({totals[s] if s in totals else sum(totals[r] for r in ranked if r not in colours)})</small></li>'
        for s in legend
    )
    return "".join(parts) + f'<ul class="chart-legend">{items}</ul>'
