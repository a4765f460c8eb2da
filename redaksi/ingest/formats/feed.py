"""RSS and Atom feeds (through feedparser, which sanitises their HTML) as wire stories.

Feeds carry no versions: every entry is version 1, and a later `updated` time marks a newer copy.
Pictures come from image enclosures and Media RSS content, with `media:credit` as the credit.
An RSS 0.91 DOCTYPE is tolerated; entity declarations are refused before feedparser sees the bytes.
"""

from calendar import timegm
from datetime import UTC, datetime

import feedparser

from .base import ParseError
from .wire_story import ENTITY, FieldError, Picture, WireBatch, WireStory, check_size, refuse_declarations, text_of


def parse(data, source):
    """Return the entries of an RSS or Atom document, or raise ParseError naming the line."""
    check_size(data, source)
    refuse_declarations(data, source, ENTITY)
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        raise ParseError(source, error_line(parsed), f"not an RSS or Atom feed ({bozo_reason(parsed)})")
    language = text_of(parsed.feed.get("language"), "language")[:20]
    batch = WireBatch()
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            story = story_from(entry, language)
        except FieldError as error:
            raise ParseError(source, error_line(parsed), f"entry {number}: {error}") from error
        if story is None:
            batch.skipped.append(f"{source}: skipped entry {number} without an id, link or title")
        else:
            batch.stories.append(story)
    return batch


def error_line(parsed):
    exception = parsed.get("bozo_exception")
    line = getattr(exception, "getLineNumber", None)
    return line() if callable(line) else 1


def bozo_reason(parsed):
    return str(parsed.get("bozo_exception") or "no feed elements")[:200]


def story_from(entry, language):
    guid = text_of(entry.get("id") or entry.get("link"), "id")
    headline = text_of(entry.get("title"), "title")
    if not guid or not headline:
        return None
    if len(guid) > 500:
        raise FieldError("id", "is longer than 500 characters")
    content = entry.get("content") or []
    return WireStory(
        guid=guid,
        headline=headline,
        language=text_of(entry.get("language"), "language")[:20] or language,
        byline=text_of(entry.get("author"), "author"),
        body_html=content[0].get("value", "") if content else entry.get("summary", ""),
        pictures=tuple(pictures_of(entry)),
        link=text_of(entry.get("link"), "link"),
        sent_at=as_time(updated(entry)),
    )


def updated(entry):
    """The entry's updated time, else its published time (read without feedparser's deprecated fallback)."""
    return dict.get(entry, "updated_parsed") or dict.get(entry, "published_parsed")


def as_time(parsed):
    return datetime.fromtimestamp(timegm(parsed), UTC) if parsed else None


def pictures_of(entry):
    credits = entry.get("media_credit") or []
    credit = text_of(credits[0].get("content"), "media:credit") if credits else ""
    caption = text_of(entry.get("media_description"), "media:description") if entry.get("media_description") else ""
    found = [link.get("href", "") for link in entry.get("links", []) if link.get("rel") == "enclosure" and image(link)]
    found += [media.get("url", "") for media in entry.get("media_content", []) if image(media)]
    unique = dict.fromkeys(href.strip() for href in found if href and href.strip())
    return [Picture(href, caption, credit) for href in unique]


def image(link):
    return str(link.get("type", "")).startswith("image/") or link.get("medium") == "image"
