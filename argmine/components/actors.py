"""argmine_actors: people and organisations named in a document, merged into actors.

The model's entities are the base; rules add what the training corpora teach
poorly: titled names ("Dr" + first name + surname), public bodies ("NHS
England", "the Care Standards Commission", "Department of ...", "Royal College of ...",
"... Foundation Trust") and roles from appositions and premodifiers
("GP and clinical director of X, Dr Y"; "London mayor Z"). Collectives and
pronouns are resolved later, by argmine_coref, when they speak.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from argmine.components import extensions  # noqa: F401  (registers Doc._ attributes)
from argmine.components.base import RuleComponent
from argmine.components.spans import FINITE_TAGS
from argmine.components.lexicons import ActorLexicon, actor_lexicon, cue_lexicon
from argmine.components.registry import ActorRegistry

CONNECTORS = {"of", "for", "and", "&", "on", "the", "’s", "'s", "in"}
POSSESSIVE = {"’s", "'s", "’", "'"}
MENTIONS_KEY = "argmine_mentions"
#: Last words of a street's name ("Kiln Lane", "Quarry Road").
STREET_WORDS = {"Lane", "Road", "Street", "Avenue", "Drive", "Crescent", "Terrace", "Square", "Gardens", "Place", "Row", "Close", "Way"}
#: "X, who runs the Y Trust," describes X's role.
ROLE_VERBS = {"be", "run", "lead", "head", "chair", "direct", "manage", "found", "represent", "advise", "serve", "work", "own", "oversee"}


@dataclass
class Mention:
    start: int  # token index (title included)
    end: int
    kind: str  # "person" / "organisation"
    names: list[str]  # name tokens without title (person) or the canonical name (organisation)
    title: Optional[str] = None
    by_rule: bool = False  # found by a rule (titled name, public body), not the model


def _is_cap(token: Token) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def _after_a_stop(doc: Doc, i: int) -> bool:
    """True when token i follows a full stop or a line break (a name never runs across)."""
    prev = doc[i - 1] if i > 0 else None
    return prev is None or prev.text in {".", "!", "?"} or (prev.is_space and "\n" in prev.text)


def _title_case_sentence(sent: Span) -> bool:
    """Headlines in Title Case defeat capitalisation rules. A headline has no final
    stop; body sentences full of organisation names do."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    last = [t for t in sent if not t.is_space]
    if last and last[-1].text in {".", "!", "?", "”", '"'}:
        return False
    return len(words) >= 4 and sum(_is_cap(t) for t in words) / len(words) > 0.7


def _person_names(tokens: list[Token], lex: ActorLexicon) -> tuple[Optional[str], list[str]]:
    """Split a person span into its title and its name words. A role word inside the
    span ("Health Secretary Jeremy Hunt") ends what came before: the name follows it."""
    title = None
    names: list[str] = []
    for t in tokens:
        if t.text in POSSESSIVE and names:
            break  # "X Y’s report": the name ends at the possessive
        if t.text == "-" and names and not t.whitespace_:
            continue
        if t.text in POSSESSIVE or t.is_punct:
            continue
        if t.text in lex.titles or (t.lower_ in lex.role_nouns and t.text[:1].isupper()):
            title = t.text if title is None or names else f"{title} {t.text}"
            names = []
            continue
        if t.text in lex.name_suffixes and names:
            break
        if _is_cap(t) and names and _hyphen_before(t):
            names[-1] += "-" + t.text  # "Osei-Bonsu": one name
        elif _is_cap(t):
            names.append(t.text)
        elif names:
            break
    return title, names


def _hyphen_before(t: Token) -> bool:
    """A token joined to the name before it by a hyphen with no spaces ("Osei-Bonsu")."""
    doc = t.doc
    return t.i >= 2 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_ and not doc[t.i - 2].whitespace_


def _name_hyphen(doc: Doc, k: int) -> bool:
    return doc[k].text == "-" and k + 1 < len(doc) and not doc[k].whitespace_ and k > 0 and not doc[k - 1].whitespace_ and _is_cap(doc[k + 1])


