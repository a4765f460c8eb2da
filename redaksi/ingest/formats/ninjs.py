"""IPTC ninjs 1.x, 2.x and 3.x (JSON): one item, or a list of items, as wire stories.

Field names differ by version: 1.x `headline`, `byline`, `body_html`/`body_xhtml`/`body_text`,
`associations` keyed by name, `embargoed`; 2.x `headlines[]`, `bodies[]`, `by`, `associations[]`;
3.x camelCase (`pubStatus`, `versionCreated`, `embargoedUntil`, `contentType`). Text and composite items
become stories; pictures alone become picture stories; events, planning, video and audio are skipped.
"""

import json

from lxml import etree
from lxml.html import fromstring as html_fragment
from lxml.html import tostring as html_string

from .base import ParseError
from .newsml_g2 import escape_text
from .wire_story import (
    DECLARATIONS,
    USABLE,
    WITHDRAWN,
    FieldError,
    Picture,
    WireBatch,
    WireStory,
    check_size,
    text_of,
    time_of,
    urgency_of,
    version_of,
)

STORY_TYPES = {None, "text", "composite", "picture"}
WITHDRAWN_STATUSES = {"canceled", "withheld"}
HTML_TYPES = ("text/html", "application/xhtml+xml")
NITF_TYPES = ("application/nitf+xml", "text/vnd.iptc.nitf")
MAX_DEPTH = 64


def parse(data, source):
    """Return the stories of a ninjs document, or raise ParseError naming the line and field."""
    check_size(data, source)
    text = decode(data, source)
    try:
        document = json.loads(text, parse_constant=refuse_constant)
    except (json.JSONDecodeError, RecursionError, ValueError) as error:
        raise ParseError(source, getattr(error, "lineno", 1), f"not valid JSON: {error}") from error
    items = document if isinstance(document, list) else [document]
    batch = WireBatch()
    for index, item in enumerate(items):
        add_item(batch, item, index, text, source)
    return batch


def decode(data, source):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(source, data.count(b"\n", 0, error.start) + 1, "not UTF-8 text") from error


def refuse_constant(name):
    raise ValueError(f"{name} is not a JSON number")


def add_item(batch, item, index, text, source):
    if not isinstance(item, dict):
        raise ParseError(source, 1, f"item {index}: expected an object, got {type(item).__name__}")
    kind = item.get("type")
    if kind not in STORY_TYPES or not headline_of(item):
        what = kind if kind not in STORY_TYPES else "item without a headline"
        batch.skipped.append(f"{source}: skipped {what} {str(item.get('uri') or item.get('guid') or '')[:200]}")
        return
    try:
        batch.stories.append(story_from(item))
    except FieldError as error:
        raise ParseError(source, line_of(text, error.name), f"field {error}") from error


def line_of(text, name):
    """The line the field's key is first written on, so an error points near it."""
    key = name.split(".")[0].split("[")[0]
    found = text.find(f'"{key}"')
    return text.count("\n", 0, found) + 1 if found >= 0 else 1


def pick(item, *names):
    """The first of the version-specific names the item carries (1.x/2.x lower case, 3.x camelCase)."""
    for name in names:
        if item.get(name) is not None:
            return name, item[name]
    return names[0], None


def story_from(item):
    guid_name, guid = pick(item, "uri", "guid")
    guid = text_of(guid, guid_name)
    if not guid or len(guid) > 500:
        raise FieldError(guid_name, "is missing or longer than 500 characters")
    status_name, status = pick(item, "pubStatus", "pubstatus")
    return WireStory(
        guid=guid,
        headline=headline_of(item),
        version=version_of(item.get("version")),
        pubstatus=WITHDRAWN if text_of(status, status_name) in WITHDRAWN_STATUSES else USABLE,
        language=text_of(item.get("language"), "language")[:20],
        urgency=urgency_of(item.get("urgency")),
        byline=text_of(pick(item, "by", "byline")[1], "by"),
        dateline=text_of(item.get("located"), "located"),
        standfirst=description_of(item),
        body_html=body_of(item),
        pictures=tuple(pictures_of(item)),
        link=link_of(item),
        sent_at=time_of(*reversed(pick(item, "versionCreated", "versioncreated"))),
        embargoed_until=time_of(*reversed(pick(item, "embargoedUntil", "embargoed"))),
        signals=signals_of(item),
    )


def headline_of(item):
    """1.x `headline`; 2.x/3.x the `headlines` entry with role main, else the first."""
    if isinstance(item.get("headline"), str):
        return text_of(item["headline"], "headline")
    if isinstance(item.get("headline_main"), str):  # 1.4+ extensible names
        return text_of(item["headline_main"], "headline_main")
    headlines = item.get("headlines")
    if not isinstance(headlines, list):
        return ""
    entries = [entry for entry in headlines if isinstance(entry, dict) and isinstance(entry.get("value"), str)]
    main = [entry for entry in entries if entry.get("role") == "main"] or entries
    return text_of(main[0]["value"], "headlines.value") if main else ""


