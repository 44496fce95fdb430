"""Which language a stretch of text is in, from its function words.

Function words ("the", "of", "und", "ve", "hiç") are the most frequent words
of every language and almost never shared across languages that matter
here, so counting them tells an English article from the Turkish or German
interface text a blog platform wraps around it — without a model and
without any word of the article itself in a list.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from argmine.ingest.word_lists import function_words

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters only; apostrophes inside words kept)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def document_language(text: str, *, sample_chars: int = 200_000) -> Optional[str]:
    """The language whose function words dominate the text, or None when too little evidence."""
    tokens = words(text[:sample_chars])
    if len(tokens) < 5:
        return None
    counts = _language_counts(tokens, exclusive=False)
    if not counts:
        return None
    language, hits = counts.most_common(1)[0]
    return language if hits >= 2 else None


@lru_cache(maxsize=1)
def _languages_of_word() -> dict[str, frozenset[str]]:
    """Each function word and the languages that use it (one lookup per token)."""
    index: dict[str, set[str]] = {}
    for language, vocabulary in function_words().items():
        for word in vocabulary:
            index.setdefault(word, set()).add(language)
    return {word: frozenset(languages) for word, languages in index.items()}


def _language_counts(tokens: list[str], *, exclusive: bool, against: str = "en") -> Counter[str]:
    """Function-word hits per language. With ``exclusive``, words the `against`
    language also uses ("in", "die", "a") do not count for the others."""
    index = _languages_of_word()
    counts: Counter[str] = Counter()
    for token in tokens:
        languages = index.get(token)
        if not languages:
            continue
        if exclusive and against in languages:
            counts[against] += 1
        else:
            counts.update(languages)
    return counts


def foreign_language(text: str, article_language: Optional[str]) -> Optional[str]:
    """The other language a line is clearly in, or None.

    "Clearly" means at least two function words of that language that the
    article's language does not share, making up a good share of the line,
    and at most a trace of the article's own function words.
    """
    if not article_language:
        return None
    tokens = words(text)
    if len(tokens) < 2:
        return None
    counts = _language_counts(tokens, exclusive=True, against=article_language)
    own = counts.pop(article_language, 0)
    if not counts:
        return None
    language, hits = counts.most_common(1)[0]
    if hits < 2 or hits < 0.25 * len(tokens) or own > 0.1 * len(tokens) or hits <= 2 * own:
        return None
    # Two hits in a short line may be a name's particles ("Jean de la Fontaine"):
    # ask for a third, or for letters English does not use.
    if hits == 2 and len(tokens) < 6 and not has_letters_outside_english(text):
        return None
    return language


def has_function_words(text: str, language: str) -> bool:
    vocabulary = function_words().get(language, frozenset())
    return any(token in vocabulary for token in words(text))


def has_letters_outside_english(text: str) -> bool:
    """Letters English text does not use (ç ğ ı ö ş ß ñ ...), a hint of another language.

    Accents English borrows (é in café, résumé) are not enough alone, so only
    letters beyond the Latin-1 set or the commonest non-English ones count.
    """
    for ch in text:
        if ch.isalpha() and ord(ch) > 127 and (ord(ch) > 0xFF or ch in "ßðþøåäöüñãõçÿ"):
            return True
    return False
