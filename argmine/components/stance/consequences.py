"""Arguments by consequence: "the merger means patients are seen sooner", "it will mean fewer beds".

Outcome words such as "sooner", "longer journeys" or "fewer closures" are not evaluative in
themselves ("the bus left sooner", "fewer closures were recorded last year" report), so
they are not in the lexicon. They evaluate the matter when the matter brings them about:
a consequence verb ("means", "will mean", "lets", "allows", "enables", "frees up",
"saves", "leads to", "results in") whose subject is the matter itself (a target mention,
or "it" / "this" / "that" opening a clause) governs them. Within that verb's complement,
up to the end of the clause,

* a quantity word before a good ("more time", "fewer nurses", "less choice") or a burden
  ("longer journeys", "fewer closures", "shorter waits") is a benefit or a harm:
  more of a good or less of a burden is a benefit, and the reverse a harm;
* a bare burden ("closures", "job losses", "redundancies") is a harm;
* a bare good right after "frees up" or "saves" ("frees up beds", "saves lives") is a benefit;
* "sooner" / "quicker" / "faster" / "earlier" with no noun after it ("get seen sooner") is a benefit.

Money is left out: "it will save £2m", "it frees up money" are remarks on funding, which
the gold convention keeps neutral (see :mod:`.premises`). Negation and every other phase
treat the outcome as any evaluative item ("it will not mean job losses" supports).
"""

from __future__ import annotations

from argmine.components.stance.items import Item
from argmine.components.stance.lexicon import Entry
from argmine.components.stance.text import Piece, Source, opens_clause, text_of, word_before

BENEFIT = Entry(("consequence",), "eval", 0.5)
HARM = Entry(("consequence",), "eval", -0.5)

# verb forms -> the particle that must follow (empty: none)
_VERBS = {
    "mean": "", "means": "", "meant": "", "let": "", "lets": "", "allow": "", "allows": "", "allowed": "",
    "enable": "", "enables": "", "enabled": "", "free": "up",
    "frees": "up", "freed": "up", "save": "", "saves": "", "saved": "", "lead": "to", "leads": "to", "led": "to",
    "result": "in", "results": "in", "resulted": "in",
}
_AUXILIARIES = frozenset({
    "will", "would", "could", "can", "may", "might", "should", "must", "'ll", "'d", "is", "was", "has", "have",
    "had", "does", "did", "do", "not", "n't", "never", "already", "also", "only", "just", "simply", "really",
    "usually", "often", "inevitably", "ultimately", "effectively", "in", "practice", "actually", "then",
    "certainly", "probably", "likely", "clearly",
})
_SUBJECT_PRONOUNS = frozenset({"it", "this", "that"})
_SUBJECT_OPENERS = frozenset({"and", "but", "so", "if", "because"})
_CLAUSE_END = frozenset({"but", "because", "although", "though", "while", "whereas", "which", "who", "if",
                         "unless", "so", "yet", "when", "whether"})
_MORE = frozenset({"more", "longer", "higher", "greater", "extra", "bigger", "faster", "quicker", "additional"})
_LESS = frozenset({"fewer", "less", "shorter", "lower", "smaller", "reduced"})
_GOODS = frozenset({
    "time", "staff", "nurse", "nurses", "doctor", "doctors", "bed", "beds", "care", "service", "services",
    "support", "choice", "capacity", "appointment", "appointments", "place", "places", "job", "jobs", "home",
    "homes", "access", "control", "say", "help", "carer", "carers", "teacher", "teachers", "visit", "visits", "lives",
})
_BURDENS = frozenset({
    "delay", "delays", "delayed", "wait", "waits", "waiting", "queue", "queues", "journey", "journeys",
    "travel", "closure", "closures", "cut", "cuts", "redundancy", "redundancies", "admission", "admissions",
    "readmission", "readmissions", "paperwork", "bureaucracy", "duplication", "complaint", "complaints",
    "error", "errors", "death", "deaths", "handoff", "handoffs", "referral", "bills", "bill", "fees", "charges",
})
_BARE_HARMS = frozenset({"closures", "closure", "redundancies", "cuts"})
_JOB_LOSSES = ("job", "losses")
_GIVES = frozenset({"free", "frees", "freed", "save", "saves", "saved"})  # "frees up beds", "saves lives"
_TIMELY = frozenset({"sooner", "quicker", "faster", "earlier", "quickly"})


