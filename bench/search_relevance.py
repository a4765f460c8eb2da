"""Search relevance: precision@10 and MRR of three text analyses over the IndoSum corpus, on PostgreSQL.

Loads the corpus (../shared/testdata/corpus-id) into a scratch table of a throwaway PostgreSQL and ranks
every judged query (bench/data/search-judgments.json) three ways, with the same ranking function
(ts_rank_cd, title weight A over body weight C, as the reader index weighs them) so that only the analysis differs:

- no stemming: the `simple` configuration on the raw text and query;
- PostgreSQL snowball: the `indonesian` configuration on the raw text and query;
- Redaksi: the `simple` configuration over redaksi.search.analysis.analyse() terms, the query through
  analyse_query() (every group must match, any alternative of a group may).

and a fourth way, the product end to end: the corpus filed as live stories at its (derived) dates, indexed
by search-core's bulk path and ranked by the reader query service (`search_stories`, recency-aware, "now"
the day after the newest story).

Writes bench/results/search-relevance.md and .json. Usage (see docs/search-measurements.md):

    tools/with-postgres.sh .venv/bin/python bench/search_relevance.py
"""

import argparse
import datetime
import json
import logging
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "bench" / "results"
JUDGMENTS = BASE_DIR / "bench" / "data" / "search-judgments.json"
WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # D, C (body), B, A (title): ts_rank_cd's defaults, the same for every config
CONFIGS = {
    "simple": "no stemming (simple)",
    "snowball": "PostgreSQL snowball (indonesian)",
    "redaksi": "Redaksi analysis",
    "service": "Redaksi query service, end to end (recency-aware)",
}
log = logging.getLogger("bench.search_relevance")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS, help="the judged queries (JSON)")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="directory for search-relevance.md/.json")
    return parser.parse_args(argv)


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


def precision_at(ranked, relevant, k=10):
    """Share of the first k results that are relevant (k in the denominator, as usual for P@10)."""
    return sum(1 for found in ranked[:k] if found in relevant) / k


def reciprocal_rank(ranked, relevant):
    """1 / rank of the first relevant result, 0 when none is found."""
    return next((1 / rank for rank, found in enumerate(ranked, 1) if found in relevant), 0.0)


def attainable_hits(ranked, relevant, k=10):
    """Relevant results in the first k, as a share of what k results could hold (min(k, |relevant|))."""
    return sum(1 for found in ranked[:k] if found in relevant) / min(k, len(relevant))


def score(queries, rankings):
    """Per-query and mean P@10 and MRR of one configuration; `rankings` maps a query to its ranked ids."""
    per_query = []
    for query in queries:
        ranked = rankings[query["query"]]
        per_query.append({
            "query": query["query"],
            "kind": query["kind"],
            "p_at_10": precision_at(ranked, query["relevant"]),
            "rr": reciprocal_rank(ranked, query["relevant"]),
            "attainable_at_10": attainable_hits(ranked, query["relevant"]),
            "matched": len(ranked),
            "top_10": ranked[:10],
        })  # fmt: skip
    return {
        "p_at_10": statistics.fmean(q["p_at_10"] for q in per_query),
        "mrr": statistics.fmean(q["rr"] for q in per_query),
        "attainable_at_10": statistics.fmean(q["attainable_at_10"] for q in per_query),
        "queries": per_query,
    }


def create_scratch_table(stories):
    """Load the corpus into bench_story with one tsvector per configuration; return analysis seconds."""
    from django.db import connection

    from redaksi.search.analysis import analyse
    from redaksi.search.engines import BODY, TITLE, tsvector_literal

    began = time.perf_counter()
    rows = [
        (s.id, s.title, s.body_text, tsvector_literal({TITLE: analyse(s.title), BODY: analyse(s.body_text)}))
        for s in stories
    ]
    analysis_seconds = time.perf_counter() - began
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_story (corpus_id text PRIMARY KEY, title text, body text, "
            "simple tsvector, snowball tsvector, redaksi tsvector)"
        )
        cursor.executemany("INSERT INTO bench_story (corpus_id, title, body, redaksi) VALUES (%s, %s, %s, %s)", rows)
        for column, config in (("simple", "simple"), ("snowball", "indonesian")):
            cursor.execute(
                f"UPDATE bench_story SET {column} = setweight(to_tsvector('{config}', title), 'A') "  # noqa: S608
                f"|| setweight(to_tsvector('{config}', body), 'C')"
            )
        cursor.execute("ANALYZE bench_story")
    return analysis_seconds


