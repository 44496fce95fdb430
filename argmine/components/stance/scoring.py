"""Scoring one sentence: evaluative items composed with target mentions, in named phases.

:func:`score_sentence` runs the phases in order on a :class:`Reading` of the sentence:

1. **structure** — regions and weights: contrast ("X, but Y": X weighs less),
   concessive and conditional clauses, statements split at ``;`` and ``:``;
2. **negation** — negators flip what follows in their clause ("won't help"),
   "X not Y" is set aside as a preference, negated modals, quantity negators;
3. **reversers** — harm / remedy / removal / doubt words flip what they govern
   ("reduce fragmentation", "lack of flexibility", "the plan was scrapped");
4. **intensity** — intensifiers, downtoners, hedges, certainty, questions;
5. **frames** — "X rather than Y" / "X not Y" preferences; "it would be
   tragic if X failed" judges the event X;
6. **attachment** — every other evaluative item goes to the target mentions of
   its clause (nearer ones take more), else of the sentence at half strength,
   else it is free evaluation; support followed by a "but" clause the rules cannot
   read is support with a reservation (mixed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from argmine.components.stance.attitude import side_of
from argmine.components.stance.items import Item
from argmine.components.stance.mentions import Mention
from argmine.components.stance.result import Contribution
from argmine.components.stance.settings import Settings
from argmine.components.stance.text import (
    AUXILIARIES,
    BE_FORMS,
    DETERMINERS,
    FINITE_VERB_TAGS,
    NEG_RAISING,
    QUOTE_MARKS,
    SAYING,
    SCOPE_ENDERS,
    Piece,
    Source,
    clause_end,
    is_boundary,
    is_question,
)


@dataclass
class Reading:
    """What the phases know about one sentence, and what they have decided so far."""

    src: Source
    pieces: list[Piece]
    mentions: list[Mention]
    items: list[Item]
    settings: Settings
    weight: list[float] = field(default_factory=list)  # per piece: contrast / concession damping
    region: list[int] = field(default_factory=list)  # per piece: the clause it belongs to
    cond_region: dict[int, str] = field(default_factory=dict)  # region id -> "if" / "unless"
    next_region: int = 1
    starts_with_contrast: bool = False
    contrast_at: int = -1  # piece where "X, but Y" turns (the last such marker)
    by_kind: dict[str, list[Item]] = field(default_factory=dict)
    evaluators: list[Item] = field(default_factory=list)
    mention_negated: list[int] = field(default_factory=list)
    np_negations: list[tuple[Item, int]] = field(default_factory=list)  # (negator, mention it rejects)
    active: list[Item] = field(default_factory=list)  # reversers that govern something
    region_factor: dict[int, float] = field(default_factory=dict)
    sentence_factor: float = 1.0
    rejected: set[int] = field(default_factory=set)
    framed: set[int] = field(default_factory=set)  # ids of items a conditional frame used
    instruments_weighed: bool = False  # "X rather than Y" with X and Y both the target's
    contributions: list[Contribution] = field(default_factory=list)
    free: list[Contribution] = field(default_factory=list)

    def __post_init__(self) -> None:
        n = len(self.pieces)
        self.weight = [1.0] * n
        self.region = [0] * n
        self.mention_negated = [0] * len(self.mentions)
        for it in self.items:
            self.by_kind.setdefault(it.entry.kind, []).append(it)
        self.evaluators = [it for it in self.items if it.entry.kind in ("eval", "deontic", "reverser")]

    @property
    def n(self) -> int:
        return len(self.pieces)

    def kind(self, name: str) -> list[Item]:
        return self.by_kind.get(name, [])

    def new_region(self) -> int:
        self.next_region += 1
        return self.next_region - 1

    def at_clause_start(self, k: int) -> bool:
        j = k - 1
        while j >= 0 and self.pieces[j].punct and self.pieces[j].text in QUOTE_MARKS:
            j -= 1
        return j < 0 or is_boundary(self.pieces[j]) or self.pieces[j].text in {"and", "but", "so"}

    def factor_at(self, k: int) -> float:
        """Weight of what is at piece k: contrast, hedges, and the sentence's own factor."""
        return self.weight[k] * self.region_factor.get(self.region[k], 1.0) * self.sentence_factor

    def pair_sign(self, ev: Item, m: int) -> int:
        """Flips between an evaluator and a mention: a reverser over one of them but not both."""
        sign = 1
        start = self.mentions[m].start
        for rv in self.active:
            if rv is ev:
                if in_scope(start, rv):
                    sign = -sign
            elif in_scope(ev.start, rv) != in_scope(start, rv):
                if rv.scope_start >= 0 and ev.start > rv.start:
                    continue  # "the plan was scrapped after opposition": an adjunct, not a frame
                sign = -sign
        if self.mention_negated[m] and not ev.negations:
            sign = -sign
        return sign


