"""Reader search latency on PostgreSQL at a small baseline and at 1M stories, and the local index's build.

Builds a fresh database (DATABASE_URL: tools/with-postgres.sh) and a reader index in a temporary directory
(REDAKSI_SEARCH_INDEX_DIR, removed at the end; never var/); files copies of the IndoSum corpus as stories
(bench/corpus_archive.py); writes their search entries through the bulk path (`rebuild_story_index`) and
builds the local tantivy index from them as the worker does (`reader_index().sync()`), both timed; then
times a query mix in both orders, with and without a desk or date filter: `search_stories` alone (what the
target is about), `plan_query` and the whole search page (`search_page`). Then grows the archive, repeats.

Story k copies corpus article k mod 3,463, so the entries' analysed text is cached per article here, not
in the app (`memoise_story_text`); the analyser's throughput on distinct text is measured separately.

    tools/with-postgres.sh .venv/bin/python bench/search_latency.py --sizes 10000 1000000
"""

import argparse
import datetime
import json
import logging
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "bench" / "results"
ORDERS = ("relevan", "terbaru")
COMMON_WORDS = ["indonesia", "jakarta", "tahun", "pemerintah", "presiden", "harga", "polisi", "pasar"]  # 62-7 %
COMMON_PHRASES = [
    "pemerintah indonesia", "presiden joko widodo", "harga minyak dunia", "polisi jakarta",
    "ekonomi indonesia tahun ini", "pasar saham jakarta",
]  # fmt: skip
LONG_QUESTIONS = [
    "bagaimana dampak kenaikan harga minyak dunia terhadap ekonomi indonesia",
    "siapa pemenang pemilihan gubernur jakarta tahun ini",
    "berapa jumlah korban gempa bumi di lombok",
    "kapan timnas indonesia bertanding di piala aff",
    "mengapa nilai tukar rupiah melemah terhadap dolar amerika",
]
RARE_NAMES = ["blimbingsari", "igbonefo", "zilingo", "hambali", "deliveree"]  # one corpus article each
MISSPELLINGS = ["indonesa", "jakrta", "presidn", "novato", "jokowo", "prabowi", "blimbingsarii", "zilingoo"]
NOTHING = ["qxzvwk", "zzyzxqj", "bvcxzlkjh"]  # no story and no neighbour
PERCENTILES = (50, 95, 99)
PARTS = ("search", "plan", "page")  # search_stories, plan_query, search_page
log = logging.getLogger("bench.search_latency")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000], help="archive sizes to measure")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query (after one warm-up run)")
    parser.add_argument("--per-day", type=int, default=200, help="stories published per day (dates spread over years)")
    parser.add_argument("--batch-size", type=int, default=10_000, help="rows per bulk insert transaction")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="directory for search-latency.md/.json")
    args = parser.parse_args(argv)
    if args.sizes != sorted(set(args.sizes)) or args.sizes[0] <= 0:
        parser.error("--sizes must be positive and increasing")
    return args


def analysis_throughput(stories):
    """Words per second of the entries' analysis (index_terms) on the corpus's distinct texts: cold, then warm."""
    from bench.relevance_legacy import clear_analysis_caches
    from redaksi.search.analysis import WORD, index_terms

    texts = [text for story in stories for text in (story.title, story.body_text)]
    words = sum(len(WORD.findall(text)) for text in texts)
    clear_analysis_caches()
    passes = {}
    for name in ("cold", "warm"):
        began = time.perf_counter()
        for text in texts:
            index_terms(text)
        passes[f"{name}_words_per_s"] = round(words / (time.perf_counter() - began))
    return {"texts": len(texts), "words": words, "words_per_story": round(words / len(stories)), **passes}


def memoise_story_text(articles):
    """Analyse each corpus article once while indexing its copies: story k (slug "...-k") copies article k mod
    `articles`. Returns the counters (distinct articles analysed, seconds spent analysing them)."""
    from redaksi.search import index

    analysed, story_text, spent = {}, index.story_text, {"articles": 0, "seconds": 0.0}

    def memoised(story):
        article = int(story.slug.rsplit("-", 1)[1]) % articles
        if article not in analysed:
            began = time.perf_counter()
            analysed[article] = story_text(story)
            spent["seconds"] += time.perf_counter() - began
            spent["articles"] += 1
        return analysed[article]

    index.story_text = memoised
    return spent


def count_syncs_after_write():
    """Time the syncs of the local index each committed batch of entries triggers (index.log_changes)."""
    from redaksi.search import index

    spent, sync = {"syncs": 0, "seconds": 0.0}, index.sync_after_commit

    def counted():
        began = time.perf_counter()
        sync()
        spent["syncs"] += 1
        spent["seconds"] += time.perf_counter() - began

    index.sync_after_commit = counted
    return spent


