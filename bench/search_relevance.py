"""Search relevance: plain BM25 against Redaksi's reader search, from TREC run files scored by ir-measures.

Systems, each a run file of the graded topics (bench/data/relevance/topics.json) at the same depth:

- plain BM25: bm25s over title + body, lowercase words, no stemming, no stopwords (relevance_runs.py);
- Redaksi baseline: `manage.py search_run` from a git worktree of BASELINE_COMMIT (today's ranking, kept);
- Redaksi: `manage.py search_run` from this working tree;
- Redaksi, recency off: the same with RECENCY_OFF_NOW as "now" (below).

The Redaksi systems run once on SQLite and once on PostgreSQL (the server of DATABASE_URL, which
tools/with-postgres.sh provides): each search_run files the corpus into its own throwaway database. Scored
against bench/data/relevance/qrels.txt (relevance_measures.py), overall and per query kind, per split.
Writes bench/results/search-relevance.md and .json; the run files stay in var/bench/relevance-runs/ for
pooling (bench/relevance_pool.py). Usage (docs/search-evaluation.md):

    tools/with-postgres.sh .venv/bin/python bench/search_relevance.py
"""

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

from bench import relevance_measures as measures  # noqa: E402
from bench.corpus_archive import CORPUS, NOTICE, read_corpus  # noqa: E402
from bench.machine import machine  # noqa: E402
from bench.relevance_legacy import clear_analysis_caches, load_judgments, score, service_rankings  # noqa: E402
from bench.relevance_report import SYSTEMS, markdown  # noqa: E402
from bench.relevance_runs import bm25_rows, read_qrels, read_run, read_topics, write_run, write_topics_tsv  # noqa: E402

__all__ = ["clear_analysis_caches", "load_judgments", "score", "service_rankings"]  # test_relevance.py's
DATA = BASE_DIR / "bench" / "data" / "relevance"
RESULTS_DIR = BASE_DIR / "bench" / "results"
RUNS_DIR = BASE_DIR / "var" / "bench" / "relevance-runs"
# The commit that landed `manage.py search_run`: the ranking as it was before relevance work on these topics.
BASELINE_COMMIT = "1588fdc324e0f8b2dbdfc64f7f04c7ca0d007741"
# Recency off: a "now" centuries after every story puts each one's recency decay at its floor
# (query.RECENCY_FLOOR), so the order is the text match alone. When the ranking gets a setting for the
# recency weight, switch this system to that setting.
RECENCY_OFF_NOW = "2200-01-01T00:00:00+00:00"
DATABASES = ("sqlite", "postgresql")
log = logging.getLogger("bench.search_relevance")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=Path, default=DATA / "topics.json", help="the topics (JSON)")
    parser.add_argument("--qrels", type=Path, default=DATA / "qrels.txt", help="the judgments (TREC qrels)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus (JSON lines)")
    parser.add_argument("--depth", type=int, default=100, help="results per topic in every run")
    parser.add_argument("--databases", nargs="+", choices=DATABASES, default=list(DATABASES))
    parser.add_argument("--baseline", default=BASELINE_COMMIT, help="the commit of the Redaksi baseline")
    parser.add_argument("--runs", type=Path, default=RUNS_DIR, help="folder for the run files (kept for pooling)")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="folder for search-relevance.md/.json")
    args = parser.parse_args(argv)
    args.corpus, args.runs = args.corpus.resolve(), args.runs.resolve()
    if "postgresql" in args.databases and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        parser.error("PostgreSQL needs DATABASE_URL: run through tools/with-postgres.sh, or pass --databases sqlite")
    return args


@contextmanager
def worktree(commit):
    """A git worktree of `commit` in a temporary folder, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="redaksi-baseline-")) / "tree"
    git("worktree", "add", "--detach", str(folder), commit)
    try:
        yield folder
    finally:
        git("worktree", "remove", "--force", str(folder))
        shutil.rmtree(folder.parent, ignore_errors=True)


def git(*args):
    subprocess.run(["git", *args], cwd=BASE_DIR, check=True, capture_output=True)  # noqa: S603, S607


def search_run(tree, database, topics_tsv, args, run, tag, now=None):
    """`manage.py search_run` of `tree` into `run`; return its report line and wall time."""
    command = [sys.executable, str(tree / "manage.py"), "search_run", "--corpus", str(args.corpus)]
    command += ["--topics", str(topics_tsv), "--run", str(run), "--depth", str(args.depth), "--tag", tag]
    command += ["--now", now] if now else []
    command += ["--database-url", os.environ["DATABASE_URL"]] if database == "postgresql" else []
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    began = time.perf_counter()
    done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise SystemExit(f"search_run ({tag}, {database}) failed:\n{done.stderr}")
    return {"report": done.stdout.strip(), "seconds": round(time.perf_counter() - began, 1)}


def make_runs(args, topics):
    """Write every system's run file; return {database: {system: run path}} and how each Redaksi run went."""
    folder = args.runs
    folder.mkdir(parents=True, exist_ok=True)
    write_topics_tsv(topics, folder / "topics.tsv")
    log.info("plain BM25 over %s", args.corpus)
    write_run(folder / "bm25.txt", bm25_rows(read_corpus(args.corpus), topics, args.depth))
    runs, reports = {}, {}
    with worktree(args.baseline) as baseline:
        for database in args.databases:
            (folder / database).mkdir(exist_ok=True)
            runs[database] = {"bm25": folder / "bm25.txt"}
            for system, tree, now in (
                ("baseline", baseline, None),
                ("redaksi", BASE_DIR, None),
                ("recency_off", BASE_DIR, RECENCY_OFF_NOW),
            ):
                log.info("%s on %s", SYSTEMS[system], database)
                runs[database][system] = folder / database / f"{system}.txt"
                reports[f"{database}/{system}"] = search_run(
                    tree, database, folder / "topics.tsv", args, runs[database][system], system, now
                )
    return runs, reports


def evaluate(topics, qrels, runs):
    """{database: {system: {"summary": per split and kind, "topics": per-topic values}}}."""
    result = {}
    for database, systems in runs.items():
        result[database] = {}
        for system, path in systems.items():
            values = measures.per_topic(topics, qrels, read_run(path))
            result[database][system] = {"summary": measures.summaries(topics, values), "topics": values}
    return result


def run(args):
    topics, qrels = read_topics(args.topics), read_qrels(args.qrels)
    runs, reports = make_runs(args, topics)
    return {
        "machine": machine(),
        "baseline_commit": args.baseline,
        "corpus": NOTICE,
        "depth": args.depth,
        "topics": len(topics),
        "judgments": sum(len(judged) for judged in qrels.values()),
        "recency_off_now": RECENCY_OFF_NOW,
        "search_runs": reports,
        "databases": evaluate(topics, qrels, runs),
    }


def main(argv=None):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    args = parse_args(argv)
    result = run(args)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "search-relevance.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    (args.out / "search-relevance.md").write_text(markdown(result))
    sys.stdout.write(markdown(result))


if __name__ == "__main__":
    main()
