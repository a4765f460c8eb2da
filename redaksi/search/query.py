"""The reader's story search: BM25 over every match in the reader index, newest first or by relevance.

Public interface (the search page and the relevance benchmarks call it):

- ``plan_query(text) -> Plan``: the analysed query, with compounds joined and misspellings corrected
  against the index's own vocabulary (the "did you mean" suggestion).
- ``search_stories(plan, order=RELEVANT|NEWEST, page=1, section_id=None, start=None, end=None, now=None)``
  returns a ``Results`` with the page's story ids, the capped total and whether the total was capped.

How a story ranks (docs/search.md tells editors): each query word group scores BM25 (rare words count more
than common ones, a word repeated counts less each time, long stories don't win by length) in the story's
headline, standfirst and body taken together, stemmed ("membangun" finds "pembangunan"), plus the exact words
as written, which lift stories that use the reader's very words. A story needs at least MIN_SHOULD_MATCH of
the query's groups. Recency breaks near-ties: a story's score is multiplied by 1 + weight × 0.5^(age /
HALF_LIFE), with the weight an editor sets in the search settings (0 turns it off).
"""

import datetime
import math
from dataclasses import dataclass, field

import tantivy
from django.utils import timezone

from .analysis import WORD, analyse, analyse_query, exact_word, index_terms, query_terms
from .reader_index import SCHEMA, TEXT, reader_index
from .typos import correction

PER_PAGE = 10
MAX_PAGES = 50
MAX_RESULTS = PER_PAGE * MAX_PAGES
RELEVANT, NEWEST = "relevan", "terbaru"
HALF_LIFE = datetime.timedelta(days=7)
SYNC_ON_READ = 200  # a search applies at most this many waiting changes itself; a backlog is the worker's

# BM25 over the whole story's stemmed text (reader_index.TEXT); the exact words as written add a little.
WORD_WEIGHTS = {"title_words": 0.25, "text_words": 0.5}
MIN_SHARE_OF_BEST = 0.4


def min_should_match(groups):
    """How many of the query's word groups a story must match for "relevan": one of one or two, two thirds of
    three or four, half of a longer question. Scoring puts stories with all of them first; the rest answer
    queries with a word no story has."""
    if groups <= 2:
        return 1
    return math.ceil(2 * groups / 3) if groups <= 4 else math.ceil(groups / 2)


@dataclass(frozen=True)
class Plan:
    groups: list  # analysed groups (analysis.analyse_query), corrections added as alternatives
    words: list  # the query's words as written, folded, stopwords dropped, corrections added
    suggestion: str = ""  # the query with misspellings corrected, "" when nothing was corrected
    searcher: object = field(default=None, compare=False, repr=False)  # the index state the plan was made on

    @property
    def terms(self):
        """Every term the query can match, for highlighting."""
        return query_terms(self.groups)


@dataclass(frozen=True)
class Results:
    story_ids: list
    total: int  # at most MAX_RESULTS
    capped: bool  # more than MAX_RESULTS matched


def searcher():
    """A searcher over the reader index, after applying the changes waiting (unless there is a backlog)."""
    index = reader_index()
    index.sync(limit=SYNC_ON_READ)
    return index.searcher()


def plan_query(text, current=None):
    """Analyse the reader's query; join compounds and correct misspellings the index has a better word for."""
    current = current or searcher()
    groups = join_compounds(analyse_query(text), current)
    words = list(dict.fromkeys(index_terms(text)[1]))  # as the index holds them: compounds split and joined
    corrections = {word: fixed for word in words if (fixed := correction(word, current))}
    for word, fixed in corrections.items():
        groups = add_alternative(groups, analyse(word), analyse(fixed))
    suggestion = " ".join(as_written(match.group(), corrections) for match in WORD.finditer(text or ""))
    return Plan(groups, [*words, *corrections.values()], suggestion if corrections else "", current)


def as_written(word, corrections):
    """The word, or its correction in the word's capitals ("Novato" gives "Novanto", "NOVATO" "NOVANTO")."""
    fixed = corrections.get(exact_word(word))
    if not fixed:
        return word
    return fixed.upper() if word.isupper() else fixed.capitalize() if word[:1].isupper() else fixed


def join_compounds(groups, current):
    """Let two query words match their joined form when the index knows it: "Go Jek" also finds "Gojek"."""
    joined, position = [], 0
    while position < len(groups):
        pair = groups[position : position + 2]
        if len(pair) == 2 and all(len(group) == 1 and len(group[0]) == 1 for group in pair):
            compound = pair[0][0][0] + pair[1][0][0]
            if current.doc_freq(TEXT, compound):
                joined.append(((pair[0][0][0], pair[1][0][0]), (compound,)))
                position += 2
                continue
        joined.append(groups[position])
        position += 1
    return joined


