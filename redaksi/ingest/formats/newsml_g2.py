"""IPTC NewsML-G2: a newsItem, or a newsMessage carrying several, as wire stories.

Text and picture items become stories; concept, knowledge, planning, catalog and package items, and video
or audio news items, are skipped with a note. Bodies come from NITF or XHTML `inlineXML` (or `inlineData`
text); pictures from `remoteContent` renditions of picture items and from picture links in itemMeta.
Parsed without entities, DTDs or network access; dpa's "almost valid" messages (no header) are accepted.
"""

from copy import deepcopy

from lxml import etree

from .base import ParseError
from .wire_story import (
    USABLE,
    WITHDRAWN,
    FieldError,
    Picture,
    WireBatch,
    WireStory,
    check_size,
    refuse_declarations,
    text_of,
    time_of,
    urgency_of,
    version_of,
)

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
NS = {"g": NAR, "h": XHTML}
STORY_CLASSES = {"ninat:text", "ninat:picture", "ninat:composite"}
WITHDRAWN_STATUSES = {"stat:canceled", "stat:withheld"}


def parser():
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


def parse(data, source):
    """Return the stories of a NewsML-G2 document, or raise ParseError naming the line."""
    check_size(data, source)
    refuse_declarations(data, source)
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as error:
        raise ParseError(source, error.lineno or 1, f"not well-formed XML: {error.msg}") from error
    items = message_items(root, source)
    batch = WireBatch()
    for item in items:
        kind = local_name(item)
        item_class = qcode(item, "g:itemMeta/g:itemClass")
        if kind != "newsItem" or item_class not in STORY_CLASSES:
            batch.skipped.append(f"{source}:{item.sourceline}: skipped {kind} ({item_class or 'no class'})")
            continue
        if not (first_text(item.find("g:contentMeta", NS), "g:headline") or title_of(item)):
            batch.skipped.append(f"{source}:{item.sourceline}: skipped {kind} without a headline")
            continue
        try:
            batch.stories.append(story_from(item))
        except FieldError as error:
            raise ParseError(source, item.sourceline, str(error)) from error
    return batch


def message_items(root, source):
    """The items of a newsMessage (its itemSet), or the root item itself."""
    if root.tag == f"{{{NAR}}}newsMessage":
        return [child for child in root.iterfind("g:itemSet/*", NS) if isinstance(child.tag, str)]
    if not root.tag.startswith(f"{{{NAR}}}"):
        raise ParseError(source, root.sourceline, f"not a NewsML-G2 document (root element {local_name(root)})")
    return [root]


def story_from(item):
    meta, content = item.find("g:itemMeta", NS), item.find("g:contentMeta", NS)
    guid = item.get("guid") or ""
    if not guid.strip() or len(guid) > 500:
        raise FieldError("guid", "is missing or longer than 500 characters")
    headline = first_text(content, "g:headline") or title_of(item)
    return WireStory(
        guid=guid.strip(),
        headline=headline,
        version=version_of(item.get("version")),
        pubstatus=WITHDRAWN if qcode(item, "g:itemMeta/g:pubStatus") in WITHDRAWN_STATUSES else USABLE,
        language=language_of(item, content),
        urgency=urgency_of(first_text(content, "g:urgency")),
        byline=first_text(content, "g:by") or first_text(item, ".//{*}body.head/{*}byline") or creators(content),
        dateline=first_text(content, "g:dateline") or first_text(content, "g:located/g:name"),
        standfirst=first_text(content, "g:description[@role='drol:teaser']")
        or first_text(content, "g:description[@role='drol:summary']"),
        body_html=body_html(item),
        pictures=tuple(pictures(item, meta, content)),
        link=first_attribute(meta, "g:link[@rel='irel:canonicalUrl']", "href"),
        sent_at=time_of(first_text(meta, "g:versionCreated"), "versionCreated"),
        embargoed_until=time_of(first_text(meta, "g:embargoed"), "embargoed"),
        signals=tuple(element.get("qcode", "") for element in meta.iterfind("g:signal", NS))
        if meta is not None
        else (),
        line=item.sourceline or 1,
    )


def local_name(element):
    return etree.QName(element).localname


def qcode(element, path):
    found = element.find(path, NS)
    return found.get("qcode", "") if found is not None else ""


def first_text(element, path):
    found = element.find(path, NS) if element is not None else None
    return text_of("".join(found.itertext()), local_name(found)) if found is not None else ""


def first_attribute(element, path, name):
    found = element.find(path, NS) if element is not None else None
    return (found.get(name) or "").strip() if found is not None else ""


def title_of(item):
    """The XHTML body's title, for items whose contentMeta lacks a headline."""
    return first_text(item, ".//h:title")


def creators(content):
    """Creators' names that look like names: dpa lists desk logins ("tholl.gregor") as creators."""
    found = content.iterfind("g:creator", NS) if content is not None else []
    names = [first_text(creator, "g:name") for creator in found]
    return ", ".join(name for name in names if " " in name)


def language_of(item, content):
    tag = content.find("g:language", NS) if content is not None else None
    return (
        (tag.get("tag") if tag is not None else None) or item.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    )[:20]


def body_html(item):
    """The body as plain HTML: NITF body.content, an XHTML body's main section, or inline text as paragraphs."""
    nitf = item.find(".//g:inlineXML//{*}body.content", NS)
    xhtml = item.find(".//g:inlineXML//h:body", NS)
    if nitf is not None:
        return children_html(nitf)
    if xhtml is not None:
        main = xhtml.find(".//h:section[@class]", NS)
        return children_html(main if main is not None else xhtml)
    data = item.find(".//g:inlineData", NS)
    if data is not None and data.text:
        return "".join(f"<p>{escape_text(line)}</p>" for line in data.text.splitlines() if line.strip())
    return ""


def children_html(element):
    """Serialise the element's children without namespaces; the queue's sanitiser keeps what is allowed."""
    copy = deepcopy(element)
    for node in copy.iter():
        if isinstance(node.tag, str):
            node.tag = etree.QName(node).localname
    etree.cleanup_namespaces(copy)
    return "".join(etree.tostring(child, encoding="unicode", with_tail=True) for child in copy)


def escape_text(text):
    return text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def pictures(item, meta, content):
    """A picture item's largest rendition with its caption and credit; a text item's linked pictures."""
    credit = first_text(content, "g:creditline")
    if qcode(item, "g:itemMeta/g:itemClass") == "ninat:picture":
        href = largest_rendition(item)
        caption = first_text(content, "g:description[@role='drol:caption']") or first_text(content, "g:description")
        return [Picture(href, caption, credit)] if href else []
    linked = meta.iterfind("g:link", NS) if meta is not None else []
    return [
        Picture(link.get("href", "").strip(), first_text(link, "g:title"), credit)
        for link in linked
        if qcode(link, "g:itemClass") == "ninat:picture" and link.get("href", "").strip()
    ]


def largest_rendition(item):
    renditions = item.findall(".//g:contentSet/g:remoteContent", NS)

    def width(element):
        value = element.get("width", "")
        return int(value) if value.isdigit() else 0

    best = max(renditions, key=width, default=None)
    return (best.get("href") or "").strip() if best is not None else ""
