"""Discourse networks from claims, with the semantics of Leifeld's Discourse Network Analyzer.

- `statements`: claims as DNA statements (actor, concept = target, qualifier = stance) and
  DNA's statement filter (date range, duplicates);
- `matrices`: two-mode and one-mode matrices, qualifier aggregations and normalisations;
- `windows`: moving time windows;
- `build`: options and `build_network`, which the `network` command calls;
- `export`: GraphML, nodes and edges CSV, matrix CSV, UCINET DL, DNA's event list.

Nothing here imports spaCy or reads the store: the caller hands over `ClaimFacts`.
"""
