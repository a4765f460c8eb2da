"""Foreign HTML (WordPress classic or Gutenberg, wire copy, extracted pages) to a clean story body.

    conversion = html_to_body(html, rewrite_url=None, find_image=None, autop=True)
    ArticlePage(body=conversion.blocks)         # [(block_type, value), ...] for ArticleBodyBlock
    conversion.warnings                         # ["iframe https://... replaced by a link", ...]

- `rewrite_url(url) -> str` maps links (old site to new); the result must be http(s) or mailto, or the
  link is dropped and its text kept.
- `find_image(src) -> Photo | None` maps `<img src>` to an imported photo; no photo: the picture is
  dropped with a warning and its caption kept as a paragraph.
- `autop`: WordPress's line rules for classic content (blank line = new paragraph, newline = line
  break). Pass False for HTML whose newlines are only whitespace (wire copy, extracted pages).
  Gutenberg markup (`<!-- wp:... -->`) never gets them, as in WordPress. Shortcodes, line rules
  and Gutenberg block comments are read in wpmarkup.py.

Paragraphs keep only what PARAGRAPH_FEATURES allows (bold, italic, http(s)/mailto links, line
breaks), sanitised by nh3; headings, quotes and captions are plain text. There is no raw-HTML block:
tables become paragraphs, embeds become links, scripts, forms and unknown shortcodes are dropped,
each with a warning.
"""

import copy
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import lxml.html
import nh3

from redaksi.articles.blocks import PARAGRAPH_FEATURES, ArticleBodyBlock

from .wpmarkup import BLOCK_TAG, DELIMITER, gutenberg_to_html, shortcodes_to_html, wpautop

BODY_BLOCK = ArticleBodyBlock()
# Rich-text feature -> the tags Wagtail stores it as.
FEATURE_TAGS = {"bold": {"b"}, "italic": {"i"}, "link": {"a"}}
RICH_TAGS = set().union(*(FEATURE_TAGS[name] for name in PARAGRAPH_FEATURES)) | {"br"}
LINK_SCHEMES = {"http", "https", "mailto"}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SPACE = re.compile(r"\s+")

INLINE_RENAME = {"b": "b", "strong": "b", "i": "i", "em": "i"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
EMBEDS = {"iframe", "embed", "video", "audio", "object"}
DROPPED = {
    "script", "style", "form", "input", "button", "select", "textarea", "noscript", "template",
    "svg", "math", "canvas", "applet", "frame", "frameset", "link", "meta", "head", "title", "base",
}  # fmt: skip


@dataclass
class BodyConversion:
    """The body blocks, ready for ArticlePage(body=...), and what was dropped or changed on the way."""

    blocks: list = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def warn(self, message):
        if message not in self.warnings:
            self.warnings.append(message)


def html_to_body(
    source: str,
    *,
    rewrite_url: Callable[[str], str] | None = None,
    find_image: Callable[[str], object] | None = None,
    autop: bool = True,
) -> BodyConversion:
    """Convert foreign HTML to body blocks; never raises on junk, never fetches anything."""
    conversion = BodyConversion()
    text = CONTROL.sub("", source or "").replace("\r\n", "\n").replace("\r", "\n")
    text = shortcodes_to_html(text, conversion)
    if DELIMITER.search(text):
        text = gutenberg_to_html(text, conversion, autop)
    elif autop:
        text = wpautop(text)
    if text.strip():
        _walk(_parse(text), _Walker(conversion, rewrite_url, find_image))
    return conversion


def _walk(root, walker):
    """Walk the tree; markup nested deeper than Python's stack allows is kept as plain paragraphs."""
    try:
        walker.walk(root)
    except RecursionError:
        walker.conversion.blocks.clear()
        walker.run, walker.marker = [], ""
        walker.conversion.warn("markup nested too deeply: kept as plain text")
        for line in filter(None, _lines(root).split("\n")):
            walker.block("paragraph", f"<p>{html.escape(line)}</p>")


def _parse(text):
    """Parse as the body of a document, so stray <html>/<body> tags in the input cannot confuse lxml."""
    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, default_doctype=False, huge_tree=True
    )
    return lxml.html.document_fromstring(f"<body>{text}", parser=parser).body


