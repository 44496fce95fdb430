"""`argmine network`: discourse networks from the store, with DNA's options under DNA's names.

Reads every target's claims (or those of `--target`), makes DNA statements
(`argmine.network`), and writes GraphML, nodes and edges CSV, DNA's matrix
CSV, UCINET DL or DNA's event list. Never imports spaCy.

With `--window`, GraphML, matrix and DL write one file per window, named
from `-o` with the window's centre date (`net.graphml` ->
`net-2015-03-01.graphml`); CSV writes one long edge list with window columns.
"""

from __future__ import annotations

from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Iterator, Optional, TextIO

import typer

from argmine.cli.app import app
from argmine.cli.help import ArgmineCommand
from argmine.cli.messages import note, reported_errors
from argmine.cli.options import ClaimSourceArgument, JobsOption, KindChoice, StoreOption, Versions, VersionsOption
from argmine.errors import ArgmineError, UsageError
from argmine.vocabulary import ACTOR_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from argmine.network.build import NetworkOptions, NetworkResult
    from argmine.network.gather import Gathered
    from argmine.query import ClaimSource


class NetworkFormat(str, Enum):
    graphml = "graphml"
    csv = "csv"
    matrix = "matrix"
    dl = "dl"
    events = "events"


NETWORK_MODES = {"two-mode": "twomode", "twomode": "twomode", "one-mode": "onemode", "onemode": "onemode"}
_SUFFIXES = {".graphml": NetworkFormat.graphml, ".csv": NetworkFormat.csv, ".dl": NetworkFormat.dl}


def network_format(fmt: Optional[NetworkFormat], output: Optional[Path]) -> NetworkFormat:
    """--format, else the -o file's suffix (.graphml, .csv, .dl), else GraphML."""
    if fmt is not None:
        return fmt
    if output is not None and str(output) != "-":
        return _SUFFIXES.get(output.suffix.lower(), NetworkFormat.graphml)
    return NetworkFormat.graphml


def network_options(
    mode: str, aggregation: str, normalization: str, duplicates: str, window: Optional[str], since: Optional[str],
    until: Optional[str], isolates: bool, mixed: str,
) -> "NetworkOptions":
    """The command line as `NetworkOptions` (a bad choice is a usage error naming the option)."""
    from argmine.dates import DateRange, user_date
    from argmine.network.build import NetworkOptions
    from argmine.network.windows import WindowSpec

    network_type = NETWORK_MODES.get(mode.lower())
    if network_type is None:
        raise UsageError(f"--mode must be two-mode or one-mode, not {mode!r}")
    span = DateRange(user_date(since, "--since") if since else None, user_date(until, "--until") if until else None)
    options = NetworkOptions(
        network_type=network_type,  # type: ignore[arg-type]
        aggregation=aggregation.lower(),
        normalisation={"none": "no"}.get(normalization.lower(), normalization.lower()),
        duplicates=duplicates.lower(),
        span=span,
        window=WindowSpec.parse(window) if window else None,
        isolates=isolates,
        mixed=mixed.lower(),
    )
    return options


def window_path(output: Path, moment: object, number: int) -> Path:
    """`net.graphml` -> `net-2015-03-01.graphml` for the window centred on that day."""
    stamp = moment.strftime("%Y-%m-%d") if hasattr(moment, "strftime") else str(number)  # type: ignore[union-attr]
    return output.with_name(f"{output.stem}-{stamp}{output.suffix}")


def _write_matrices(result: "NetworkResult", fmt: NetworkFormat, output: Optional[Path]) -> int:
    """GraphML, matrix CSV or DL: one network to -o (or stdout), or one file per window."""
    from argmine.network.export.graphml import write_graphml
    from argmine.network.export.tables import write_dl, write_matrix_csv
    from argmine.output import atomic_output

    def one(matrix: object, fp: TextIO) -> None:
        if fmt is NetworkFormat.graphml:
            write_graphml(result, matrix, fp)  # type: ignore[arg-type]
        elif fmt is NetworkFormat.matrix:
            write_matrix_csv(matrix, fp)  # type: ignore[arg-type]
        else:
            write_dl(matrix, fp)  # type: ignore[arg-type]

    if not result.windowed:
        with atomic_output(output) as fp:
            one(result.matrices[0], fp)
        return 1
    if output is None or str(output) == "-":
        raise UsageError(f"--window with --format {fmt.value} writes one file per window: name one with -o FILE")
    for number, matrix in enumerate(result.matrices, start=1):
        with atomic_output(window_path(output, matrix.time, number)) as fp:
            one(matrix, fp)
    return len(result.matrices)


