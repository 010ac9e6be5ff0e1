"""Word forms for search: folding case and accents, small words to ignore, and a small suffix stemmer.

Porter's steps 1 and 5a, lightly, plus forms no suffix rule reaches ("swollen",
"itchy") and derived words that name the same fact ("elasticity" = "elastic").
Snowball's English stemmer was measured in its place (docs/finding-things.md):
it joins fewer of the words patients type ("itchy" and "itching" stay apart)
and cost about 13 ms to import and 29 ms to stem the knowledge base's words,
against 2 ms here.
Stdlib only; imports neither typer nor rich.
"""

from __future__ import annotations

import re
import unicodedata

# A word: letters and digits (accents, even as combining marks, included), joined by apostrophes.
# Underscores are \w: texts are searched with them turned into spaces (same length, same offsets).
WORD = r"[\w\u0300-\u036f]+(?:['’ʼ][\w\u0300-\u036f]+)*"
_APOSTROPHES = dict.fromkeys(map(ord, "'’ʼ"))
# Function words and fillers ("feels", "looks"): ignored unless the query has nothing else.
_STOP = """a an the i im ive id me my mine myself you your youre we our us he she his her they them their it its
this that these those there here is are was were be been being am do does did doing dont doesnt didnt have has had
having get gets got getting can cant cannot could couldnt will wont would should may might must and or but if so as
than then of to in on at for with from by about into up out over after what whats when where which who why how not
no any some all very really too quite just still also much more most lot lots bit little properly
normally anymore now again while because until feel feels feeling felt look looks looking seem seems
become becomes became go goes going went"""
# Words every page is about: ignored as stop words are ("droopy eye after botox"), yet a search for them alone is
# a search ("search botox" finds where the text says it), not a usage error.
TOPIC_WORDS = frozenset(("botox",))
STOP_WORDS = frozenset(_STOP.split()) | TOPIC_WORDS
# Forms the suffix rules cannot reach, and -y adjectives that name a symptom ("itchy" = "itch").
_IRREGULAR = {
    "swollen": "swell", "bled": "bleed", "stung": "sting", "bitten": "bite", "lying": "lie", "teeth": "tooth",
    "feet": "foot", "chose": "choose", "chosen": "choose", "itchy": "itch", "droopy": "droop", "saggy": "sag",
    "puffy": "puff", "bumpy": "bump", "lumpy": "lump", "gritty": "grit", "achy": "ache", "scaly": "scale",
    "blotchy": "blotch", "flaky": "flake", "tingly": "tingle", "twitchy": "twitch", "teary": "tear",
    "watery": "water", "bloody": "blood", "shaky": "shake", "sleepy": "sleep",
}  # fmt: skip
# Stems of derived words that name the same fact, which no suffix rule (nor Snowball's) joins:
# "elasticity", "absorption", "weakened", "dosage" find "elastic", "absorbed", "weak", "dose".
_JOINED = {
    "elasticiti": "elastic", "absorption": "absorb", "weaken": "weak", "weaker": "weak", "stronger": "strong",
    "strongli": "strong", "dryness": "dri", "dry": "dri", "dosag": "dose", "movement": "move", "skillful": "skill",
}  # fmt: skip


def signature() -> str:
    """A checksum of how words are split and stemmed: what search's stored index was built with."""
    import zlib

    parts = [WORD, repr(sorted(_IRREGULAR.items())), repr(sorted(_JOINED.items()))]
    for function in (tokens, fold, stem, _suffixes, _shape, _cvc):
        code = function.__code__
        parts += [code.co_code.hex(), repr([c for c in code.co_consts if isinstance(c, (str, int, tuple))])]
    return f"{zlib.crc32(chr(0).join(parts).encode()):08x}"


def fold_text(text: str) -> str:
    """A whole text folded as its words are (case, accents, apostrophes), so a word's fold is part of it."""
    if text.isascii():
        return text.lower().replace("'", "")
    return fold(text)


def starts(stems: set[str]) -> tuple[str, ...]:
    """Letters that every word with one of these stems begins with, in lower case, to skip texts without any.

    A stem keeps its word's first letters but for its last one (allergy -> allergi), so its start, one
    letter short, is in the word; a form joined to it by hand ("teeth" -> "tooth") adds that form's start.
    """
    found = {each[: max(min(3, len(each) - 1), 1)] for each in stems}
    for form, joined in (*_IRREGULAR.items(), *_JOINED.items()):
        if stem(joined, {}) in stems or joined in stems:
            found.add(form[:2])
    return tuple(found)


def tokens(text: str) -> list[str]:
    return re.findall(WORD, text.replace("_", " "))


def fold(token: str) -> str:
    """'BRÛISE' -> 'bruise', "Can't" -> 'cant': case, accents and apostrophes ignored."""
    if token.isascii():
        return token.lower().replace("'", "")
    decomposed = unicodedata.normalize("NFKD", token.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).translate(_APOSTROPHES)


def stem(token: str, cache: dict[str, str]) -> str:
    """The stem of a token as written ('Bruising' -> 'bruis'), remembered in `cache`."""
    stem = cache.get(token)
    if stem is None:
        folded = fold(token)
        stem = _suffixes(_IRREGULAR.get(folded, folded))
        stem = cache[token] = _JOINED.get(stem, stem)
    return stem


def _suffixes(word: str) -> str:
    """Porter's steps 1 and 5a, lightly: plurals, -ness, -ed, -ing, final -y and -e.

    bruise, bruises, bruised, bruising -> bruis; droops, drooping -> droop; lines, lining -> line.
    """
    if len(word) <= 2 or word[-1] not in "degsy" or not word.isalpha():  # no suffix to strip
        return word
    if word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("ies"):
        word = word[:-1] if len(word) == 4 else word[:-2]  # lies -> lie, allergies -> allergi
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ness") and "vc" in _shape(word[:-4]):
        word = word[:-4]  # weakness -> weak; puffiness -> puffy -> puff
        word = _IRREGULAR.get(word[:-1] + "y", word) if word.endswith("i") else word
    if word.endswith("eed"):
        word = word[:-1] if "vc" in _shape(word[:-3]) else word  # agreed -> agree; bleed, need stay
    else:
        for suffix in ("ing", "ed"):
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) > 1 and "v" in _shape(stem):
                word = stem
                if word.endswith(("at", "bl", "iz")) or (_shape(word).count("vc") == 1 and _cvc(word)):
                    word += "e"  # biting -> bite, lining -> line
                elif word[-1] == word[-2] and word[-1] not in "aeioulsz":
                    word = word[:-1]  # sagging -> sag, dropped -> drop
                break
    if word.endswith("y") and "v" in _shape(word[:-1]):
        word = word[:-1] + "i"  # allergy, allergies -> allergi
    if word.endswith("e"):
        measure = _shape(word[:-1]).count("vc")  # Porter's m
        if measure > 1 or (measure == 1 and not _cvc(word[:-1])):
            word = word[:-1]  # bruise -> bruis, but sore, face and bite keep their e
    return word


def _shape(word: str) -> str:
    """'c' for each consonant of `word`, 'v' for each vowel ('y' after a consonant is a vowel)."""
    shape = ""
    for char in word:
        shape += "v" if char in "aeiou" or (char == "y" and shape[-1:] == "c") else "c"
    return shape


def _cvc(stem: str) -> bool:
    """Consonant, vowel, consonant at the end, the last not w, x or y (hop, bit, lin)."""
    return _shape(stem).endswith("cvc") and stem[-1] not in "wxy"
