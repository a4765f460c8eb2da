"""What both database backends share: the query rewrite and the indexing changes."""

from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText

from redaksi.articles.models import ArticlePage

from ..analysis import analyse, analyse_query
from ..index import index_stories

NOTHING = Not(MatchAll())


def analysed_query(query):
    """Rewrite a Wagtail search query so that its words are the analyser's terms, synonyms ORed in."""
    if isinstance(query, PlainText):
        groups = analyse_query(query.query_string)
        combine = And if (query.operator or "and").lower() == "and" else Or
        return combine([alternatives_query(alternatives) for alternatives in groups]) if groups else NOTHING
    if isinstance(query, Phrase):
        terms = analyse(query.query_string)
        return Phrase(" ".join(terms)) if terms else NOTHING
    if isinstance(query, (And, Or)):
        return type(query)([analysed_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(analysed_query(query.subquery))
    if isinstance(query, Boost):
        return Boost(analysed_query(query.subquery), query.boost)
    return query


def alternatives_query(alternatives):
    """One query group: its alternatives (a term, or a phrase of terms) ORed."""
    parts = [PlainText(terms[0]) if len(terms) == 1 else Phrase(" ".join(terms)) for terms in alternatives]
    return parts[0] if len(parts) == 1 else Or(parts)


class AnalysedQueryMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = analysed_query(self.query)


class AnalysedValuesMixin:
    def prepare_value(self, value):
        """Index the analyser's terms instead of the raw text."""
        return " ".join(analyse(super().prepare_value(value)))


class StoryIndexMixin:
    """Shared by both indexes: story bulk indexing, no per-write title-norm rescan, orphan cleanup."""

    def add_item(self, obj):
        """Index one object for Wagtail only: single stories reach the reader index through signals.py."""
        self.add_entries(obj._meta.model, [obj])

    def add_items(self, model, objs):
        """Index objects in bulk for Wagtail and, for stories, the reader index."""
        objs = list(objs)
        self.add_entries(model, objs)
        if issubclass(model, ArticlePage):
            index_stories(objs)

    def _refresh_title_norms(self, full=False):
        """Recompute headline-length norms on a full rebuild only: per write it scanned the whole index."""
        if full:
            super()._refresh_title_norms(full=True)