def _write_tables(result: "NetworkResult", output: Optional[Path], nodes: Optional[Path]) -> int:
    """The edge list to -o (with window columns when windowed), the node list to --nodes."""
    from argmine.network.export.tables import write_edges, write_nodes
    from argmine.output import atomic_output

    with atomic_output(output) as fp:
        rows = write_edges(result, fp)
    if nodes is not None:
        with atomic_output(nodes) as fp:
            write_nodes(result, fp)
    return rows


def _write_events(source: "ClaimSource", gathered: "Gathered", options: "NetworkOptions", output: Optional[Path]) -> int:
    """DNA's event list: one row per claim and target, claim records parsed for their text,
    each row with the claim's stance toward that row's target."""
    from argmine.network.build import build_events
    from argmine.network.export.events import ClaimDetails, DocumentDetails, write_events
    from argmine.output import atomic_output

    events = build_events(gathered.facts, options)
    chosen = list(dict.fromkeys(s.claim_id for s in events))
    records = source.load([gathered.rows[c] for c in chosen])
    details = {c: ClaimDetails(r.text, r.start, r.end, r.stance) for c, r in zip(chosen, records)}
    stances = {(f.claim_id, f.target): f.stance for f in gathered.facts}

    def document(doc: str) -> DocumentDetails:
        head = source.head_of(doc)
        meta = head.meta if head is not None else None
        return DocumentDetails(meta.title or "", meta.author or "", meta.outlet or "") if meta else DocumentDetails()

    with atomic_output(output) as fp:
        return write_events(
            events, details.__getitem__, document, fp, stance_of=lambda s: stances.get((s.claim_id, s.concept.label))
        )


@contextmanager
def network_claims(
    sources: Optional[list[str]], *, store: Optional[Path], targets: Optional[list[str]], versions: Versions, jobs: int
) -> "Iterator[tuple[ClaimSource, Optional[list[str]]]]":
    """Every target's claims (from the store, stdin or paths), and the targets asked for (None: all)."""
    from argmine.cli.runs import claim_groups, open_store
    from argmine.network.gather import store_source
    from argmine.query import ClaimSource

    if sources:
        first = targets[0] if targets else None
        found = ClaimSource.of_results(claim_groups(sources, store=store, target=first, versions=versions, jobs=jobs))
        yield found, _chosen(found.targets(), targets)
        return
    opened = open_store(store, create=False)
    try:
        chosen = _chosen(opened.targets(), targets)
        yield store_source(opened, chosen), chosen
    finally:
        opened.close()


def _chosen(available: list[str], asked: Optional[list[str]]) -> Optional[list[str]]:
    """The targets `--target` names (a name, a bundled name or a file), checked; None: all."""
    from argmine.query import choose_target

    if not asked:
        return None
    return [name for name in (choose_target(available, t) for t in asked) if name]


