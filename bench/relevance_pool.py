"""Pool run files into a judging sheet, and merge a judged sheet into the qrels.

    .venv/bin/python bench/relevance_pool.py pool var/bench/relevance-runs/bm25.txt \\
        var/bench/relevance-runs/*/*.txt --out var/bench/judging-sheet.json
    .venv/bin/python bench/relevance_pool.py merge var/bench/judging-sheet.json

`pool` writes, for each topic, the union of every run's top --depth (20) documents that the qrels do not
judge yet, as JSON: qid, query, kind, need, and per document docid, title, published_at, summary and the
first two paragraphs, with "grade": null for the judge to fill in (0, 1 or 2, as the topic's need says).
Documents are listed by corpus id (it begins with the publication time), not by any system's rank, so
the sheet does not lead the judge. `merge` appends the graded documents of a sheet to the qrels as
`qid 0 docid grade` lines (a document already judged is refused, not judged twice); ungraded ones are
left for later. The procedure is in docs/search-evaluation.md.
"""

import argparse
import json
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

from bench.corpus_archive import CORPUS  # noqa: E402
from bench.relevance_runs import RelevanceInputError, read_qrels, read_run, read_topics  # noqa: E402

DATA = BASE_DIR / "bench" / "data" / "relevance"
GRADES = (0, 1, 2)


def pool(runs, topics, qrels, depth=20):
    """{qid: sorted docids}: the union of each run's top `depth` for the topic, less what qrels judge."""
    pooled = {}
    for topic in topics:
        found = {docid for ranked in runs for docid in ranked.get(topic.qid, [])[:depth]}
        pooled[topic.qid] = sorted(found - set(qrels.get(topic.qid, {})))
    return pooled


def corpus_rows(path):
    """{corpus id: the corpus line as a dict}."""
    rows = {}
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                try:
                    row = json.loads(line)
                    rows[row["id"]] = row
                except (ValueError, KeyError, TypeError) as error:
                    raise RelevanceInputError(f"{path}, line {number}: not a corpus story ({error})") from error
    return rows


def sheet(topics, pooled, rows, depth, run_names):
    """The judging sheet: topics with their pooled documents to grade."""
    return {
        "about": f"Union of the top {depth} of each run, less documents already judged. Grade each document "
        "0, 1 or 2 as the topic's need says, then: bench/relevance_pool.py merge SHEET.",
        "runs": run_names,
        "topics": [
            {
                "qid": topic.qid, "query": topic.query, "kind": topic.kind, "need": topic.need,
                "documents": [document(rows, docid) for docid in pooled[topic.qid]],
            }
            for topic in topics
            if pooled[topic.qid]
        ],
    }  # fmt: skip


def document(rows, docid):
    """A pooled document as the judge reads it; a run naming a document outside the corpus is refused."""
    if docid not in rows:
        raise RelevanceInputError(f"document {docid} of a run is not in the corpus")
    row = rows[docid]
    return {
        "docid": row["id"],
        "title": row["title"],
        "published_at": row["published_at"],
        "summary": row.get("summary", ""),
        "paragraphs": row["paragraphs"][:2],
        "grade": None,
    }


def merge(sheet_data, qrels):
    """The qrels lines for the graded documents of a sheet; refuse a bad grade or a document judged already."""
    lines = []
    for topic in sheet_data["topics"]:
        for doc in topic["documents"]:
            if doc.get("grade") is None:
                continue
            if doc["grade"] not in GRADES:
                raise RelevanceInputError(f"{topic['qid']} {doc['docid']}: grade {doc['grade']!r} is not 0, 1 or 2")
            if doc["docid"] in qrels.get(topic["qid"], {}):
                raise RelevanceInputError(f"{topic['qid']} {doc['docid']}: judged already in the qrels")
            lines.append(f"{topic['qid']} 0 {doc['docid']} {doc['grade']}\n")
    return lines


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    pooling = commands.add_parser("pool", help="write a judging sheet from run files")
    pooling.add_argument("runs", nargs="+", type=Path, help="TREC run files")
    pooling.add_argument("--out", type=Path, required=True, help="the judging sheet to write (JSON)")
    pooling.add_argument("--depth", type=int, default=20, help="documents taken from the top of each run")
    pooling.add_argument("--corpus", type=Path, default=CORPUS)
    merging = commands.add_parser("merge", help="append a sheet's grades to the qrels")
    merging.add_argument("sheet", type=Path, help="a judging sheet with grades filled in")
    for sub in (pooling, merging):
        sub.add_argument("--topics", type=Path, default=DATA / "topics.json")
        sub.add_argument("--qrels", type=Path, default=DATA / "qrels.txt")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    qrels = read_qrels(args.qrels)
    if args.command == "merge":
        lines = merge(json.loads(args.sheet.read_text(encoding="utf-8")), qrels)
        text = args.qrels.read_text(encoding="utf-8") if args.qrels.exists() else ""
        args.qrels.write_text(text + ("\n" if text and not text.endswith("\n") else "") + "".join(lines))
        sys.stdout.write(f"{len(lines)} judgments appended to {args.qrels}\n")
        return
    topics = read_topics(args.topics)
    pooled = pool([read_run(path) for path in args.runs], topics, qrels, args.depth)
    data = sheet(topics, pooled, corpus_rows(args.corpus), args.depth, [str(path) for path in args.runs])
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    documents = sum(len(docids) for docids in pooled.values())
    sys.stdout.write(f"{documents} documents to judge for {len(data['topics'])} topics in {args.out}\n")


if __name__ == "__main__":
    main()