def in_scope(item_start: int, rv: Item) -> bool:
    return (rv.scope_start if rv.scope_start >= 0 else rv.end) <= item_start < rv.scope_end


def score_sentence(src: Source, pieces: list[Piece], mentions: list[Mention], items: list[Item],
                   settings: Settings) -> tuple[list[Contribution], list[Contribution], bool]:
    """Contributions toward the target and free (target-less) evaluation for one sentence.

    Returns (contributions, free_evaluation, starts_with_contrast).
    """
    r = Reading(src, pieces, mentions, items, settings)
    for phase in (
        contrast_regions, subordinate_regions, statement_regions,
        negation, negated_modals, quantity_negators,
        reversers, intensity, hedges_and_questions,
        preference_frames, conditional_frames, attach_evaluators, two_sided_contrast, reservation_after_but,
        instrument_against_instrument,
    ):
        phase(r)
    return r.contributions, r.free, r.starts_with_contrast


# --------------------------------------------------------------------------- 1. structure


def _additive_buts(r: Reading) -> set[int]:
    """"not just X but Y": additive, not contrastive; its "not" negates nothing."""
    buts = set()
    for it in r.kind("neg_exception"):
        if it.entry.words[0] == "not" and it.entry.words[-1] in {"just", "only", "merely", "simply"}:
            for k in range(it.end, min(r.n, it.end + 12)):
                if r.pieces[k].text == "but":
                    buts.add(k)
                    break
    return buts


def contrast_regions(r: Reading) -> None:
    """Contrast: everything before the marker (in this sentence) weighs less."""
    additive = _additive_buts(r)
    pieces = r.pieces
    for it in r.kind("contrast"):
        word = it.entry.words
        if it.start in additive:
            continue
        if word != ("but",) and not r.at_clause_start(it.start):
            continue
        if word == ("but",) and it.start > 0 and pieces[it.start - 1].text in {"all", "nothing", "anything", "last"}:
            continue
        if it.start == 0 or all(pieces[k].punct for k in range(it.start)):
            r.starts_with_contrast = True
            continue
        for k in range(it.start):
            r.weight[k] *= r.settings.before_contrast
        r.contrast_at = it.start
        rid = r.new_region()
        for k in range(it.start, r.n):
            r.region[k] = rid


def subordinate_regions(r: Reading) -> None:
    """Concessive and conditional clauses: from the marker to the next comma (or the end)."""
    n = r.n
    for kind, factor in (("concessive", r.settings.concessive), ("conditional", r.settings.conditional)):
        for it in r.kind(kind):
            end = clause_end(r.pieces, it.end, n)
            if end < n and r.pieces[end].text not in {",", ";", "\u2013", "\u2014"}:
                end = n  # "while" after a comma that closes the main clause: to the end of the sentence
            rid = r.new_region()
            for k in range(it.start, end):
                r.weight[k] *= factor
                r.region[k] = rid
            if end < n:
                tail = r.new_region()
                for k in range(end, n):
                    if r.region[k] == r.region[end - 1] or r.region[k] < rid:
                        r.region[k] = tail
            if kind == "conditional":
                r.cond_region[rid] = it.entry.words[0]


def statement_regions(r: Reading) -> None:
    """Regions also end at ';' and ':' (separate statements)."""
    for k, p in enumerate(r.pieces):
        if p.punct and p.text in {";", ":"}:
            rid = r.new_region()
            old = r.region[k]
            for j in range(k, r.n):
                if r.region[j] == old:
                    r.region[j] = rid


# --------------------------------------------------------------------------- 2. negation