# --- HTML tree to blocks ----------------------------------------------------------------------------


def _is_link(url, schemes=("http", "https")):
    parts = urlsplit(url.strip()) if isinstance(url, str) else None
    return bool(parts and parts.scheme.lower() in schemes and (parts.netloc or parts.scheme.lower() == "mailto"))


def _lines(node):
    """Return an element's text with block children and <br> as line breaks; nothing for no element."""
    if node is None:
        return ""
    node = _copy(node)
    for hidden in [child for child in node.iter(*DROPPED) if child is not node]:
        hidden.drop_tree()  # script, style, form controls: not words of the story
    for child in node.iter("p", "div", "li", "br"):
        child.tail = "\n" + (child.tail or "")
    text = node.text_content()
    return "\n".join(SPACE.sub(" ", line).strip() for line in text.split("\n") if line.strip())


def _flat(node):
    """Return an element's text on one line, with a space where a block or <br> was."""
    return _lines(node).replace("\n", " ")


def _copy(node):
    clone = copy.deepcopy(node)
    clone.tail = None
    return clone


def video_link(url):
    """Return the watch page for a YouTube embed address, else the address itself."""
    parts = urlsplit(url)
    video = parts.path.removeprefix("/embed/").strip("/") if parts.path.startswith("/embed/") else ""
    if parts.hostname in {"www.youtube.com", "youtube.com", "www.youtube-nocookie.com"} and video:
        return f"https://www.youtube.com/watch?v={video}"
    if parts.hostname == "player.vimeo.com" and parts.path.startswith("/video/"):
        return f"https://vimeo.com/{parts.path.removeprefix('/video/')}"
    return url