def find_titled_people(doc: Doc, lex: ActorLexicon) -> list[Mention]:
    found = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if t.text in lex.titles and _is_cap(t):
            j = i + 1
            while j < len(doc) and doc[j].text in lex.titles:
                j += 1
            k = j
            while k < len(doc) and k - j < 6 and (_is_cap(doc[k]) or _name_hyphen(doc, k)) and doc[k].text not in lex.titles and not _after_a_stop(doc, k):
                k += 1
            if k > j and not (k - j == 1 and doc[j].text in lex.org_heads):
                title, names = _person_names(list(doc[i:k]), lex)
                if names:
                    found.append(Mention(i, k, "person", names, title, by_rule=True))
                    i = k
                    continue
        i += 1
    return found


def _org_run_end(doc: Doc, start: int, lex: ActorLexicon) -> int:
    """End of a capitalised run starting at `start`, allowing inner connectors."""
    k = start
    last_cap = start
    while k < len(doc):
        t = doc[k]
        if _is_cap(t) and not t.is_punct:
            last_cap = k + 1
        elif t.text.lower() in CONNECTORS and k + 1 < len(doc) and _is_cap(doc[k + 1]):
            pass
        elif t.text in POSSESSIVE and k > start:
            pass
        else:
            break
        k += 1
    return last_cap


def _head_of_phrase(doc: Doc, start: int, end: int, lex: ActorLexicon) -> Optional[tuple[int, int]]:
    """'Campaign for Better Transport', 'British Chambers of Commerce': an organisation head
    followed by 'of'/'for' and more capitalised words names the whole run."""
    for h in range(start, end - 2):
        if doc[h].text in lex.org_heads and doc[h + 1].lower_ in ("of", "for") and _is_cap(doc[h + 2]):
            return start, end
    return None


def find_public_bodies(doc: Doc, lex: ActorLexicon) -> list[Mention]:
    """Organisations by form: a capitalised run ending in an organisation head, a
    known prefix ("Department of ...", "Royal College of ..."), or "NHS X"."""
    found: list[Mention] = []
    for sent in doc.sents:
        if _title_case_sentence(sent):
            continue
        i = sent.start
        while i < sent.end:
            t = doc[i]
            if not _is_cap(t):
                i += 1
                continue
            # skip a capitalised sentence opener that is not a name
            if t.i == sent.start and t.pos_ not in ("PROPN",) and t.text not in lex.org_heads and t.text != "NHS":
                i += 1
                continue
            end = min(_org_run_end(doc, i, lex), sent.end)
            words = [w.text for w in doc[i:end]]
            mention = None
            for prefix in lex.org_prefixes:
                n = len(prefix)
                if tuple(words[:n]) == prefix and len(words) > n:
                    mention = (i, end)
                    break
            if mention is None:
                mention = _head_of_phrase(doc, i, end, lex)
            if mention is None:
                # the longest prefix of the run that ends in an organisation head
                for k in range(end, i, -1):
                    if doc[k - 1].text in lex.org_heads and k - i >= 2:
                        mention = (i, k)
                        break
            if mention is None and t.text == "NHS" and end > i + 1:
                mention = (i, i + 2)
            if mention:
                s, e = mention
                while e > s and (doc[e - 1].text.lower() in CONNECTORS or doc[e - 1].text in POSSESSIVE):
                    e -= 1
                if e - s >= 2 or doc[s].text not in lex.org_heads:
                    found.append(Mention(s, e, "organisation", [doc[s:e].text], by_rule=True))
                i = max(e, i + 1)
            else:
                i = end if end > i else i + 1
    return found


