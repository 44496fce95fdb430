"""Named-entity layers for training: UNER tags on EWT, and names derived from GUM mentions.

Every function returns one IOB tag per word: ``B-<label>``, ``I-<label>``, ``O``, or ``""``
for *missing* (the model is not taught anything about that word). Labels are PERSON, ORG
and LOC; LOC covers geo-political entities (countries, cities) as in UNER.

Harmonisation with UNER's conventions (the EWT test split is scored with UNER labels):
  * titles and honorifics stay outside person names ("Dr [Jane Smith]"); a person
    mention that is only a title ("the Secretary") is left missing;
  * determiners stay outside ("the [Audit Commission]");
  * a GUM ``organization`` mention whose referent GUM also calls a ``place`` (a country
    acting as an agent) becomes LOC, as UNER tags countries LOC;
  * groups of people ("Senate Republicans"), one-word "names" that are common words
    ("Petitioner", "Rector", "God") and capitalised words that GUM does not mark as a
    person/organisation/place name are left missing rather than taught as "no entity".
"""

from __future__ import annotations

import re
from pathlib import Path

from training.conllu import Sentence

UNER_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
GUM_LABELS = {"person": "PERSON", "organization": "ORG", "place": "LOC"}

# Words that precede a name as a title or honorific; UNER keeps them out of the entity.
TITLE_WORDS = {
    w.lower()
    for w in """Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Lord Lady
    Madam Rev Rev. Reverend Fr Fr. Father Sister Brother Saint St St. President Vice
    Senator Sen Sen. Rep Rep. Representative Congressman Congresswoman Governor Gov Gov.
    Mayor Minister Secretary Chancellor Premier Chairman Chairwoman Chair Chief Justice Judge
    King Queen Prince Princess Duke Duchess Earl Count Countess Baron Emperor Empress Pope
    Cardinal Bishop Archbishop General Gen Gen. Major Maj Maj. Colonel Col Col. Captain Capt
    Capt. Lieutenant Lt Lt. Sergeant Sgt Sgt. Admiral Commander Officer Detective Inspector
    Ambassador Commissioner Director Speaker Deputy Attorney Agent Coach Doctor Nurse
    Uncle Aunt Grandma Grandpa Pastor Rabbi Imam Sheikh Mister Messrs""".split()
}
# Function words allowed *inside* a multi-word name ("Cape of Good Hope").
NAME_CONNECTORS = {"of", "and", "&", "for", "the", "de", "du", "la", "von", "van", "-", "–"}
PROPER_TAGS = {"NNP", "NNPS"}


