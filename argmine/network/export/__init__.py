"""Writers for networks: each takes a `NetworkResult` (and for the event list, claim details)
and a text stream. The formats a political scientist moving from DNA expects:

- `graphml`: GraphML that networkx, Gephi and visone open (one network per file);
- `tables`: edge list and node list CSV (Gephi's spreadsheet import), DNA's
  matrix CSV and UCINET's DL full matrix;
- `events`: DNA 3's statement event list (semicolon-separated CSV).
"""
