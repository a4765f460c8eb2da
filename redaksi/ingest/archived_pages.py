"""Saved HTML pages of an old site into stories: read and check every file, then save all in one transaction.

Pictures come only from a local folder (`images`): a page's picture address is looked up there by
its path, then by its file name. Nothing is fetched.
"""

import hashlib
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.text import slugify

from redaksi.articles.models import ArticleAuthor, ArticlePage
from redaksi.media.files import photo_from_file
from redaksi.media.models import Photo
from redaksi.people.models import Person

from .body import BODY_BLOCK, html_to_body
from .formats import html
from .formats.base import ParseError
from .formats.text import EDITOR, RELATED
from .services import (
    ImportOptions,
    ImportReport,
    IngestError,
    _check_picture,
    _person,
    _read,
    find_story,
    save_imported_story,
)


@dataclass(frozen=True)
class PageOptions:
    """Where to file the pages of one run, how to resolve their addresses, and whether to save at all."""

    section: object
    publish: bool = False
    base_url: str = ""
    images: Path | None = None
    dry_run: bool = False


@dataclass
class _Story:
    page: html.ExtractedPage
    guid: str
    warnings: list[str] = field(default_factory=list)


def read_pages(paths, base_url=""):
    """Read and extract every file; raise on the first that holds no story or shares a guid with another."""
    stories, seen = [], {}
    for path in paths:
        page = html.parse(_read(path), str(path), base_url)
        guid = guid_for(page)
        if guid in seen:
            raise IngestError(f"{seen[guid]} and {path} would both import as {guid}; import them separately")
        seen[guid] = str(path)
        stories.append(_Story(page, guid, list(page.notes)))
    return stories


def guid_for(page):
    """Return the story's identity: its canonical address, else its file name; a hash when too long."""
    guid = f"html:{page.url}" if page.url else f"html:{Path(page.source).stem}"
    limit = ArticlePage._meta.get_field("guid").max_length
    return guid if len(guid) <= limit else f"html:sha256:{hashlib.sha256(guid.encode()).hexdigest()}"


def import_pages(stories, options):
    """Check every story, then create or update them all in one transaction; a dry run saves nothing."""
    if options.images is not None and not Path(options.images).is_dir():
        raise IngestError(f"--images {options.images}: not a folder")
    if options.base_url:
        try:
            URLValidator(schemes=["http", "https"])(options.base_url)
        except ValidationError as exc:
            raise IngestError(f"--base-url {options.base_url!r} is not an http(s) address") from exc
    for story in stories:
        _check_lengths(story.page)
    report = ImportReport()
    with transaction.atomic():
        for story in stories:
            report.pages.append(_preview(story, options) if options.dry_run else _save(story, options))
            report.warnings += [f"{story.page.source}: {warning}" for warning in story.warnings]
        transaction.set_rollback(options.dry_run)
    return report


def _check_lengths(page):
    checks = [("headline", page.headline, ArticlePage, "title")]
    checks += [("author", name, Person, "name") for name in page.authors]
    for what, value, model, field_name in checks:
        limit = model._meta.get_field(field_name).max_length
        if len(value) > limit:
            raise ParseError(page.source, 1, f"{what} is longer than {limit} characters: {value[:40]!r}…")
        if what == "author" and not slugify(value):
            raise ParseError(page.source, 1, f"author name {value!r} has no letters or digits")


def _save(story, options):
    """Create or update the story with the page's guid and save a revision, published if asked."""
    filing = ImportOptions(section=options.section, publish=options.publish, published_at=story.page.published_at)
    return save_imported_story(story.guid, filing, lambda page: _fill(page, story, options))


def _preview(story, options):
    """Return the story as it would be saved, unsaved; pictures found are unsaved photos."""
    page = ArticlePage.objects.filter(guid=story.guid).first() or ArticlePage(guid=story.guid)
    _fill(page, story, options)
    page.published_at = story.page.published_at
    return page


def _fill(page, story, options):
    extracted, base = story.page, options.base_url or story.page.url
    finder = _PhotoFinder(options.images, base, extracted, story.warnings, keep=not options.dry_run)
    conversion = html_to_body(
        extracted.body_html, autop=False, rewrite_url=lambda url: urljoin(base, url), find_image=finder.find
    )
    story.warnings += conversion.warnings
    page.title = extracted.headline
    page.standfirst = extracted.standfirst
    page.hero_image = finder.find(extracted.lead_image, lead=True) if extracted.lead_image else None
    if not extracted.lead_image:
        story.warnings.append("no lead image in the page")
    page.body, editor = _tidy(conversion.blocks, extracted.headline, page.hero_image)
    if editor:
        page.editor = _person(editor, Person.Role.EDITOR)
    if extracted.authors:
        people = [_person(name, Person.Role.REPORTER) for name in extracted.authors]
        page.authors = [ArticleAuthor(person=person, sort_order=order) for order, person in enumerate(people)]


def _tidy(blocks, headline, hero):
    """Drop what the page repeats (headline, lead picture); link "Baca Juga" lines; take a closing "Editor:" line.

    Returns the blocks and the editor's name ("" if none).
    """
    tidy, editor = [], ""
    for block_type, value in blocks:
        text = _plain(value) if block_type == "paragraph" else ""
        if block_type == "heading" and " ".join(value.split()) == headline:
            continue
        if block_type == "image" and hero is not None and value["image"] == hero:
            continue
        if (related := RELATED.fullmatch(text)) and (story := find_story(related["headline"])):
            tidy.append(("related_story", BODY_BLOCK.child_blocks["related_story"].normalize({"story": story})))
            continue
        tidy.append((block_type, value))
    if tidy and tidy[-1][0] == "paragraph" and (match := EDITOR.fullmatch(_plain(tidy[-1][1]))):
        tidy, editor = tidy[:-1], match["name"].strip()
    return tidy, editor if slugify(editor) else ""


def _plain(rich_text):
    return " ".join(unescape(strip_tags(rich_text.source)).split())


class _PhotoFinder:
    """Turn picture addresses into Photos from local files, reusing a photo with the same bytes."""

    def __init__(self, folder, base, extracted, warnings, keep):
        self.folder, self.extracted, self.warnings = folder and Path(folder).resolve(), extracted, warnings
        self.base, self.keep = base, keep

    def find(self, src, lead=False):
        path = self.local_file(urljoin(self.base, src))
        if path is None:
            if lead:
                self.warnings.append(f"lead image {src} skipped: no such file in --images")
            return None
        try:
            _check_picture(path)
        except IngestError as exc:
            self.warnings.append(f"picture {path.name} skipped: {exc}")
            return None
        return self.photo(path) if self.keep else Photo(title=path.name)

    def local_file(self, address):
        """Return the file for `address` under the folder (by path, then by name), never outside it."""
        if self.folder is None or not address:
            return None
        path = unquote(urlsplit(address).path).lstrip("/")
        for candidate in (self.folder / path, self.folder / Path(path).name):
            resolved = candidate.resolve()
            if resolved.is_file() and resolved.is_relative_to(self.folder):
                return resolved
        return None

    def photo(self, path):
        credit = self.extracted.site_name[: Photo._meta.get_field("credit").max_length] or "Arsip"
        title = self.extracted.headline[: Photo._meta.get_field("title").max_length]
        return photo_from_file(path, reuse={}, title=title, credit=credit, description=self.extracted.headline)
