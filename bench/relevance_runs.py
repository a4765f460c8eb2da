"""Relevance evaluation input and output: topics, qrels, TREC run files, and the plain BM25 baseline.

Topics (bench/data/relevance/topics.json): {"topics": [{qid, query, kind, split, need}]}. Qrels
(bench/data/relevance/qrels.txt): TREC `qid 0 docid grade`, grades 0 (not relevant), 1, 2. Run files: TREC
`qid Q0 docid rank score tag`, written by `manage.py search_run` and by bm25_rows() here through the same
writer (redaksi/search/evaluation.py); read back in rank order.
"""

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from redaksi.search.evaluation import write_run

__all__ = ["Topic", "bm25_rows", "read_qrels", "read_run", "read_topics", "write_run", "write_topics_tsv"]
WORD = r"(?u)\b\w+\b"  # lowercase words, one letter or digit and up: no stemming, no stopwords


class RelevanceInputError(ValueError):
    """A topics, qrels or run file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Topic:
    qid: str
    query: str
    kind: str
    split: str
    need: str


def read_topics(path):
    """The topics of a topics.json file, in file order."""
    try:
        rows = json.loads(Path(path).read_text(encoding="utf-8"))["topics"]
        topics = [Topic(row["qid"], row["query"], row["kind"], row["split"], row["need"]) for row in rows]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise RelevanceInputError(f"{path}: not a topics file ({type(error).__name__}: {error})") from error
    qids = [topic.qid for topic in topics]
    if len(set(qids)) < len(qids):
        raise RelevanceInputError(f"{path}: a qid appears twice")
    return topics


def write_topics_tsv(topics, path):
    """Write `qid<TAB>query` lines, the topic file `manage.py search_run` reads."""
    Path(path).write_text("".join(f"{topic.qid}\t{topic.query}\n" for topic in topics), encoding="utf-8")


def read_qrels(path):
    """{qid: {docid: grade}} from a TREC qrels file (`qid iteration docid grade`); a missing file is no judgment."""
    qrels = {}
    if not Path(path).exists():
        return qrels
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split()
        if not fields:
            continue
        if len(fields) != 4 or not re.fullmatch(r"-?\d+", fields[3]):
            raise RelevanceInputError(f"{path}, line {number}: expected 'qid 0 docid grade'")
        qrels.setdefault(fields[0], {})[fields[2]] = int(fields[3])
    return qrels


def read_run(path):
    """{qid: [docid, ...]} in rank order from a TREC run file (`qid Q0 docid rank score tag`)."""
    ranked = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split()
        if not fields:
            continue
        if len(fields) != 6 or not fields[3].isdigit():
            raise RelevanceInputError(f"{path}, line {number}: expected 'qid Q0 docid rank score tag'")
        ranked.setdefault(fields[0], []).append((int(fields[3]), fields[2]))
    return {qid: [docid for _rank, docid in sorted(rows)] for qid, rows in ranked.items()}


def words(text):
    """Lowercase words, as bm25s tokenises them with this pattern (no stemming, no stopwords)."""
    import bm25s

    return bm25s.tokenize(text, lower=True, token_pattern=WORD, stopwords=None, return_ids=False, show_progress=False)


def bm25_rows(stories, topics, depth, tag="bm25"):
    """Run rows of plain BM25 (bm25s, Lucene's variant, k1 1.5, b 0.75) over title + body, down to `depth`.

    Only documents with a positive score are results; equal scores rank by corpus id.
    """
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG on import: keep its notes out
    retriever = bm25s.BM25()
    retriever.index(words([f"{story.title}\n{story.body_text}" for story in stories]), show_progress=False)
    k = min(depth, len(stories))
    rows = []
    for topic in topics:
        found, scores = retriever.retrieve(words([topic.query]), k=k, show_progress=False)
        hits = sorted((-float(score), stories[int(index)].id) for index, score in zip(found[0], scores[0], strict=True))
        ranked = [(docid, -negative) for negative, docid in hits if negative < 0]
        rows += [(topic.qid, docid, rank, score, tag) for rank, (docid, score) in enumerate(ranked, 1)]
    return rows