@app.command(cls=ArgmineCommand)
def network(
    sources: ClaimSourceArgument = None,
    mode: Annotated[str, typer.Option("--mode", "-m", metavar="two-mode|one-mode", help="Two-mode: actor × target; one-mode: actor × actor over shared targets.")] = "two-mode",
    aggregation: Annotated[
        str,
        typer.Option(
            "--qualifier-aggregation", "--aggregation", "-a", metavar="NAME",
            help="How the stance (DNA's qualifier) counts. Two-mode: ignore, subtract, combine; one-mode: ignore, congruence, conflict, subtract.",
        ),
    ] = "ignore",
    normalization: Annotated[
        str,
        typer.Option(
            "--normalization", "--normalisation", "-n", metavar="NAME",
            help="no; two-mode: activity, prominence; one-mode: average, jaccard, cosine.",
        ),
    ] = "no",
    duplicates: Annotated[
        str, typer.Option("--duplicates", metavar="include|document|week|month|year|acrossrange", help="Count equal statements once per document, calendar week, month, year or the whole range.")
    ] = "include",
    window: Annotated[Optional[str], typer.Option("--window", "-w", metavar="SIZE", show_default=False, help="Moving time windows, e.g. 6m, 2w, 30d, 1y: one network per window.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", metavar="DATE", show_default=False, help="Only documents dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="DATE", show_default=False, help="Only documents dated on or before DATE (inclusive, at its precision).")] = None,
    target: Annotated[Optional[list[str]], typer.Option("--target", "-t", metavar="NAME", show_default=False, help="Only these targets (repeatable). Default: every target in the store.")] = None,
    kind: Annotated[
        Optional[list[KindChoice]],  # type: ignore[valid-type]
        typer.Option("--kind", "-k", metavar="|".join(ACTOR_KINDS), case_sensitive=False, show_default=False, help="Only actors of these kinds (repeatable)."),
    ] = None,
    isolates: Annotated[bool, typer.Option("--isolates", help="Keep every actor and target in every network, active or not (DNA's 'include isolates').")] = False,
    mixed: Annotated[str, typer.Option("--mixed", metavar="both|exclude", help="A mixed claim agrees and disagrees (both), or is left out.")] = "both",
    fmt: Annotated[Optional[NetworkFormat], typer.Option("--format", "-f", metavar="graphml|csv|matrix|dl|events", case_sensitive=False, show_default=False, help="Default: the -o file's suffix, else graphml.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", dir_okay=False, help="Write to FILE (- for stdout).")] = None,
    nodes: Annotated[Optional[Path], typer.Option("--nodes", metavar="FILE", dir_okay=False, show_default=False, help="With --format csv: write the node list (Gephi's nodes table) to FILE.")] = None,
    store: StoreOption = None,
    versions: VersionsOption = Versions.latest,
    jobs: JobsOption = 1,
) -> None:
    """A discourse network (DNA's semantics): actors, targets and stances as a graph.

    Two-mode: actor × target, edge weight = claims (ignore), support − oppose
    (subtract) or DNA's combine code. One-mode: actor × actor by shared
    targets (congruence, conflict, subtract). Answers from the store.

    Example: argmine network --mode one-mode -a congruence -n average -o actors.graphml
    """
    with reported_errors():
        options = network_options(mode, aggregation, normalization, duplicates, window, since, until, isolates, mixed)
        chosen_format = network_format(fmt, output)
        if nodes is not None and chosen_format is not NetworkFormat.csv:
            raise UsageError("--nodes goes with --format csv")
        with network_claims(sources, store=store, targets=target, versions=versions, jobs=jobs) as (found, targets):
            _network(found, targets, options, chosen_format, output, nodes, {k.value for k in kind} if kind else None)


def _network(
    found: "ClaimSource", targets: Optional[list[str]], options: "NetworkOptions", fmt: NetworkFormat,
    output: Optional[Path], nodes: Optional[Path], kinds: Optional[set[str]],
) -> None:
    from argmine.network.build import build_network
    from argmine.network.gather import gather

    gathered = gather(found, targets=targets, kinds=kinds)
    if not gathered.facts:
        raise ArgmineError("no claims to make a network of: run `argmine extract PATH...` first")
    if fmt is NetworkFormat.events:
        note(f"{_write_events(found, gathered, options, output)} statements in the event list")
        return
    result = build_network(gathered.facts, options)
    for reason, count in result.left_out.items():
        note(f"{count} claims left out: {reason}")
    if result.windowed and not result.matrices:
        raise ArgmineError("no dated claims: time windows need document dates")
    if fmt is NetworkFormat.csv:
        note(f"{_write_tables(result, output, nodes)} edges")
    else:
        note(f"{_write_matrices(result, fmt, output)} network(s), {len(result.statements)} statements")
