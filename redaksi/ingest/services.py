"""Turn parsed stories into ArticlePages: check everything first, then save all in one transaction."""

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log

from redaksi.articles.models import ArticleAuthor, ArticlePage
from redaksi.media.files import NotAPicture, photo_from_file, picture_format
from redaksi.media.models import Photo
from redaksi.media.placeholders import placeholder_photo
from redaksi.people.models import Person
from redaksi.sections.models import SectionPage

from .formats import text
from .formats.base import Paragraph, ParseError, RelatedLink

READ_MORE = "Baca selengkapnya"
# (ParsedStory attribute, model, model field, key in ParsedStory.lines): input must fit the column.
LIMITS = (
    ("headline", ArticlePage, "title", "headline"),
    ("hero_alt_text", Photo, "description", "hero"),
    ("hero_credit", Photo, "credit", "hero"),
    ("dateline_city", ArticlePage, "dateline_city", "dateline_city"),
    ("wire_source", ArticlePage, "wire_source", "wire_source"),
    ("editor", Person, "name", "editor"),
)


class IngestError(Exception):
    """An import that cannot go ahead for a reason outside any one line of input."""


@dataclass(frozen=True)
class ImportOptions:
    """Where to file the stories of one run and what to add to them."""

    section: SectionPage
    publish: bool = False
    published_at: datetime | None = None
    authors: tuple[str, ...] = ()
    source_url: str = ""
    wire_source: str = ""
    hero_image: Path | None = None
    skip_unresolved: bool = False


@dataclass
class ImportReport:
    """The stories one run created or updated, in input order, and what it skipped."""

    pages: list[ArticlePage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_text_stories(paths):
    """Read and parse every file; raise on the first one that does not fit."""
    stories = [text.parse(_read(path), str(path)) for path in paths]
    _check_distinct_guids(stories)
    return stories


def _read(path):
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot read: {exc.strerror}") from exc


def guid_for(story):
    """Return the story's identity: one file name, one story, however often it is imported."""
    return f"text:{Path(story.source).stem}"


def _check_distinct_guids(stories):
    seen = {}
    for story in stories:
        guid = guid_for(story)
        if guid in seen:
            raise IngestError(f"{seen[guid]} and {story.source} would both import as {guid}; import them separately")
        seen[guid] = story.source


def find_section(slug):
    """Return the section with `slug`; the error lists the sections that exist."""
    section = SectionPage.objects.filter(slug=slug).first()
    if section is None:
        known = ", ".join(SectionPage.objects.order_by("slug").values_list("slug", flat=True)) or "none yet"
        raise IngestError(f"unknown section {slug!r}; sections: {known}")
    return section


def find_story(headline):
    """Return the story titled `headline`, ignoring case and spacing; the newest live one if several.

    One query; titles carry no index, so it scans them: fine for an import run, not for a page view.
    """
    pattern = r"^\s*" + r"\s+".join(re.escape(word) for word in headline.split()) + r"\s*$"
    newest = F("first_published_at").desc(nulls_last=True)
    return ArticlePage.objects.filter(title__iregex=pattern).order_by("-live", newest, "-pk").first()


def import_stories(stories, options):
    """Check every story, then create or update them all in one transaction: on error nothing is saved."""
    report = ImportReport()
    _check_options(options, stories)
    checked, earlier = [], set()
    for story in stories:
        _check_lengths(story)
        checked.append(_resolve_related(story, earlier, options.skip_unresolved, report.warnings))
        earlier.add(_normalise(story.headline))
    with transaction.atomic():
        saved = {}
        for story in checked:
            page = _save_story(story, options, saved)
            saved[_normalise(story.headline)] = page
            report.pages.append(page)
    return report


def _normalise(headline):
    return " ".join(headline.split()).casefold()


def _check_options(options, stories):
    """Refuse options that cannot apply: one story's extras on several files, a bad link or picture."""
    if len(stories) > 1 and (options.source_url or options.hero_image or options.published_at):
        raise IngestError("--source-url, --hero-image and --published-at describe one story: give one FILE")
    if options.source_url:
        _check_source_url(options.source_url)
    if options.hero_image:
        _check_picture(options.hero_image)
    if len(options.wire_source) > ArticlePage._meta.get_field("wire_source").max_length:
        raise IngestError("--wire-source is too long")
    for name in options.authors:
        if not slugify(name) or len(name) > Person._meta.get_field("name").max_length:
            raise IngestError(f"--author {name!r} is not a usable name")


def _check_source_url(url):
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as exc:
        raise IngestError(f"--source-url {url!r} is not an http(s) link") from exc
    if len(url) > ArticlePage._meta.get_field("source_url").max_length:
        raise IngestError("--source-url is too long")


def _check_picture(path):
    try:
        kind = picture_format(path)
    except NotAPicture as exc:
        raise IngestError(f"{path}: not a picture file ({exc})") from exc
    if kind not in settings.WAGTAILIMAGES_EXTENSIONS:
        raise IngestError(f"{path}: {kind or 'unknown'} pictures are not accepted")


def _check_lengths(story):
    """Refuse a field longer than its column, naming the line it came from."""
    for attribute, model, field_name, line_key in LIMITS:
        limit = model._meta.get_field(field_name).max_length
        if len(getattr(story, attribute)) > limit:
            problem = f"{attribute.replace('_', ' ')} is longer than {limit} characters"
            raise ParseError(story.source, story.lines[line_key], problem)
    if not slugify(story.editor):
        raise ParseError(story.source, story.lines["editor"], f"editor name {story.editor!r} has no letters or digits")
    limit = Person._meta.get_field("name").max_length
    for name in story.authors:
        if not slugify(name) or len(name) > limit:
            problem = f"author name {name!r} is not usable (no letters or digits, or longer than {limit})"
            raise ParseError(story.source, story.lines["authors"], problem)


def _resolve_related(story, earlier, skip_unresolved, warnings):
    """Keep "Baca Juga" links naming a story in the database or earlier in this run; drop or refuse the rest."""
    body = []
    for block in story.body:
        if isinstance(block, RelatedLink) and not (_normalise(block.headline) in earlier or find_story(block.headline)):
            problem = f"'Baca Juga' names no existing story: {block.headline!r}"
            if not skip_unresolved:
                raise ParseError(story.source, block.line, problem)
            warnings.append(f"{story.source}:{block.line}: {problem}; left out")
            continue
        body.append(block)
    return replace(story, body=tuple(body))


def _save_story(story, options, saved):
    """Create or update the story with this file's guid and save a revision, published if asked."""
    return save_imported_story(guid_for(story), options, lambda page: _fill(page, story, options, saved))


def save_imported_story(guid, options, fill):
    """Create or update the story with `guid`: `fill(page)`, file it if new, save a revision, publish if asked.

    Shared by the importers of scraped text and saved HTML pages; `options.published_at` stamps the time.
    """
    page = _existing_page(guid, options)
    is_new = page is None
    if is_new:
        page = ArticlePage(guid=guid, live=False)
    fill(page)
    if options.published_at:
        stamp_publication(page, options.published_at)
    if is_new:
        _file_new(page, options)
    revision = page.save_revision(log_action=True)
    if options.publish:
        revision.publish()
        if options.published_at:
            backdate_last_publication(page, options.published_at)
    return page


def _folder(options):
    """Return the month folder for the story: its publication month when given, else this month."""
    return options.section.archive_month(options.published_at or timezone.now())


def _existing_page(guid, options):
    """Return the story already imported under `guid`, moved into the section if it is filed elsewhere."""
    page = ArticlePage.objects.filter(guid=guid).first()
    if page is None or page.section_id == options.section.pk:
        return page
    folder = _folder(options)
    page.slug = find_available_slug(folder, page.slug)  # the folder may hold a namesake
    ArticlePage.objects.filter(pk=page.pk).update(slug=page.slug)
    page.move(folder, pos="last-child")
    return ArticlePage.objects.get(pk=page.pk)


def _file_new(page, options):
    """Add a new story to its month folder under a free slug."""
    folder = _folder(options)
    slug = slugify(page.title) or slugify(page.title, allow_unicode=True) or "berita"
    page.slug = find_available_slug(folder, slug[:200].strip("-"))
    folder.add_child(instance=page)
    log(instance=page, action="wagtail.create")


def _fill(page, story, options, saved):
    """Set what the file and the options say about the story; authors (--author, else "Penulis:") only if given."""
    page.title = story.headline
    page.dateline_city = story.dateline_city
    page.hero_image = _hero_photo(story, options.hero_image)
    page.body = [_block(story, block, options.source_url, saved) for block in story.body]
    page.editor = _person(story.editor, Person.Role.EDITOR)
    page.wire_source = options.wire_source or story.wire_source
    page.source_url = options.source_url
    if names := options.authors or story.authors:
        people = [_person(name, Person.Role.REPORTER) for name in names]
        page.authors = [ArticleAuthor(person=person, sort_order=order) for order, person in enumerate(people)]


def _block(story, block, source_url, saved):
    """Return one body block in StreamField's stored form."""
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "value": paragraph_html(block, source_url)}
    related = saved.get(_normalise(block.headline)) or find_story(block.headline)
    if related is None:
        raise ParseError(story.source, block.line, f"'Baca Juga' names no existing story: {block.headline!r}")
    return {"type": "related_story", "value": {"story": related.pk}}