def _rejects_a_noun_phrase(r: Reading, it: Item) -> bool:
    """"X not Y": a negator between two noun phrases rejects Y (read as a preference)."""
    mentions = r.mentions
    nxt = [m for m in range(len(mentions)) if it.end <= mentions[m].start <= it.end + 1]
    prv = [m for m in range(len(mentions)) if it.start - 2 <= mentions[m].end - 1 < it.start]
    clause_initial = it.start == 0 or r.pieces[it.start - 1].punct or r.pieces[it.start - 1].text in {"and", "but"}
    if not nxt:  # "is not, to my mind, a costly failure": past an aside and the mention's adjectives
        k = _after_parenthesis(r.pieces, it.end)
        k += int(k < r.n and r.pieces[k].text in {"a", "an"})
        while k < r.n and r.pieces[k].pos == "ADJ" and k - it.end < 8:
            k += 1
        nxt = [m for m in range(len(mentions)) if mentions[m].start == k and _copular_denial(r, it, m)]
    if it.entry.words == ("not",) and nxt and (prv or clause_initial or _copular_denial(r, it, nxt[0])):
        r.np_negations.append((it, nxt[0]))
        return True
    return False


def _negation_scope(r: Reading, it: Item) -> int:
    """Where a negator's scope ends: its clause, within a window (epistemic ones: the whole clause)."""
    if it.entry.role == "epistemic":
        return clause_end(r.pieces, it.end, r.n, hard_only=True)
    # "I don't think that X", "we are not persuaded that X": the negation passes to the whole complement
    near = r.pieces[it.end : it.end + 3]
    if any(p.forms & NEG_RAISING for p in near) and any(p.text == "that" for p in r.pieces[it.end : it.end + 4]):
        return clause_end(r.pieces, it.end, r.n, hard_only=True)
    if any(p.forms & SAYING for p in near) and any(p.text == "that" for p in r.pieces[it.end : it.end + 4]):
        return clause_end(r.pieces, it.end, r.n)  # "let nobody say that X": X, to its clause's end
    end = begin = _after_parenthesis(r.pieces, it.end)
    if begin > it.end:
        it.scope_start = begin
    while end < r.n and end - begin < r.settings.negation_window:
        p = r.pieces[end]
        if is_boundary(p) or p.text in SCOPE_ENDERS:
            break
        # "nobody disputes that X": the negation stays in the main clause, except
        # after verbs that pass it down ("I don't think that X works" = X does not work)
        if p.text == "that" and end > begin and not (r.pieces[end - 1].forms & NEG_RAISING):
            break
        end += 1
    return end


def _after_parenthesis(pieces: list[Piece], k: int) -> int:
    """"is not, in my view, a success": a short aside between commas right after a
    negator does not end its scope; the scope starts after it."""
    if k >= len(pieces) or pieces[k].text != ",":
        return k
    for j in range(k + 1, min(len(pieces), k + 6)):
        if pieces[j].text == ",":
            return j + 1 if j > k + 1 else k
        if pieces[j].punct:
            return k
    return k


def negative_question(r: Reading) -> int:
    """"Does the minister not agree that X?", "Isn't it true that X?": a question opened by an auxiliary
    and "not" asks the hearer to grant X; it asserts X. The negator's piece, else -1."""
    if not r.pieces or r.pieces[0].text not in AUXILIARIES | {"is", "are", "was", "were"}:
        return -1
    if not is_question(r.pieces):
        return -1
    for k in range(1, min(r.n, 5)):
        if r.pieces[k].text in {"not", "n't"}:
            return k
        if r.pieces[k].punct:
            break
    return -1


def negation(r: Reading) -> None:
    """Each negator flips the evaluative items and target mentions after it in its clause."""
    exception_spans = {(it.start, it.end) for it in r.kind("neg_exception")}
    asking = negative_question(r)
    for it in r.kind("negator"):
        if any(s <= it.start < e for s, e in exception_spans) or _rejects_a_noun_phrase(r, it):
            continue
        if it.start == asking:
            continue
        end = it.scope_end = _negation_scope(r, it)
        begin = it.scope_start if it.scope_start >= 0 else it.end
        for ev in r.evaluators:
            if begin <= ev.start < end:
                ev.negations += 1
                ev.shifters.append(it)
        for m, men in enumerate(r.mentions):
            # "without collaboration", "no integration": the negator takes the mention itself,
            # not a predicate that has the mention as its argument ("not a fan of the models")
            between = [ev for ev in r.evaluators if begin <= ev.start < men.start]
            if begin <= men.start < end and men.start - begin <= 2 and not between:
                r.mention_negated[m] += 1


