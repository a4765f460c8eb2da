"""Article page cost: SQL queries and median in-process server time for the seed story.

Loads the demo (300 stories + the seed) into a fresh SQLite database under var/bench/ (or DATABASE_URL),
then requests the seed article through Django's full handler and middleware many times. The same run
times a minimal Django response as the floor, so the result reads as a ratio on any machine. Usage:

    .venv/bin/python bench/article_page.py --requests 300
"""

import argparse
import json
import logging
import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "var" / "bench"
log = logging.getLogger("bench.article_page")
FLOOR = "floor: /admin/ -> login redirect"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="timed requests per URL")
    parser.add_argument("--stories", type=int, default=300, help="demo corpus stories to load")
    return parser.parse_args(argv)


def configure_django():
    """Dev settings on a bench database of its own, DEBUG off (no query log)."""
    sys.path.insert(0, str(BASE_DIR))
    os.environ["DJANGO_SETTINGS_MODULE"] = "redaksi.settings.dev"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{BENCH_DIR / 'article.sqlite3'}")
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    logging.getLogger("bench").setLevel(logging.INFO)


def load_demo(stories):
    """Migrate and load the demo (idempotent: a second bench run reuses it)."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stories=stories, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


def time_requests(client, url, count):
    """Return (median ms, p95 ms, queries per request, bytes) for GETs of `url` after a warm-up."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_count = len(queries)  # read now: every request start empties the query log
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
    p95 = statistics.quantiles(samples, n=20)[-1]
    return statistics.median(samples), p95, query_count, len(response.content)


def time_requests_redirect(client, url, count):
    """Time a request Django answers with a bare redirect: the framework's floor on this machine."""
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        assert client.get(url).status_code == 302
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), statistics.quantiles(samples, n=20)[-1], 0, 0


def main(argv=None):
    logging.basicConfig(format="%(message)s", stream=sys.stdout)
    args = parse_args(argv)
    configure_django()
    load_demo(args.stories)
    from django.test import Client

    from redaksi.articles.models import ArticlePage

    seed = ArticlePage.objects.get(guid="text:000_42ac34568c9be250")
    client = Client(HTTP_HOST="127.0.0.1")
    results = {
        FLOOR: time_requests_redirect(client, "/admin/", args.requests),
        "seed article": time_requests(client, seed.url, args.requests),
    }
    report(results, args)


def report(results, args):
    floor = results[FLOOR][0]
    log.info("%-32s %9s %9s %8s %9s %7s", "request", "median ms", "p95 ms", "queries", "bytes", "x floor")
    for name, (median, p95, queries, size) in results.items():
        log.info("%-32s %9.2f %9.2f %8d %9d %7.1f", name, median, p95, queries, size, median / floor)
    out = BENCH_DIR / "article_page.json"
    out.write_text(json.dumps({"requests": args.requests, "results": results}, indent=2))
    log.info("written %s", out)


if __name__ == "__main__":
    main()
