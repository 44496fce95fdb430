"""`argmine report`: one self-contained static HTML page of the debate.

- `content`: what the page shows, gathered from claims (documents with their
  text and claims, actors, targets) — no HTML here;
- `layout`: node positions for the network drawings, computed offline and
  deterministically in pure Python;
- `svg`: the small drawings (network, stance mix, stance over time);
- `page`: the page itself, every piece of article text escaped.

Nothing on the page loads anything: no external URL, script or font, and a
Content-Security-Policy that forbids them, so the file can be mailed, archived
and opened offline.
"""
