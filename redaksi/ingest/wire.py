"""The wire desk: poll agency sources into the queue, and turn a queued item into a draft story in one click.

The queue holds one row per guid, whichever source brought it, so the same item never appears twice.
A newer version (a higher version number, or the same number sent later: feeds carry no versions)
replaces the row's content; an older or equal one is ignored. A withdrawn (canceled or withheld) item
leaves the queue and flags the story made from it. Each document is stored in its own transaction: a
document that does not parse is reported in the source's `last_error` and stores nothing.
"""

import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import nh3
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log

from redaksi.articles.blocks import ArticleBodyBlock
from redaksi.articles.models import ArticleAuthor, ArticlePage
from redaksi.media.files import NotAPicture, photo_from_file, picture_format
from redaksi.people.models import Person

from .body import html_to_body
from .formats import feed, newsml_g2, ninjs
from .formats.base import ParseError
from .formats.wire_story import WITHDRAWN
from .models import WireItem, WireSource
from .transports import TransportError
from .transports import file as file_transport
from .transports import http as http_transport

logger = logging.getLogger(__name__)

PARSERS = {
    WireSource.Format.NINJS: ninjs.parse,
    WireSource.Format.NEWSML_G2: newsml_g2.parse,
    WireSource.Format.FEED: feed.parse,
}
WITHDRAWN_ACTION = "redaksi.wire_withdrawn"
BODY_TAGS = {"p", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "a", "b", "strong", "i", "em", "br"}
BYLINE_PREFIX = re.compile(r"^(von|by|oleh)\s+", re.IGNORECASE)
BYLINE_SPLIT = re.compile(r"\s*(?:,|\bund\b|\band\b|\bdan\b|&)\s*", re.IGNORECASE)
DATELINE_TAIL = re.compile(r"\s*(\(.*)?[-–—\s]*$")
MAX_PICTURE_BYTES = 20 * 1024 * 1024
EARLIEST = datetime.min.replace(tzinfo=UTC)


class WireError(Exception):
    """A wire item that cannot become a story (withdrawn by the agency)."""


@dataclass
class PollReport:
    """What one poll did: items added, replaced by a newer version, ignored, withdrawn; errors and skips."""

    added: int = 0
    updated: int = 0
    ignored: int = 0
    withdrawn: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


# Polling


def due_sources(now):
    """Enabled sources whose poll interval has passed since their last poll (or never polled)."""
    sources = WireSource.objects.filter(enabled=True).order_by("last_polled_at", "pk")
    return [
        s for s in sources if s.last_polled_at is None or s.last_polled_at + timedelta(seconds=s.poll_interval) <= now
    ]


def poll_due_sources(now=None):
    """Poll every due source; one source's failure is logged on it and never stops the others."""
    now = now or timezone.now()
    reports = {}
    for source in due_sources(now):
        try:
            reports[source.name] = poll(source, now)
        except DatabaseError:
            raise
        except Exception as error:  # a bug must not stop the other sources or the schedule worker
            logger.exception("wire source %r failed", source.name)
            record(source, now, [f"{type(error).__name__}: {error}"])
    return reports


def poll(source, now=None):
    """Read the source, store each document's stories in its own transaction, and record the result."""
    now = now or timezone.now()
    report = PollReport()
    try:
        documents = fetch(source)
    except TransportError as error:
        documents, report.errors = [], [str(error)]
    for document in documents:
        store_document(source, document, now, report)
    record(source, now, report.errors)
    logger.info(
        "wire source %r polled: %d new, %d updated, %d withdrawn, %d ignored, %d errors",
        source.name,
        report.added,
        report.updated,
        report.withdrawn,
        report.ignored,
        len(report.errors),
    )
    return report


def fetch(source):
    if source.folder:
        return file_transport.fetch(source.folder)
    if source.url:
        return http_transport.fetch(source.url)
    raise TransportError(_("Neither a folder nor an address is set."))


