"""argmine_attribution: who is reported as claiming what, sentence by sentence.

Finds attributed claims (modes ``direct`` and ``indirect``) and records for
each the sentence carrying it, the claim proper (content), the cue and the
speaker's mention as written (a name, "he", "the clinical director",
"Critics"). Turning mentions into canonical actors is argmine_coref's job.

Constructions (labels are Universal Dependencies, as the shipped model gives):
- speech/cognition verbs with a clausal complement or a quotation
  ("X said that ...", "“...,” X said", "X remarked in 2009: “...”",
  "as X noted, ..."), the subject found through control and coordination
  ("went on to suggest", "and also argued"), passive agents ("was described
  by X as ...");
- evaluation verbs with an object ("X criticised the programme");
- "express/voice/raise" + concern-type nouns ("expressed concern about");
- nominal cues: "by his own admission", "in her view", "X's view is that",
  "signalled her belief that", "objections are being raised by those who ...",
  "opposition from X", "according to X";
- trailing dash attributions ("“...” — X") and headline cues ("... Minister Says");
- quotations without a speaker of their own: the sentences of a quotation
  share its speaker, and a quote paragraph with no cue continues the previous
  speaker (news convention).

The package: words (lemmas and cue classes), attributor (the shared state and
helpers: speaker, content, quotation tests), one module per family of rules
(verbs, frames, layout) and rules (their order, names and the loop). Word
lists live in components/data/cues.json, not in the code.
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from argmine.components import extensions  # noqa: F401
from argmine.components.attribution.attributor import Attributor, Candidate
from argmine.components.attribution.parts import addressee, content_parts
from argmine.components.attribution.rules import RULES, Rule, run_rules
from argmine.components.attribution.words import cue_classes, lemma_of, noun_lemmas
from argmine.components.base import RuleComponent
from argmine.components.contract import ClaimDict
from argmine.components.spans import sentence_chars

__all__ = ["AttributionFinder", "Attributor", "Candidate", "RULES", "Rule", "cue_classes", "lemma_of", "make_attribution", "noun_lemmas"]


def _segment_lookup(doc: Doc):
    segments = doc._.segments or []

    def kind_at(offset: int) -> Optional[str]:
        if not segments:
            return "body"
        for start, end, kind, _voice in segments:
            if start <= offset < end:
                return kind
        return None

    return kind_at


class AttributionFinder(RuleComponent):
    def __init__(self, name: str = "argmine_attribution"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        attributor = Attributor(doc)
        candidates = run_rules(attributor, _segment_lookup(doc))
        claims: list[ClaimDict] = list(doc._.claims or [])
        base = len(claims)
        for cand in candidates:
            claims.append(
                {
                    "text": list(sentence_chars(cand.sent)),
                    "content": list(cand.content),
                    "cue": list(cand.cue) if cand.cue else None,
                    "cue_lemma": cand.cue_lemma,
                    "source": list(cand.source) if cand.source else None,
                    "source_head": cand.source_head,
                    "mode": cand.mode,
                    "actor": None,
                    "confidence": cand.confidence,
                    "link": None,
                    "continues": cand.continues,
                    "rule": cand.rule,
                    "agentive": cand.agentive,
                    "parts": [list(p) for p in content_parts(attributor, cand) or []] or None,
                    "addressee": list(where) if (where := addressee(attributor, cand)) else None,
                }
            )
        # links point at positions in the candidate list; shift them into the claim list
        for i, cand in enumerate(candidates):
            if cand.link is not None:
                claims[base + i]["link"] = base + cand.link
        doc._.claims = claims
        return doc


@Language.factory("argmine_attribution", assigns=["doc._.claims"], default_config={})
def make_attribution(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(name)
