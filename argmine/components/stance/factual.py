"""Sentences that report how things stand or what happens next, and take no side.

A spokesman's timetable, an organisation's size, a denial that anything is planned, a
speaker's family or past: such sentences inform; the argument is in the sentences
around them, and the gold convention codes them neutral even in a passage that
argues. The context rules and the learned model would otherwise lend them the
speaker's side (:func:`reports_a_fact` is read before either, by way of
:func:`argmine.components.stance.premises.argues_nothing`).

**Schedule.** A step of a process, planned for a time: "The board will publish its
response in March.", "The company expects to submit an application in the spring.",
"We will continue to consult residents throughout."

**Contents.** What a plan holds: "The agreement sets out three joint posts.", "What
the two trusts share is a finance team.": a description, not a view of it.

**Scale.** What an organisation covers or employs, as a bare figure: "Our trust serves
600,000 people."

**No plans.** "There are no plans to relocate the surgery.": a statement of what is (not)
intended, not a view of it.

**Background.** The speaker's family or past, told as a fact: "My father was a
porter.", "My old surgery closed two rooms last year.", "I've served on two
school boards."

**News of a decision.** "The trust has just appointed a joint director.": a decision
reported as news, with no word on it.

**Told.** What people were told ("Last year we were told that the ward would
move."): a report of what another said, not the speaker's verdict on it.

**Chronicle.** "Since 2015 we have had three reorganisations.": a history, listed.
"""

from __future__ import annotations

import re

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december"
           "|spring|summer|autumn|winter")
#: A planned step: a modal or a verb of intending, then (after at most two words) a verb of procedure.
_PLANNED_STEP = (r"\b(?:will|shall|expects? to|plans? to|intends? to|(?:is|are) (?:due|set|expected) to)\s+"
                 r"(?:\w+\s+){0,2}?(?:publish|submit|meet|report|consult|continue to \w+|decide|vote|announce"
                 r"|review|refer|launch|begin|start|hold|issue|lay|respond)\b")
#: ... with a time: "in June", "on 27 March", "by the autumn", "in due course", "throughout".
_WHEN = (r"[^.;:!?]*?\b(?:(?:in|on|by|from|until|before|after|next|later|this)\s+(?:the\s+)?(?:\d|" + _MONTHS
         + r"|week|month|year|due course|the new year)|throughout\W*$)")
_SCHEDULE = re.compile(_PLANNED_STEP + _WHEN, re.IGNORECASE)

_CONTENTS = re.compile(
    r"\b(?:plan|proposal|scheme|agreement|deal|bill|strategy|contract|arrangement)s? (?:would |will )?"
    r"(?:includes?|contains?|sets? out|comprises?|provides? for)\b"
    r"|^\W*what (?:we|they|the (?:\w+ ){0,2}\w+) (?:share|keep|pool)s? (?:is|are)\b", re.IGNORECASE)

_SCALE = re.compile(
    r"^\W*(?:[\w'’-]+\s+){1,5}(?:covers|serves|employs|looks after|cares for)\s+"
    r"(?:about |around |some |roughly |nearly |more than |over |almost )?[\d,.]+\s*(?:million|m|bn|thousand|k)?\s+"
    r"(?:people|residents|patients|staff|members|pupils|households|employees|children|families)\W*$",
    re.IGNORECASE)

_NO_PLANS = re.compile(r"\b(?:there (?:are|is)|(?:has|have)) no (?:current |immediate |present )?plans? to\b",
                       re.IGNORECASE)

_KIN = (r"(?:mum|mother|dad|father|wife|husband|son|daughter|sister|brother|parents|grandmother|grandfather"
        r"|gran|grandad|nan|aunt|uncle|old \w+)")
_BACKGROUND = re.compile(r"^\W*(?:my|our) " + _KIN + r" (?:was|were|worked|used to|spent|died|closed|ran|lived)\b",
                         re.IGNORECASE)


_CAREER = re.compile(r"^\W*(?:i|we)(?:'ve|’ve| have)? (?:sat|served) on\b"
                     r"|^\W*(?:i|we)(?:'ve|’ve| have) (?:worked|been) (?:in|for|at|as|with)\b"
                     r"[^.;,]*\bfor (?:\d+|\w+) (?:years|decades)\b",
                     re.IGNORECASE)

_TOLD = re.compile(r"\b(?:we|i|they|the public|residents|staff|patients|people|members)"
                   r" (?:were|was|has been|have been|had been) (?:repeatedly |always |first )?told\b", re.IGNORECASE)

_JUST_DECIDED = re.compile(r"\b(?:has|have) (?:just|recently) (?:agreed|announced|appointed|published|signed|approved"
                           r"|confirmed|launched|submitted)\b", re.IGNORECASE)

_CHRONICLE = re.compile(r"^\W*since (?:\d{4}|the \d{4}s)\b,? (?:we|they|there|the \w+)"
                        r" (?:have|has) (?:had|been|seen)\b", re.IGNORECASE)


def announces_schedule(text: str) -> bool:
    """Does `text` announce a step of a process for a time ("will publish its response in March")?"""
    return bool(_SCHEDULE.search(text))


def describes_contents(text: str) -> bool:
    """Does `text` describe what a plan holds ("The agreement sets out three joint posts.")?"""
    return bool(_CONTENTS.search(text))


def describes_scale(text: str) -> bool:
    """Is `text` only the size of an organisation ("Our trust serves 600,000 people.")?"""
    return bool(_SCALE.match(text.strip()))


def denies_plans(text: str) -> bool:
    """Does `text` say that nothing is planned ("There are no plans to relocate the surgery.")?"""
    return bool(_NO_PLANS.search(text))


def personal_background(text: str) -> bool:
    """Does `text` tell the speaker's family or past ("My father was a porter.", "I've served on two boards.")?"""
    text = text.strip()
    return bool(_BACKGROUND.match(text) or _CAREER.match(text))


def reports_what_was_told(text: str) -> bool:
    """Does `text` report what people were told ("we were told that the ward would move")?"""
    return bool(_TOLD.search(text))


def reports_a_decision(text: str) -> bool:
    """Does `text` report a decision as news ("The trust has just appointed a joint director.")?"""
    return bool(_JUST_DECIDED.search(text))


def chronicles(text: str) -> bool:
    """Does `text` list a history ("Since 2015 we have had three reorganisations.")?"""
    return bool(_CHRONICLE.match(text.strip()))


def reports_a_fact(text: str) -> bool:
    """A report with no side: a schedule, a plan's contents, a scale, a denial of plans, the
    speaker's background, what people were told, news of a decision, a history."""
    return any(test(text) for test in (announces_schedule, describes_contents, describes_scale, denies_plans,
                                       personal_background, reports_what_was_told, reports_a_decision, chronicles))
