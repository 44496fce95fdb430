"""Rules for verb cues: "X said (that) ...", "“...,” X said", "X criticised the plan",
"as X noted, ...", and a parenthetical "..., X said, ..." when nothing else matched."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from argmine.components.attribution.attributor import Attributor, Candidate
from argmine.components.attribution.fragments import woven_in
from argmine.components.attribution.hypothetical import inside_a_report, reports_nothing
from argmine.components.attribution.surveys import owner_of_document, respondents
from argmine.components.attribution.words import CLAUSAL, SUBJECTS, cue_classes, lemma_of
from argmine.components.quotes import Quote
from argmine.components.spans import span_chars, trim


def verb_cues(a: Attributor, sent: Span) -> list[Candidate]:
    found: list[Candidate] = []
    cues = [t for t in sent if not a.in_quote(t) and a.is_cue(t)]
    quote_ids = a.sentence_quotes(sent)
    for verb in cues:
        classes = cue_classes(verb, a.lex) or frozenset({"speech"})  # "expressed concern"
        cls = "speech" if "speech" in classes else "cognition" if "cognition" in classes else "evaluation"
        head = a.subject_of(verb)
        if head is not None:
            head = a.behind_findings(dated_participle_subject(a, head))
            head = respondents(head, sent) or head  # "64% of users said": the users
            head = owner_of_document(head, a.actor_lex.document_sources) or head  # "its poll found": its owner
        own_subject = head is not None and head.head.i == verb.i and head.dep_ in SUBJECTS and not a.in_quote(head)
        if head is None or a.in_quote(head) or not a.acceptable_speaker(head):
            # the parser's own subject of this verb is not a speaker ("the dissolution
            # ... raises questions"): no claim; a subject borrowed from another clause,
            # or none at all, may be a parse slip worth a look around the verb
            head = None if own_subject else a.nearby_subject(verb, sent)
        if head is None or a.in_quote(head) or not a.acceptable_speaker(head):
            continue
        if any(c.dep_ == "advmod" and c.lower_ in {"not", "n't", "never"} for c in verb.children) and lemma_of(verb) in {"say", "comment", "confirm", "reveal", "disclose"}:
            continue
        if a.only_says_how(verb, sent) or reports_nothing(verb, a.lex.cognition):
            continue
        if inside_a_report(verb, lambda outer: outer in cues and _has_speaker(a, outer)):
            continue

        attribution_head = head
        head = a.named_in_apposition(head)
        source = a.speaker_span(head)
        attribution = {t.i for t in attribution_head.subtree} | {verb.i} | {c.i for c in verb.children if c.dep_ in ("aux", "aux:pass", "advmod", "compound:prt", "obl", "punct", "mark") and not a.in_quote(c)}
        cue_span = (verb.idx, verb.idx + len(verb.text))
        cue_lemma = lemma_of(verb)
        content: Optional[tuple[int, int]] = None
        mode = "indirect"
        quote: Optional[Quote] = None
        qids = a.quotes_for_cue(verb, sent, quote_ids, len(cues))
        if (
            qids
            and (classes & {"speech", "cognition"} or a.after_colon(qids[0], sent))
            and a.quote_is_the_claim(verb, sent, qids, attribution)
            and not woven_in(a.quotes[qids[0]], verb, sent)
        ):
            # (an evaluation verb's quote names what is judged: "called the plan “a mess”")
            first, last = a.quotes[qids[0]], a.quotes[qids[-1]]
            content = trim(a.text, max(first.inner_start, sent.start_char), min(last.inner_end, sent.end_char))
            mode, quote = "direct", first
        if content is None:
            comp = [c for c in verb.children if c.dep_ in CLAUSAL and attribution_head.i not in (t.i for t in c.subtree)]
            if comp:
                content = a.clause_content(comp[0])
            elif verb.dep_ in ("parataxis",) or (verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)):
                # "The plan, he said, is flawed" / "As X noted, ..."
                content = a.sentence_minus(sent, {t.i for t in verb.subtree})
        if content is None:
            obj = [c for c in verb.children if c.dep_ in ("obj", "iobj")]
            nominal = [o for o in obj if lemma_of(o) in a.lex.nominal or o.lower_ in a.lex.nominal]
            clause = [c for o in nominal for c in o.children if c.dep_ in ("acl", "ccomp", "acl:relcl") and any(m.lower_ == "that" for m in c.children)]
            if clause:
                # "signalled her belief that ..."
                content = a.clause_content(clause[0])
                cue_span = (verb.idx, nominal[0].idx + len(nominal[0].text))
                cue_lemma = f"{cue_lemma} {lemma_of(nominal[0])}"
            elif obj and (lemma_of(verb) in a.lex.express_verbs and (lemma_of(obj[0]) in a.lex.express_objects or obj[0].lower_ in a.lex.express_objects)):
                # "expressed concern about ..."
                content = span_chars([verb] + list(obj[0].subtree))
                cue_span = (verb.idx, obj[0].idx + len(obj[0].text))
                cue_lemma = f"{cue_lemma} {lemma_of(obj[0])}"
            elif "evaluation" in classes and any(c.i > verb.i and not c.is_punct for c in verb.children):
                # "criticised the merger plan": the verb and what it governs
                right = max(t.i for c in verb.children if c.i > verb.i and not c.is_punct for t in c.subtree)
                content = span_chars(a.doc[verb.i : right + 1])
                particle_obl = a.particle_obl(verb)
                if particle_obl is not None:  # "called for": the cue is the phrase
                    case = next(g for g in particle_obl.children if g.dep_ == "case")
                    cue_span = (verb.idx, case.idx + len(case.text))
                    cue_lemma = f"{cue_lemma} {case.lower_}"
            elif classes & {"speech", "evaluation"}:
                xcomp = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i] or object_complement(verb)
                prt = [c for c in verb.children if c.dep_ == "compound:prt" and c.lower_ in a.lex.particle_verbs.get(lemma_of(verb), ())]
                obl = [c for c in verb.children if c.dep_ == "obl" and c.i > verb.i]
                if xcomp and lemma_of(verb) in a.lex.complement_verbs:
                    content = span_chars(a.doc[verb.i : max(t.i for t in xcomp[0].subtree) + 1])
                elif prt and obl:
                    content = span_chars(a.doc[verb.i : max(t.i for t in obl[0].subtree) + 1])
                    cue_span = (verb.idx, prt[0].idx + len(prt[0].text))
                    cue_lemma = f"{cue_lemma} {prt[0].lower_}"
        if content is None and classes & {"speech", "cognition"} and verb.dep_ != "acl:relcl":
            # ("who wrote the bill" describes a speaker; it reports nothing)
            content = a.that_clause_after(verb, sent) or a.clause_after(verb, sent) or a.clause_before(verb, attribution_head, sent)
        if content is None:
            continue
        content = trim(a.text, *content)
        if content is None:
            continue
        if mode == "indirect" and qids and quote is None:
            quote = a.quotes[qids[0]]
        found.append(
            Candidate(sent, content, mode, cue_span, cue_lemma, source, head.i, quote, confidence=0.85 if mode == "direct" else 0.8, rule=f"verb:{cls}")
        )
    return found



def _has_speaker(a: Attributor, verb: Token) -> bool:
    """The cue's own subject is one a claim can be credited to."""
    head = a.subject_of(verb)
    return head is not None and not a.in_quote(head) and a.acceptable_speaker(a.behind_findings(head))