def negated_modals(r: Reading) -> None:
    """"must not", "should not", "need not": the negator right after a modal denies the modal."""
    for it in r.kind("deontic"):
        if it.end < r.n and any(neg.start == it.end for neg in r.kind("negator")):
            if it.negations % 2 == 0:
                it.negations += 1


def quantity_negators(r: Reading) -> None:
    """Quantity negators ("little value", "few benefits") flip the next evaluative word."""
    for it in r.kind("quantity_negator"):
        for ev in r.evaluators:
            if it.end <= ev.start <= it.end + 2 and ev.entry.kind == "eval":
                ev.negations += 1
                break


# --------------------------------------------------------------------------- 3. reversers


def _doubt(r: Reading, rv: Item) -> None:
    """"doubting the viability of the scheme": a negator of what it governs, and by itself
    ("questioning the model") a negative judgement of its object. Negated ("nobody
    disputes that ..."), it is certainty: nothing to flip."""
    if rv.negations % 2 == 1:
        rv.consumed = True
        return
    end = clause_end(r.pieces, rv.end, min(r.n, rv.end + r.settings.reverser_window))
    if rv.scope_end > rv.end:
        end = rv.scope_end  # a challenge question's whole complement
    elif any(p.text in {"that", "whether"} for p in r.pieces[rv.end : rv.end + 3]):
        end = clause_end(r.pieces, rv.end, r.n)  # "what I question is whether X ...": the whole complement
    governed = [ev for ev in r.evaluators if ev is not rv and rv.end <= ev.start < end and ev.entry.kind == "eval"]
    for ev in governed:
        ev.negations += 1
        ev.shifters.append(rv)
    rv.consumed = bool(governed)


def _object_end(r: Reading, rv: Item) -> int:
    """End of what a reverser governs: its object, not the predicate that follows
    ("[reducing fragmentation] is vital")."""
    end = rv.end
    while end < r.n and end - rv.end < r.settings.reverser_window:
        p = r.pieces[end]
        if is_boundary(p) or p.text in SCOPE_ENDERS - {"and", "or"}:
            break
        if p.text in AUXILIARIES or p.pos == "AUX" or p.tag in FINITE_VERB_TAGS:
            break
        end += 1
    return end


def _acts_on_subject(r: Reading, rv: Item, end: int) -> int:
    """"the plan to merge was scrapped", "fragmentation must end": a passive or intransitive
    reverser acts on its subject ("councils will be sidelined in the partnerships": on the councils)."""
    pieces = r.pieces
    progressive = pieces[rv.start].text.endswith("ing")  # "rules are undermining X" acts on X
    passive = rv.start > 0 and not progressive and (pieces[rv.start - 1].text in BE_FORMS or (
        rv.start > 1 and pieces[rv.start - 2].text in BE_FORMS and pieces[rv.start - 1].text.endswith("ly")))
    intransitive = end == rv.end and rv.entry.role == "removal"
    if passive or intransitive:
        subject = [m for m in r.mentions if m.end <= rv.start and r.region[m.start] == r.region[rv.start]]
        if subject:
            rv.scope_start, rv.scope_end = subject[-1].start, subject[-1].end
        elif passive:
            rv.scope_start = rv.scope_end = rv.start
        end = rv.scope_end
    return end