def build_entries(spent):
    """Write every story's search entry through the bulk path; vacuum as autovacuum would. Return the figures."""
    from django.db import connection

    from redaksi.search.index import rebuild_story_index

    before, began = dict(spent), time.perf_counter()
    indexed = rebuild_story_index()
    seconds = time.perf_counter() - began
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE search_storyentry")
        cursor.execute(
            "SELECT pg_total_relation_size('search_storyentry'), pg_total_relation_size('search_indexchange')"
        )
        entry_bytes, change_bytes = cursor.fetchone()
    return {
        "entries": indexed,
        "entries_seconds": round(seconds, 1),
        "entries_per_s": round(indexed / seconds),
        "syncs_after_write": spent["syncs"] - before["syncs"],
        "syncs_after_write_seconds": round(spent["seconds"] - before["seconds"], 1),
        "entry_table_bytes": entry_bytes,
        "change_log_bytes": change_bytes,
    }


def build_local_index():
    """Bring the local index up to the entries as the worker does after a bulk load; time it, measure it."""
    from redaksi.search.reader_index import reader_index

    index, began = reader_index(), time.perf_counter()
    written = index.sync()
    seconds = time.perf_counter() - began
    searcher = index.searcher()
    return {
        "index_documents": searcher.num_docs,
        "index_written": written,
        "index_build_seconds": round(seconds, 1),
        "index_build_per_s": round(searcher.num_docs / seconds),
        "index_bytes": sum(path.stat().st_size for path in index.path.rglob("*") if path.is_file()),
        "index_segments": searcher.num_segments,
    }


def query_mix(judged, section, middle):
    """(kind, query, filter) for every measured search; each is run in both orders."""
    window = ((middle - datetime.timedelta(days=15)).date(), (middle + datetime.timedelta(days=15)).date())
    kinds = {
        "common word": COMMON_WORDS,
        "common words, 2-4": COMMON_PHRASES,
        "judged query": judged,
        "long question": LONG_QUESTIONS,
        "rare name": RARE_NAMES,
        "misspelling": MISSPELLINGS,
        "nothing found": NOTHING,
    }
    mix = [(kind, q, {}) for kind, queries in kinds.items() for q in queries]
    for name, queries in (("common word", COMMON_WORDS), ("judged query", judged)):
        mix += [(f"{name}, one desk", q, {"section": section}) for q in queries]
        mix += [(f"{name}, 30 days", q, {"window": window}) for q in queries]
    return mix


def as_reader(q, order, section=None, window=None):
    """The search's GET parameters, and search_stories' filters as search_page derives them (whole WIB days)."""
    from redaksi.search.services import day_start

    params, filters = {"q": q, "urut": order}, {}
    if section:
        params["rubrik"], filters["section_id"] = section.slug, section.pk
    if window:
        params.update(dari=window[0].isoformat(), sampai=window[1].isoformat())
        filters.update(start=day_start(window[0]), end=day_start(window[1] + datetime.timedelta(days=1)))
    return params, filters


def clock(function):
    """Milliseconds `function` takes."""
    began = time.perf_counter()
    function()
    return (time.perf_counter() - began) * 1000


def time_query(q, order, where, sections, repeat):
    """Timings (ms) of plan_query, search_stories and search_page for one search, after a warm-up of each."""
    from redaksi.search.query import plan_query, search_stories
    from redaksi.search.services import search_page

    params, filters = as_reader(q, order, **where)
    plan = plan_query(q)
    found = search_stories(plan, order=order, **filters)
    if search_page(params, sections).status != 200:
        raise SystemExit(f"search {params} did not answer 200")
    runs = {
        "plan": lambda: plan_query(q),
        "search": lambda: search_stories(plan, order=order, **filters),
        "page": lambda: search_page(params, sections),
    }
    return {part: [clock(function) for _ in range(repeat)] for part, function in runs.items()}, found.total


def measure_searches(mix, sections, repeat):
    """Per kind and order, and per order over every kind: percentiles of each timing; median results per kind."""
    per_kind, pooled = {}, {order: {"plan": [], "search": [], "page": []} for order in ORDERS}
    for order in ORDERS:
        for kind, q, where in mix:
            timings, total = time_query(q, order, where, sections, repeat)
            entry = per_kind.setdefault(f"{kind} ({order})", {"plan": [], "search": [], "page": [], "results": []})
            for part, values in timings.items():
                entry[part].extend(values)
                pooled[order][part].extend(values)
            entry["results"].append(total)
    kinds = {
        kind: {**{part: summary(entry[part]) for part in PARTS}, "median_results": statistics.median(entry["results"])}
        for kind, entry in per_kind.items()
    }
    return kinds, {order: {part: summary(parts[part]) for part in PARTS} for order, parts in pooled.items()}


