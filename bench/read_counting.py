"""Read counting: pixel requests per second with the count written to PostgreSQL vs waiting in Redis.

A breaking-news burst: every reader (a distinct address, the same browser) opens the same story, so every
pixel request counts. Both paths run in the same process, on the same PostgreSQL (DATABASE_URL, a throwaway
cluster from tools/with-postgres.sh) and the same Redis (a redis-server this script starts on loopback,
also Django's cache, as in production), through Django's WSGI handler and middleware; only REDIS_URL,
which decides where the count goes, differs. Rounds alternate the paths; each figure is the median round.
Then one flush moves the Redis counts to HourlyReads, checked against the reads counted and timed.
Writes bench/results/read-counting.{md,json}. Usage:

    tools/with-postgres.sh .venv/bin/python bench/read_counting.py --requests 2000 --threads 1 8
"""

import argparse
import io
import itertools
import json
import logging
import os
import statistics
import sys
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "bench" / "results"
BROWSER = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36"
)
PATHS = ("database", "redis")
log = logging.getLogger("bench.read_counting")
readers = itertools.count(1)  # every request a new reader, so every request counts


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="pixel requests per round and path")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 8], help="concurrent readers to measure")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per path (alternating), median reported")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="directory for read-counting.md/.json")
    return parser.parse_args(argv)


def configure_django(redis_url):
    """Dev settings on PostgreSQL with Redis as the cache, DEBUG off (no query log)."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("read_counting.py measures PostgreSQL: run it under tools/with-postgres.sh")
    os.environ["DJANGO_SETTINGS_MODULE"] = "redaksi.settings.dev"
    os.environ["REDIS_URL"] = redis_url
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False
    logging.getLogger("bench").setLevel(logging.INFO)


def hot_story():
    """Migrate, load a small demo, and return the newest story's pixel path and id."""
    from django.core.management import call_command
    from django.urls import reverse

    from redaksi.articles.models import ArticlePage

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stories=10, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    story = ArticlePage.objects.published().newest_first().first()
    return reverse("count_read", kwargs={"article_id": story.pk}), story.pk


def fetch(handler, path):
    """One pixel request from a new reader through the WSGI handler, as gunicorn would make it."""
    reader = next(readers)
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "REMOTE_ADDR": f"10.{reader >> 16 & 255}.{reader >> 8 & 255}.{reader & 255}",
        "HTTP_USER_AGENT": BROWSER,
    }
    response = handler(environ, lambda status, headers: None)
    body = b"".join(response)
    response.close()  # request_finished, as a WSGI server does
    assert body.startswith(b"GIF89a")


def run_round(path, requests, threads):
    """Requests per second of `threads` readers sharing `requests` pixel requests."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    handler = WSGIHandler()
    share = requests // threads

    def reader():
        for _ in range(share):
            fetch(handler, path)
        connection.close()

    workers = [threading.Thread(target=reader) for _ in range(threads)]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return share * threads / (time.perf_counter() - began)


def measure(path, redis_url, args):
    """{threads: {path: median requests/s}}, the paths alternating round by round."""
    from django.conf import settings

    results = {}
    for threads in args.threads:
        rates = {name: [] for name in PATHS}
        for _round in range(args.rounds):
            for name in PATHS:
                settings.REDIS_URL = redis_url if name == "redis" else ""
                rates[name].append(run_round(path, args.requests, threads))
        results[threads] = {name: round(statistics.median(values)) for name, values in rates.items()}
        log.info("%d thread(s): %s requests/s", threads, results[threads])
    return results


def check_flush(story_id, redis_url):
    """Flush the Redis counts; return the reads moved, the flush's milliseconds and the story's total reads."""
    from django.conf import settings

    from redaksi.readership.pending import flush_reads

    settings.REDIS_URL = redis_url
    began = time.perf_counter()
    flushed = flush_reads()
    took = (time.perf_counter() - began) * 1000
    return flushed.reads, round(took, 1), story_reads(story_id)


def story_reads(story_id):
    from django.db.models import Sum

    from redaksi.readership.models import HourlyReads

    return HourlyReads.objects.filter(article_id=story_id).aggregate(total=Sum("reads"))["total"] or 0


def main(argv=None):
    logging.basicConfig(format="%(message)s", stream=sys.stdout)
    args = parse_args(argv)
    sys.path.insert(0, str(BASE_DIR))
    from redaksi.readership.tests.redis_server import running_redis

    with running_redis() as redis_url:
        configure_django(redis_url)
        path, story_id = hot_story()
        demo_reads = story_reads(story_id)
        statements = {name: measure_once(path, redis_url if name == "redis" else "") for name in PATHS}
        results = measure(path, redis_url, args)
        flushed, flush_ms, total = check_flush(story_id, redis_url)
        total -= demo_reads
        made = next(readers) - 1
        if total != made:
            sys.exit(f"lost or doubled reads: {made} requests counted, {total} in HourlyReads")
        redis_version = redis_server_version(redis_url)
    report(args, results, statements, (flushed, flush_ms, total), redis_version)


def measure_once(path, redis_url):
    """Warm a path up; return the SQL statements of its last counted read."""
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.REDIS_URL = redis_url
    run_round(path, 50, 1)
    with CaptureQueriesContext(connection) as queries:
        fetch(WSGIHandler(), path)
    return " + ".join(query["sql"].split()[0] for query in queries)


def redis_server_version(url):
    from redaksi.readership.pending import redis_client

    return redis_client(url).info("server")["redis_version"]


def report(args, results, statements, flush, redis_version):
    flushed, flush_ms, total = flush
    from django.db import connection

    from bench.machine import machine

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    where = {**machine(), "postgresql": postgres, "redis": redis_version}
    lines = [
        f"PostgreSQL {postgres}, Redis {redis_version}, {where['cpus']} CPUs, commit {where['commit']}, "
        f"{where['date']}; {args.requests} pixel requests per round, median of {args.rounds} rounds, every "
        "request a new reader of the same story, through Django's WSGI handler in one process.",
        "",
        "| concurrent readers | database path req/s | Redis path req/s | Redis / database |",
        "|---:|---:|---:|---:|",
    ]
    for threads, rates in results.items():
        ratio = rates["redis"] / rates["database"]
        lines.append(f"| {threads} | {rates['database']:,} | {rates['redis']:,} | {ratio:.2f} |")
    lines += [
        "",
        f"One flush moved {flushed:,} reads in {flush_ms} ms; the story's HourlyReads total (less the demo's "
        f"reads) is {total:,}: every request made, the database path's reads directly, the Redis path's "
        "through the flush.",
        "",
        f"SQL per counted read: database path {statements['database']}, Redis path {statements['redis']}. The "
        "throwaway cluster runs fsync and synchronous_commit off, which spares the database path the WAL flush "
        "each of its commits costs on a durable server: the ratio is a lower bound.",
    ]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "read-counting.md").write_text("\n".join(lines) + "\n")
    payload = {"machine": where, "args": {**vars(args), "out": str(args.out)}, "requests_per_second": results}
    payload["flush"] = {"reads": flushed, "ms": flush_ms, "story_total_reads": total}
    payload["sql_per_counted_read"] = statements
    (args.out / "read-counting.json").write_text(json.dumps(payload, indent=2) + "\n")
    log.info("\n".join(lines))


if __name__ == "__main__":
    main()
