"""The editor-maintained synonym table, analysed once and cached until an editor changes it."""

from django.core.cache import cache

CACHE_KEY = "search:synonyms"
CACHE_SECONDS = 24 * 60 * 60


def load_table():
    """Map each analysed form of every synonym set to all the set's forms (one query)."""
    from .analysis import analyse
    from .models import SearchSynonym

    table = {}
    for synonym in SearchSynonym.objects.all():
        forms = tuple(dict.fromkeys(tuple(analyse(text)) for text in synonym.texts()))
        for form in forms:
            if form:
                table[form] = tuple(sorted({*table.get(form, ()), *(other for other in forms if other)}))
    return table


def synonym_table():
    """The synonym table, from the cache when an editor has not changed it since."""
    table = cache.get(CACHE_KEY)
    if table is None:
        table = load_table()
        cache.set(CACHE_KEY, table, CACHE_SECONDS)
    return table


def forget_synonyms(**kwargs):
    """Drop the cached table; the next query reloads it. Connected to the synonym model's saves and deletes."""
    cache.delete(CACHE_KEY)


def synonym_alternatives(terms, position):
    """Return (terms consumed, alternatives) for the longest synonym form starting at `position`."""
    table = synonym_table()
    longest = max((len(form) for form in table), default=1)
    for length in range(min(longest, len(terms) - position), 0, -1):
        form = tuple(terms[position : position + length])
        if form in table:
            return length, table[form]
    return 1, ((terms[position],),)
