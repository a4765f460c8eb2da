"""manage.py import_article_text FILE...: scraped article pages in the outlet's plain-text layout."""

from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from redaksi.core.wib import WIB
from redaksi.ingest.formats.base import ParseError
from redaksi.ingest.services import ImportOptions, IngestError, find_section, import_stories, read_text_stories


def published_at(value):
    """Return ISO 8601 text (or a datetime) as an aware datetime; a time without offset is WIB."""
    if value is None:
        return None
    when = value if isinstance(value, datetime) else _parse_iso(value)
    return when if timezone.is_aware(when) else timezone.make_aware(when, WIB)


def _parse_iso(text):
    try:
        when = parse_datetime(text)
    except ValueError:
        when = None
    if when is None:
        raise CommandError(f"--published-at: not an ISO 8601 date and time: {text!r}")
    return when


def summary(pages):
    """Return one line per story, with its permanent address."""
    lines = [f"{page.title} ({reverse('article', args=[page.pk, page.slug])})" for page in pages]
    if len(lines) == 1:
        return f"Imported 1 story: {lines[0]}"
    return "\n  ".join([f"Imported {len(lines)} stories:", *lines])


class Command(BaseCommand):
    help = "Import scraped article pages (UTF-8 text in the outlet's layout) as draft or published stories."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="scraped article page")
        parser.add_argument("--section", required=True, metavar="SLUG", help="section (desk) to file stories in")
        parser.add_argument("--publish", action="store_true", help="publish the stories; default: save drafts")
        parser.add_argument("--published-at", metavar="ISO8601", help="first publication time; WIB without offset")
        parser.add_argument("--author", action="append", default=[], dest="authors", metavar="NAME", help="repeatable")
        parser.add_argument("--source-url", default="", metavar="URL", help='wire report linked by "Baca selengkapnya"')
        parser.add_argument("--wire-source", default="", metavar="AGENCY", help='overrides "dilansir <Agency>"')
        parser.add_argument("--hero-image", type=Path, metavar="PATH", help="hero picture; default: a placeholder")
        parser.add_argument(
            "--skip-unresolved", action="store_true", help='leave out "Baca Juga" lines naming no existing story'
        )

    def handle(self, *args, **options):
        try:
            stories = read_text_stories(options["files"])
            report = import_stories(stories, self.import_options(options))
        except (ParseError, IngestError) as exc:
            raise CommandError(str(exc)) from exc
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
        self.stdout.write(self.style.SUCCESS(summary(report.pages)))

    def import_options(self, options):
        """Turn the command line into ImportOptions; an unknown section is an error listing the known ones."""
        return ImportOptions(
            section=find_section(options["section"]),
            publish=options["publish"],
            published_at=published_at(options["published_at"]),
            authors=tuple(name.strip() for name in options["authors"]),
            source_url=options["source_url"].strip(),
            wire_source=options["wire_source"].strip(),
            hero_image=options["hero_image"] and Path(options["hero_image"]),
            skip_unresolved=options["skip_unresolved"],
        )