def object_complement(verb: Token) -> list[Token]:
    """'urged ministers *to scrap the charges*', 'accused the government *of abandoning
    patients*': the parse hangs the complement on the object, not on the verb."""
    return [
        c for o in verb.children if o.dep_ in ("obj", "iobj") and o.i > verb.i
        for c in o.children if c.dep_ in ("acl", "advcl") and c.pos_ in ("VERB", "AUX")
        and any(m.dep_ == "mark" and m.lower_ in ("to", "of") for m in c.children)
    ]


def parenthetical(a: Attributor, sent: Span) -> list[Candidate]:
    """'The new budget, the treasurer claimed, would protect services': a speaker and a
    speech verb set off by commas inside the claim, read from the surface (parsers
    often attach such a verb as a relative clause of the noun before it)."""
    doc = a.doc
    for verb in sent:
        if verb.i + 1 >= sent.end - 1 or doc[verb.i + 1].text != "," or a.in_quote(verb):
            continue
        if not (cue_classes(verb, a.lex) & {"speech", "cognition"}) or verb.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        left = verb.i - 1
        while left > sent.start and doc[left].text != "," and verb.i - left <= 6:
            left -= 1
        run = doc[left + 1 : verb.i]
        if left <= sent.start or doc[left].text != "," or not run:
            continue
        if not all(t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM") or t.dep_ == "flat" for t in run):
            continue
        head = next((t for t in reversed(run) if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
        if head is None or a.voice_is_first_person(head) or not a.acceptable_speaker(head):
            continue
        if a.sentence_quotes(sent):
            continue  # quotations have their own rules
        mention = a.mention_at(head)
        source = (mention.start_char, mention.end_char) if mention is not None else span_chars(list(run))
        content = trim(a.text, *span_chars([t for t in sent if not t.is_space]))
        if content is None:
            continue
        return [Candidate(sent, content, "indirect", (verb.idx, verb.idx + len(verb.text)), lemma_of(verb), source,
                          head.i, confidence=0.7, rule="verb:parenthetical")]
    return []


def prepositional_cues(a: Attributor, sent: Span) -> list[Candidate]:
    """'X referred to the deal', 'talked about jobs', 'voted against the bill', 'weighed in
    on the dispute': a verb that cues a claim only through its preposition (cue data
    `prepositional_cues`); the preposition's object is what is said or judged."""
    found = []
    for verb in sent:
        preps = a.lex.prepositional_cues.get(lemma_of(verb))
        if not preps or verb.pos_ != "VERB" or a.in_quote(verb):
            continue
        if any(c.dep_ == "obj" for c in verb.children):
            continue  # "refers the bill to cabinet": the phrase completes an act on an object
        found_prep = governed_phrase(verb, preps)
        if found_prep is None:
            continue
        prep, phrase = found_prep
        head = a.subject_of(verb)
        if head is None or a.in_quote(head) or not a.acceptable_speaker(head):
            head = a.nearby_subject(verb, sent)
        if head is None or a.in_quote(head) or not a.acceptable_speaker(head):
            continue
        content = span_chars([t for t in phrase.subtree if not (t.dep_ == "case" and t.head.i == phrase.i)])
        content = trim(a.text, *content) if content else None
        if content is None:
            continue
        head = a.named_in_apposition(head)
        cue = (verb.idx, max(verb.idx + len(verb.text), prep.idx + len(prep.text)))
        source = a.speaker_span(head)
        if source[0] <= verb.idx < source[1]:
            # "The senator referred to ..." parsed as a noun phrase: the speaker stops at the verb
            source = span_chars([t for t in a.doc[head.left_edge.i : verb.i] if not t.is_punct]) or source
        found.append(Candidate(sent, content, "indirect", cue, f"{lemma_of(verb)} {prep.lower_}", source, head.i,
                               confidence=0.7, rule="verb:prepositional"))
    return found


def governed_phrase(verb: Token, preps: frozenset[str]) -> Optional[tuple[Token, Token]]:
    """The (preposition, phrase) a prepositional cue governs: an `obl` after the verb whose
    case is one of `preps` ('talked *about* jobs'), or any `obl` after a particle that is
    ('weighed *in* on the dispute')."""
    particle = next((c for c in verb.children if c.dep_ == "compound:prt" and c.lower_ in preps), None)
    for c in verb.children:
        if c.dep_ != "obl" or c.i < verb.i:
            continue
        case = next((g for g in c.children if g.dep_ == "case"), None)
        if case is not None and case.lower_ in preps:
            return case, c
        if particle is not None and case is not None:
            return particle, c
    return None


def object_cues(a: Attributor, sent: Span) -> list[Candidate]:
    """'He also mentioned the violence in his city', 'announced his resignation': a speech
    verb (cue data `object_speech_verbs`) whose noun-phrase object is what is said, when it
    has no clause or quotation of its own (those are `verb_cues`' to read)."""
    found = []
    for verb in sent:
        evidence = lemma_of(verb) in a.lex.evidence_object_verbs
        if not (evidence or lemma_of(verb) in a.lex.object_speech_verbs) or a.in_quote(verb) or not a.is_cue(verb):
            continue
        if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children):
            continue
        obj = next((c for c in verb.children if c.dep_ == "obj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is None or a.in_quote(obj):
            continue
        head = cue_speaker(a, verb, sent)
        if head is None or any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in head.children):
            continue  # "Neither board proposed a merger": nobody is reported saying anything
        if evidence and lemma_of(head) not in a.lex.headline_sources and head.lower_ not in a.lex.headline_sources:
            continue  # "a poll shows X ahead" is the poll's; "figures show a rise" the writer's
        content = span_chars([t for t in obj.subtree if not t.is_punct or obj.left_edge.i < t.i < obj.right_edge.i])
        content = trim(a.text, *content) if content else None
        if content is None:
            continue
        found.append(Candidate(sent, content, "indirect", (verb.idx, verb.idx + len(verb.text)), lemma_of(verb),
                               a.speaker_span(head), head.i, confidence=0.7, rule="verb:object"))
    return found


def cue_speaker(a: Attributor, verb: Token, sent: Span) -> Optional[Token]:
    """The speaker of a cue verb as `verb_cues` finds it: its subject (or the source behind a
    finding), else a noun phrase next to it when the parse gave it none."""
    head = a.subject_of(verb)
    if head is not None:
        head = a.behind_findings(dated_participle_subject(a, head))
    own = head is not None and head.head.i == verb.i and head.dep_ in SUBJECTS and not a.in_quote(head)
    if head is None or a.in_quote(head) or not a.acceptable_speaker(head):
        head = None if own else a.nearby_subject(verb, sent)
    if head is None or a.in_quote(head) or not a.acceptable_speaker(head):
        return None
    return a.named_in_apposition(head)


def dated_participle_subject(a: Attributor, head: Token) -> Token:
    """'A poll released Monday shows ...': the parser may take the date after a participle for
    the cue's subject; the speaker is what the participle describes (its subject, or the noun
    it modifies). Any other head is returned as it is."""
    if head.tag_ == "VBN" and head.dep_ == "csubj":
        participle = head  # "A poll released Monday shows": the participle parsed as a clausal subject
    elif head.i == 0 or not a.time_or_dateline(head):
        return head
    else:
        participle = a.doc[head.i - 1]
    if participle.tag_ not in ("VBN", "VBD"):  # (a slip that takes the date for a subject may take the participle for a past tense)
        return head
    if participle.dep_ in ("acl", "amod") and participle.head.i < participle.i:
        return participle.head
    subject = next((c for c in participle.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < participle.i), None)
    return subject if subject is not None else head
