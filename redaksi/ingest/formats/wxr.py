"""WordPress eXtended RSS (WXR 1.0, 1.1, 1.2): a streaming reader that never resolves entities or fetches.

`records(path)` yields authors, terms and posts (attachments, pages and menu items are posts too) as they
are read, then the site; `parse(path)` collects them into an Export. Nothing here touches the database.
A DOCTYPE is refused outright (WordPress never writes one; entities are how XXE and billion-laughs attacks
arrive), and so is a file without a WXR version of 1.0, 1.1 or 1.2, as WordPress's importer refuses it.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .base import ParseError

VERSIONS = ("1.0", "1.1", "1.2")
NO_VERSION = "This does not appear to be a WXR file, missing/invalid WXR version number"
PREFIXES = (
    (re.compile(r"^https?://wordpress\.org/export/1\.\d+/$"), "wp"),
    (re.compile(r"^https?://wordpress\.org/export/1\.\d+/excerpt/$"), "excerpt"),
    (re.compile(r"^http://purl\.org/rss/1\.0/modules/content/$"), "content"),
    (re.compile(r"^http://purl\.org/dc/elements/1\.1/$"), "dc"),
)
CHANNEL_RECORDS = {"wp:author", "wp:category", "wp:tag", "wp:term", "item"}


@dataclass(frozen=True)
class Author:
    login: str
    id: str = ""
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    line: int = 0


@dataclass(frozen=True)
class Term:
    """A category, tag or other taxonomy term; `parent` is the parent's slug (categories are hierarchical)."""

    taxonomy: str
    slug: str
    name: str
    id: str = ""
    parent: str = ""
    description: str = ""
    meta: tuple[tuple[str, str], ...] = ()
    line: int = 0


@dataclass(frozen=True)
class PostTerm:
    """A term as a post names it: `domain` is the taxonomy ("category", "post_tag", "tag" in WXR 1.0)."""

    domain: str
    slug: str
    name: str


@dataclass(frozen=True)
class Comment:
    id: str
    author: str = ""
    author_email: str = ""
    author_url: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = ""
    type: str = ""
    parent: str = ""
    meta: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Post:
    """One `<item>`: a post, page, attachment or anything else WordPress exports as a post."""

    id: str
    type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date: str = ""
    date_gmt: str = ""
    modified_gmt: str = ""
    slug: str = ""
    status: str = ""
    parent: str = ""
    menu_order: str = ""
    password: str = ""
    sticky: bool = False
    attachment_url: str = ""
    terms: tuple[PostTerm, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()
    comments: tuple[Comment, ...] = ()
    line: int = 0

    def meta_value(self, key, default=""):
        """Return the first value of the post meta `key`."""
        return next((value for name, value in self.meta if name == key), default)


@dataclass(frozen=True)
class Site:
    title: str
    link: str
    base_site_url: str
    base_blog_url: str
    wxr_version: str
    language: str = ""


@dataclass
class Export:
    """Everything one WXR file holds, in file order."""

    site: Site
    authors: list[Author] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)


def parse(path):
    """Read the whole file into an Export; raise ParseError (file and line) on anything that does not fit."""
    authors, terms, posts, site = [], [], [], None
    for record in records(path):
        match record:
            case Author():
                authors.append(record)
            case Term():
                terms.append(record)
            case Post():
                posts.append(record)
            case Site():
                site = record
    return Export(site=site, authors=authors, terms=terms, posts=posts)


def records(path):
    """Yield each author, term and post as it is read, then the Site; errors name the file and line."""
    source = str(path)
    channel, version, line = {}, None, 0
    try:
        for event, element in _events(Path(path)):
            line = element.sourceline or line
            if event == "start":
                _refuse_doctype(source, element)
                continue
            name = _name(element)
            parent = element.getparent()
            if parent is None or _name(parent) != "channel":
                continue
            if name == "wp:wxr_version":
                version = _version(source, element)
            elif name in CHANNEL_RECORDS:
                yield _record(name, element)
                _forget(element)
            else:
                channel[name] = _text(element)
    except etree.XMLSyntaxError as exc:
        raise ParseError(source, exc.lineno or line, f"not well-formed XML: {exc.msg}") from exc
    if version is None:
        raise ParseError(source, line, NO_VERSION)
    yield Site(
        title=channel.get("title", ""),
        link=channel.get("link", ""),
        base_site_url=channel.get("wp:base_site_url", "") or channel.get("link", ""),
        base_blog_url=channel.get("wp:base_blog_url", "") or channel.get("link", ""),
        wxr_version=version,
        language=channel.get("language", ""),
    )


def _events(path):
    """Parse with entity resolution, DTD loading and network access off, and no huge-tree allowance."""
    options = {"resolve_entities": False, "load_dtd": False, "no_network": True, "huge_tree": False}
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ParseError(str(path), 0, f"cannot read: {exc.strerror}") from exc
    with handle:
        yield from etree.iterparse(handle, events=("start", "end"), remove_comments=True, **options)


def _refuse_doctype(source, element):
    if element.getparent() is None and element.getroottree().docinfo.doctype:
        raise ParseError(source, 1, "a DOCTYPE is not allowed in a WXR file (entities and external DTDs are refused)")


