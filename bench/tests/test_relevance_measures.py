"""The relevance benchmark's measures: ir-measures wired to graded qrels, and the averages it reports."""

import math
from pathlib import Path

import pytest

from bench import relevance_measures as measures
from bench.relevance_legacy import score
from bench.relevance_report import markdown
from bench.relevance_runs import read_qrels, read_topics
from bench.search_relevance import evaluate

DATA = Path(__file__).parent / "data" / "relevance"
JAKARTA, GARUT, MACET, LOMBOK = (
    "1500000001-banjir-jakarta", "1500000002-banjir-garut", "1500000003-jakarta-macet", "1500000004-gempa-lombok",
)  # fmt: skip


@pytest.fixture
def judged():
    return read_topics(DATA / "topics.json"), read_qrels(DATA / "qrels.txt")


def test_per_topic_measures(judged):
    topics, qrels = judged
    ranked = {"T1": [MACET, JAKARTA, "unjudged-story"], "T2": [LOMBOK], "T3": [], "T4": ["1500000005-ihsg-naik"]}
    values = measures.per_topic(topics, qrels, ranked)
    ideal = 2 / math.log2(2) + 1 / math.log2(3)
    assert values["T1"]["nDCG@10"] == pytest.approx((2 / math.log2(3)) / ideal)  # gains are the grades
    assert values["T1"]["P@10"] == pytest.approx(0.1)  # one relevant over ten
    assert values["T1"]["R@50"] == pytest.approx(0.5)  # Garut (grade 1) not found
    assert values["T1"]["traps@10"] == pytest.approx(1 / 3)  # of the three shown, Macet is judged 0
    assert values["T1"]["unjudged@10"] == pytest.approx(1 / 3)
    assert values["T2"] == {"results": 1, "nDCG@10": 1.0, "P@10": pytest.approx(0.1), "R@50": 1.0,
                            "traps@10": 0.0, "unjudged@10": 0.0}  # fmt: skip
    assert values["T3"] == {"results": 0}  # no relevant judgment, no result
    assert values["T4"] == {"results": 1, "traps@10": 0.0, "unjudged@10": 1.0}  # nobody judged it yet


def test_ties_in_score_keep_the_rank_order(judged):
    topics, qrels = judged
    first = measures.per_topic(topics, qrels, {"T1": [JAKARTA, MACET]})["T1"]["nDCG@10"]
    second = measures.per_topic(topics, qrels, {"T1": [MACET, JAKARTA]})["T1"]["nDCG@10"]
    assert first > second


def test_summaries_per_split_and_kind(judged):
    topics, qrels = judged
    ranked = {"T1": [JAKARTA, GARUT], "T2": [MACET], "T3": [MACET, GARUT, LOMBOK]}
    summary = measures.summaries(topics, measures.per_topic(topics, qrels, ranked))
    assert list(summary) == ["tuning", "heldout"]
    heldout = summary["heldout"]["overall"]
    assert heldout["topics"] == 2 and heldout["judged_relevant"] == 1
    assert heldout["nDCG@10"] == 0.0  # T2 found only a story judged for other topics: unjudged here
    assert heldout["traps@10"] == pytest.approx((0 + 1 / 3) / 2, abs=1e-4)
    assert heldout["unjudged@10"] == pytest.approx((1 + 2 / 3) / 2, abs=1e-4)
    assert heldout["zero_hit_rate"] == 0.0 and heldout["no_answer_mean_results"] == 3
    tuning = summary["tuning"]
    assert tuning["overall"]["zero_hit_rate"] == 0.5  # T4 has no result
    assert tuning["overall"]["nDCG@10"] == 1.0 and tuning["overall"]["no_answer_mean_results"] is None
    assert list(tuning["kinds"]) == ["topic", "acronym"]


def test_report_shows_every_system_split_and_kind(judged, tmp_path):
    topics, qrels = judged
    runs = {}
    for system, line in {"bm25": "T1 Q0 {JAKARTA} 1 3 bm25", "redaksi": "T3 Q0 {MACET} 1 100 redaksi"}.items():
        runs[system] = tmp_path / f"{system}.txt"
        runs[system].write_text(line.format(JAKARTA=JAKARTA, MACET=MACET) + "\n")
    result = {
        "machine": {"commit": "abc1234", "uncommitted_files": 0, "date": "2026-12-07", "cpus": 2},
        "baseline_commit": "abc1234", "corpus": "fixture", "depth": 100, "topics": 4, "judgments": 5,
        "search_runs": {"sqlite/redaksi": {"seconds": 12.0}}, "databases": evaluate(topics, qrels, {"sqlite": runs}),
    }  # fmt: skip
    text = markdown(result)
    assert "## SQLite, held-out split" in text and "## SQLite, tuning split" in text
    assert "| plain BM25 (bm25s) | 0.760 | 0.100 | 0.500 | 0.000 | 0.000 | 0.500 | – |" in text
    assert "| no-answer | 1 | 0.0 / – | 1.0 / 1.00 |" in text


def test_first_judgment_set_scores_as_before():
    queries = [
        {"query": "a", "kind": "k", "relevant": {"x", "y"}},
        {"query": "b", "kind": "k", "relevant": {"z"}},
    ]
    result = score(queries, {"a": ["n", "x", "m", "y"], "b": []})
    first = result["queries"][0]
    assert (first["p_at_10"], first["rr"], first["attainable_at_10"]) == (pytest.approx(0.2), 0.5, 1.0)
    assert result["queries"][1]["rr"] == 0.0 and result["queries"][1]["matched"] == 0
    assert result["mrr"] == 0.25 and result["p_at_10"] == pytest.approx(0.1)