# --------------------------------------------------------------------------- UNER (EWT)
def read_uner(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Map sent_id -> (words, IOB tags with labels PERSON/ORG/LOC, everything else O)."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    sent_id, words, tags = None, [], []
    with open(path, encoding="utf8") as handle:
        for raw in list(handle) + [""]:
            line = raw.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line:
                if sent_id is not None and words:
                    out[sent_id] = (words, _clean_iob(tags))
                sent_id, words, tags = None, [], []
            else:
                cols = line.split("\t")
                words.append(cols[1])
                tags.append(cols[2])
    return out


def _clean_iob(tags: list[str]) -> list[str]:
    """Keep PER/ORG/LOC (renamed), map OTH and stray labels to O, repair broken I- tags."""
    out = []
    for tag in tags:
        prefix, _, label = tag.partition("-")
        if prefix in ("B", "I") and label in UNER_LABELS:
            new = f"{prefix}-{UNER_LABELS[label]}"
            if prefix == "I" and (not out or out[-1][2:] != UNER_LABELS[label]):
                new = f"B-{UNER_LABELS[label]}"
            out.append(new)
        else:
            out.append("O")
    return out


def uner_tags(sentence: Sentence, uner: dict[str, tuple[list[str], list[str]]]) -> list[str]:
    """UNER tags for an EWT sentence, or all-missing where the tokenisation differs."""
    found = uner.get(sentence.sent_id)
    forms = [w.form for w in sentence.words]
    if found is None or found[0] != forms:
        return [""] * len(forms)
    return list(found[1])


# --------------------------------------------------------------------------- GUM
def parse_mentions(sentence: Sentence) -> list[tuple[int, int, dict[str, str]]]:
    """GUM ``Entity=`` brackets -> (first word, last word, fields) per mention (0-based).

    Fields follow the header ``GRP-etype-infstat-salience-centering-minspan-link-identity``.
    """
    open_mentions: dict[str, list[tuple[int, str]]] = {}
    found = []
    for i, word in enumerate(sentence.words):
        value = word.misc.get("Entity")
        if not value:
            continue
        j = 0
        while j < len(value):
            if value[j] == "(":
                k = j + 1
                while k < len(value) and value[k] not in "()":
                    k += 1
                content = value[j + 1 : k]
                if k < len(value) and value[k] == ")":
                    found.append((i, i, _fields(content)))
                    k += 1
                else:
                    open_mentions.setdefault(content.split("-")[0], []).append((i, content))
                j = k
            else:
                match = re.match(r"(\d+)\)", value[j:])
                if match and open_mentions.get(match.group(1)):
                    start, content = open_mentions[match.group(1)].pop()
                    found.append((start, i, _fields(content)))
                    j += match.end()
                else:
                    j += 1
    return found


def _fields(content: str) -> dict[str, str]:
    names = ["group", "etype", "infstat", "salience", "centering", "minspan", "link", "identity"]
    return dict(zip(names, content.split("-", 7)))


def _mention_head(sentence: Sentence, start: int, end: int) -> int:
    """The word of the mention whose syntactic head lies outside it."""
    for i in range(start, end + 1):
        head = sentence.words[i].head - 1
        if head < start or head > end:
            return i
    return start


def _name_core(sentence: Sentence, start: int, end: int, head: int) -> tuple[int, int]:
    """The run of proper-noun words around the head, allowing inner connectors."""
    words = sentence.words

    def proper(i: int) -> bool:
        return words[i].xpos in PROPER_TAGS

    left = head
    while left - 1 >= start:
        if proper(left - 1):
            left -= 1
        elif (
            left - 2 >= start
            and words[left - 1].form.lower() in NAME_CONNECTORS
            and proper(left - 2)
        ):
            left -= 2
        else:
            break
    right = head
    while right + 1 <= end:
        if proper(right + 1):
            right += 1
        elif (
            right + 2 <= end
            and words[right + 1].form.lower() in NAME_CONNECTORS
            and proper(right + 2)
        ):
            right += 2
        else:
            break
    return left, right


def place_identities(sentences: list[Sentence]) -> set[str]:
    """Referents (Wikipedia identities) that GUM types as ``place`` anywhere."""
    places = set()
    for sentence in sentences:
        for _, _, fields in parse_mentions(sentence):
            if fields.get("etype") == "place" and fields.get("identity"):
                places.add(fields["identity"])
    return places


def gum_tags(sentence: Sentence, places: set[str], common_words: frozenset[str] = frozenset()
             ) -> list[str]:
    """Named-entity IOB tags derived from a GUM sentence's mentions (see module doc).

    ``common_words``: lower-cased words seen as common nouns/adjectives/verbs/adverbs in
    the training data; a one-word PERSON that is one of them and has no Wikipedia
    identity is a role ("Petitioner"), not a name, and is left missing.
    """
    n = len(sentence.words)
    words = sentence.words
    tags = ["O"] * n
    spans: list[tuple[int, int, str]] = []
    missing: set[int] = set()
    titles: set[int] = set()  # taught as outside the name, as in UNER
    covered_proper: set[int] = set()
    for start, end, fields in parse_mentions(sentence):
        label = GUM_LABELS.get(fields.get("etype", ""))
        head = _mention_head(sentence, start, end)
        if label is None or words[head].xpos not in PROPER_TAGS:
            continue
        left, right = _name_core(sentence, start, end, head)
        if label == "PERSON":
            first = left
            while left <= right and (
                words[left].form.lower() in TITLE_WORDS or words[left].xpos == "HYPH"
            ):
                left += 1
            titles.update(range(first, min(left, right + 1)))
            role = (left == right and words[left].form.lower() in common_words
                    and not fields.get("identity"))
            if left > head or words[head].xpos == "NNPS" or role:
                # A bare title ("the Secretary"), a group ("Senate Republicans") or a
                # role ("Petitioner"): UNER's convention is unclear, so teach nothing.
                missing.update(range(start, end + 1))
                continue
        if label == "ORG" and fields.get("identity") in places:
            label = "LOC"
        spans.append((left, right, label))
        covered_proper.update(range(left, right + 1))
    # Innermost spans win over the names that contain them only where they do not overlap
    # an already accepted span; longer names are preferred.
    accepted: list[tuple[int, int, str]] = []
    for left, right, label in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if any(not (right < a or left > b) for a, b, _ in accepted):
            continue
        accepted.append((left, right, label))
    for left, right, label in accepted:
        tags[left] = f"B-{label}"
        for i in range(left + 1, right + 1):
            tags[i] = f"I-{label}"
    accepted_words = {i for a, b, _ in accepted for i in range(a, b + 1)}
    for i in missing - accepted_words:
        tags[i] = ""
    for i, word in enumerate(words):
        # Capitalised names GUM does not type as person/org/place could be any of them
        # under UNER's rules (e.g. a company GUM calls an "object"): leave them missing.
        if i in titles or i in accepted_words or i in covered_proper:
            continue
        if word.xpos in PROPER_TAGS:
            if _inside_typed_named_mention(sentence, i):
                continue
            tags[i] = ""
    return tags


def _inside_typed_named_mention(sentence: Sentence, i: int) -> bool:
    """True when word i belongs to a PROPN-headed mention of a type UNER never labels
    (events, abstract things, times...), where "no entity" is the right lesson."""
    for start, end, fields in parse_mentions(sentence):
        if start <= i <= end and fields.get("etype") not in GUM_LABELS:
            head = _mention_head(sentence, start, end)
            if sentence.words[head].xpos in PROPER_TAGS and start <= i <= end:
                return True
    return False
