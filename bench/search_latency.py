"""Search latency on PostgreSQL at 100k and 1M stories, index build time, and analysis throughput.

Builds a fresh database (DATABASE_URL, a throwaway PostgreSQL from tools/with-postgres.sh), files copies
of the IndoSum corpus as stories (new ids, slugs and dates spread over years; bench/corpus_archive.py),
builds the reader search index through search-core's bulk path (`rebuild_story_index`, timed), and times
the reader search (`search_page`: form, analysis, bounded query, hydration and snippets) for a query mix:
the judged queries, common and rare single words, a typo matching nothing, a section filter and a date
range, both orders. As
context it times the same judged queries with no-stem terms (raw words, no synonyms) through the same
query path, in the same run. Then grows the archive and repeats.

The corpus has 3,463 distinct texts, so analysis is memoised per text while indexing; the analyser's
throughput on distinct text is measured separately to estimate a real archive's build time.

    tools/with-postgres.sh .venv/bin/python bench/search_latency.py --sizes 100000 1000000
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
COMMON_WORDS = ["jakarta", "indonesia", "pemerintah", "presiden", "polisi"]  # in 10-60 % of the corpus
RARE_WORDS = ["blimbingsari", "igbonefo", "zilingo", "hambali", "deliveree"]  # in one corpus story each
NO_MATCH = ["blimbingsarii", "igbonefoo", "zilingoo"]  # a reader's typo: no story matches
ORDERS = ("relevan", "terbaru")
log = logging.getLogger("bench.search_latency")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000], help="archive sizes to measure")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each query (after one warm-up run)")
    parser.add_argument("--per-day", type=int, default=200, help="stories published per day (dates spread over years)")
    parser.add_argument("--batch-size", type=int, default=10_000, help="rows per bulk insert transaction")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="directory for search-latency.md/.json")
    args = parser.parse_args(argv)
    if args.sizes != sorted(set(args.sizes)) or args.sizes[0] <= 0:
        parser.error("--sizes must be positive and increasing")
    return args


def analysis_throughput(stories):
    """Words per second of the analyser on the corpus's distinct texts: cold stem cache, then warm."""
    from bench.search_relevance import clear_analysis_caches
    from redaksi.search.analysis import WORD, analyse

    texts = [text for story in stories for text in (story.title, story.body_text)]
    words = sum(len(WORD.findall(text)) for text in texts)
    clear_analysis_caches()
    passes = {}
    for name in ("cold", "warm"):
        began = time.perf_counter()
        for text in texts:
            analyse(text)
        passes[f"{name}_words_per_s"] = round(words / (time.perf_counter() - began))
    return {"texts": len(texts), "words": words, "words_per_story": round(words / len(stories)), **passes}


def memoise_analysis():
    """Analyse each distinct text once while indexing copies of the corpus (the index module's analyse)."""
    from redaksi.search import index

    analysed, analyse = {}, index.analyse

    def memoised(text):
        if text not in analysed:
            analysed[text] = analyse(text)
        return analysed[text]

    index.analyse = memoised


def build_index():
    """Rebuild the reader index through the bulk path; vacuum it as autovacuum would. Return seconds."""
    from django.db import connection

    from redaksi.search.index import rebuild_story_index

    began = time.perf_counter()
    indexed = rebuild_story_index()
    seconds = time.perf_counter() - began
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE search_storyentry")
    return indexed, seconds


def query_mix(queries, sections, middle):
    """(kind, params) for every measured search; each kind in both orders."""
    window = {
        "dari": (middle - datetime.timedelta(days=15)).date(),
        "sampai": (middle + datetime.timedelta(days=15)).date(),
    }
    kinds = {
        "judged": [{"q": q} for q in queries],
        "common_word": [{"q": word} for word in COMMON_WORDS],
        "rare_word": [{"q": word} for word in RARE_WORDS],
        "no_match": [{"q": word} for word in NO_MATCH],
        "judged_in_section": [{"q": q, "rubrik": sections[1].slug} for q in queries],
        "judged_in_30_days": [{"q": q, **window} for q in queries],
    }
    return [
        (f"{kind} ({order})", {**params, "urut": order})
        for order in ORDERS
        for kind, mix in kinds.items()
        for params in mix
    ]


