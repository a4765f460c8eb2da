"""Archive-scale evidence: do editing, the admin and the reader site stay fast from 10k to 1M stories?

Builds a fresh database (SQLite at var/bench/archive.sqlite3, or DATABASE_URL), bulk-files stories
(the IndoSum corpus copied under new ids and dates, bench/corpus_archive.py) into section month folders,
and times the same operations at a baseline size and at a target size in one run. Writes
bench/results/archive-scale.md and .json (the record) and var/bench/archive-scale-<database>-<time>.json
(every detail). Usage (see docs/architecture.md):

    .venv/bin/python bench/archive_scale.py --baseline 10000 --target 1000000 --repeat 5
"""

import argparse
import json
import logging
import os
import platform
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "var" / "bench"
RESULTS_DIR = BASE_DIR / "bench" / "results"
COMMON_WORDS = {"corpus": "indonesia", "synthetic": "ekspor"}  # in ~6 % of the headlines
SQLITE_PRAGMAS = {"journal_mode": "WAL", "synchronous": "OFF", "cache_size": "-262144", "temp_store": "MEMORY"}
log = logging.getLogger("bench.archive_scale")  # "bench", not "__main__", when run as a script


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=int, default=10_000, help="stories at the first measurement")
    parser.add_argument("--target", type=int, default=1_000_000, help="stories at the second measurement")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per operation (median reported)")
    parser.add_argument("--per-day", type=int, default=300, help="stories published per day")
    parser.add_argument("--batch-size", type=int, default=10_000, help="rows per bulk insert transaction")
    parser.add_argument(
        "--text", choices=COMMON_WORDS, default="corpus", help="story text: the IndoSum corpus or synthetic"
    )
    parser.add_argument("--search-word", help="common word for the admin search (default: one in ~6%% of headlines)")
    parser.add_argument("--rare-word", help="word only the stories the benchmark adds carry")
    parser.add_argument("--budget", type=float, default=60, help="seconds after which one run of an operation stops")
    parser.add_argument(
        "--search-index",
        action="store_true",
        help="index bulk stories for search too (~40 ms a corpus story) and time the admin search",
    )
    parser.add_argument("--results", type=Path, default=RESULTS_DIR, help="folder for archive-scale.md and .json")
    args = parser.parse_args(argv)
    if not 0 < args.baseline < args.target:
        parser.error("need 0 < --baseline < --target")
    args.search_word = args.search_word or COMMON_WORDS[args.text]
    return args


def configure_django():
    """Use the dev settings on the bench database, with DEBUG off (no query log, production templates)."""
    sys.path.insert(0, str(BASE_DIR))
    os.environ["DJANGO_SETTINGS_MODULE"] = "redaksi.settings.dev"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{BENCH_DIR / 'archive.sqlite3'}")
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False
    logging.getLogger().setLevel(logging.WARNING)  # Wagtail logs every page save and task at INFO
    logging.getLogger("bench").setLevel(logging.INFO)
    logging.getLogger("django.request").setLevel(logging.CRITICAL)  # a stopped run is reported in the table


def prepare_database():
    """Start from an empty, migrated database: recreate the bench SQLite file, refuse a non-empty other one."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "sqlite" and Path(connection.settings_dict["NAME"]).parent == BENCH_DIR:
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{connection.settings_dict['NAME']}{suffix}").unlink(missing_ok=True)
    elif connection.introspection.table_names():
        raise SystemExit(f"{connection.settings_dict['NAME']} is not empty; give the benchmark a fresh database")
    call_command("migrate", verbosity=0, interactive=False)


@contextmanager
def bulk_load_settings():
    """Relax SQLite durability during the load only; restore the defaults before measuring."""
    from django.db import connection

    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        saved = {name: cursor.execute(f"PRAGMA {name}").fetchone()[0] for name in SQLITE_PRAGMAS}
        for name, value in SQLITE_PRAGMAS.items():
            cursor.execute(f"PRAGMA {name}={value}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for name, value in saved.items():
                cursor.execute(f"PRAGMA {name}={value}")


def after_load():
    """Give PostgreSQL the planner statistics autovacuum would gather after a big load."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def database_bytes():
    from django.db import connection

    if connection.vendor == "sqlite":
        name = connection.settings_dict["NAME"]
        return sum(Path(f"{name}{s}").stat().st_size for s in ("", "-wal") if Path(f"{name}{s}").exists())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def set_up():
    """Return (superuser, first desk's editor) and the desks (created the normal way) on the migrated database."""
    from django.contrib.auth import get_user_model

    from bench.bulk_archive import ensure_sections
    from bench.operations import desk_editor
    from redaksi.articles.models import ArticleIndexPage
    from redaksi.pages.models import HomePage

    home = HomePage.objects.get()
    sections = ensure_sections(home)
    home.add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks"))
    superuser = get_user_model().objects.create_superuser("bench", "bench@example.com", None)
    return (superuser, desk_editor(sections[0])), sections