def consequence_outcomes(src: Source, pieces: list[Piece], items: list[Item], taken: set[int]) -> list[Item]:
    """The items plus a benefit or harm for each outcome that a consequence verb, whose
    subject is the matter at hand, governs; items inside a new outcome give way to it."""
    added: list[Item] = []
    for i, p in enumerate(pieces):
        if p.punct or p.text not in _VERBS or i in taken or not _matter_is_subject(pieces, i, taken):
            continue
        start = _complement_start(pieces, i)
        if start < 0:
            continue
        found = _outcomes(src, pieces, start, _clause_end(pieces, start), taken)
        if not found and pieces[i].text in _GIVES and pieces[start].text in _GOODS:
            found = [Item(start, start + 1, BENEFIT, text_of(src, pieces, start, start + 1))]
        added += found
    if not added:
        return items
    spans = [(a.start, a.end) for a in added]
    kept = [it for it in items if not any(s <= it.start < e or it.start <= s < it.end for s, e in spans)]
    return sorted(kept + added, key=lambda it: it.start)


def _matter_is_subject(pieces: list[Piece], i: int, taken: set[int]) -> bool:
    """A target mention or a clause-opening pronoun before the verb, across auxiliaries and adverbs."""
    j = word_before(pieces, i, _AUXILIARIES, taken)
    if j < 0 or j in taken:
        return j >= 0
    return pieces[j].text in _SUBJECT_PRONOUNS and opens_clause(pieces, j, _SUBJECT_OPENERS)


def _complement_start(pieces: list[Piece], i: int) -> int:
    """Where the verb's complement begins (after its particle), or -1: "meant to", "means
    what it says", a missing particle ("leads the board") have none to read."""
    particle = _VERBS[pieces[i].text]
    k = i + 1
    if particle:
        if k >= len(pieces) or pieces[k].text != particle:
            return -1
        k += 1
    if k >= len(pieces) or pieces[k].punct or pieces[k].text in {"to", "what", "well", "business"}:
        return -1
    return k


def _clause_end(pieces: list[Piece], start: int) -> int:
    k = start
    while k < len(pieces) and not pieces[k].punct and pieces[k].text not in _CLAUSE_END:
        k += 1
    return k


def _outcomes(src: Source, pieces: list[Piece], start: int, end: int, taken: set[int]) -> list[Item]:
    """Benefits and harms named in pieces[start:end]."""
    found: list[Item] = []
    k = start
    while k < end:
        hit = _outcome_at(pieces, k, end)
        if hit and not any(x in taken for x in range(k, hit[0])):
            stop, entry = hit
            found.append(Item(k, stop, entry, text_of(src, pieces, k, stop)))
            k = stop
        else:
            k += 1
    return found


def _outcome_at(pieces: list[Piece], k: int, end: int) -> tuple[int, Entry] | None:
    """(end, benefit or harm) of an outcome starting at pieces[k], or None."""
    word = pieces[k].text
    if word in _MORE or word in _LESS:
        for n in (k + 1, k + 2):  # "fewer closures", "fewer delayed discharges"
            if n < end and (pieces[n].text in _GOODS or pieces[n].text in _BURDENS):
                good = pieces[n].text in _GOODS and pieces[k + 1].text not in _BURDENS
                stop = n + 1
                while stop < end and pieces[stop].text in _BURDENS | _GOODS:
                    stop += 1
                return stop, BENEFIT if (word in _MORE) == good else HARM
    if word in _BARE_HARMS:
        return k + 1, HARM
    if tuple(p.text for p in pieces[k:k + 2]) == _JOB_LOSSES and k + 2 <= end:
        return k + 2, HARM
    if word in _TIMELY and (k + 1 >= end or pieces[k + 1].text not in _GOODS | _BURDENS):
        return k + 1, BENEFIT
    return None
