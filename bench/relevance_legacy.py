"""The first judgment set (bench/data/search-judgments*.json: queries with the ids judged relevant).

Kept for redaksi/search/tests/test_relevance.py (and the judged queries bench/search_latency.py times):
P@10, MRR and "attainable" of the reader query service on a slice, now computed by ir-measures. The
relevance benchmark itself uses the graded topics of bench/data/relevance/ (bench/search_relevance.py).
"""

import json
import statistics
from pathlib import Path

import ir_measures
from ir_measures import RR, P

JUDGMENTS = Path(__file__).resolve().parent / "data" / "search-judgments.json"
MEASURES = {"p_at_10": P @ 10, "rr": RR}


def load_judgments(path=JUDGMENTS):
    """Return the judged queries: dicts with query, kind, intent and the set of relevant corpus ids."""
    queries = json.loads(Path(path).read_text(encoding="utf-8"))["queries"]
    return [{**query, "relevant": set(query["relevant"])} for query in queries]


def clear_analysis_caches():
    """Forget every memoised result of the analyser (stems, terms), e.g. after switching stemming off."""
    from redaksi.search import analysis

    for value in vars(analysis).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def service_rankings(queries, story_ids, now):
    """Corpus ids in the reader query service's relevance order, every page; `story_ids` maps page id to corpus id."""
    from redaksi.search.evaluation import ranked_ids
    from redaksi.search.query import MAX_RESULTS

    return {query["query"]: [story_ids[pk] for pk in ranked_ids(query["query"], MAX_RESULTS, now)] for query in queries}


def score(queries, rankings):
    """Per-query and mean P@10, reciprocal rank and attainable share (relevant in the top 10 / min(10, relevant))."""
    qrels = [ir_measures.Qrel(str(n), docid, 1) for n, query in enumerate(queries) for docid in query["relevant"]]
    run = [
        ir_measures.ScoredDoc(str(n), docid, float(-rank))
        for n, query in enumerate(queries)
        for rank, docid in enumerate(rankings[query["query"]])
    ]
    values = {}
    for metric in ir_measures.iter_calc(list(MEASURES.values()), qrels, run) if run else ():
        values.setdefault(metric.query_id, {})[metric.measure] = metric.value
    per_query = []
    for n, query in enumerate(queries):
        found = values.get(str(n), {})
        p_at_10, relevant = found.get(MEASURES["p_at_10"], 0.0), len(query["relevant"])
        per_query.append({
            "query": query["query"],
            "kind": query["kind"],
            "p_at_10": p_at_10,
            "rr": found.get(MEASURES["rr"], 0.0),
            "attainable_at_10": p_at_10 * 10 / min(10, relevant),
            "matched": len(rankings[query["query"]]),
            "top_10": rankings[query["query"]][:10],
        })  # fmt: skip
    return {
        "p_at_10": statistics.fmean(q["p_at_10"] for q in per_query),
        "mrr": statistics.fmean(q["rr"] for q in per_query),
        "attainable_at_10": statistics.fmean(q["attainable_at_10"] for q in per_query),
        "queries": per_query,
    }