def reversers(r: Reading) -> None:
    """Reversers flip what they govern ("reduce fragmentation", "lack of flexibility")."""
    for rv in r.kind("reverser"):
        if rv.entry.role == "doubt":
            _doubt(r, rv)
            continue
        rv.scope_end = _object_end(r, rv)
        end = _acts_on_subject(r, rv, rv.scope_end)
        governed = [ev for ev in r.evaluators if ev is not rv and rv.end <= ev.start < end and ev.entry.kind != "deontic"]
        governed_mentions = [m for m in r.mentions if rv.end <= m.start < end]
        if rv.entry.role == "remedy":
            # "address the concerns" presupposes the concerns; it is good news only for
            # an agent that addresses them ("integration tackles the problems") or for
            # what the problem stood in the way of ("tackle the barriers to integration").
            agent = any(r.region[m.start] == r.region[rv.start] and m.end <= rv.start for m in r.mentions)
            if not (agent or governed_mentions):
                continue
        r.active.append(rv)
        for ev in governed:
            ev.flip *= -1
        # "lack of flexibility" is one evaluation; "lack of integration" is the lack judging its object.
        rv.consumed = bool(governed) and not governed_mentions


# --------------------------------------------------------------------------- 4. intensity


def intensity(r: Reading) -> None:
    """Intensifiers and downtoners strengthen / weaken the next evaluative item."""
    for it in r.kind("intensifier") + r.kind("downtoner"):
        for ev in r.evaluators:
            if it.end <= ev.start <= it.end + 2:
                ev.factor *= it.entry.value
                break


def hedges_and_questions(r: Reading) -> None:
    """Hedges and certainty markers scale their whole region; a question halves the sentence."""
    for kind in ("hedge", "certainty"):
        for it in r.kind(kind):
            rid = r.region[it.start]
            r.region_factor[rid] = r.region_factor.get(rid, 1.0) * it.entry.value
    for rid, f in r.region_factor.items():
        r.region_factor[rid] = min(1.3, max(r.settings.hedge_floor, f))
    rebuttal = rebuttal_at(r.pieces)
    if rebuttal >= 0:
        # "Too costly compared with what?": the evaluation is quoted to be disputed
        for ev in r.evaluators:
            if ev.start < rebuttal and ev.entry.kind == "eval":
                ev.negations += 1
    elif is_question(r.pieces) and negative_question(r) < 0:
        r.sentence_factor *= r.settings.question


#: Questions that dispute the evaluation before them (read here on pieces, in :mod:`.context` on text).
REBUTTALS = (("compared", "with", "what"), ("compared", "to", "what"), ("by", "what", "measure"),
              ("according", "to", "whom"), ("says", "who"))


def rebuttal_at(pieces: list[Piece]) -> int:
    """Where a question that disputes the evaluation before it begins ("Too costly
    compared with what?", "Unaffordable by what measure?"); -1 if there is none."""
    words = [p.text for p in pieces]
    if not words or words[-1] != "?":
        return -1
    for phrase in REBUTTALS:
        k = len(words) - 1 - len(phrase)
        if k > 0 and tuple(words[k : k + len(phrase)]) == phrase:
            return k
    return -1


# --------------------------------------------------------------------------- 5. frames


def preference_frames(r: Reading) -> None:
    """"X rather than Y", "X not Y", "not Y but X": X preferred, Y rejected."""
    mentions = r.mentions
    preferred: set[int] = set()
    for it in r.kind("preference"):
        after = [m for m in range(len(mentions)) if it.end <= mentions[m].start <= it.end + 2]
        before = [m for m in range(len(mentions)) if it.start - 3 <= mentions[m].end - 1 < it.start]
        if after:
            r.rejected.add(after[0])
        if before:
            preferred.add(before[-1])
    for neg, m in r.np_negations:
        r.rejected.add(m)
        before = [k for k in range(len(mentions)) if mentions[k].end <= neg.start and neg.start - mentions[k].end <= 1]
        if before and not _copular_denial(r, neg, m):
            preferred.add(before[-1])
        rest = mentions[m].end  # "not Y but X"
        if rest < r.n and r.pieces[rest].text == "but":
            after = [k for k in range(len(mentions)) if rest < mentions[k].start <= rest + 2]
            if after:
                preferred.add(after[0])
    r.instruments_weighed = _weighs_instruments(r, preferred)
    for m in sorted(preferred | r.rejected):
        men = mentions[m]
        sign = 1 if m in preferred and m not in r.rejected else -1
        value = sign * r.settings.preference * men.polarity * men.weight * r.factor_at(men.start)
        r.contributions.append(Contribution(value, (men.text,), men.start))


