"""manage.py import_wxr FILE --uploads DIR: a WordPress export (WXR 1.0-1.2) into stories, pages, photos and people."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from redaksi.ingest.formats.base import ParseError
from redaksi.ingest.wordpress import WxrError, WxrOptions, plan_import, run_import


def category_option(value):
    """Parse --category SLUG=tag or SLUG=section:<section-slug>."""
    slug, separator, target = value.partition("=")
    if not separator or not slug or not target:
        raise CommandError(f"--category {value!r}: use SLUG=tag or SLUG=section:<section-slug>")
    return slug.strip(), target.strip()


def plan_lines(plan):
    """The dry run's report: per kind, what would be created, updated and skipped, and what is not imported."""
    lines = [f"{plan.path} ({plan.source}, WXR {plan.site.wxr_version}):"]
    for kind, actions in plan.counts().items():
        lines.append(f"  {kind}: " + ", ".join(f"{actions[a]} to {a}" for a in ("create", "update", "skip")))
    lines += [f"  not imported: {count} {what}" for what, count in sorted(plan.dropped.items())]
    return lines


def report_lines(report):
    """The summary at the end: what each kind did, warnings by kind, comments, redirects and pace."""
    lines = [
        f"  {kind}: " + ", ".join(f"{n} {a}" for a, n in sorted(actions.items()))
        for kind, actions in report.counts.items()
    ]
    lines += [f"  warnings ({kind}): {count}" for kind, count in sorted(report.warnings_by_kind().items())]
    lines.append(f"  comments kept: {report.comments}; redirects: {report.redirects}")
    lines.append(f"  {report.posts} posts and pages in {report.seconds:.1f} s ({report.posts_per_second:.1f}/s)")
    return lines


class Command(BaseCommand):
    help = "Import a WordPress export (WXR): posts, pages, attachments, authors, terms, comments and old addresses."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, metavar="FILE", help="WordPress export (WXR 1.0, 1.1 or 1.2)")
        parser.add_argument("--uploads", type=Path, metavar="DIR", help="local copy of wp-content/uploads")
        parser.add_argument(
            "--category",
            action="append",
            default=[],
            type=category_option,
            metavar="SLUG=TARGET",
            help="SLUG=tag or SLUG=section:<section-slug>; child categories follow their parent",
        )
        parser.add_argument("--section-default", default="berita", metavar="SLUG", help="section for other stories")
        parser.add_argument("--batch-size", type=int, default=50, metavar="N", help="posts per transaction")
        parser.add_argument("--dry-run", action="store_true", help="report what would be created, updated, skipped")

    def handle(self, *args, **options):
        wxr_options = WxrOptions(
            uploads=options["uploads"],
            categories=dict(options["category"]),
            section_default=options["section_default"],
            batch_size=options["batch_size"],
        )
        try:
            plan = plan_import(options["file"], wxr_options)
            if options["dry_run"]:
                return self.stdout.write("\n".join(plan_lines(plan)))
            report = run_import(plan, progress=self.progress if self.stderr.isatty() else None)
        except (ParseError, WxrError) as exc:
            raise CommandError(str(exc)) from exc
        for kind, message in report.warnings:
            self.stderr.write(self.style.WARNING(f"warning ({kind}): {message}"))
        self.stdout.write(self.style.SUCCESS("\n".join([f"Imported {plan.path}:", *report_lines(report)])))

    def progress(self, done, total):
        """Draw a one-line progress bar on the terminal."""
        filled = 30 * done // max(total, 1)
        self.stderr.write(
            f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", ending="" if done < total else "\n"
        )
