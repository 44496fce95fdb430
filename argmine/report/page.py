"""The report page: one HTML string, self-contained, every piece of text escaped.

Sections: the targets (each with its actor network), the actors (claims,
stance mix, stance over time) and the documents (their text with each claim
highlighted once, coloured by stance, linked to its actor).
"""

from __future__ import annotations

from typing import Optional, Sequence

from argmine.network.statements import ClaimFacts, Node
from argmine.report.content import STANCE_ORDER, ReportClaim, ReportContent, ReportDocument
from argmine.report.escape import clean, escape
from argmine.report.svg import COLOURS, DrawnNode, mix_svg, network_svg, timeline_svg

#: Nothing may load: no script, font, frame or request of any kind; inline styles and data images only.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
#: Actors drawn in a target's network: the most active ones.
DRAWN_ACTORS = 40

STYLE = (
    "body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60em;padding:1em;color:#222}"
    "h1,h2,h3{line-height:1.2}.muted{color:#777}.text{white-space:pre-wrap;border-left:3px solid #ddd;padding-left:1em}"
    "mark{padding:0 .1em;border-radius:2px}sup.who a{font-size:.7em;color:#333;text-decoration:none}"
    "svg text{font:10px sans-serif;fill:#333}section.item{border-top:1px solid #eee;padding:.5em 0}"
    "ul.claims{font-size:.9em}.legend span{padding:0 .4em;margin-right:.4em}"
    + "".join(f"mark.s-{s}{{background:{c}33;border-bottom:2px solid {c}}}" for s, c in COLOURS.items())
    + "".join(f".legend .s-{s}{{background:{c}33;border-bottom:2px solid {c}}}" for s, c in COLOURS.items())
)


def actor_anchors(actors: dict[str, Node]) -> dict[str, str]:
    """A safe, stable anchor per actor node (node ids may hold any character)."""
    return {node_id: f"actor-{n}" for n, node_id in enumerate(actors, start=1)}


def nested(claims: Sequence[ReportClaim], length: int) -> list[tuple[int, int, ReportClaim]]:
    """Claim spans that never cross: a span that runs past an enclosing one is cut at its end.

    So spans nest or follow each other, and each claim gets exactly one highlight.
    """
    spans = sorted(
        ((min(max(c.start, 0), length), min(max(c.end, 0), length), c) for c in claims), key=lambda s: (s[0], -s[1], s[2].number)
    )
    out: list[tuple[int, int, ReportClaim]] = []
    open_ends: list[int] = []
    for start, end, claim in spans:
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        if open_ends:
            end = min(end, open_ends[-1])
        end = max(end, start)
        out.append((start, end, claim))
        open_ends.append(end)
    return out


def _mark_open(claim: ReportClaim) -> str:
    about = "; ".join(f"{target}: {stance}" for target, stance in claim.stances)
    return f'<mark class="claim s-{escape(claim.stance)}" id="claim-{claim.number}" title="{escape(claim.actor.label)} — {escape(about)}">'


def _mark_close(claim: ReportClaim, anchors: dict[str, str]) -> str:
    return f'</mark><sup class="who"><a href="#{anchors[claim.actor.id]}">{escape(claim.actor.label)}</a></sup>'


def highlighted(text: str, claims: Sequence[ReportClaim], anchors: dict[str, str]) -> str:
    """`text` escaped, each claim's span in one <mark> (nested where claims nest), its actor linked after it."""
    parts: list[str] = []
    position = 0
    stack: list[tuple[int, ReportClaim]] = []

    def close_until(limit: Optional[int]) -> None:
        nonlocal position
        while stack and (limit is None or stack[-1][0] <= limit):
            end, claim = stack.pop()
            parts.append(escape(text[position:end]) + _mark_close(claim, anchors))
            position = end

    for start, end, claim in nested(claims, len(text)):
        close_until(start)
        parts.append(escape(text[position:start]) + _mark_open(claim))
        position = start
        stack.append((end, claim))
    close_until(None)
    parts.append(escape(text[position:]))
    return "".join(parts)


def document_section(document: ReportDocument, number: int, anchors: dict[str, str]) -> str:
    about = " · ".join(escape(x) for x in (document.date or "undated", document.outlet, document.doc) if x)
    head = f'<section class="item" id="doc-{number}"><h3>{escape(document.title)}</h3><p class="muted">{about} · {len(document.claims)} claims</p>'
    if document.text is not None:
        body = f'<div class="text">{highlighted(document.text, document.claims, anchors)}</div>'
    else:  # claims piped in without their documents: each claim's own text
        body = "".join(f'<p class="text">{highlighted(c.text, [_whole(c)], anchors)}</p>' for c in document.claims)
    return head + body + "</section>"


def _whole(claim: ReportClaim) -> ReportClaim:
    return ReportClaim(claim.number, claim.claim_id, claim.doc, 0, len(claim.text), claim.text, claim.actor, claim.stances, claim.date)