def grow(loader, start, stop):
    """Bulk-file stories start..stop-1; return the load's wall time and its parts (rows, search index, ANALYZE) in s."""
    began, before = time.perf_counter(), dict(loader.seconds)
    with bulk_load_settings():
        loader.load(start, stop)
    analysing = time.perf_counter()
    after_load()
    split = {part: round(loader.seconds[part] - before.get(part, 0), 1) for part in ("rows", "search_index")}
    return time.perf_counter() - began, {**split, "analyze": round(time.perf_counter() - analysing, 1)}


def check_tree(newest_folder):
    """Whole-archive aggregates plus treebeard's own check of the newest and the oldest month folder."""
    from bench.bulk_archive import archive_problems, subtree_problems
    from redaksi.sections.models import ArchiveMonthPage

    oldest_folder = ArchiveMonthPage.objects.order_by("path").first()
    return {
        "archive": archive_problems(),
        "newest_folder": subtree_problems(newest_folder),
        "oldest_folder": subtree_problems(oldest_folder),
    }


def run_stage(args, context, size):
    """Grow the archive to `size` stories, check the tree, time every operation."""
    from bench.operations import ADDED_WORD, Operations, measure_all

    users, sections, loader, timeline, loaded = context
    log.info("loading stories %s..%s", loaded, size - 1)
    seconds, split = grow(loader, loaded, size)
    log.info("loaded %s stories in %.0f s; checking and measuring", size - loaded, seconds)
    # Old day and old month: the baseline's middle day and first month, which it already holds in full.
    times = (timeline.when(size - 1), timeline.when(args.baseline // 2), timeline.when(0))
    ops = Operations(users, sections[0], times, (args.search_word, args.rare_word or ADDED_WORD), args.repeat + 2)
    problems = check_tree(ops.folder)
    return {
        "stories": size,
        "load_seconds": round(seconds, 1),
        "load_rate_per_s": round((size - loaded) / seconds),
        "load_split_seconds": split,
        "database_bytes": database_bytes(),
        "newest_folder_children": ops.folder.numchild,
        "problems": problems,
        "operations": measure_all(ops, args.repeat, args.budget, searches=args.search_index),
    }


def run(args):
    from django.db import connection
    from django.utils import timezone

    from bench.bulk_archive import ArchiveLoader, Timeline

    prepare_database()
    users, sections = set_up()
    timeline = Timeline(total=args.target, end=timezone.now().replace(second=0, microsecond=0), per_day=args.per_day)
    loader = ArchiveLoader(
        sections, timeline, batch_size=args.batch_size, index_search=args.search_index, text=story_text(args)
    )
    result, loaded = (
        {"machine": machine(connection), "args": {**vars(args), "results": str(args.results)}, "stages": {}},
        0,
    )
    for label, size in (("baseline", args.baseline), ("target", args.target)):
        result["stages"][label] = run_stage(args, (users, sections, loader, timeline, loaded), size)
        log.info("%s results written to %s", label, write_json(result))
        loaded = size
    return result


def story_text(args):
    """The loader's text source: story k copies IndoSum article k mod 3,463 (default), or synthetic text."""
    if args.text == "synthetic":
        return None
    from bench.corpus_archive import CorpusText, read_corpus

    return CorpusText(read_corpus())


def machine(connection):
    import django
    import wagtail

    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version")
        version = cursor.fetchone()[0]
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted_files": len(git("status", "--porcelain").splitlines()),
        "database": f"{connection.vendor} {version}",
        "load_average": [round(load, 2) for load in os.getloadavg()],  # at the start: the machine may be shared
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "platform": platform.platform(),
    }


def git(*args):
    """Return git's output for the project checkout, or "" when git is unavailable."""
    try:
        return subprocess.run(["git", *args], cwd=BASE_DIR, capture_output=True, text=True, check=True).stdout.strip()  # noqa: S603, S607
    except (OSError, subprocess.CalledProcessError):
        return ""


def summary(result):
    """The record bench/report.py reads: per operation label, both medians, ratio, query counts, goal met."""
    from bench.operations import GOAL_RATIO, GOALS, OPERATIONS

    base, target = result["stages"]["baseline"], result["stages"]["target"]
    rows = {
        name: compare(label, base["operations"][name], target["operations"][name])
        for name, label in OPERATIONS.items()
        if name in base["operations"]
    }
    return {
        "benchmark": "archive-scale",
        "goal": f"target/baseline under {GOAL_RATIO} for each of the issue's operations",
        "baseline_stories": base["stories"],
        "target_stories": target["stories"],
        "machine": result["machine"],
        "command": f"bench/archive_scale.py {' '.join(result['command'])}",
        "operations": {name: rows[name] for name in GOALS},
        "other_operations": {name: row for name, row in rows.items() if name not in GOALS},
        "stages": {label: stage_facts(stage) for label, stage in result["stages"].items()},
    }


def compare(label, base, target):
    from bench.operations import GOAL_RATIO

    baseline_ms, target_ms = base.get("median_ms"), target.get("median_ms")
    ratio = round(target_ms / baseline_ms, 2) if baseline_ms and target_ms else None
    return {
        "label": label,
        "baseline_ms": baseline_ms,
        "target_ms": target_ms,
        "ratio": ratio,
        "queries_baseline": base.get("queries"),
        "queries_target": target.get("queries"),
        "goal_met": ratio is not None and ratio < GOAL_RATIO,
    }


def stage_facts(stage):
    problems = {name: n for check in stage["problems"].values() for name, n in check.items() if n}
    facts = {key: stage[key] for key in ("stories", "load_seconds", "load_rate_per_s", "load_split_seconds")}
    return {**facts, "database_mib": round(stage["database_bytes"] / 2**20), "tree_problems": problems}


def markdown(record):
    """The record as Markdown: the issue's operations, then the others, then the loads."""
    machine = record["machine"]
    lines = [
        "# Archive scale: the same operations at "
        f"{record['baseline_stories']:,} and {record['target_stories']:,} stories",
        "",
        f"{machine['database']}, {machine['cpus']} CPUs, {machine['date']}, commit {machine['commit']}"
        f"{', load average at start ' + str(machine['load_average']) if 'load_average' in machine else ''}. "
        f"Goal: {record['goal']}. Medians over Django's request handler (test client), ms. "
        f"Rerun: `{record['command']}` (docs/architecture.md).",
    ]
    for title, rows in (("The issue's list", record["operations"]), ("Other operations", record["other_operations"])):
        lines += ["", f"## {title}", "", "| operation | baseline ms | target ms | ratio | queries | goal met |"]
        lines.append("|---|---:|---:|---:|---:|---|")
        lines += [markdown_row(row) for row in rows.values()]
    lines += ["", "## Loads", "", "| stories | load s | stories/s | rows s | search index s | MiB | tree problems |"]
    lines.append("|---:|---:|---:|---:|---:|---:|---|")
    for stage in record["stages"].values():
        split = stage["load_split_seconds"]
        lines.append(
            f"| {stage['stories']:,} | {stage['load_seconds']:,} | {stage['load_rate_per_s']:,} | {split['rows']:,} "
            f"| {split['search_index']:,} | {stage['database_mib']:,} | {stage['tree_problems'] or 'none'} |"
        )
    return "\n".join(lines) + "\n"


def markdown_row(row):
    times = [f"{ms:,.1f}" if ms is not None else "stopped" for ms in (row["baseline_ms"], row["target_ms"])]
    ratio = f"{row['ratio']:.2f}" if row["ratio"] is not None else "-"
    queries = " / ".join("-" if n is None else str(n) for n in (row["queries_baseline"], row["queries_target"]))
    return f"| {row['label']} | {times[0]} | {times[1]} | {ratio} | {queries} | {'yes' if row['goal_met'] else 'no'} |"


def write_results(record, folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "archive-scale.json").write_text(json.dumps(record, indent=2) + "\n")
    (folder / "archive-scale.md").write_text(markdown(record))
    return folder / "archive-scale.md"


def write_json(result):
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    stamp = result["machine"]["date"].replace(":", "").replace("+0000", "Z")
    vendor = result["machine"]["database"].split()[0]
    path = BENCH_DIR / f"archive-scale-{vendor}-{stamp}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    return path


def main(argv=None):
    args = parse_args(argv)
    configure_django()
    result = run(args)
    result["command"] = list(sys.argv[1:] if argv is None else argv)
    log.info("results written to %s", write_results(summary(result), args.results))


if __name__ == "__main__":
    main()