def timed(function, repeat):
    """Run once to warm up, then `repeat` times; return the timings in ms."""
    function()
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        timings.append((time.perf_counter() - began) * 1000)
    return timings


def summary(timings):
    ordered = sorted(timings)
    return {
        "runs": len(ordered),
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 2),
        "max_ms": round(ordered[-1], 2),
    }


def measure_searches(mix, sections, repeat):
    """p50/p95/max of the reader search (search_page) per kind of query."""
    from redaksi.search.services import search_page

    per_kind = {}
    for kind, params in mix:
        page = search_page(params, sections)
        if page.status != 200:
            raise SystemExit(f"search {params} answered {page.status}")
        per_kind.setdefault(kind, []).extend(timed(lambda p=params: search_page(p, sections), repeat))
    return {kind: summary(timings) for kind, timings in per_kind.items()}


def measure_baseline(queries, repeat):
    """The judged queries through the same query path, analysed (Redaksi) and as raw words (no stemming)."""
    from redaksi.search.analysis import STOPWORDS, WORD, analyse_query, fold
    from redaksi.search.query import search_stories
    from redaksi.search.services import hits

    def run(groups, order):
        hits(search_stories(groups, order=order).story_ids, groups)

    def raw(query):
        return [((word,),) for word in WORD.findall(fold(query)) if word not in STOPWORDS]

    result = {}
    for order in ORDERS:
        redaksi = [t for q in queries for t in timed(lambda q=q, o=order: run(analyse_query(q), o), repeat)]
        plain = [t for q in queries for t in timed(lambda q=q, o=order: run(raw(q), o), repeat)]
        result[order] = {"redaksi": summary(redaksi), "no_stem": summary(plain)}
        result[order]["p50_ratio"] = round(result[order]["redaksi"]["p50_ms"] / result[order]["no_stem"]["p50_ms"], 2)
    return result