def find_entity_mentions(doc: Doc, lex: ActorLexicon) -> list[Mention]:
    found = []
    for ent in doc.ents:
        body = _named_body_before(doc, ent, lex) if ent.label_ == "PERSON" else None
        if body is not None:  # "Carewatch East Dunmore" read as a person
            found.append(Mention(body.start, body.end, "organisation", [body.text]))
            continue
        if ent.label_ == "PERSON" and _street(doc, ent, lex):
            continue  # "a café on Kiln Street": a place, whatever the recogniser thought
        if ent.label_ == "ORG" and _person_shaped(ent, lex):
            found.append(Mention(ent.start, ent.end, "person", [t.text for t in ent]))
            continue  # "Colin Dyer, who owns a café": a first name and a surname are a person
        if ent.label_ == "PERSON":
            ent = _with_surname(doc, ent, lex)
            title, names = _person_names(list(ent), lex)
            common = lex.org_heads | {w for w in lex.groups} | lex.role_nouns
            speech = cue_lexicon().speech | cue_lexicon().cognition
            if any(n.lower() in speech or n.lower().rstrip("s") in speech for n in names):
                continue  # a Title Case headline read as a name: "... Official Suggests"
            if all(n.lower() in lex.pronouns for n in names):
                continue  # "My", "He" at a sentence start read as a name
            if names and not all(n in common or n.lower() in common for n in names):
                found.append(Mention(ent.start, ent.end, "person", names, title))
        elif ent.label_ == "ORG":
            speech = cue_lexicon().speech | cue_lexicon().cognition
            if any(t.lower_ in speech or t.lower_.rstrip("s") in speech for t in ent if t.text[:1].isupper()):
                continue  # a Title Case headline read as a name: "... Official Suggests"
            tokens = list(ent)
            verb_at = next((k for k, t in enumerate(tokens) if t.pos_ in ("VERB", "AUX") and t.text.islower()), None)
            if verb_at is not None:
                tokens = tokens[:verb_at]  # "Royal College warns": a name holds no lower-case verb
            if tokens and tokens[-1].lower_ in lex.role_nouns:
                # "County Council Finance Officer": a person described by their body; the
                # body is the entity, the role is left to coreference
                while tokens and (tokens[-1].lower_ in lex.role_nouns or tokens[-1].pos_ == "ADJ"):
                    tokens = tokens[:-1]
            while tokens and (tokens[0].lower_ == "the" or tokens[0].is_punct):
                tokens = tokens[1:]
            while tokens and (tokens[-1].text in POSSESSIVE or tokens[-1].is_punct):
                tokens = tokens[:-1]
            if tokens:
                span = doc[tokens[0].i : tokens[-1].i + 1]
                found.append(Mention(span.start, span.end, "organisation", [span.text]))
    return found


def _street(doc: Doc, ent: Span, lex: ActorLexicon) -> bool:
    """'on Kiln Street', 'with Quarry Road': a name after a preposition that ends in a street
    word and does not start with a known first name is an address."""
    words = [t for t in ent if not t.is_punct]
    before = doc[ent.start - 1] if ent.start > 0 else None
    return (
        len(words) >= 2 and words[-1].text in STREET_WORDS and words[0].text not in lex.first_name_gender
        and before is not None and before.pos_ == "ADP"
    )


def _person_shaped(ent: Span, lex: ActorLexicon) -> bool:
    """Two or three capitalised words, the first a known first name and none a body's word
    ("Colin Dyer"), read as an organisation: a person."""
    words = list(ent)
    return (
        2 <= len(words) <= 3 and words[0].text in lex.first_name_gender
        and all(t.text.istitle() and t.is_alpha for t in words)
        and not any(t.text in lex.org_heads or t.lower_ in lex.org_heads for t in words)
    )


def _with_surname(doc: Doc, ent: Span, lex: ActorLexicon) -> Span:
    """'Brenda' tagged a person and 'Oakes' left out: a capitalised name word the parse
    joins to the entity (its head, or a flat part of it) belongs to the name."""
    end = ent.end
    while end < len(doc) and end - ent.start < 4:
        nxt = doc[end]
        joined = doc[end - 1].head.i == nxt.i or nxt.dep_ in ("flat", "flat:name") and ent.start <= nxt.head.i < end
        if not (nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and joined) or nxt.text in lex.org_heads or nxt.lower_ in lex.role_nouns:
            break
        end += 1
    return doc[ent.start : end]


