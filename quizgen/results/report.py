"""``report.html``: the class report, one self-contained page (inline CSS, inline SVG charts,
no script, no request to any other file or host). Every text is escaped by Jinja2's
autoescape; each chart carries a text alternative and the same figures as a table."""

from __future__ import annotations

from collections.abc import Sequence

from ..resources import templates_dir
from .analysis import ItemStats, Scored
from .score import Build, number_text

BINS = 10
CHART_W, CHART_H = 560, 200


def _histogram(results: Sequence[Scored]) -> list[dict]:
    counts = [0] * BINS
    for s in results:
        share = float(s.score / s.max) if s.max else 0.0
        counts[min(BINS - 1, int(share * BINS))] += 1
    top = max(counts) or 1
    width = CHART_W / BINS
    return [
        {
            "label": f"{i * 100 // BINS}–{(i + 1) * 100 // BINS}%",
            "count": c,
            "x": round(i * width + 2, 1),
            "w": round(width - 4, 1),
            "h": round(c / top * (CHART_H - 30), 1),
        }
        for i, c in enumerate(counts)
    ]


def _items(stats: Sequence[ItemStats]) -> list[dict]:
    rows = []
    for i, s in enumerate(stats):
        rows.append(
            {
                "stats": s,
                "y": i * 22,
                "difficulty": "–" if s.difficulty is None else f"{s.difficulty:.2f}",
                "discrimination": "–" if s.discrimination is None else f"{s.discrimination:.2f}",
                "dw": round((s.difficulty or 0) * 200, 1),
                "cw": round(max(0.0, s.discrimination or 0) * 200, 1),
                "cneg": round(max(0.0, -(s.discrimination or 0)) * 200, 1),
            }
        )
    return rows


def report_html(
    build: Build,
    results: Sequence[Scored],
    stats: Sequence[ItemStats],
    missed: Sequence[tuple[str, float, list[str]]],
    problems: Sequence[str],
) -> bytes:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    manifest = build.manifest
    scores = [float(s.score / s.max) for s in results if s.max]
    page = env.get_template("report.html.j2").render(
        title=manifest.get("title") or manifest.get("bank", {}).get("title", ""),
        bank=manifest.get("bank", {}),
        lang=next(iter(build.versions.values())).get("language", "en"),
        results=results,
        number=number_text,
        mean=f"{sum(scores) / len(scores) * 100:.0f}%" if scores else "–",
        histogram=_histogram(results),
        chart_w=CHART_W,
        chart_h=CHART_H,
        items=_items(stats),
        choice_items=[s for s in stats if s.choices],
        missed=missed,
        problems=problems,
    )
    return page.encode("utf-8")