def paragraph_html(paragraph, source_url=""):
    """Return the paragraph as escaped rich text; a trailing "Baca selengkapnya" links to `source_url` if given."""
    if not paragraph.read_more:
        return str(format_html("<p>{}</p>", paragraph.text))
    words = format_html('<a href="{}">{}</a>', source_url, READ_MORE) if source_url else READ_MORE
    if not paragraph.text:
        return str(format_html("<p>{}</p>", words))
    return str(format_html("<p>{} {}</p>", paragraph.text, words))


def _person(name, role):
    """Return the person whose slug `name` gives, creating them in `role`."""
    person, _created = Person.objects.get_or_create(slug=slugify(name), defaults={"name": name, "role": role})
    return person


def _hero_photo(story, path):
    """Return the hero picture: the file at `path` (reused if its bytes and credit match) or a placeholder."""
    if path is None:
        return placeholder_photo(story.headline, story.hero_credit, story.hero_alt_text)
    credit = story.hero_credit
    return photo_from_file(
        path, reuse={"credit": credit}, title=story.headline, credit=credit, description=story.hero_alt_text
    )


def stamp_publication(page, when):
    """Give the story the outlet's publication time before its revision is saved, so publishing keeps it.

    Wagtail fills first_published_at only when the revision has none: the page_published receivers (the
    reader search index, the edge purge of the Indeks day and sitemap month) then see this time, not the
    import's. A draft carries it in its revision until it is published.
    """
    page.first_published_at = page.published_at = when


def backdate_last_publication(page, when):
    """After publishing, show the outlet's time as the last publication too (Wagtail always writes now there)."""
    ArticlePage.objects.filter(pk=page.pk).update(last_published_at=when)
    page.last_published_at = when
