"""Topics, qrels and TREC run files of the relevance benchmark, and its plain BM25 baseline."""

from pathlib import Path

import pytest

from bench.relevance_runs import (
    RelevanceInputError,
    bm25_rows,
    read_qrels,
    read_run,
    read_topics,
    write_run,
    write_topics_tsv,
)
from redaksi.search.corpus import read_corpus
from redaksi.search.evaluation import read_topics as read_topics_tsv

DATA = Path(__file__).parent / "data" / "relevance"


def test_run_file_round_trip_keeps_rank_order(tmp_path):
    rows = [("T1", "b", 1, 12.5, "x"), ("T1", "a", 2, 3, "x"), ("T2", "c", 1, 100, "x")]
    write_run(tmp_path / "run.txt", rows)
    assert (tmp_path / "run.txt").read_text().splitlines() == [
        "T1 Q0 b 1 12.500000 x",
        "T1 Q0 a 2 3 x",
        "T2 Q0 c 1 100 x",
    ]
    shuffled = tmp_path / "shuffled.txt"
    shuffled.write_text("T1 Q0 a 2 3 x\n\nT2 Q0 c 1 100 x\nT1 Q0 b 1 12.5 x\n")
    assert read_run(shuffled) == {"T1": ["b", "a"], "T2": ["c"]}


@pytest.mark.parametrize("line", ["T1 Q0 a 1 2", "T1 Q0 a first 2 x"])
def test_a_bad_run_line_is_named(tmp_path, line):
    run = tmp_path / "run.txt"
    run.write_text(f"T1 Q0 b 1 3 x\n{line}\n")
    with pytest.raises(RelevanceInputError, match=rf"{run}, line 2: expected 'qid Q0 docid rank score tag'"):
        read_run(run)


def test_topics_and_qrels_are_read(tmp_path):
    topics = read_topics(DATA / "topics.json")
    assert [(t.qid, t.kind, t.split) for t in topics][:3] == [
        ("T1", "topic", "tuning"), ("T2", "name", "heldout"), ("T3", "no-answer", "heldout"),
    ]  # fmt: skip
    write_topics_tsv(topics, tmp_path / "topics.tsv")
    assert read_topics_tsv(tmp_path / "topics.tsv")[0] == ("T1", "banjir Jakarta")  # what search_run reads
    qrels = read_qrels(DATA / "qrels.txt")
    assert qrels["T1"] == {"1500000001-banjir-jakarta": 2, "1500000002-banjir-garut": 1, "1500000003-jakarta-macet": 0}
    assert read_qrels(tmp_path / "none-yet.txt") == {}


def test_bad_topics_and_qrels_are_refused(tmp_path):
    (tmp_path / "topics.json").write_text('{"topics": [{"qid": "T1", "query": "x"}]}')
    with pytest.raises(RelevanceInputError, match="not a topics file"):
        read_topics(tmp_path / "topics.json")
    (tmp_path / "qrels.txt").write_text("T1 0 a 1\nT1 0 b relevant\n")
    with pytest.raises(RelevanceInputError, match=r"qrels.txt, line 2: expected 'qid 0 docid grade'"):
        read_qrels(tmp_path / "qrels.txt")


def test_bm25_ranks_lowercase_words_without_stemming():
    stories, topics = read_corpus(DATA / "corpus.jsonl"), read_topics(DATA / "topics.json")
    rows = bm25_rows(stories, topics, depth=10)
    by_topic = {t.qid: [row for row in rows if row[0] == t.qid] for t in topics}
    first = by_topic["T1"]
    assert first[0][1] == "1500000001-banjir-jakarta"  # both words
    assert {row[1] for row in first} == {  # "kebanjiran" is not "banjir": no stemming
        "1500000001-banjir-jakarta", "1500000002-banjir-garut", "1500000003-jakarta-macet",
    }  # fmt: skip
    assert [row[2] for row in first] == [1, 2, 3]
    assert [row[3] for row in first] == sorted((row[3] for row in first), reverse=True)
    assert by_topic["T3"] == []  # no word of the query in the corpus: no result, not six zero scores
    assert [row[1] for row in by_topic["T4"]] == ["1500000005-ihsg-naik"]  # "IHSG" lowercased
    assert {row[4] for row in rows} == {"bm25"}
    assert len(bm25_rows(stories, topics[:1], depth=2)) == 2
