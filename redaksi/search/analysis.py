"""Indonesian text analysis: the one analyser every search backend indexes and queries with.

Public interface (stable; the relevance benchmarks call it):

- ``analyse(text) -> list[str]``: the index terms of a text, in order (positions matter for phrases).
- ``analyse_query(text) -> list[tuple[tuple[str, ...], ...]]``: the groups of a reader's query. Every
  group must match; a group matches when any of its alternatives does; an alternative is a term, or a
  phrase of several terms in a row (a multi-word synonym such as "bank indonesia").
- ``query_terms(groups) -> set[str]``: every term a query can match, for highlighting.
- ``words(text) -> iterator of (start, end, term)``: each word of the original text with the term it
  indexes as (None for a stopword), for highlighting snippets.
- ``index_terms(text) -> (terms, exact)``: what the reader index stores of a text: its terms, and its words
  as written (folded, not stemmed), each list with the joined form of every compound added ("gojek" for
  "Go-Jek"), so that "Gojek", "Go-Jek" and "GO-JEK" meet.

Steps: Unicode NFKC, casefold and accent folding; words are letters and digits, joined inside a word by
hyphens, dots, commas or apostrophes ("5,2", "anak-anak"); "Rp5.000" splits into "rp" and "5.000";
stopwords drop; Sastrawi stems every all-lowercase-letter word, never numbers, acronyms (short words in
capitals, "BI", "OJK") or the words of data/unstemmed-id.txt; a hyphenated word that does not stem to one
word (a reduplication does) splits into its parts ("Go-Jek" is "go", "jek"). Synonyms expand at query time
only (see synonyms.py).
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from .synonyms import synonym_alternatives

WORD = re.compile(r"[^\W_]+(?:[-.,'’][^\W_]+)*")
QUOTES = re.compile(r'["“”]')
CURRENCY_AMOUNT = re.compile(r"^([^\W\d_]+)(\d[\d.,]*)$")
STEMMABLE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
MAX_QUERY_GROUPS = 12
MAX_ACRONYM = 5  # "IHSG", "BUMN", "APBN": longer words in capitals are shouted headlines, stemmed as usual
DATA = Path(__file__).parent / "data"


def word_list(name):
    """The words of a data file, one a line; lines starting with # are comments."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


STOPWORDS = word_list("stopwords-id.txt")
UNSTEMMED = word_list("unstemmed-id.txt")
_stemmer = StemmerFactory().create_stemmer()


def fold(text):
    """Normalise case, width and accents: "Ekonomi" and "ＥＫＯＮＯＭＩ" and "Ékonomi" fold alike."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))


@lru_cache(maxsize=200_000)
def stem(word):
    """Sastrawi's stem of a folded word; Sastrawi is slow, so each word is stemmed once per process."""
    return _stemmer.stem(word) if STEMMABLE.match(word) and word not in UNSTEMMED else word


@lru_cache(maxsize=200_000)
def term(word):
    """The index term of one word as written, or None for a stopword."""
    folded = fold(word).replace("'", "").replace("’", "")  # "Jum'at" is "jumat"
    if folded in STOPWORDS:
        return None
    is_acronym = 1 < len(word) <= MAX_ACRONYM and word.isupper()
    return folded if is_acronym else stem(folded)


def words(text):
    """Yield (start, end, term) for each word of `text`; term is None for stopwords."""
    for match in WORD.finditer(text or ""):
        word, start = match.group(), match.start()
        amount = CURRENCY_AMOUNT.match(word)
        whole = None if amount else term(word)
        if amount:
            yield start, start + len(amount.group(1)), term(amount.group(1))
            yield start + len(amount.group(1)), match.end(), fold(amount.group(2))
        elif whole and "-" in whole:
            yield from hyphen_parts(word, start)
        else:
            yield start, match.end(), whole


def hyphen_parts(word, start):
    """Yield the parts of a compound Sastrawi keeps hyphenated ("go-jek", "covid-19"), as separate words.

    Reduplications stem to one word before this ("anak-anak" is "anak"), so both "Go-Jek" and "Go Jek" index
    as "go", "jek".
    """
    offset = 0
    for part in word.split("-"):
        yield start + offset, start + offset + len(part), term(part) if part else None
        offset += len(part) + 1


def exact_word(text):
    """A word as written, folded; the form typo correction and exact matches compare."""
    return fold(text).replace("'", "").replace("’", "")


def index_terms(text):
    """Return the terms and the exact words `text` is indexed under, compounds also joined."""
    terms, exact = [], []
    for match in WORD.finditer(text or ""):
        written = match.group()
        parts = [(found, exact_word(written[start:end])) for start, end, found in words(written) if found]
        terms.extend(found for found, _word in parts)
        exact.extend(word for _found, word in parts)
        if len(parts) > 1 and "-" in written:
            joined = "".join(word for _found, word in parts)
            terms.append(joined)
            exact.append(joined)
    return terms, exact


def analyse(text):
    """Return the index terms of `text`, in order, stopwords dropped."""
    return [found for _start, _end, found in words(text) if found]


def analyse_query(text):
    """Return the query's groups: each a tuple of alternatives (term tuples), synonyms expanded.

    Words in "quotation marks" form one group, a phrase, without synonyms.
    """
    groups = []
    for number, part in enumerate(QUOTES.split(text or "")):
        terms = analyse(part)
        if number % 2:
            groups.extend([(tuple(terms),)] if terms else [])
            continue
        position = 0
        while position < len(terms):
            length, alternatives = synonym_alternatives(terms, position)
            groups.append(alternatives)
            position += length
    return groups[:MAX_QUERY_GROUPS]


def query_terms(groups):
    """Every term the query's groups can match."""
    return {found for alternatives in groups for alternative in alternatives for found in alternative}