def _named_body_before(doc: Doc, ent: Span, lex: ActorLexicon) -> Optional[Span]:
    """A capitalised common noun joined to a name by the parse ("Carewatch East Dunmore",
    not "Nurse Jo Bell"): the whole run is a body's name, not a person's."""
    start = ent.start
    while start > 0:
        before = doc[start - 1]
        joined = before.dep_ in ("compound", "flat", "flat:name") and start <= before.head.i < ent.end or any(
            doc[k].head.i == before.i and doc[k].dep_ in ("flat", "flat:name", "compound") for k in range(start, ent.end)
        )
        if not (before.text[:1].isupper() and before.pos_ in ("NOUN", "PROPN") and joined):
            break
        if before.text in lex.titles or before.lower_ in lex.role_nouns:
            return None
        start -= 1
    nouns = [t for t in doc[start : ent.start] if t.pos_ == "NOUN"]
    return doc[start : ent.end] if nouns else None


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def select_mentions(candidates: list[Mention]) -> list[Mention]:
    """Titled people and rule-found bodies win over model entities they overlap;
    among the rest, longer spans win."""
    ranked = sorted(candidates, key=lambda m: (not m.by_rule, -(m.end - m.start)))
    chosen: list[Mention] = []
    for m in ranked:
        if not any(_overlaps(m, c) for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


# -- roles ---------------------------------------------------------------------

def _has_role_noun(tokens: list[Token], lex: ActorLexicon) -> bool:
    return any(t.lower_ in lex.role_nouns or t.lemma_.lower() in lex.role_nouns for t in tokens)


def _split_roles(tokens: list[Token], lex: ActorLexicon) -> list[str]:
    """'GP and clinical director of X' -> two roles, when both sides name a role."""
    parts: list[list[Token]] = [[]]
    for t in tokens:
        if t.lower_ == "and" and parts[-1] and _has_role_noun(parts[-1], lex):
            parts.append([])
        else:
            parts[-1].append(t)
    if len(parts) > 1 and not all(_has_role_noun(p, lex) for p in parts):
        parts = [tokens]
    roles = []
    for p in parts:
        while p and (p[0].lower_ in {"the", "a", "an", "its", "their"} or p[0].is_punct):
            p = p[1:]
        while p and p[-1].is_punct:
            p = p[:-1]
        if p:
            roles.append(p[0].doc[p[0].i : p[-1].i + 1].text)
    return roles


def _clause_window(doc: Doc, m: Mention) -> Span:
    """The stretch around a mention that an apposition can occupy: back to the last
    full stop and on to the next, within the paragraph. (Not the parser's sentence:
    a slip there must not cut a role off its name.)"""
    start = m.start
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text) and doc[start - 1].text not in {".", "!", "?"}:
        start -= 1
    end = m.end
    while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text) and doc[end].text not in {".", "!", "?"}:
        end += 1
    return doc[start : min(end + 1, len(doc))]


