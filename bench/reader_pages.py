"""Reader pages: SQL queries, median in-process server time and compressed weight of every page type.

Loads the demo (300 stories + the seed) into a SQLite database under var/bench/ (or DATABASE_URL), then
requests one page of each type through Django's full handler and middleware. Weight is what a phone
downloads before it can render: the HTML plus the same-origin CSS and JS it links, each gzipped (level 6,
as a typical server sends them); images are lazy and not counted. The same run times a bare redirect as
the floor, so times read as ratios on any machine. Writes var/bench/reader_pages.{json,md}. Usage:

    .venv/bin/python bench/reader_pages.py --requests 100
"""

import argparse
import gzip
import json
import logging
import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "var" / "bench"
log = logging.getLogger("bench.reader_pages")
FLOOR = "floor: /admin/ -> login redirect"
SEED_GUID = "text:000_42ac34568c9be250"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page")
    parser.add_argument("--stories", type=int, default=300, help="demo corpus stories to load")
    return parser.parse_args(argv)


def configure_django():
    """Dev settings on a bench database of its own, DEBUG off (no query log)."""
    sys.path.insert(0, str(BASE_DIR))
    os.environ["DJANGO_SETTINGS_MODULE"] = "redaksi.settings.dev"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{BENCH_DIR / 'reader.sqlite3'}")
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    logging.getLogger("bench").setLevel(logging.INFO)
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 404 page is measured on purpose


def load_demo(stories):
    """Migrate and load the demo (idempotent: a second bench run reuses it)."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stories=stories, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


def page_urls():
    """One URL per reader page type, found in the demo content."""
    from django.db.models import Count
    from django.utils import timezone

    from redaksi.articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage
    from redaksi.media.models import Video, VideoIndexPage
    from redaksi.pages.models import MastheadPage, StandardPage
    from redaksi.people.models import Person
    from redaksi.sections.models import SectionPage, Tag

    seed = ArticlePage.objects.get(guid=SEED_GUID)
    tag = Tag.objects.annotate(uses=Count("tagged_articles")).order_by("-uses").first()
    busiest = ArticleAuthor.objects.values("person").annotate(stories=Count("pk")).order_by("-stories").first()
    author = Person.objects.get(pk=busiest["person"])
    indeks = ArticleIndexPage.objects.live().get().url + f"?date={timezone.localtime(seed.published_at):%Y-%m-%d}"
    return {
        "home": "/",
        "section": SectionPage.objects.live().first().url,
        "article (seed)": seed.url,
        "Indeks (the seed's day)": indeks,
        "tag": tag.get_absolute_url(),
        "person": author.get_absolute_url(),
        "video hub": VideoIndexPage.objects.live().get().url,
        "video": Video.objects.published().first().get_absolute_url(),
        "static page": StandardPage.objects.live().first().url,
        "masthead": MastheadPage.objects.live().get().url,
        "404": "/tidak-ada-halaman-ini/",
    }


def measure(client, url, count):
    """Return status, median ms, p95 ms, queries and gzipped weights of one page after a warm-up."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_count = len(queries)  # read now: every request start empties the query log
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
    html = response.content
    assets = linked_assets(html)
    return {
        "url": url,
        "status": response.status_code,
        "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(statistics.quantiles(samples, n=20)[-1], 2),
        "queries": query_count,
        "html_gzip_bytes": len(gzip.compress(html, 6)),
        "css_js_gzip_bytes": sum(len(gzip.compress(body, 6)) for body in assets.values()),
        "assets": sorted(assets),
    }


def linked_assets(html):
    """Bodies of the same-origin stylesheets and scripts the page links, read from the static files."""
    from django.conf import settings
    from django.contrib.staticfiles import finders
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(html)
    urls = tree.xpath("//link[@rel='stylesheet']/@href | //script/@src")
    found = {}
    for url in urls:
        assert url.startswith(settings.STATIC_URL), f"not a same-origin static file: {url}"
        path = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
        found[url] = Path(path).read_bytes()
    return found


def time_floor(client, count):
    """Time a request Django answers with a bare redirect: the framework's floor on this machine."""
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        assert client.get("/admin/").status_code == 302
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main(argv=None):
    logging.basicConfig(format="%(message)s", stream=sys.stdout)
    args = parse_args(argv)
    configure_django()
    load_demo(args.stories)
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    floor = time_floor(client, args.requests)
    results = {name: measure(client, url, args.requests) for name, url in page_urls().items()}
    report(floor, results, args)


def report(floor, results, args):
    lines = [
        f"Floor (bare redirect): {floor:.2f} ms median. Weights gzip -6; HTML + same-origin CSS/JS.",
        "",
        "| page | status | queries | median ms | p95 ms | x floor | HTML gz KB | +CSS/JS gz KB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, row in results.items():
        total = (row["html_gzip_bytes"] + row["css_js_gzip_bytes"]) / 1024
        lines.append(
            f"| {name} | {row['status']} | {row['queries']} | {row['median_ms']:.2f} | {row['p95_ms']:.2f} "
            f"| {row['median_ms'] / floor:.1f} | {row['html_gzip_bytes'] / 1024:.1f} | {total:.1f} |"
        )
    table = "\n".join(lines)
    log.info(table)
    (BENCH_DIR / "reader_pages.md").write_text(table + "\n")
    payload = {"requests": args.requests, "floor_ms": floor, "pages": results}
    (BENCH_DIR / "reader_pages.json").write_text(json.dumps(payload, indent=2))
    log.info("written %s", BENCH_DIR / "reader_pages.{md,json}")


if __name__ == "__main__":
    main()
