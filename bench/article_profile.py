"""Profile of the article page (and the front page): CPU per request when every request renders the whole page
(a new edition before each, as right after a publish) against requests within an edition (fragments cached).

Same process, same demo database (bench/reader_pages.py's), same run, CPU time (`time.process_time`), so the
ratio holds on a noisy machine. Also prints the functions that dominate each case (cProfile, cumulative time
inside Redaksi's and Wagtail's code). Writes bench/results/article-profile.{md,json}. Usage:

    .venv/bin/python bench/article_profile.py --requests 200
"""

import argparse
import cProfile
import io
import json
import logging
import pstats
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench import reader_pages  # noqa: E402
from bench.machine import machine  # noqa: E402

RESULTS = BASE_DIR / "bench" / "results" / "article-profile"
PAGES = ("article", "home")
ROUNDS = 5


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per round (5 rounds, median)")
    return parser.parse_args(argv)


def cpu_ms_per_request(client, url, count, every_request_new_edition):
    """Median over ROUNDS of the CPU milliseconds one request takes."""
    from redaksi.core.edition import new_edition

    rounds = []
    for _ in range(ROUNDS):
        spent = 0.0
        for _ in range(count):
            if every_request_new_edition:
                new_edition()
            start = time.process_time()
            assert client.get(url).status_code == 200
            spent += time.process_time() - start
        rounds.append(spent / count * 1000)
    return round(statistics.median(rounds), 3)


def queries(client, url, every_request_new_edition):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from redaksi.core.edition import new_edition

    if every_request_new_edition:
        new_edition()
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def dominant_functions(client, url, every_request_new_edition, count=50, keep=12):
    """The functions of Redaksi and Wagtail with the most cumulative time over `count` requests."""
    from redaksi.core.edition import new_edition

    profile = cProfile.Profile()
    for _ in range(count):
        if every_request_new_edition:
            new_edition()
        profile.enable()
        client.get(url)
        profile.disable()
    stats = pstats.Stats(profile, stream=io.StringIO())
    handler = max(row[3] for row in stats.stats.values())  # the outermost call: the whole request
    rows = [
        (f"{Path(file).name}:{line} {name}", cumulative)
        for (file, line, name), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items()
        if ("/redaksi/" in file or "/wagtail/" in file) and "/tests/" not in file
    ]
    rows.sort(key=lambda row: -row[1])
    return [{"function": label, "share": round(cumulative / handler, 3)} for label, cumulative in rows[:keep]]


def profile_page(client, url, count):
    cases = {"every request a new edition": True, "within an edition": False}
    result = {"url": url}
    for label, fresh in cases.items():
        client.get(url)
        result[label] = {
            "cpu_ms": cpu_ms_per_request(client, url, count, fresh),
            "queries": queries(client, url, fresh),
            "dominant": dominant_functions(client, url, fresh),
        }
    result["ratio"] = round(result["every request a new edition"]["cpu_ms"] / result["within an edition"]["cpu_ms"], 2)
    return result


def markdown(run):
    where = run["machine"]
    lines = [
        "# Article page profile: CPU per request, whole render against fragments cached within an edition",
        "",
        f"{where['database']}, {where['cpus']} CPUs, load {where['load_average'][0]}, commit {where['commit']}, "
        f"{run['requests']} requests x {ROUNDS} rounds (median). Rerun: `make bench-profile`.",
        "",
        "| page | every request a new edition: CPU ms | queries | within an edition: CPU ms | queries | ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, page in run["pages"].items():
        fresh, cached = page["every request a new edition"], page["within an edition"]
        figures = [fresh["cpu_ms"], fresh["queries"], cached["cpu_ms"], cached["queries"], f"{page['ratio']}x"]
        lines.append(f"| {name} | " + " | ".join(map(str, figures)) + " |")
    for name, page in run["pages"].items():
        for label in ("every request a new edition", "within an edition"):
            lines += ["", f"## {name}, {label}: share of the request's time (cumulative)", ""]
            lines += ["| function | share |", "|---|---:|"]
            lines += [f"| `{row['function']}` | {row['share']:.0%} |" for row in page[label]["dominant"]]
    return "\n".join(lines) + "\n"


def main(argv=None):
    logging.basicConfig(format="%(message)s", stream=sys.stdout, level=logging.WARNING)
    logging.getLogger("bench").setLevel(logging.INFO)
    args = parse_args(argv)
    reader_pages.configure_django()
    reader_pages.load_demo(300)
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    urls = reader_pages.page_urls()
    vendor, version = reader_pages.database()
    run = {
        "machine": {**machine(), "database": f"{vendor} {version}"},
        "requests": args.requests,
        "pages": {name: profile_page(client, urls[name], args.requests) for name in PAGES},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.with_suffix(".json").write_text(json.dumps(run, indent=2) + "\n")
    RESULTS.with_suffix(".md").write_text(markdown(run))
    logging.getLogger("bench").info("%s", markdown(run))


if __name__ == "__main__":
    main()