def _weighs_instruments(r: Reading, preferred: set[int]) -> bool:
    """One of the target's forms preferred to another ("collaboratives, not mergers"); not a
    copular "X is not Y", which tells what X is, not which of the two the speaker prefers."""
    if any(neg.start > 0 and r.pieces[neg.start - 1].text in BE_FORMS for neg, _ in r.np_negations):
        return False
    pro = {m for m in range(len(r.mentions)) if r.mentions[m].polarity > 0}
    return bool(pro & (preferred - r.rejected)) and bool(pro & r.rejected)


def _copular_denial(r: Reading, neg: Item, m: int) -> bool:
    """"The new board is not real integration.", "That is not joined-up care;": a copula before "not" and
    the mention closing the clause deny that the subject is the target; the subject is not
    preferred, as in "X, not Y". ("not a merger for its own sake" denies a kind of merger only.)"""
    end = r.mentions[m].end
    closes = end >= r.n or is_boundary(r.pieces[end])
    return closes and neg.start > 0 and r.pieces[neg.start - 1].text in BE_FORMS


def _event_value(r: Reading, rid: int, in_cond: list[Mention]) -> float:
    """How the conditional clause's event goes for the target ("if the vanguards fail": badly)."""
    event = 0.0
    inner = [ev for ev in r.evaluators if r.region[ev.start] == rid and ev.entry.kind != "deontic"]
    for ev in inner:
        target = _nearest(ev, in_cond)
        if target is not None:
            m = r.mentions.index(target)
            event += effective(ev, r.settings, flipped=False) * r.pair_sign(ev, m) * target.polarity * target.weight
        r.framed.add(id(ev))
    if not inner or event == 0:
        event = sum(m.polarity * m.weight for m in in_cond)
    return event


def conditional_frames(r: Reading) -> None:
    """"It would be tragic if X failed" judges the event X; "unless" reverses."""
    for rid, marker in r.cond_region.items():
        in_cond = [m for m in r.mentions if r.region[m.start] == rid]
        if not in_cond:
            continue
        cond_start = min(k for k in range(r.n) if r.region[k] == rid)
        matrix = [ev for ev in r.evaluators if r.region[ev.start] != rid and ev.entry.kind == "eval"
                  and not any(r.region[m.start] == r.region[ev.start] for m in r.mentions)
                  and abs(ev.start - cond_start) <= 8]
        value = sum(effective(ev, r.settings) for ev in matrix)
        if not matrix or value == 0:
            continue
        sign = (1 if value > 0 else -1) * (-1 if marker == "unless" else 1)
        r.framed.update(id(ev) for ev in matrix)
        inner = [ev for ev in r.evaluators if r.region[ev.start] == rid and ev.entry.kind != "deontic"]
        event = _event_value(r, rid, in_cond)
        value_to_target = sign * (1 if event > 0 else -1) * min(1.0, abs(value))
        # the frame speaks with the weight of its main clause (an if-clause is not halved here)
        w = r.region_factor.get(rid, 1.0) * r.sentence_factor * max(r.weight[ev.start] for ev in matrix)
        evidence = tuple([t for ev in matrix + inner for t in evidence_of(r.src, r.pieces, ev)] + [m.text for m in in_cond])
        r.contributions.append(Contribution(value_to_target * w, evidence, cond_start))


# --------------------------------------------------------------------------- 6. attachment


def _targets_of(r: Reading, ev: Item) -> tuple[list[tuple[int, Mention]], float]:
    """The mentions an evaluator speaks of: those of its clause, else of the sentence (damped)."""
    targets = [(m, men) for m, men in enumerate(r.mentions)
               if r.region[men.start] == r.region[ev.start] and m not in r.rejected]
    cross = 1.0
    if targets and _held_by_the_target(r, ev, targets):
        return [], cross
    if not targets:
        targets = [(m, men) for m, men in enumerate(r.mentions) if m not in r.rejected]
        cross = r.settings.cross_clause
    return _gate_complement(r.pieces, ev, targets, r.mentions, r.items), cross


_PRONOUNS = frozenset({"it", "they", "we", "this", "that", "these", "those", "them", "its", "their", "our"})


