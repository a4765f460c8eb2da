"""Read and check a whole WXR file, then decide what each record does: create, update or skip.

Planning writes nothing: it is what `--dry-run` prints, and the import only starts once the plan
exists, so a broken file leaves the database as it was.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify

from redaksi.core.wib import WIB
from redaksi.ingest.formats import wxr
from redaksi.ingest.formats.base import ParseError
from redaksi.ingest.models import ImportedObject
from redaksi.pages.models import HomePage
from redaksi.sections.models import SectionPage

STORY_STATUSES = {"publish", "draft", "pending", "private", "future"}
CATEGORY_DOMAINS = {"category"}
TAG_DOMAINS = {"post_tag", "tag"}
NO_DATE = "0000-00-00 00:00:00"


class WxrError(Exception):
    """A WXR import that cannot go ahead: a bad option or a file that does not fit."""


@dataclass(frozen=True)
class WxrOptions:
    """How one run files what it imports; `categories` maps a category slug to "tag" or "section:<slug>"."""

    uploads: Path | None = None
    categories: dict = field(default_factory=dict)
    section_default: str = "berita"
    batch_size: int = 50


@dataclass(frozen=True)
class Step:
    """One record's fate in this run."""

    kind: str
    external_id: str
    action: str  # "create", "update" or "skip"
    record: object
    digest: str


@dataclass
class Plan:
    """Every step of one run in import order, and what the file holds that is not imported."""

    path: str
    source: str
    site: wxr.Site
    steps: list[Step] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)
    categories: dict = field(default_factory=dict)  # category slug -> wxr.Term
    options: WxrOptions = field(default_factory=WxrOptions)

    def of_kind(self, *kinds):
        return [step for step in self.steps if step.kind in kinds]

    def counts(self):
        """Return {kind: {action: n}}."""
        counts = {}
        for step in self.steps:
            counts.setdefault(step.kind, Counter())[step.action] += 1
        return counts


def plan_import(path, options):
    """Parse and check `path`, then plan each record against what earlier runs recorded; raises, never writes."""
    export = wxr.parse(path)
    source = source_for(export.site, path)
    plan = Plan(path=str(path), source=source, site=export.site, options=options)
    plan.categories = {term.slug: term for term in export.terms if term.taxonomy == "category"}
    _check_category_options(plan, options)
    posts = _importable_posts(plan, export.posts)
    known = _recorded_digests(source)
    records = [
        *(("author", author.login, author) for author in _authors(export, posts)),
        *(("term", f"{term.taxonomy}:{term.slug}", term) for term in _kept_terms(plan, export.terms)),
        *((post.type, post.id, post) for post in posts),
    ]
    for kind, external_id, record in records:
        digest = digest_of(record, plan.options.categories if kind == "post" else None)
        previous = known.get((kind, external_id))
        action = "create" if previous is None else "skip" if previous == digest else "update"
        plan.steps.append(Step(kind, external_id, action, record, digest))
    return plan


def source_for(site, path):
    """Name the old site: its blog address, else its site address or link, else the file's name."""
    address = site.base_blog_url or site.base_site_url or site.link
    return f"wxr:{address.rstrip('/')}"[:255] if address else f"wxr:file:{Path(path).name}"[:255]


def digest_of(record, categories=None):
    """Hash a record without its line number (and the category mapping a story is filed by)."""
    text = repr(replace(record, line=0)) + repr(sorted((categories or {}).items()))
    return hashlib.sha256(text.encode()).hexdigest()


def _recorded_digests(source):
    rows = ImportedObject.objects.filter(source=source).values_list("kind", "external_id", "digest")
    return {(kind, external_id): digest for kind, external_id, digest in rows}


def _check_category_options(plan, options):
    for slug, target in options.categories.items():
        if slug not in plan.categories:
            known = ", ".join(sorted(plan.categories)) or "none"
            raise WxrError(f"--category {slug}: no such category in {plan.path} (categories: {known})")
        kind, _, section = target.partition(":")
        if target != "tag" and not (kind == "section" and section and slugify(section) == section):
            raise WxrError(f"--category {slug}={target}: use {slug}=tag or {slug}=section:<section-slug>")
    if not options.section_default or slugify(options.section_default) != options.section_default:
        raise WxrError(f"--section-default {options.section_default!r} is not a slug")
    sections = {target.partition(":")[2] for target in options.categories.values()} - {""}
    _check_new_sections(sections | {options.section_default})


def _check_new_sections(slugs):
    """Refuse a section to create whose slug another page under the home page already has."""
    existing = set(SectionPage.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    taken = HomePage.objects.get().get_children().filter(slug__in=slugs - existing).values_list("slug", flat=True)
    if taken:
        raise WxrError(f"cannot add section(s) {', '.join(sorted(taken))}: a page under the home page has that slug")


def _importable_posts(plan, posts):
    """Keep posts, pages and attachments, the first of each id; count the rest as not imported."""
    kept, seen = [], set()
    for post in posts:
        post = replace(post, id=_post_key(plan, post))
        for value in (post.date, post.date_gmt):
            parse_wp_date(value, plan.path, post.line)
        if post.id in seen:  # WordPress's importer skips a repeated id as "already exists"; so do we
            plan.dropped[f"{post.type or 'untyped'} (repeated id)"] += 1
        elif post.type == "attachment" or (post.type in ("post", "page") and post.status in STORY_STATUSES):
            kept.append(post)
        else:
            plan.dropped[f"{post.type or 'untyped'} ({post.status or 'no status'})"] += 1
        seen.add(post.id)
    return sorted(kept, key=_import_order)


def _import_order(post):
    """Photos first (stories show them), then posts by id: links mostly point back, at posts made already."""
    return (post.type != "attachment", not post.id.isdigit(), int(post.id) if post.id.isdigit() else 0)


def _post_key(plan, post):
    """The post's WordPress id; an item without one (hand-made exports) is known by its guid or link."""
    if post.id.isdigit():
        return post.id
    if not post.id and (post.guid or post.link):
        return f"guid:{post.guid or post.link}"[:255]
    raise ParseError(plan.path, post.line, f"item {post.title!r}: wp:post_id {post.id!r} is not a number")


def _authors(export, posts):
    """The export's authors, plus any login a post names that the author list lacks (WXR 1.0)."""
    authors = {author.login: author for author in export.authors if author.login}
    for post in posts:
        if post.creator and post.creator not in authors:
            authors[post.creator] = wxr.Author(login=post.creator)
    return list(authors.values())


def _kept_terms(plan, terms):
    """Categories and tags, the first of each slug; other taxonomies (formats, menus, custom) are not imported."""
    kept = {}
    for term in terms:
        if term.taxonomy not in ("category", "post_tag") or not term.slug:
            plan.dropped[f"term ({term.taxonomy or 'no taxonomy'})"] += 1
        elif (term.taxonomy, term.slug) in kept:
            plan.dropped[f"term ({term.taxonomy}, repeated slug)"] += 1
        else:
            kept[(term.taxonomy, term.slug)] = term
    return list(kept.values())


def parse_wp_date(value, path="", line=0, zone=WIB):
    """Return a WordPress date ("2010-10-16 20:53:18", in `zone`) as an aware datetime; empty or zero is None."""
    if not value or value == NO_DATE:
        return None
    try:
        return timezone.make_aware(datetime.strptime(value, "%Y-%m-%d %H:%M:%S"), zone)
    except ValueError as exc:
        raise ParseError(path, line, f"not a WordPress date (YYYY-MM-DD HH:MM:SS): {value!r}") from exc