def find_roles(doc: Doc, m: Mention, lex: ActorLexicon) -> list[str]:
    """Roles from an apposition before or after the name, or a premodifier."""
    sent = _clause_window(doc, m)
    roles: list[str] = []
    # "<role>, Dr X," : the chunk before a comma that precedes the name
    if m.start - 1 > sent.start and doc[m.start - 1].text == ",":
        k = m.start - 2
        chunk: list[Token] = []
        while k >= sent.start and doc[k].text not in {",", ";", ":", "(", "“", '"'} and doc[k].tag_ not in FINITE_TAGS:
            chunk.insert(0, doc[k])
            k -= 1
        if chunk and len(chunk) <= 20 and _has_role_noun(chunk, lex):
            roles.extend(_split_roles(chunk, lex))
    # "X, <role>," : an apposition after the name, without a finite verb
    if m.end < sent.end and doc[m.end].text == ",":
        k = m.end + 1
        chunk = []
        while k < sent.end and doc[k].text not in {",", ";", ":", ")", "“", '"', "."}:
            chunk.append(doc[k])
            k += 1
        closed = k < sent.end and doc[k].text in {",", ";", ")", "."}
        if (
            chunk
            and closed
            and len(chunk) <= 15
            and not any(t.tag_ in FINITE_TAGS or t.pos_ in ("VERB", "AUX") for t in chunk)
            and _has_role_noun(chunk, lex)
            and chunk[0].lower_ not in {"who", "which", "that"}
        ):
            roles.extend(_split_roles(chunk, lex))
    # "X, who runs the Y Trust," : what the person does, as the text says it
    if m.end + 1 < sent.end and doc[m.end].text == "," and doc[m.end + 1].lower_ == "who":
        k = m.end + 2
        chunk = []
        while k < sent.end and doc[k].text not in {",", ";", ":", ")", "“", '"', "."}:
            chunk.append(doc[k])
            k += 1
        if chunk and len(chunk) <= 15 and k < sent.end and doc[k].text in {",", ";", ")"} and chunk[0].lemma_.lower() in ROLE_VERBS:
            roles.append(doc[chunk[0].i : chunk[-1].i + 1].text)
    # "London mayor Ruth Evans", "Health Secretary X": premodifiers with a role noun
    k = m.start - 1
    pre: list[Token] = []
    while k >= sent.start and not doc[k].is_punct and doc[k].pos_ in ("NOUN", "PROPN", "ADJ") and doc[k].lower_ not in {"the", "a"}:
        pre.insert(0, doc[k])
        k -= 1
    if m.title and m.title.lower() in lex.role_nouns:
        pre.append(doc[m.start])
    elif m.title and any(w in lex.office_titles for w in m.title.split()):
        roles.append(m.title)  # "Cllr Ann Lee": the office is a role, not part of the name
    if pre and _has_role_noun(pre, lex) and pre[-1].i >= m.start - 1:
        if pre[-1].lower_ in lex.role_nouns or pre[-1].text.lower() in lex.role_nouns:
            roles.append(doc[pre[0].i : pre[-1].i + 1].text)
    return roles


class ActorRecognizer(RuleComponent):
    """Finds named people and organisations and merges them into doc._.actors."""

    def __init__(self, name: str = "argmine_actors"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        lex = actor_lexicon()
        registry = ActorRegistry.from_doc(doc)
        candidates = find_titled_people(doc, lex) + find_public_bodies(doc, lex) + find_entity_mentions(doc, lex)
        spans = []
        chosen = select_mentions(candidates)
        chosen = sorted(chosen + self.bare_surnames(doc, chosen, lex), key=lambda m: m.start)
        for m in chosen:
            span = doc[m.start : m.end]
            char_span = (span.start_char, span.end_char)
            surface = span.text
            if m.kind == "person":
                gender = lex.first_name_gender.get(m.names[0]) if len(m.names) >= 2 else None
                if m.title:
                    first_title = m.title.split()[0]
                    gender = "female" if first_title in lex.female_titles else "male" if first_title in lex.male_titles else gender
                entry = registry.add_person(m.names, surface, char_span, gender)
            else:
                entry = registry.add_organisation(m.names[0], surface, char_span)
            for role in find_roles(doc, m, lex):
                entry.add_role(role)
            spans.append(span)
        registry.merge_provisional_people()
        registry.write(doc)
        doc.spans[MENTIONS_KEY] = [
            Span(doc, s.start, s.end, label=registry.at(s.start_char, s.end_char).id) for s in spans
        ]
        return doc

    @staticmethod
    def bare_surnames(doc: Doc, mentions: list[Mention], lex: ActorLexicon) -> list[Mention]:
        """A known person's surname standing alone ("Later Aziz left") is a mention of
        that person even where the entity recogniser missed it."""
        surnames = {m.names[-1] for m in mentions if m.kind == "person" and len(m.names) >= 2}
        taken = {i for m in mentions for i in range(m.start, m.end)}
        found = []
        for t in doc:
            if t.text in surnames and t.i not in taken and t.text not in lex.titles:
                found.append(Mention(t.i, t.i + 1, "person", [t.text]))
        return found


@Language.factory("argmine_actors", assigns=["doc._.actors", "doc.spans"], default_config={})
def make_actors(nlp: Language, name: str) -> ActorRecognizer:
    return ActorRecognizer(name)