def _held_by_the_target(r: Reading, ev: Item, targets: list[tuple[int, Mention]]) -> bool:
    """"The joint board has endorsed the proposal": an attitude verb (endorse, welcome,
    criticise, reject) is its subject's view of its object; with the target only in the
    subject, the sentence reports what the target thinks, not what the speaker thinks of it.
    Not a passive ("the merger was welcomed"), nor an object that is the target."""
    side = side_of(r.pieces[ev.start].text)
    if side is None or ev.end - ev.start > 1 or any(men.start >= ev.end for _, men in targets):
        return False
    if any(men.end - men.start == 1 and r.pieces[men.start].text in _PRONOUNS for _, men in targets):
        return False  # "it welcomed the decision": the speaker's own body, its view of the matter at hand
    subject = max((men for _, men in targets), key=lambda men: men.end)
    between = r.pieces[subject.end : ev.start]
    if len(between) > 3 or any(p.pos == "VERB" or p.punct or p.text in _PRONOUNS | {"he", "she", "i"} for p in between):
        return False  # "the board said it applauded ...": the target is not the attitude's subject
    piece = r.pieces[ev.start]
    followed = r.pieces[ev.end].text if ev.end < r.n else ""
    if piece.pos and piece.pos != "VERB" and followed not in DETERMINERS | {"a", "an"}:
        return False  # a tagger may take "welcomes the report" for a plural noun
    before = r.pieces[max(0, ev.start - 2) : ev.start]
    if any(p.text in BE_FORMS for p in before):
        return False
    return ev.end < r.n and not r.pieces[ev.end].punct


def _attach(r: Reading, ev: Item, targets: list[tuple[int, Mention]], cross: float) -> None:
    """Within a clause the nearest mentions take the evaluation; across clauses of the
    sentence the discourse relation links them, whatever the distance."""
    value = effective(ev, r.settings, flipped=False)
    proximity = [(_proximity(ev, men) if cross == 1.0 else 1.0, m, men) for m, men in targets]
    total = sum(p for p, _, _ in proximity)
    best = max(p for p, _, _ in proximity)
    toward = 0.0
    used = []
    for p, m, men in proximity:
        item_value = value
        if ev.entry.role in ("harm", "remedy") and in_scope(men.start, ev):
            # What "undermine" / "tackle" presuppose about their object survives
            # negation: "far from breaking down silos" still takes silos to be bad.
            item_value = ev.entry.value * ev.factor
        toward += p / total * item_value * r.pair_sign(ev, m) * men.polarity * men.weight
        used.append(men.text)
    evidence = (*evidence_of(r.src, r.pieces, ev), *used)
    r.contributions.append(Contribution(r.factor_at(ev.start) * cross * best * toward, evidence, ev.start))


def attach_evaluators(r: Reading) -> None:
    """Every other evaluator attaches to the target mentions of its clause, or is free."""
    for ev in r.evaluators:
        if id(ev) in r.framed or (ev.entry.kind == "reverser" and (ev.consumed or ev.entry.value == 0)):
            continue
        if effective(ev, r.settings, flipped=False) == 0:
            continue
        targets, cross = _targets_of(r, ev)
        if not targets:
            r.free.append(Contribution(effective(ev, r.settings) * r.factor_at(ev.start), evidence_of(r.src, r.pieces, ev), ev.start))
            continue
        _attach(r, ev, targets, cross)


def two_sided_contrast(r: Reading) -> None:
    """"Integration is the right goal, but this merger will wreck services": when each side of
    "but" judges its own mention of the target, in opposite directions, the speaker separates
    the goal from the instrument, and the first side is not damped: both sides count (mixed)."""
    turn = r.contrast_at
    if turn < 0:
        return
    before = [c for c in r.contributions if 0 <= c.position < turn]
    after = [c for c in r.contributions if c.position >= turn]
    own_mentions = (any(m.end <= turn for m in r.mentions), any(m.start >= turn for m in r.mentions))
    if not (before and after and all(own_mentions)):
        return
    if sum(c.value for c in before) * sum(c.value for c in after) >= 0:
        return
    undamp = 1.0 / r.settings.before_contrast
    r.contributions = [Contribution(c.value * undamp, c.evidence, c.position) if c in before else c
                       for c in r.contributions]