def record(source, now, errors):
    WireSource.objects.filter(pk=source.pk).update(last_polled_at=now, last_error="\n".join(errors)[:10000])
    source.last_polled_at, source.last_error = now, "\n".join(errors)[:10000]


def store_document(source, document, now, report):
    if document.problem:
        report.errors.append(f"{document.name}: {document.problem}")
        return
    try:
        batch = PARSERS[source.format](document.data, document.name)
    except ParseError as error:
        report.errors.append(str(error))
        return
    report.skipped += batch.skipped
    held = held_versions(batch.stories)
    fresh = [story for story in batch.stories if story.guid not in held or is_newer(story, held[story.guid])]
    report.ignored += len(batch.stories) - len(fresh)
    if fresh:
        with transaction.atomic():
            for story in fresh:
                store(source, story, now, report)


def held_versions(stories):
    """(version, sent at) of the queue rows for these stories' guids: one query, so a re-read file costs little."""
    rows = WireItem.objects.filter(guid__in=[story.guid for story in stories]).values_list("guid", "version", "sent_at")
    return {guid: (version, sent_at) for guid, version, sent_at in rows}


def store(source, story, now, report):
    """Add the story to the queue, replace an older version of it, or ignore it; flag stories of withdrawn items."""
    item = WireItem.objects.select_for_update().filter(guid=story.guid).first()
    if item is not None and not is_newer(story, (item.version, item.sent_at)):
        report.ignored += 1
        return item
    was_withdrawn = item is not None and item.pubstatus == WITHDRAWN
    if item is None:
        report.added += 1
        item = WireItem(guid=story.guid)
    else:
        report.updated += 1
    fill(item, source, story, now)
    item.save()
    if item.pubstatus == WITHDRAWN and not was_withdrawn:
        report.withdrawn += 1
        flag_story(item)
    return item


def is_newer(story, held):
    """Whether the story is a newer version than the held (version, sent at)."""
    version, sent_at = held
    return (story.version, story.sent_at or EARLIEST) > (version, sent_at or EARLIEST)


def fill(item, source, story, now):
    item.source, item.agency = source, source.agency
    item.version, item.pubstatus = story.version, story.pubstatus
    item.headline, item.byline = story.headline[:500], story.byline[:500]
    item.language = (story.language or source.language)[:20]
    item.urgency, item.dateline, item.standfirst = story.urgency, story.dateline[:255], story.standfirst
    item.body_html = clean_html(story.body_html)
    item.pictures = [{"href": p.href, "caption": p.caption, "credit": p.credit} for p in story.pictures]
    item.link = web_link(story.link, 2000)
    item.sent_at, item.embargoed_until, item.signals = story.sent_at, story.embargoed_until, list(story.signals)
    item.received_at = now


def clean_html(html):
    """The body as the queue keeps it: a small allow-list of tags, http(s) and mailto links only."""
    return nh3.clean(
        html or "", tags=BODY_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https", "mailto"}
    ).strip()


def web_link(url, limit):
    """`url` if it is an http(s) address no longer than `limit`, else ""."""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return ""
    return url if len(url) <= limit else ""


def flag_story(item):
    """Note on the story made from a withdrawn item that the agency withdrew it (its history and edit view)."""
    if item.story_id:
        data = {"guid": item.guid, "agency": item.agency, "headline": item.headline, "version": item.version}
        log(instance=item.story, action=WITHDRAWN_ACTION, data=data)
        logger.warning("wire item %s withdrawn by %s; story id=%s uses it", item.guid, item.agency, item.story_id)


def withdrawn_item_for(story):
    """The withdrawn wire item a story was made from, or None (one query)."""
    return WireItem.objects.filter(story=story, pubstatus=WITHDRAWN).first()


# One-click draft


def sections_for(user, sections):
    """The sections (of `sections`) where `user` may add stories: their desks."""
    return [section for section in sections if section.permissions_for_user(user).can_add_subpage()]