def run_stage(context, size, args):
    """Grow the archive to `size`, rebuild the index, measure the searches."""
    from django.db import connection
    from django.utils import timezone

    from bench.archive_scale import after_load, database_bytes

    loader, timeline, sections, queries, loaded = context
    log.info("filing stories %s..%s", loaded, size - 1)
    began = time.perf_counter()
    loader.load(loaded, size)
    after_load()
    load_seconds = time.perf_counter() - began
    log.info("filed in %.0f s; rebuilding the search index", load_seconds)
    indexed, index_seconds = build_index()
    log.info("indexed %s stories in %.0f s; measuring", indexed, index_seconds)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_total_relation_size('search_storyentry')")
        index_bytes = cursor.fetchone()[0]
    middle = timezone.localtime(timeline.when(size // 2))
    return {
        "stories": size,
        "load_seconds": round(load_seconds, 1),
        "index_build_seconds": round(index_seconds, 1),
        "index_build_per_s": round(indexed / index_seconds),
        "indexed": indexed,
        "search_table_bytes": index_bytes,
        "database_bytes": database_bytes(),
        "searches": measure_searches(query_mix(queries, sections, middle), sections, args.repeat),
        "no_stem_context": measure_baseline(queries, args.repeat),
    }


def run(args, write):
    from django.db import connection
    from django.utils import timezone

    from bench.archive_scale import machine, prepare_database
    from bench.bulk_archive import ArchiveLoader, Timeline, ensure_sections
    from bench.corpus_archive import NOTICE, CorpusText, read_corpus
    from bench.search_relevance import load_judgments
    from redaksi.pages.models import HomePage
    from redaksi.sections.models import SectionPage

    if connection.vendor != "postgresql":
        raise SystemExit("search_latency measures PostgreSQL: run it through tools/with-postgres.sh")
    prepare_database()
    stories = read_corpus()
    result = {"machine": machine(connection), "args": {**vars(args), "out": str(args.out)}, "corpus": NOTICE}
    result["analysis"] = analysis_throughput(stories)
    log.info("analysis: %s", result["analysis"])
    memoise_analysis()
    ensure_sections(HomePage.objects.get())
    sections = SectionPage.objects.live().order_by("path")
    timeline = Timeline(total=args.sizes[-1], end=timezone.now().replace(second=0, microsecond=0), per_day=args.per_day)
    loader = ArchiveLoader(list(sections), timeline, args.batch_size, index_search=False, text=CorpusText(stories))
    queries, loaded, result["stages"] = [q["query"] for q in load_judgments()], 0, []
    for size in args.sizes:
        result["stages"].append(run_stage((loader, timeline, sections, queries, loaded), size, args))
        write(result)
        loaded = size
    return result


def markdown(result):
    """The latency table (p50/p95/max per kind and size), build times and the no-stem context."""
    stages, analysis = result["stages"], result["analysis"]
    head = " | ".join(f"{s['stories']:,}: p50 / p95 / max ms" for s in stages)
    lines = [
        f"{result['machine']['database']}, {result['machine']['cpus']} CPUs, commit {result['machine']['commit']}, "
        f"{result['machine']['date']}; reader search (`search_page`), {result['args']['repeat']} runs per query "
        "after a warm-up.",
        "",
        f"| query kind | {head} |",
        "|---|" + "---:|" * len(stages),
    ]
    for kind in stages[0]["searches"]:
        cells = " | ".join(cell(s["searches"][kind]) for s in stages)
        lines.append(f"| {kind} | {cells} |")
    lines += [
        "",
        "| stories | filing s | index build s (stories/s) | search table MiB | database MiB |",
        "|---:|---:|---:|---:|---:|",
    ]
    for s in stages:
        lines.append(
            f"| {s['stories']:,} | {s['load_seconds']:,.0f} | {s['index_build_seconds']:,.0f} "
            f"({s['index_build_per_s']:,}) | {s['search_table_bytes'] / 2**20:,.0f} "
            f"| {s['database_bytes'] / 2**20:,.0f} |"
        )
    lines += ["", "Judged queries through the same path, analysed (Redaksi) vs raw words (no stemming), p50 ms:", ""]
    for s in stages:
        for order, c in s["no_stem_context"].items():
            lines.append(
                f"- {s['stories']:,}, {order}: Redaksi {c['redaksi']['p50_ms']} / no stemming "
                f"{c['no_stem']['p50_ms']} (ratio {c['p50_ratio']})"
            )
    lines += [
        "",
        f"Analysis on the corpus's {analysis['texts']:,} distinct texts ({analysis['words']:,} words, "
        f"{analysis['words_per_story']} per story): {analysis['cold_words_per_s']:,} words/s with a cold stem cache, "
        f"{analysis['warm_words_per_s']:,} words/s warm (indexing above memoises analysis per distinct text).",
    ]
    return "\n".join(lines) + "\n"


def cell(summary):
    return f"{summary['p50_ms']:.1f} / {summary['p95_ms']:.1f} / {summary['max_ms']:.1f}"


def main(argv=None):
    args = parse_args(argv)
    sys.path.insert(0, str(BASE_DIR))
    from bench.archive_scale import configure_django

    configure_django()
    args.out.mkdir(parents=True, exist_ok=True)

    def write(result):
        (args.out / "search-latency.json").write_text(json.dumps(result, indent=1, default=str) + "\n")
        (args.out / "search-latency.md").write_text(markdown(result))

    sys.stdout.write(markdown(run(args, write)))


if __name__ == "__main__":
    main()
