"""The report's drawings as inline SVG strings: a target's actor network, a stance mix, stance over time.

Every label goes through `escape` (the page's own escaping); sizes are
fixed so the page lays out before anything is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional, Sequence

from argmine.dates import date_bounds
from argmine.report.content import STANCE_ORDER
from argmine.report.layout import force_layout
from argmine.report.escape import escape

COLOURS = {"support": "#1a9850", "oppose": "#d73027", "mixed": "#e6a100", "neutral": "#8c8c8c"}


@dataclass(frozen=True)
class DrawnNode:
    label: str
    stance: str  # the actor's overall stance: the node's colour
    claims: int  # the node's size
    anchor: str  # the id it links to


def network_svg(nodes: Sequence[DrawnNode], edges: Sequence[tuple[int, int, float]], *, size: int = 520) -> str:
    """Actors as circles (coloured by stance, sized by claims), edges green when they agree, red when they conflict."""
    points = force_layout(len(nodes), edges)
    margin = 90
    scale = (size - 2 * margin) / 2

    def at(i: int) -> tuple[float, float]:
        return (size / 2 + points[i][0] * scale, size / 2 + points[i][1] * scale)

    parts = [f'<svg class="network" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size}" height="{size}" role="img">']
    for i, j, weight in edges:
        (x1, y1), (x2, y2) = at(i), at(j)
        colour = COLOURS["support"] if weight > 0 else COLOURS["oppose"]
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-opacity="0.6" stroke-width="{1 + min(abs(weight), 6):.1f}"><title>{abs(weight):g}</title></line>'
        )
    for i, node in enumerate(nodes):
        x, y = at(i)
        radius = 5 + min(node.claims, 30) ** 0.5 * 2
        parts.append(
            f'<a href="#{node.anchor}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{COLOURS.get(node.stance, "#8c8c8c")}">'
            f"<title>{escape(node.label)}: {node.claims} claims, {node.stance}</title></circle>"
            f'<text x="{x:.1f}" y="{y + radius + 11:.1f}" text-anchor="middle">{escape(_shortened(node.label))}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _shortened(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def mix_svg(mix: dict[str, int], *, width: int = 200, height: int = 12) -> str:
    """A stacked bar: each stance's share of the claims."""
    total = sum(mix.values()) or 1
    parts = [f'<svg class="mix" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">']
    x = 0.0
    for stance in STANCE_ORDER:
        share = mix.get(stance, 0) / total * width
        if share:
            parts.append(f'<rect x="{x:.1f}" y="0" width="{share:.1f}" height="{height}" fill="{COLOURS[stance]}"><title>{stance}: {mix[stance]}</title></rect>')
            x += share
    parts.append("</svg>")
    return "".join(parts)


def _day(value: Optional[str]) -> Optional[date]:
    try:
        return date_bounds(value)[0] if value else None
    except ValueError:
        return None


def timeline_svg(points: Sequence[tuple[Optional[str], str]], *, width: int = 320, height: int = 56) -> str:
    """Stance over time: one dot per dated claim, its row the stance (support on top, oppose at the bottom)."""
    dated = [(day, stance) for day, stance in ((_day(v), s) for v, s in points) if day is not None]
    if not dated:
        return '<span class="muted">no dated claims</span>'
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = (last - first).days or 1
    rows = {stance: 8 + i * 13 for i, stance in enumerate(STANCE_ORDER)}
    parts = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 14}">']
    for day, stance in dated:
        x = 6 + (day - first).days / span * (width - 12) if last != first else width / 2
        parts.append(f'<circle cx="{x:.1f}" cy="{rows.get(stance, 8)}" r="4" fill="{COLOURS.get(stance, "#8c8c8c")}" fill-opacity="0.7"><title>{day.isoformat()}: {stance}</title></circle>')
    parts.append(f'<text x="0" y="{height + 12}">{first.isoformat()}</text>')
    if last != first:
        parts.append(f'<text x="{width}" y="{height + 12}" text-anchor="end">{last.isoformat()}</text>')
    parts.append("</svg>")
    return "".join(parts)