def reservation_after_but(r: Reading) -> None:
    """"He likes the shared rota in principle, but the staffing is another matter":
    support of the target named before "but", then a "but" clause in which the rules read
    no evaluation, is support with a reservation. Such a sentence argues both ways
    (mixed), as "X, but <criticism of X>" does; the first side is not damped."""
    turn = r.contrast_at
    if turn < 0 or not any(m.end <= turn for m in r.mentions):
        return  # the target is named before the turn
    if any(turn < it.start <= turn + 2 for it in r.kind("conditional")):
        return  # "X is the answer, but only if it is funded": conditional support is support
    before = [c for c in r.contributions if 0 <= c.position < turn]
    if not before or any(c.position >= turn for c in r.contributions):
        return
    value = sum(c.value for c in before) / r.settings.before_contrast
    if value <= 0:
        return
    r.contributions = [Contribution(c.value / r.settings.before_contrast, c.evidence, c.position) if c in before else c
                       for c in r.contributions]
    r.contributions.append(Contribution(-value, (r.pieces[turn].text,), turn))


def instrument_against_instrument(r: Reading) -> None:
    """"Collaboratives, not mergers", "joint working rather than a merger": preferring one of the
    target's forms to another argues for the target and against it at once (mixed, as
    "better integration, yes; merger, no"): the weaker side is raised to the stronger."""
    if not r.instruments_weighed:
        return
    positive = sum(c.value for c in r.contributions if c.value > 0)
    negative = -sum(c.value for c in r.contributions if c.value < 0)
    if positive and negative and positive != negative:
        sign = 1 if positive < negative else -1
        r.contributions.append(Contribution(sign * abs(positive - negative), (), -1))


# --------------------------------------------------------------------------- helpers

def evidence_of(src: Source, pieces: list[Piece], ev: Item) -> tuple[str, ...]:
    """The words that carried an evaluation: "not a fan" rather than "fan" when a
    negator close by flipped it; a distant shifter ("difficult to see ...") on its own."""
    if not ev.shifters:
        return (ev.text,)
    near = [sh for sh in ev.shifters if sh.end <= ev.start and ev.start - sh.end <= 2]
    far = [sh.text for sh in ev.shifters if sh not in near]
    if near:
        first = min(sh.start for sh in near)
        if first > 0 and pieces[first - 1].end == pieces[first].start and not pieces[first - 1].punct:
            first -= 1  # "wo|n't", "ca|n't": keep the word whole
        return (*far, src.cut(pieces[first].start, pieces[ev.end - 1].end))
    return (*far, ev.text)


def effective(ev: Item, settings: Settings, *, flipped: bool = True) -> float:
    """An item's valence after intensity and negation (and, for free evaluation, its reversers)."""
    value = ev.entry.value * ev.factor * (ev.flip if flipped else 1)
    if ev.negations % 2 == 1:
        value = -value * settings.negated_strength
    elif ev.negations:
        value = value * settings.negated_strength
    return max(-1.0, min(1.0, value))


def _proximity(ev: Item, men: Mention) -> float:
    if men.end <= ev.start:
        d = ev.start - men.end + 1
    elif ev.end <= men.start:
        d = men.start - ev.end + 1
    else:
        d = 0
    return 1.0 / (1.0 + max(0, d - 3) / 8.0)


def _nearest(ev: Item, mentions: list[Mention]) -> Optional[Mention]:
    return max(mentions, key=lambda m: _proximity(ev, m)) if mentions else None


def _gate_complement(pieces: list[Piece], ev: Item, targets, mentions, items) -> list:
    """"vital to evaluate the pilots": the evaluation is of evaluating, not of the pilots.

    An evaluative predicate followed by a to-infinitive whose verb is neither a
    target term nor evaluative judges that action, and no target mention.
    """
    k = ev.end
    if k + 1 >= len(pieces) or pieces[k].text != "to" or ev.entry.kind != "eval":
        return targets
    verb = k + 1
    if any(m.start <= verb < m.end for m in mentions) or any(it.start <= verb < it.end for it in items):
        return targets
    noun_next = pieces[verb].pos in ("DET", "NOUN", "PROPN", "NUM") or pieces[verb].text in DETERMINERS | {"a", "an"}
    if noun_next and ev.end - ev.start > 1:
        return targets  # "moves the problem next door": a verb phrase and its preposition, no to-infinitive
    return []