@transaction.atomic
def make_draft(item, section, user):
    """Return the draft story made from `item` in `section`, making it on the first click only.

    Headline, standfirst, body, dateline city, authors found by byline, local pictures with their credit,
    agency ("dilansir"), source link and embargo are prefilled. Returns (story, notes for the editor).
    """
    item = WireItem.objects.select_for_update().select_related("source").get(pk=item.pk)
    if item.story_id:
        return item.story, []
    if item.pubstatus == WITHDRAWN:
        raise WireError(_("The agency withdrew this item."))
    if not section.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied
    notes = []
    story = new_story(item, user, notes)
    folder = section.archive_month(timezone.now())
    story.slug = find_available_slug(folder, (slugify(item.headline) or "berita")[:200].strip("-") or "berita")
    folder.add_child(instance=story)
    story.save_revision(user=user, log_action=False)
    log(instance=story, action="wagtail.create", user=user)
    item.story = story
    item.save(update_fields=["story"])
    return story, notes


def new_story(item, user, notes):
    photos = [photo for photo in (local_photo(item, picture, notes) for picture in item.pictures) if photo]
    conversion = html_to_body(item.body_html, autop=False)
    notes += conversion.warnings
    images = ArticleBodyBlock().child_blocks["image"]
    body = conversion.blocks + [("image", images.to_python({"image": p.pk, "caption": ""})) for p in photos[1:]]
    story = ArticlePage(
        title=item.headline[:255],
        standfirst=item.standfirst,
        dateline_city=dateline_city(item.dateline),
        hero_image=photos[0] if photos else None,
        body=body,
        wire_source=item.agency,
        source_url=web_link(item.link, ArticlePage._meta.get_field("source_url").max_length),
        embargoed_until=item.embargoed_until,
        guid=f"wire:{item.pk}",
        owner=user,
        live=False,
    )
    story.authors = authors_for(item.byline, notes)
    return story


def dateline_city(dateline):
    """The city of a wire dateline: "Waghäusel (dpa) -" -> "Waghäusel", "MADRID, 21 Nov. (EP) -" -> "Madrid"."""
    city = DATELINE_TAIL.sub("", dateline.split("(")[0]).split(",")[0].strip(" -–—")
    return (city.title() if city.isupper() else city)[:100]


def authors_for(byline, notes):
    """Authors the byline names who are already people of the outlet; the rest become a note to the editor."""
    names = [name.strip() for name in BYLINE_SPLIT.split(BYLINE_PREFIX.sub("", byline.strip())) if name.strip()]
    people = [Person.objects.filter(name__iexact=name).first() for name in names]
    found = [person for person in people if person]
    if byline and len(found) < len(names):
        notes.append(
            _("Wire byline: %(byline)s (not among the outlet's people; add authors if needed)") % {"byline": byline}
        )
    return [ArticleAuthor(person=person, sort_order=order) for order, person in enumerate(found)]


def local_photo(item, picture, notes):
    """A Photo for a picture file next to the item in a folder source; web pictures are not fetched (a note)."""
    path = file_transport.local_file(item.source.folder, picture.get("href", ""))
    if path is None:
        notes.append(_("Picture not downloaded: %(href)s") % {"href": picture.get("href", "")[:300]})
        return None
    if path.stat().st_size > MAX_PICTURE_BYTES or not is_picture(path):
        notes.append(_("Not a usable picture file: %(name)s") % {"name": path.name})
        return None
    credit = (picture.get("credit") or item.agency)[:255]
    caption = picture.get("caption") or ""
    title = (caption or item.headline)[:255]
    return photo_from_file(
        path, reuse={"credit": credit}, title=title, credit=credit, caption=caption, description=caption[:255]
    )


def is_picture(path):
    try:
        return picture_format(path) in {"jpeg", "png", "gif", "webp"}
    except NotAPicture:
        return False