class _Walker:
    """Walk a parsed tree once, collecting inline content into paragraphs between the blocks."""

    def __init__(self, conversion, rewrite_url, find_image):
        self.conversion, self.rewrite_url, self.find_image = conversion, rewrite_url, find_image
        self.run, self.marker = [], ""

    def walk(self, root):
        self.children(root)
        self.flush()

    def children(self, node):
        self.text(node.text)
        for child in node:
            if isinstance(child.tag, str):
                self.element(child)
            self.text(child.tail)

    def text(self, value):
        if value:
            self.run.append(html.escape(SPACE.sub(" ", value), quote=False))

    def element(self, node):
        tag = node.tag.lower()
        if tag in HEADINGS or tag in ("blockquote", "figure", "table"):
            self.warn_hidden(node)  # these are read as text, which leaves out script and the like
        if tag in INLINE_RENAME:
            self.wrap(node, INLINE_RENAME[tag])
        elif tag == "a":
            self.link(node)
        elif tag == "br":
            self.run.append("<br>")
        elif tag in DROPPED:
            self.conversion.warn(f"{tag} dropped")
        elif tag in HEADINGS:
            self.block("heading", _flat(node))
        elif tag == "blockquote":
            self.quote(node)
        elif tag == "img":
            self.image(node, "")
        elif tag == "figure" and len(pictures := node.xpath(".//img")) == 1:
            self.image(pictures[0], _flat(node.find(".//figcaption")))
        elif tag in EMBEDS or ("-" in tag and node.get("src")):  # custom elements: <dnl-youtubeembed src>
            self.embed(node, tag)
        elif tag == "table":
            self.table(node)
        elif tag in ("ul", "ol"):
            self.items(node, numbered=tag == "ol")
        elif tag != "hr":
            self.container(node, block=bool(BLOCK_TAG.fullmatch(f"<{tag}>")))

    def warn_hidden(self, node):
        for child in node.iter(*DROPPED):
            if child is not node:
                self.conversion.warn(f"{child.tag} dropped")

    def container(self, node, block):
        if block:
            self.flush()
        self.children(node)
        if block:
            self.flush()

    def wrap(self, node, tag):
        self.run.append(f"<{tag}>")
        self.children(node)
        self.run.append(f"</{tag}>")

    def link(self, node):
        href = re.sub(r"[\t\n\r]", "", node.get("href") or "").strip()  # browsers drop these too
        if href and self.rewrite_url:
            href = self.rewrite_url(href)
        if not _is_link(href, LINK_SCHEMES):
            return self.children(node)
        self.run.append(f'<a href="{html.escape(href)}">')
        self.children(node)
        self.run.append("</a>")

    def flush(self):
        """End the paragraph being collected: sanitise it and keep it if it has any text."""
        source, self.run = "".join(self.run), []
        clean = nh3.clean(
            source,
            tags=RICH_TAGS,
            attributes={"a": {"href"}},
            url_schemes=LINK_SCHEMES,
            link_rel=None,
            url_relative="deny",
        )
        clean = re.sub(r"^(?:\s|<br>)+|(?:\s|<br>)+$", "", clean)
        if html.unescape(re.sub(r"<[^>]*>", "", clean)).strip():
            clean, self.marker = html.escape(self.marker) + clean, ""
            self.conversion.blocks.append(
                ("paragraph", BODY_BLOCK.child_blocks["paragraph"].normalize(f"<p>{clean}</p>"))
            )

    def block(self, block_type, value):
        self.flush()
        if value:
            self.conversion.blocks.append((block_type, BODY_BLOCK.child_blocks[block_type].normalize(value)))

    def quote(self, node):
        node = _copy(node)
        attribution = "; ".join(filter(None, (_flat(cite) for cite in node.iter("cite"))))
        for cite in list(node.iter("cite")):
            cite.drop_tree()
        text = _lines(node)
        if text:
            self.block("quote", {"text": text, "attribution": attribution})

    def image(self, picture, caption):
        src = (picture.get("src") or "").strip()
        photo = self.find_image(src) if src and self.find_image else None
        if photo is None:
            self.conversion.warn(f"image {src or '(no src)'} dropped: no imported photo")
            return self.block("paragraph", html.escape(caption) and f"<p>{html.escape(caption)}</p>")
        self.block("image", {"image": photo, "caption": caption})

    def embed(self, node, tag):
        src = (node.get("src") or node.get("data") or "").strip()
        for source in node.iter("source"):
            src = src or (source.get("src") or "").strip()
        if not _is_link(src):
            self.conversion.warn(f"{tag} dropped")
            return self.flush()
        url = html.escape(video_link(src))
        self.conversion.warn(f"{tag} {src} replaced by a link")
        self.block("paragraph", f'<p><a href="{url}">{url}</a></p>')

    def table(self, node):
        rows = [" | ".join(filter(None, (_flat(cell) for cell in row.iter("td", "th")))) for row in node.iter("tr")]
        self.flush()
        for line in filter(None, [_flat(node.find("caption")), *rows]):
            self.block("paragraph", f"<p>{html.escape(line)}</p>")
        self.conversion.warn(f"table flattened into paragraphs ({len(rows)} row{'' if len(rows) == 1 else 's'})")

    def items(self, node, numbered):
        """Lists become one paragraph per item (the paragraph block has no lists), numbered for <ol>."""
        self.flush()
        start = node.get("start", "1").strip()
        number = int(start) - 1 if start.isdigit() and len(start) < 6 else 0
        for item in node:
            if not isinstance(item.tag, str):
                continue
            if item.tag.lower() != "li":
                self.element(item)
                continue
            number += 1
            self.marker = f"{number}. " if numbered else "• "
            self.children(item)
            self.flush()
            self.marker = ""