def _version(source, element):
    version = _text(element).strip()
    if version not in VERSIONS:
        raise ParseError(source, element.sourceline, f"{NO_VERSION}: {version!r} (accepted: {', '.join(VERSIONS)})")
    return version


def _forget(element):
    """Free a record once read, so a large export streams in little memory."""
    element.clear()
    while element.getprevious() is not None:
        del element.getparent()[0]


def _name(element):
    """Return the tag as "prefix:local" for the WXR namespaces, bare for none, "?:local" for others."""
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    return next((f"{prefix}:{local}" for pattern, prefix in PREFIXES if pattern.match(uri)), f"?:{local}")


def _text(element):
    return "".join(element.itertext())


def _fields(element):
    """Map the child names of a record to their text (the first of each name) and list its repeated parts."""
    values, parts = {}, []
    for child in element:
        name = _name(child)
        if name in ("category", "wp:postmeta", "wp:termmeta", "wp:commentmeta", "wp:comment"):
            parts.append((name, child))
        else:
            values.setdefault(name, _text(child))
    return values, parts


def _meta(parts, kind):
    pairs = []
    for name, child in parts:
        if name == kind:
            values, _ = _fields(child)
            pairs.append((values.get("wp:meta_key", "").strip(), values.get("wp:meta_value", "")))
    return tuple(pairs)


def _record(name, element):
    values, parts = _fields(element)
    line = element.sourceline or 0
    if name == "wp:author":
        return _author(values, line)
    if name == "item":
        return _post(values, parts, line)
    return _term(name, values, _meta(parts, "wp:termmeta"), line)


def _author(values, line):
    return Author(
        login=values.get("wp:author_login", "").strip(),
        id=values.get("wp:author_id", "").strip(),
        email=values.get("wp:author_email", "").strip(),
        display_name=values.get("wp:author_display_name", "").strip(),
        first_name=values.get("wp:author_first_name", "").strip(),
        last_name=values.get("wp:author_last_name", "").strip(),
        line=line,
    )


def _term(name, values, meta, line):
    """Read wp:category, wp:tag and wp:term into one shape."""
    get = values.get
    if name == "wp:category":
        taxonomy, slug, label, parent = (
            "category",
            get("wp:category_nicename"),
            get("wp:cat_name"),
            get("wp:category_parent"),
        )
        description = get("wp:category_description", "")
    elif name == "wp:tag":
        taxonomy, slug, label, parent = "post_tag", get("wp:tag_slug"), get("wp:tag_name"), ""
        description = get("wp:tag_description", "")
    else:
        taxonomy, slug, label, parent = (
            get("wp:term_taxonomy"),
            get("wp:term_slug"),
            get("wp:term_name"),
            get("wp:term_parent"),
        )
        description = get("wp:term_description", "")
    return Term(
        taxonomy=(taxonomy or "").strip(),
        slug=(slug or "").strip(),
        name=(label or "").strip(),
        id=get("wp:term_id", "").strip(),
        parent=(parent or "").strip(),
        description=description or "",
        meta=meta,
        line=line,
    )


def _post(values, parts, line):
    get = values.get
    terms = tuple(
        PostTerm(domain=child.get("domain", ""), slug=child.get("nicename", ""), name=_text(child).strip())
        for name, child in parts
        if name == "category" and child.get("nicename")  # as WordPress: WXR 1.0 repeats each without one
    )
    return Post(
        id=get("wp:post_id", "").strip(),
        type=get("wp:post_type", "").strip(),
        title=get("title", ""),
        link=get("link", "").strip(),
        guid=get("guid", "").strip(),
        creator=(get("dc:creator") or get("wp:author") or "").strip(),
        content=get("content:encoded", ""),
        excerpt=get("excerpt:encoded", ""),
        date=get("wp:post_date", "").strip(),
        date_gmt=get("wp:post_date_gmt", "").strip(),
        modified_gmt=get("wp:post_modified_gmt", "").strip(),
        slug=get("wp:post_name", "").strip(),
        status=get("wp:status", "").strip(),
        parent=get("wp:post_parent", "").strip(),
        menu_order=get("wp:menu_order", "").strip(),
        password=get("wp:post_password", ""),
        sticky=get("wp:is_sticky", "0").strip() == "1",
        attachment_url=get("wp:attachment_url", "").strip(),
        terms=terms,
        meta=_meta(parts, "wp:postmeta"),
        comments=tuple(_comment(child) for name, child in parts if name == "wp:comment"),
        line=line,
    )


def _comment(element):
    values, parts = _fields(element)
    get = values.get
    return Comment(
        id=get("wp:comment_id", "").strip(),
        author=get("wp:comment_author", "").strip(),
        author_email=get("wp:comment_author_email", "").strip(),
        author_url=get("wp:comment_author_url", "").strip(),
        date=get("wp:comment_date", "").strip(),
        date_gmt=get("wp:comment_date_gmt", "").strip(),
        content=get("wp:comment_content", ""),
        approved=get("wp:comment_approved", "").strip(),
        type=get("wp:comment_type", "").strip(),
        parent=get("wp:comment_parent", "").strip(),
        meta=_meta(parts, "wp:commentmeta"),
    )