def description_of(item):
    if isinstance(item.get("description_text"), str):
        return text_of(item["description_text"], "description_text")
    entries = item.get("descriptions") if isinstance(item.get("descriptions"), list) else []
    for entry in entries:
        if isinstance(entry, dict) and entry.get("role") in (None, "summary", "text", "teaser"):
            value = entry.get("value")
            return text_of(value, "descriptions.value") if isinstance(value, str) and "<" not in value else ""
    return ""


def body_of(item):
    """HTML first (html/xhtml bodies), then NITF, then plain text turned into paragraphs."""
    bodies = body_entries(item)
    for wanted in (HTML_TYPES, NITF_TYPES, ("text/plain",)):
        for content_type, value in bodies:
            if content_type.startswith(wanted):
                return convert(content_type, value)
    return ""


def body_entries(item):
    """(content type, text) of every body the item carries, whatever its ninjs version."""
    legacy = {
        "body_html": "text/html",
        "body_xhtml": "application/xhtml+xml",
        "body_main": "text/html",  # 1.4+ extensible name
        "body_text": "text/plain",
    }
    found = [(kind, item[name]) for name, kind in legacy.items() if name in item]
    bodies = item.get("bodies")
    if bodies is not None and not isinstance(bodies, list):
        raise FieldError("bodies", f"expected a list, got {type(bodies).__name__}")
    for entry in bodies or []:
        if not isinstance(entry, dict):
            raise FieldError("bodies", "expected objects in the list")
        kind = entry.get("contentType") or entry.get("contenttype") or role_type(entry.get("role"))
        found.append((str(kind).lower(), entry.get("value")))
    for kind, value in found:
        if not isinstance(value, str):
            raise FieldError("bodies", f"{kind} body: expected text, got {type(value).__name__}")
    return found


def role_type(role):
    return {"html": "text/html", "html5": "text/html", "xhtml": "application/xhtml+xml"}.get(role, "text/plain")


def convert(content_type, value):
    if content_type.startswith(HTML_TYPES):
        return html_body(value)
    if content_type.startswith(NITF_TYPES):
        return nitf_body(value)
    return "".join(f"<p>{escape_text(line)}</p>" for line in value.splitlines() if line.strip())


def html_body(value):
    """The contents of an HTML body (or a whole HTML document's body), without head and title."""
    if not value.strip():
        return ""
    fragment = html_fragment(f"<div>{value}</div>")
    body = fragment.find(".//body")
    root = body if body is not None else fragment
    for dropped in root.xpath(".//head|.//title|.//h1|.//script|.//style"):
        dropped.drop_tree()
    return "".join(html_string(child, encoding="unicode") for child in root) or (root.text or "")


def nitf_body(value):
    """A NITF document's body.content, read without entities or network."""
    from .newsml_g2 import children_html, parser

    if DECLARATIONS.search(value.encode()):
        raise FieldError("bodies", "NITF body: DOCTYPE and ENTITY declarations are not accepted")
    try:
        root = etree.fromstring(value.encode(), parser())
    except etree.XMLSyntaxError as error:
        raise FieldError("bodies", f"NITF body is not well-formed XML: {error.msg}") from error
    content = root.find(".//{*}body.content")
    return children_html(content) if content is not None else ""


def associations_of(item):
    associations = item.get("associations")
    if isinstance(associations, dict):
        return list(associations.values())
    if isinstance(associations, list):
        return associations
    if associations is not None:
        raise FieldError("associations", f"expected an object or a list, got {type(associations).__name__}")
    return []


def pictures_of(item):
    """The item itself when it is a picture; else its picture associations, each with caption and credit."""
    candidates = [item] if item.get("type") == "picture" else associations_of(item)
    found = []
    for association in candidates:
        if isinstance(association, dict) and association.get("type") == "picture":
            href = largest_rendition(association)
            if href:
                credit = text_of(pick(association, "by", "byline")[1], "associations.by")
                found.append(Picture(href, description_of(association) or headline_of(association), credit))
    return found


def largest_rendition(association):
    renditions = association.get("renditions")
    entries = list(renditions.values()) if isinstance(renditions, dict) else renditions or []
    entries = [entry for entry in entries if isinstance(entry, dict) and isinstance(entry.get("href"), str)]

    def width(entry):
        value = entry.get("width")
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    best = max(entries, key=width, default=None)
    return best["href"].strip() if best else ""


def link_of(item):
    """A web address of the item: a `link` with rel canonical/self (2.x+), else an http(s) uri."""
    links = item.get("links") if isinstance(item.get("links"), list) else []
    for link in links:
        if isinstance(link, dict) and isinstance(link.get("href"), str) and link.get("rel") in ("canonical", "self"):
            return link["href"].strip()
    uri = item.get("uri")
    return uri.strip() if isinstance(uri, str) and uri.startswith(("http://", "https://")) else ""


def signals_of(item):
    signals = item.get("signals") if isinstance(item.get("signals"), list) else []
    return tuple(str(signal.get("uri") or signal.get("name") or "") for signal in signals if isinstance(signal, dict))