def rank(column, query_sql, param):
    """Corpus ids matching the query, best first (ties by id), with the shared ranking function."""
    from django.db import connection

    sql = (
        f"SELECT corpus_id FROM bench_story, {query_sql} AS q WHERE {column} @@ q "  # noqa: S608
        f"ORDER BY ts_rank_cd('{WEIGHTS}', {column}, q) DESC, corpus_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [param])
        return [row[0] for row in cursor.fetchall()]


def rank_all(queries):
    """Return {config: {query: ranked corpus ids}} for the three configurations."""
    from redaksi.search.analysis import analyse_query
    from redaksi.search.engines import tsquery_literal

    rankings = {config: {} for config in ("simple", "snowball", "redaksi")}
    for query in queries:
        text = query["query"]
        rankings["simple"][text] = rank("simple", "plainto_tsquery('simple', %s)", text)
        rankings["snowball"][text] = rank("snowball", "plainto_tsquery('indonesian', %s)", text)
        literal = tsquery_literal(analyse_query(text))
        rankings["redaksi"][text] = rank("redaksi", "CAST(%s AS tsquery)", literal) if literal else []
    return rankings


def service_rankings(queries, story_ids, now):
    """Corpus ids in the reader query service's relevance order, page after page."""
    from redaksi.search.analysis import analyse_query
    from redaksi.search.query import MAX_PAGES, PER_PAGE, RELEVANT, search_stories

    rankings = {}
    for query in queries:
        groups, ranked = analyse_query(query["query"]), []
        for page in range(1, MAX_PAGES + 1):
            found = search_stories(groups, order=RELEVANT, page=page, now=now).story_ids
            ranked += [story_ids[pk] for pk in found]
            if len(found) < PER_PAGE:
                break
        rankings[query["query"]] = ranked
    return rankings


def rank_with_service(stories, queries):
    """File the corpus as stories, index it through the bulk path and rank every query with the service."""
    from bench.bulk_archive import ensure_sections
    from bench.corpus_archive import file_corpus
    from redaksi.pages.models import HomePage
    from redaksi.search.index import rebuild_story_index

    story_ids = file_corpus(stories, ensure_sections(HomePage.objects.get()))
    rebuild_story_index()
    now = max(story.published_at for story in stories) + datetime.timedelta(days=1)
    return service_rankings(queries, story_ids, now)


def failures(queries, scored, service, titles):
    """Redaksi's weak queries (MRR < 0.5, or under half the attainable relevant results in the top 10)."""
    weak = []
    for query, result, served in zip(queries, scored["queries"], service["queries"], strict=True):
        if result["rr"] < 0.5 or result["attainable_at_10"] < 0.5:
            top = [{"id": found, "title": titles[found], "relevant": found in query["relevant"]}
                   for found in result["top_10"][:5]]  # fmt: skip
            missed = sorted(query["relevant"] - set(result["top_10"]))[:5]
            weak.append({**result, "intent": query["intent"], "top_5": top, "service_rr": served["rr"],
                         "missed": [{"id": found, "title": titles[found]} for found in missed]})  # fmt: skip
    return weak


def markdown(result):
    """The relevance table (overall and per query kind) and Redaksi's failures, as Markdown."""
    configs = result["configs"]
    lines = [
        f"{result['machine']['database']}, commit {result['machine']['commit']}, {result['machine']['date']}; "
        f"{result['stories']:,} corpus stories, {len(configs['redaksi']['queries'])} judged queries.",
        "",
        "| analysis | P@10 | MRR | relevant in top 10 / attainable |",
        "|---|---:|---:|---:|",
    ]
    for config, label in CONFIGS.items():
        c = configs[config]
        lines.append(f"| {label} | {c['p_at_10']:.3f} | {c['mrr']:.3f} | {c['attainable_at_10']:.3f} |")
    lines += ["", "MRR per query kind:", "", "| kind | queries | " + " | ".join(CONFIGS.values()) + " |"]
    lines.append("|---|---:|" + "---:|" * len(CONFIGS))
    for kind, per_config in by_kind(configs).items():
        cells = " | ".join(f"{statistics.fmean(per_config[c]):.3f}" for c in CONFIGS)
        lines.append(f"| {kind} | {len(per_config['redaksi'])} | {cells} |")
    lines += ["", f"Where Redaksi still fails ({len(result['failures'])} queries):", ""]
    for weak in result["failures"]:
        lines.append(f"- **{weak['query']}** ({weak['kind']}; P@10 {weak['p_at_10']:.1f}, RR {weak['rr']:.2f}, "
                     f"{weak['matched']} matches; service RR {weak['service_rr']:.2f}): {weak['intent']}")  # fmt: skip
        lines += [f"  - {'✓' if top['relevant'] else '✗'} {top['title']}" for top in weak["top_5"]]
        lines += [f"  - missed: {missed['title']}" for missed in weak["missed"]]
    return "\n".join(lines) + "\n"


def by_kind(configs):
    """{kind: {config: [reciprocal ranks]}}."""
    kinds = {}
    for config in CONFIGS:
        for query in configs[config]["queries"]:
            kinds.setdefault(query["kind"], {c: [] for c in CONFIGS})[config].append(query["rr"])
    return kinds


def run(args):
    from django.db import connection

    from bench.archive_scale import machine, prepare_database
    from bench.corpus_archive import NOTICE, read_corpus

    if connection.vendor != "postgresql":
        raise SystemExit("search_relevance needs PostgreSQL: run it through tools/with-postgres.sh")
    prepare_database()  # migrated: analyse_query reads the editors' synonym table
    stories, queries = read_corpus(), load_judgments(args.judgments)
    log.info("analysing and loading %s corpus stories", len(stories))
    analysis_seconds = create_scratch_table(stories)
    rankings = rank_all(queries)
    log.info("filing and indexing the corpus as stories for the query service")
    rankings["service"] = rank_with_service(stories, queries)
    configs = {config: score(queries, rankings[config]) for config in CONFIGS}
    titles = {story.id: story.title for story in stories}
    return {
        "machine": machine(connection),
        "corpus": NOTICE,
        "stories": len(stories),
        "analysis_seconds": round(analysis_seconds, 1),
        "configs": configs,
        "failures": failures(queries, configs["redaksi"], configs["service"], titles),
    }


def main(argv=None):
    args = parse_args(argv)
    sys.path.insert(0, str(BASE_DIR))
    from bench.archive_scale import configure_django

    configure_django()
    result = run(args)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "search-relevance.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    (args.out / "search-relevance.md").write_text(markdown(result))
    sys.stdout.write(markdown(result))


if __name__ == "__main__":
    main()