def add_alternative(groups, terms, fixed):
    """Add the corrected word's terms as an alternative to the group of the misspelled word's."""
    if not terms or not fixed:
        return groups
    return [(*group, tuple(fixed)) if (tuple(terms),) == group[:1] else group for group in groups]


def field_query(field, terms, weight=1.0):
    query = (
        tantivy.Query.term_query(SCHEMA, field, terms[0])
        if len(terms) == 1
        else tantivy.Query.phrase_query(SCHEMA, field, list(terms))
    )
    return tantivy.Query.boost_query(query, weight)


def any_of(queries, minimum=None):
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, query) for query in queries], minimum)


def text_query(plan, minimum):
    """Match `minimum` of the groups (stemmed, the whole story); the exact words only add to the score.

    A group scores its best alternative, not their sum: a story with both "IHSG" and "indeks harga saham
    gabungan", or both "Go-Jek" and "Gojek", answers the group once.
    """
    groups = [
        tantivy.Query.disjunction_max_query([field_query(TEXT, terms) for terms in alternatives])
        for alternatives in plan.groups
    ]
    words = [field_query(field, (word,), weight) for word in plan.words for field, weight in WORD_WEIGHTS.items()]
    return tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, any_of(groups, minimum)), *((tantivy.Occur.Should, query) for query in words)]
    )


def filter_query(section_id=None, start=None, end=None):
    """Section and time bounds (start inclusive, end exclusive), scoring nothing; None when unfiltered."""
    filters = []
    if section_id is not None:
        filters.append(tantivy.Query.term_query(SCHEMA, "section", section_id))
    if start is not None or end is not None:
        lower = int(start.timestamp()) if start is not None else None
        upper = int(end.timestamp()) if end is not None else None
        filters.append(
            tantivy.Query.range_query(SCHEMA, "published", tantivy.FieldType.Integer, lower, upper, True, upper is None)
        )
    return filters


def search_stories(plan, order=RELEVANT, page=1, now=None, recency=None, **filters):
    """Return the `page`th page of stories matching `plan` under `filters`."""
    if not plan.groups:
        return Results([], 0, False)
    current, offset = plan.searcher or searcher(), (page - 1) * PER_PAGE
    if order == NEWEST:
        query = filtered(text_query(plan, len(plan.groups)), filters)
        found = current.search(query, PER_PAGE, count=True, order_by_field="published", offset=offset)
        story_ids = current.fast_field_values("story", [address for _key, address in found.hits])
        return Results(story_ids, min(found.count, MAX_RESULTS), found.count > MAX_RESULTS)
    query = filtered(text_query(plan, min_should_match(len(plan.groups))), filters)
    found = current.search(query, MAX_RESULTS, count=True)
    hits = close_to_the_best(found.hits) if len(plan.groups) > 1 else found.hits
    ranked = rerank(current, hits, now or timezone.now(), recency_weight() if recency is None else recency)
    capped = found.count > MAX_RESULTS and len(hits) == len(found.hits)
    return Results(ranked[offset : offset + PER_PAGE], len(hits), capped)


def filtered(query, filters):
    """The query within the filters, which score nothing."""
    return tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, query)]
        + [(tantivy.Occur.Must, tantivy.Query.const_score_query(f, 0.0)) for f in filter_query(**filters)]
    )


def close_to_the_best(hits):
    """The hits scoring at least MIN_SHARE_OF_BEST of the best one: a story matching a query's weakest word
    alone is no answer to it. (A one-word query has no weaker word: all its matches stay.)"""
    best = hits[0][0] if hits else 0
    return [hit for hit in hits if hit[0] >= MIN_SHARE_OF_BEST * best]


def rerank(current, hits, now, weight):
    """Story ids of `hits` ordered by text score times the recency factor (ties: newer first)."""
    addresses = [address for _score, address in hits]
    stories = current.fast_field_values("story", addresses)
    published = current.fast_field_values("published", addresses)
    scored = [
        (score * recency_factor(now.timestamp() - when, weight), when, story)
        for (score, _address), story, when in zip(hits, stories, published, strict=True)
    ]
    scored.sort(reverse=True)
    return [story for _score, _when, story in scored]


def recency_factor(age_seconds, weight):
    """1 + weight for a story of now, the gain halving every HALF_LIFE; a future story counts as now."""
    return 1 + weight * 0.5 ** (max(age_seconds, 0) / HALF_LIFE.total_seconds())


def recency_weight():
    """The recency weight editors set (search settings)."""
    from .models import SearchSettings

    return SearchSettings.load().recency_weight
