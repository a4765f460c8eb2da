"""Pooling run files into a judging sheet, and merging its grades into the qrels."""

import json
from pathlib import Path

import pytest

from bench import relevance_pool
from bench.relevance_runs import RelevanceInputError, read_qrels

DATA = Path(__file__).parent / "data" / "relevance"


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def runs(tmp_path):
    one = write(tmp_path / "one.txt", "T1 Q0 1500000003-jakarta-macet 1 9 one\nT1 Q0 1500000006-kebanjiran 2 8 one\n"
                "T1 Q0 1500000005-ihsg-naik 3 7 one\nT2 Q0 1500000004-gempa-lombok 1 9 one\n")  # fmt: skip
    two = write(tmp_path / "two.txt", "T1 Q0 1500000002-banjir-garut 1 5 two\nT1 Q0 1500000001-banjir-jakarta 2 4 two\n"
                "T3 Q0 1500000005-ihsg-naik 1 5 two\n")  # fmt: skip
    return one, two


def test_pool_is_the_union_of_top_documents_less_the_judged(tmp_path, runs):
    sheet = tmp_path / "sheet.json"
    relevance_pool.main(["pool", *map(str, runs), "--depth", "2", "--out", str(sheet), "--topics",
                         str(DATA / "topics.json"), "--qrels", str(DATA / "qrels.txt"),
                         "--corpus", str(DATA / "corpus.jsonl")])  # fmt: skip
    data = json.loads(sheet.read_text())
    pooled = {topic["qid"]: [doc["docid"] for doc in topic["documents"]] for topic in data["topics"]}
    # T1: Macet, Garut, Jakarta are judged; IHSG is third in its run; T2's only document is judged.
    assert pooled == {"T1": ["1500000006-kebanjiran"], "T3": ["1500000005-ihsg-naik"]}
    (document,) = data["topics"][0]["documents"]
    assert document == {
        "docid": "1500000006-kebanjiran", "title": "Warga Bekasi kebanjiran",
        "published_at": "2017-07-15T10:00:00+07:00", "summary": "Ratusan rumah di Bekasi kebanjiran.",
        "paragraphs": ["Ratusan rumah di Bekasi kebanjiran."], "grade": None,
    }  # fmt: skip
    assert data["topics"][0]["need"].startswith("Floods in Jakarta")


def test_pool_lists_documents_by_corpus_id_not_by_rank(runs):
    topics = relevance_pool.read_topics(DATA / "topics.json")
    ranked = [relevance_pool.read_run(path) for path in runs]
    pooled = relevance_pool.pool(ranked, topics, {}, depth=20)
    assert pooled["T1"] == sorted(pooled["T1"]) and len(pooled["T1"]) == 5
    assert pooled["T4"] == []


def test_merge_appends_graded_documents_once(tmp_path):
    qrels = write(tmp_path / "qrels.txt", "T1 0 1500000001-banjir-jakarta 2")  # no newline at the end
    sheet = {"topics": [{"qid": "T1", "documents": [
        {"docid": "1500000006-kebanjiran", "grade": 1}, {"docid": "1500000005-ihsg-naik", "grade": None},
    ]}]}  # fmt: skip
    write(tmp_path / "sheet.json", json.dumps(sheet))
    relevance_pool.main(["merge", str(tmp_path / "sheet.json"), "--qrels", str(qrels)])
    assert read_qrels(qrels) == {"T1": {"1500000001-banjir-jakarta": 2, "1500000006-kebanjiran": 1}}
    with pytest.raises(RelevanceInputError, match="judged already"):
        relevance_pool.main(["merge", str(tmp_path / "sheet.json"), "--qrels", str(qrels)])
    sheet["topics"][0]["documents"][1]["grade"] = 3
    with pytest.raises(RelevanceInputError, match="grade 3 is not 0, 1 or 2"):
        relevance_pool.merge(sheet, {})