def summary(timings):
    """Nearest-rank percentiles of the timings, in ms."""
    ordered = sorted(timings)
    figures = {f"p{p}_ms": round(ordered[max(math.ceil(p / 100 * len(ordered)) - 1, 0)], 1) for p in PERCENTILES}
    return {"runs": len(ordered), **figures, "max_ms": round(ordered[-1], 1)}


def word_shares(size):
    """The share of stories whose body holds each common word (its stem), for context."""
    from redaksi.search.analysis import analyse
    from redaksi.search.reader_index import reader_index

    searcher = reader_index().searcher()
    return {word: round(searcher.doc_freq("body", analyse(word)[0]) / size, 3) for word in COMMON_WORDS}


def run_stage(context, size, args):
    """Grow the archive to `size`, write the entries, build the local index, measure the searches."""
    from django.utils import timezone

    from bench.archive_scale import after_load, database_bytes

    loader, timeline, sections, judged, loaded, spent = context
    log.info("filing stories %s..%s", loaded, size - 1)
    began = time.perf_counter()
    loader.load(loaded, size)
    after_load()
    load_seconds = time.perf_counter() - began
    log.info("filed in %.0f s; writing the search entries", load_seconds)
    entries = build_entries(spent)
    log.info("entries: %s; building the local index", entries)
    local = build_local_index()
    log.info("local index: %s; measuring", local)
    middle, load = timezone.localtime(timeline.when(size // 2)), [round(x, 2) for x in os.getloadavg()]
    searches, pooled = measure_searches(query_mix(judged, sections[1], middle), sections, args.repeat)
    return {
        "stories": size,
        "load_seconds": round(load_seconds, 1),
        **entries,
        **local,
        "database_bytes": database_bytes(),
        "load_average_when_measuring": load,  # the machine may be shared: other jobs slow every timing
        "body_share_of_common_words": word_shares(size),
        "searches": searches,
        "pooled": pooled,
    }


def run(args, write):
    from django.db import connection
    from django.utils import timezone

    from bench.archive_scale import machine, prepare_database
    from bench.bulk_archive import ArchiveLoader, Timeline, ensure_sections
    from bench.corpus_archive import NOTICE, CorpusText, read_corpus
    from bench.relevance_legacy import load_judgments
    from redaksi.pages.models import HomePage
    from redaksi.sections.models import SectionPage

    if connection.vendor != "postgresql":
        raise SystemExit("search_latency measures PostgreSQL: run it through tools/with-postgres.sh")
    prepare_database()
    stories = read_corpus()
    result = {"machine": machine(connection), "args": {**vars(args), "out": str(args.out)}, "corpus": NOTICE}
    result["analysis"] = analysis_throughput(stories)
    log.info("analysis: %s", result["analysis"])
    result["story_text"] = memoise_story_text(len(stories))
    spent = count_syncs_after_write()
    ensure_sections(HomePage.objects.get())
    sections = SectionPage.objects.live().order_by("path")
    timeline = Timeline(total=args.sizes[-1], end=timezone.now().replace(second=0, microsecond=0), per_day=args.per_day)
    loader = ArchiveLoader(list(sections), timeline, args.batch_size, index_search=False, text=CorpusText(stories))
    judged, loaded, result["stages"] = [q["query"] for q in load_judgments()], 0, []
    for size in args.sizes:
        result["stages"].append(run_stage((loader, timeline, sections, judged, loaded, spent), size, args))
        write(result)
        loaded = size
    return result


def main(argv=None):
    args = parse_args(argv)
    index_dir = Path(tempfile.mkdtemp(prefix="redaksi-search-latency-"))
    os.environ["REDAKSI_SEARCH_INDEX_DIR"] = str(index_dir)  # read by the settings: never var/search-index
    sys.path.insert(0, str(BASE_DIR))
    from bench.archive_scale import configure_django
    from bench.search_latency_report import markdown

    configure_django()
    args.out.mkdir(parents=True, exist_ok=True)

    def write(result):
        (args.out / "search-latency.json").write_text(json.dumps(result, indent=1, default=str) + "\n")
        (args.out / "search-latency.md").write_text(markdown(result))

    try:
        sys.stdout.write(markdown(run(args, write)))
    finally:
        shutil.rmtree(index_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
