"""Saved HTML pages of an old news site: the story in them, found by trafilatura. Reads bytes, never fetches.

trafilatura (measured against jusText and readability-lxml in bench/html_extraction.py, docs/ingest.md)
finds the body, headline, authors and lead image; the publication time comes from the page's own
machine-readable stamps first (article:published_time, JSON-LD datePublished, <time datetime>),
because trafilatura keeps only the date, and is converted to WIB (a time without offset is WIB).
"""

import json
from dataclasses import dataclass
from datetime import datetime, time
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from redaksi.core.wib import WIB

from .base import ParseError

MAX_BYTES = 20 * 1024 * 1024
MIN_TEXT = 80  # characters: less is a menu, a stub or an error page, not a story
DATE_KEYS = ("article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate", "date")


@dataclass(frozen=True)
class ExtractedPage:
    """One story as found in a saved page, before it touches the database; addresses are absolute when possible."""

    source: str
    url: str
    headline: str
    published_at: datetime | None
    authors: tuple[str, ...]
    standfirst: str
    body_html: str
    lead_image: str
    site_name: str
    notes: tuple[str, ...] = ()


def parse(data: bytes, source: str, base_url: str = "") -> ExtractedPage:
    """Extract the story from a saved page; raise ParseError naming the file when there is none."""
    _check(data, source)
    metadata = trafilatura.extract_metadata(data)
    body, notes = extract_body(data)
    text = _text(body)
    if len(text) < MIN_TEXT:
        raise ParseError(source, 1, f"no story text found in the page ({len(text)} characters of text)")
    page = lxml.html.document_fromstring(data, parser=_parser())
    headline = _headline(page, " ".join((metadata.title or "").split()) if metadata else "")
    if not headline:
        raise ParseError(source, 1, "no headline found (no <title>, og:title or <h1>)")
    url = _web_address((metadata.url if metadata else "") or "")
    base = base_url or url
    return ExtractedPage(
        source=source,
        url=url,
        headline=headline,
        published_at=published_at(page, metadata.date if metadata else None),
        authors=_authors(metadata.author if metadata else None),
        standfirst=" ".join((metadata.description or "").split()) if metadata else "",
        body_html=body,
        lead_image=_lead_image(metadata.image if metadata else None, body, base),
        site_name=(metadata.sitename or metadata.hostname or "") if metadata else "",
        notes=notes,
    )


def extract_body(data):
    """Return the story's HTML and notes: with its pictures, unless they drag page furniture into the text.

    Measured (bench/html_extraction.py): asking trafilatura for pictures pulls teaser lists of other
    stories into some pages; the text-only pass decides what the story's text is.
    """
    options = {"output_format": "html", "include_links": True, "include_formatting": True, "favor_precision": True}
    options |= {"include_comments": False, "include_tables": True}
    text_only = trafilatura.extract(data, **options) or ""
    with_pictures = trafilatura.extract(data, include_images=True, **options) or ""
    if len(_text(with_pictures).split()) <= len(_text(text_only).split()) * 1.02 + 5:
        return with_pictures, ()
    return text_only, ("pictures in the body left out: with them the extractor took in text around the story",)


def _text(body):
    return " ".join(lxml.html.fragment_fromstring(body, create_parent="div").text_content().split()) if body else ""


def _check(data, source):
    if len(data) > MAX_BYTES:
        raise ParseError(source, 1, f"the file is larger than {MAX_BYTES // 1024 // 1024} MB")
    if b"\0" in data:
        raise ParseError(source, data.count(b"\n", 0, data.index(b"\0")) + 1, "binary data (NUL byte), expected HTML")
    if not data.strip():
        raise ParseError(source, 1, "the file is empty")


def _parser():
    return lxml.html.HTMLParser(no_network=True, remove_comments=True, huge_tree=True)


def _headline(page, title):
    """Return the page's <h1> when the title is it plus the site's name ("<h1> | Site"), else the title."""
    for heading in page.iter("h1"):
        text = " ".join(heading.text_content().split())
        if len(text.split()) >= 3 and text in title:
            return text
    return title


def _web_address(url):
    return url if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc else ""


def _authors(text):
    """Split trafilatura's "A; B" author line; drop empty names and repeats."""
    names = []
    for name in (text or "").split(";"):
        name = " ".join(name.split())
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _lead_image(image, body, base):
    """Return the page's og:image, else the first picture in the body, made absolute against `base`."""
    src = image or ""
    if not src:
        pictures = lxml.html.fragment_fromstring(body, create_parent="div").xpath("//img/@src")
        src = pictures[0] if pictures else ""
    return urljoin(base, src.strip()) if src.strip() else ""


def published_at(page, fallback):
    """Return the first publication time the page states, in WIB; trafilatura's date (at 00:00 WIB) if none."""
    for text in _stamps(page):
        if when := _as_wib(text):
            return when
    return _as_wib(fallback) if fallback else None


def _stamps(page):
    """Yield the page's machine-readable publication stamps, most specific first."""
    metas = {}
    for meta in page.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        metas.setdefault(key, (meta.get("content") or "").strip())
    yield from (metas[key] for key in DATE_KEYS if metas.get(key))
    for script in page.xpath("//script[@type='application/ld+json']"):
        yield from _json_ld_dates(script.text_content())
    yield from page.xpath("//time/@datetime")


def _json_ld_dates(text):
    try:
        data = json.loads(text)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                yield item["datePublished"]
            stack += list(item.values())
        elif isinstance(item, list):
            stack += item


def _as_wib(text):
    """Parse ISO 8601 date or date-time text into WIB; None if it is not one."""
    text = text.strip()
    try:
        when = parse_datetime(text)
        day = None if when else parse_date(text)
    except ValueError:
        return None
    if day:
        when = datetime.combine(day, time())
    if when is None:
        return None
    return when.astimezone(WIB) if timezone.is_aware(when) else timezone.make_aware(when, WIB)