def _mix(facts: Sequence[ClaimFacts]) -> dict[str, int]:
    mix: dict[str, int] = {}
    for fact in facts:
        mix[fact.stance] = mix.get(fact.stance, 0) + 1
    return mix


def _mix_text(mix: dict[str, int]) -> str:
    return ", ".join(f"{mix[s]} {s}" for s in STANCE_ORDER if mix.get(s))


def actor_section(node: Node, anchor: str, facts: Sequence[ClaimFacts], claims: Sequence[ReportClaim]) -> str:
    mix = _mix(facts)
    items = "".join(
        f'<li><a href="#claim-{c.number}">{escape(c.doc)}</a> '
        f'<span class="muted">{escape("; ".join(f"{t}: {s}" for t, s in c.stances))}</span> — {escape(_snippet(c.text))}</li>'
        for c in claims
    )
    return (
        f'<section class="item" id="{anchor}"><h3>{escape(node.label)} <span class="muted">({escape(node.kind)})</span></h3>'
        f"<p>{len(claims)} claims · {mix_svg(mix)} {escape(_mix_text(mix))}</p>"
        f"<p>Stance over time: {timeline_svg([(f.date, f.stance) for f in facts])}</p>"
        f'<ul class="claims">{items}</ul></section>'
    )


def _snippet(text: str, limit: int = 160) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def target_section(target: str, number: int, facts: Sequence[ClaimFacts], anchors: dict[str, str]) -> str:
    """A target's actors (the most active drawn) linked by agreement (green) or conflict (red)."""
    from argmine.aggregate import overall_stance
    from argmine.network.build import NetworkOptions, build_network

    by_actor: dict[str, list[ClaimFacts]] = {}
    for fact in facts:
        by_actor.setdefault(fact.actor.id, []).append(fact)
    sided = [a for a in by_actor if any(f.stance in ("support", "oppose", "mixed") for f in by_actor[a])]
    ranked = sorted(sided, key=lambda a: (-len(by_actor[a]), by_actor[a][0].actor.label.casefold(), a))[:DRAWN_ACTORS]
    drawn = sorted(ranked, key=lambda a: (by_actor[a][0].actor.label.casefold(), a))
    index = {actor: i for i, actor in enumerate(drawn)}
    nodes = [
        DrawnNode(by_actor[a][0].actor.label, overall_stance(_mix(by_actor[a])), len(by_actor[a]), anchors[a]) for a in drawn
    ]
    chosen = [f for f in facts if f.actor.id in index]
    matrix = build_network(chosen, NetworkOptions(network_type="onemode", aggregation="subtract")).matrices[0]
    edges = [(index[s.id], index[t.id], w) for s, t, w in matrix.edges()]
    mix = _mix(facts)
    shown = f"the {len(drawn)} most active of {len(sided)} actors who took sides" if len(sided) > len(drawn) else f"{len(sided)} actors who took sides"
    return (
        f'<section class="item" id="target-{number}"><h3>{escape(target)}</h3>'
        f"<p>{len(facts)} claims by {len(by_actor)} actors · {mix_svg(mix)} {escape(_mix_text(mix))}</p>"
        f'<p class="muted">Network: {shown}; a line joins two actors who took sides on this target, '
        f"green where they agree more than they conflict, red otherwise.</p>{network_svg(nodes, edges)}</section>"
    )


def render_page(content: ReportContent, title: str = "argmine report") -> str:
    """The whole page."""
    anchors = actor_anchors(content.actors)
    targets = content.targets()
    by_actor: dict[str, list[ClaimFacts]] = {}
    for fact in content.facts:
        by_actor.setdefault(fact.actor.id, []).append(fact)
    claims_of: dict[str, list[ReportClaim]] = {}
    for claim in content.claims():
        claims_of.setdefault(claim.actor.id, []).append(claim)
    legend = "".join(f'<span class="s-{s}">{s}</span>' for s in STANCE_ORDER)
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title><style>{STYLE}</style></head><body>',
        f"<h1>{escape(title)}</h1><p>{len(content.documents)} documents · {len(content.claims())} claims · "
        f'{len(content.actors)} actors · {len(targets)} targets</p><p class="legend">Stance: {legend}</p>',
        '<nav><a href="#targets">Targets</a> · <a href="#actors">Actors</a> · <a href="#documents">Documents</a></nav>',
        '<h2 id="targets">Targets</h2>',
    ]
    parts += [target_section(t, n, [f for f in content.facts if f.target == t], anchors) for n, t in enumerate(targets, start=1)]
    parts.append('<h2 id="actors">Actors</h2>')
    parts += [actor_section(node, anchors[a], by_actor.get(a, []), claims_of.get(a, [])) for a, node in content.actors.items()]
    parts.append('<h2 id="documents">Documents</h2>')
    parts += [document_section(d, n, anchors) for n, d in enumerate(content.documents, start=1)]
    parts.append("</body></html>\n")
    return "".join(parts)
