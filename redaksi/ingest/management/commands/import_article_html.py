"""manage.py import_article_html FILE...: saved HTML pages of an old site, read offline."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from redaksi.core.wib import iso_wib
from redaksi.ingest.archived_pages import PageOptions, import_pages, read_pages
from redaksi.ingest.formats.base import ParseError
from redaksi.ingest.services import IngestError, find_section


def summary(pages, dry_run):
    """Return one line per story: its permanent address, or what it would be on a dry run."""
    verb = "Would import" if dry_run else "Imported"
    lines = [f"{verb} {len(pages)} {'story' if len(pages) == 1 else 'stories'}:"]
    for page in pages:
        where = "" if dry_run else f" ({reverse('article', args=[page.pk, page.slug])})"
        lines.append(f"{page.title}{where}, {iso_wib(page.published_at) or 'no date'}, {len(page.body)} blocks")
    return "\n  ".join(lines)


class Command(BaseCommand):
    help = "Import saved HTML pages of an old site as stories (title, date, author, body, lead image); never fetches."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="saved HTML page")
        parser.add_argument("--section", required=True, metavar="SLUG", help="section (desk) to file stories in")
        parser.add_argument("--publish", action="store_true", help="publish the stories; default: save drafts")
        parser.add_argument("--base-url", default="", metavar="URL", help="old site address for links")
        parser.add_argument("--images", type=Path, metavar="DIR", help="folder of the pages' pictures, by path or name")
        parser.add_argument("--dry-run", action="store_true", help="read and check everything, save nothing")

    def handle(self, *args, **options):
        try:
            stories = read_pages(options["files"], options["base_url"])
            page_options = PageOptions(
                section=find_section(options["section"]),
                publish=options["publish"],
                base_url=options["base_url"],
                images=options["images"],
                dry_run=options["dry_run"],
            )
            report = import_pages(stories, page_options)
        except (ParseError, IngestError) as exc:
            raise CommandError(str(exc)) from exc
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
        self.stdout.write(self.style.SUCCESS(summary(report.pages, options["dry_run"])))
