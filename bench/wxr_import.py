"""WordPress import throughput: the largest shared WXR file into a fresh SQLite database, then again.

The first run plans and imports everything (photos from a generated uploads folder, one JPEG per
attachment, so photos are really saved); the second run must skip everything (idempotent) and shows what a
re-run costs. Reports posts (stories + static pages) per second and writes bench/results/wxr-import.{json,md}.
Usage:

    .venv/bin/python bench/wxr_import.py                 # the largest file under redaksi/ingest/tests/data/wxr
    .venv/bin/python bench/wxr_import.py --file PATH --batch-size 50
"""

import argparse
import json
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "var" / "bench"
RESULTS = BASE_DIR / "bench" / "results"
TESTDATA = BASE_DIR / "redaksi" / "ingest" / "tests" / "data" / "wxr"  # the shared WXR files, copied
DATABASE = BENCH_DIR / "wxr.sqlite3"
log = logging.getLogger("bench.wxr_import")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, help="WXR file; default: the largest under ../shared/testdata/wxr")
    parser.add_argument("--batch-size", type=int, default=50, help="posts per transaction")
    return parser.parse_args(argv)


def configure_django():
    """Dev settings on a fresh database and media folder of the bench's own."""
    sys.path.insert(0, str(BASE_DIR))
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "redaksi.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
    os.environ["REDAKSI_MEDIA_ROOT"] = tempfile.mkdtemp(prefix="wxr-bench-media-", dir=BENCH_DIR)
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False
    logging.basicConfig(level=logging.INFO, format="%(message)s")


def largest_file():
    return max(TESTDATA.rglob("*.xml"), key=lambda path: path.stat().st_size)


def make_uploads(path, folder):
    """Write an 800x600 JPEG wherever an attachment of `path` expects its file."""
    from PIL import Image

    from redaksi.ingest.formats import wxr
    from redaksi.ingest.wordpress.attachments import upload_path

    made = 0
    for post in wxr.parse(path).posts:
        target = upload_path(post, folder) if post.type == "attachment" else None
        if target and target.suffix.lower() in (".jpg", ".jpeg", ".png", ".gif"):
            target.parent.mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (800, 600), "#2a6f97").save(target, format="PNG" if target.suffix == ".png" else None)
            made += 1
    return made


def timed_run(path, options):
    from redaksi.ingest.wordpress import plan_import, run_import

    started = time.perf_counter()
    plan = plan_import(path, options)
    planned = time.perf_counter() - started
    report = run_import(plan)
    return {
        "plan_seconds": round(planned, 3),
        "import_seconds": round(report.seconds, 3),
        "total_seconds": round(time.perf_counter() - started, 3),
        "posts_and_pages": report.posts,
        "posts_per_second": round(report.posts_per_second, 2),
        "posts_per_second_with_plan": round(report.posts / (time.perf_counter() - started), 2),
        "counts": {kind: dict(actions) for kind, actions in report.counts.items()},
        "warnings": dict(report.warnings_by_kind()),
        "comments": report.comments,
        "redirects": report.redirects,
        "not_imported": dict(plan.dropped),
    }


def environment():
    import django
    import wagtail

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=BASE_DIR)  # noqa: S607
    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "database": "SQLite (fresh file)",
        "cpus": os.cpu_count(),
        "commit": commit.stdout.strip(),
        "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def markdown(result):
    first, second = result["first_run"], result["second_run"]
    return "\n".join(
        [
            "# WXR import throughput",
            "",
            f"File: `{result['file']}` ({result['bytes']:,} bytes), {result['uploads']} generated uploads, "
            f"batches of {result['batch_size']}. {result['environment']['measured_at']}, commit "
            f"`{result['environment']['commit']}`, Python {result['environment']['python']}, "
            f"Django {result['environment']['django']}, Wagtail {result['environment']['wagtail']}, SQLite.",
            "",
            "| run | plan (s) | import (s) | posts + pages | posts/s (plan + import) "
            "| created / updated / skipped / left out |",
            "|---|---:|---:|---:|---:|---|",
            *(
                f"| {name} | {run['plan_seconds']} | {run['import_seconds']} | {run['posts_and_pages']} | "
                f"{run['posts_per_second_with_plan']} | {summary(run['counts'])} |"
                for name, run in (("first (fresh database)", first), ("second (same file)", second))
            ),
            "",
            f"First run: {first['comments']} comments kept, {first['redirects']} redirects, warnings "
            f"{first['warnings']}; not imported: {first['not_imported']}.",
            "",
            "Rerun: `make bench-wxr` (or `.venv/bin/python bench/wxr_import.py --help`).",
            "",
        ]
    )


def summary(counts):
    actions = ("create", "update", "skip", "left out")
    return " / ".join(str(sum(counted.get(action, 0) for counted in counts.values())) for action in actions)


def main(argv=None):
    args = parse_args(argv)
    configure_django()
    from django.core.management import call_command

    from redaksi.ingest.wordpress import WxrOptions

    path = (args.file or largest_file()).resolve()
    call_command("migrate", verbosity=0, interactive=False)
    uploads = Path(tempfile.mkdtemp(prefix="wxr-bench-uploads-", dir=BENCH_DIR))
    made = make_uploads(path, uploads)
    options = WxrOptions(uploads=uploads, batch_size=args.batch_size)
    result = {"file": str(path.relative_to(TESTDATA.parent) if path.is_relative_to(TESTDATA.parent) else path)}
    result.update(bytes=path.stat().st_size, uploads=made, batch_size=args.batch_size, environment=environment())
    result["first_run"] = timed_run(path, options)
    log.info("first run: %s posts/s", result["first_run"]["posts_per_second"])
    result["second_run"] = timed_run(path, options)
    log.info("second run: %s s, %s", result["second_run"]["total_seconds"], result["second_run"]["counts"])
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "wxr-import.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "wxr-import.md").write_text(markdown(result))
    log.info("%s", markdown(result))


if __name__ == "__main__":
    main()
