"""Reader pages: SQL queries, median in-process server time and compressed weight of every page type.

Loads the demo (300 stories + the seed) into a SQLite database under var/bench/ (or DATABASE_URL, e.g. the
throwaway PostgreSQL of tools/with-postgres.sh), then requests one page of each type through Django's full
handler and middleware. Weight is what a phone downloads before it can render: the HTML plus the same-origin
CSS and JS it links, each gzipped (level 6, as a typical server sends them); images are lazy and not
counted. The same run times a bare redirect as the floor, so times read as ratios on any machine.

Results go to bench/results/reader-pages.{json,md}, one run per database kind: a PostgreSQL run keeps the
SQLite run already there (and the other way round), so the table shows both query counts side by side.
Usage (`make bench-pages` runs both):

    .venv/bin/python bench/reader_pages.py --requests 100
    tools/with-postgres.sh .venv/bin/python bench/reader_pages.py --requests 100
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
sys.path.insert(0, str(BASE_DIR))

from bench.machine import machine  # noqa: E402

BENCH_DIR = BASE_DIR / "var" / "bench"
RESULTS = BASE_DIR / "bench" / "results" / "reader-pages"
log = logging.getLogger("bench.reader_pages")
SEED_GUID = "text:000_42ac34568c9be250"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page")
    parser.add_argument("--stories", type=int, default=300, help="demo corpus stories to load")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results path without extension")
    return parser.parse_args(argv)


def configure_django():
    """Dev settings on a bench database and a cache of its own (in memory), DEBUG off (no query log).

    Not the dev settings' file cache under var/: other processes using it (another bench, the demo
    server) would move the edition number and evict fragments between requests, changing query counts.
    """
    os.environ["DJANGO_SETTINGS_MODULE"] = "redaksi.settings.dev"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{BENCH_DIR / 'reader.sqlite3'}")
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    import django
    from django.conf import settings

    django.setup()
    from django.test.utils import override_settings

    override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}).enable()
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
    """One URL per reader page type, found in the demo content (the seed story, its section and day)."""
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import timezone

    from redaksi.articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage
    from redaksi.articles.pagination import OLDER
    from redaksi.media.models import Video, VideoIndexPage
    from redaksi.pages.models import MastheadPage, StandardPage
    from redaksi.people.models import Person
    from redaksi.sections.models import SectionPage, Tag

    seed = ArticlePage.objects.get(guid=SEED_GUID)
    section = SectionPage.objects.live().ancestor_of(seed).get()
    tag = Tag.objects.annotate(uses=Count("tagged_articles")).order_by("-uses").first()
    busiest = ArticleAuthor.objects.values("person").annotate(stories=Count("pk")).order_by("-stories").first()
    seed_day = timezone.localtime(seed.published_at)
    return {
        "article": seed.url,
        "home": "/",
        "section": section.url,
        "section (deep page)": f"{section.url}?{OLDER}={halfway_story(section)}",
        "Indeks": ArticleIndexPage.objects.live().get().url + f"?tanggal={seed_day:%Y-%m-%d}",
        "tag": tag.get_absolute_url(),
        "person": Person.objects.get(pk=busiest["person"]).get_absolute_url(),
        "feed (RSS)": reverse("rss"),
        "sitemap month": reverse("sitemap_month", kwargs={"year": seed_day.year, "month": f"{seed_day.month:02d}"}),
        "video hub": VideoIndexPage.objects.live().get().url,
        "video": Video.objects.published().first().get_absolute_url(),
        "static page": StandardPage.objects.live().first().url,
        "masthead": MastheadPage.objects.live().get().url,
        "404": "/tidak-ada-halaman-ini/",
    }


def halfway_story(section):
    """The id of the story halfway down a desk's listing: the cursor a reader reaches by paging that far."""
    from redaksi.articles.models import ArticlePage

    stories = ArticlePage.objects.published().in_section(section).newest_first().values_list("pk", flat=True)
    return stories[stories.count() // 2]


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
    assets = linked_assets(html) if response["Content-Type"].startswith("text/html") else {}
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


def database():
    """The database kind ("sqlite" or "postgresql") and its server version."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version")
        return connection.vendor, cursor.fetchone()[0]


def main(argv=None):
    logging.basicConfig(format="%(message)s", stream=sys.stdout)
    args = parse_args(argv)
    configure_django()
    load_demo(args.stories)
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    floor = time_floor(client, args.requests)
    pages = {name: measure(client, url, args.requests) for name, url in page_urls().items()}
    vendor, version = database()
    run = {"machine": {**machine(), "database": f"{vendor} {version}"}, "requests": args.requests}
    write_results(args.out, vendor, {**run, "floor_ms": round(floor, 3), "pages": pages})


def write_results(out, vendor, run):
    """Store `run` under its database kind next to the other kind's last run; write both files."""
    path = out.with_suffix(".json")
    runs = json.loads(path.read_text())["runs"] if path.exists() else {}
    runs[vendor] = run
    path.write_text(json.dumps({"runs": runs}, indent=1) + "\n")
    table = render_table(runs)
    out.with_suffix(".md").write_text(table + "\n")
    log.info("%s\nwritten %s.{json,md}", table, out)


def render_table(runs):
    """Markdown: one row per page type, time and weight of each run, query counts of each database side by side."""
    vendors = sorted(runs)
    lines = [
        "Times are in-process medians (Django test client, full middleware) and their ratio to a bare redirect "
        "on the same run; weights gzip -6, HTML and HTML + same-origin CSS/JS.",
        "",
        *(describe_run(vendor, runs[vendor]) for vendor in vendors),
        "",
        "| page | status | "
        + " | ".join(f"queries {vendor}" for vendor in vendors)
        + " | same count | "
        + " | ".join(f"median ms {vendor} | x floor" for vendor in vendors)
        + " | HTML gz KB | +CSS/JS gz KB |",
        "|---|---|" + "---|" * (len(vendors) * 3 + 3),
    ]
    for name in runs[vendors[0]]["pages"]:
        rows = [runs[vendor]["pages"].get(name) for vendor in vendors]
        first = rows[0]
        counts = [row["queries"] if row else "–" for row in rows]
        times = [
            f"{row['median_ms']:.2f} | {row['median_ms'] / runs[vendor]['floor_ms']:.1f}" if row else "– | –"
            for vendor, row in zip(vendors, rows, strict=True)
        ]
        total = (first["html_gzip_bytes"] + first["css_js_gzip_bytes"]) / 1024
        same = "yes" if len(set(counts)) == 1 else "NO"
        lines.append(
            f"| {name} | {first['status']} | {' | '.join(map(str, counts))} | {same} "
            f"| {' | '.join(times)} | {first['html_gzip_bytes'] / 1024:.1f} | {total:.1f} |"
        )
    return "\n".join(lines)


def describe_run(vendor, run):
    where = run["machine"]
    return (
        f"- {vendor}: {where['database']}, commit {where['commit']}, {where['date']}, {run['requests']} requests "
        f"per page, floor {run['floor_ms']:.2f} ms"
    )


if __name__ == "__main__":
    main()
