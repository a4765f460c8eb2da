"""Redaksi's analysis finds judged Indonesian stories that the same search without stemming misses.

A 300-story slice of the IndoSum corpus around ten judged queries (bench/data/search-judgments.json; the
slice, data/indosum-slice.jsonl, is every story judged relevant to them plus the corpus's first others),
filed as live stories and searched through the real path (bulk index, analyse_query, search_stories); the
baseline is the same path with Sastrawi switched off. Full numbers: bench/search_relevance.py.
"""

import sys
from datetime import timedelta
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[3]
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))  # bench/ is not installed; it sits next to redaksi/

from bench.bulk_archive import ensure_sections  # noqa: E402
from bench.corpus_archive import file_corpus, read_corpus  # noqa: E402
from bench.search_relevance import clear_analysis_caches, load_judgments, score, service_rankings  # noqa: E402
from redaksi.search import analysis  # noqa: E402
from redaksi.search.index import rebuild_story_index  # noqa: E402
from redaksi.search.reader_index import reader_index  # noqa: E402
from redaksi.search.synonyms import forget_synonyms  # noqa: E402

pytestmark = pytest.mark.django_db
SLICE = Path(__file__).parent / "data" / "indosum-slice.jsonl"  # IndoSum, CC BY-SA 4.0 (data/README.md)

QUERIES = {
    "penangkapan terduga teroris",
    "pembangunan bandara",
    "letusan Gunung Agung",
    "pengungsi Rohingya",
    "pemblokiran Telegram",
    "penangkapan artis narkoba",
    "pemudik Lebaran",
    "laba triliun rupiah",
    "otoritas jasa keuangan",
    "IHSG",
}


@pytest.fixture
def judged_slice(home):
    """The slice's 300 stories filed live, and the judged queries it holds the relevant stories of."""
    queries = [query for query in load_judgments() if query["query"] in QUERIES]
    chosen = read_corpus(SLICE)
    assert set().union(*(query["relevant"] for query in queries)) <= {story.id for story in chosen}
    story_ids = file_corpus(chosen, ensure_sections(home))
    return queries, story_ids, max(story.published_at for story in chosen) + timedelta(days=1)


def measure(queries, story_ids, now):
    """Index the slice with the current analyser and score the reader query service on it."""
    clear_analysis_caches()
    forget_synonyms()  # the cached synonym table holds analysed forms
    rebuild_story_index()
    reader_index().sync()  # as the worker does after a bulk load
    return score(queries, service_rankings(queries, story_ids, now))


def test_redaksi_analysis_beats_no_stemming(judged_slice, monkeypatch):
    queries, story_ids, now = judged_slice
    assert len(queries) == len(QUERIES) and len(story_ids) == 300
    with monkeypatch.context() as patch:
        patch.setattr(analysis, "stem", lambda word: word)
        plain = measure(queries, story_ids, now)
    redaksi = measure(queries, story_ids, now)
    # The exact words are indexed beside the stems, so stemming adds word forms to what exact words find:
    # it must never cost precision or recall on the judged slice.
    assert redaksi["mrr"] >= plain["mrr"]
    assert redaksi["p_at_10"] > plain["p_at_10"]
    assert redaksi["attainable_at_10"] >= plain["attainable_at_10"]
