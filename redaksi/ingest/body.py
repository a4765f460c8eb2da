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
  Gutenberg markup (`<!-- wp:... -->`) never gets them, as in WordPress.

Paragraphs keep only what PARAGRAPH_FEATURES allows (bold, italic, http(s)/mailto links, line
breaks), sanitised by nh3; headings, quotes and captions are plain text. There is no raw-HTML block:
tables become paragraphs, embeds become links, scripts, forms and unknown shortcodes are dropped,
each with a warning.
"""

import copy
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import lxml.html
import nh3

from redaksi.articles.blocks import PARAGRAPH_FEATURES, ArticleBodyBlock

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
BLOCK_TAGS = (
    "address|article|aside|blockquote|caption|center|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|"
    "form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul"
)
BLOCK_TAG = re.compile(rf"</?(?:{BLOCK_TAGS})\b[^>]*>", re.IGNORECASE)
BLOCK_TAG_END = re.compile(rf"</?(?:{BLOCK_TAGS})\b[^>]*>$", re.IGNORECASE)
BLOCK_OPEN = re.compile(rf"<(?:{BLOCK_TAGS})[\s/>]", re.IGNORECASE)
BLOCK_CLOSE = re.compile(rf"</(?:{BLOCK_TAGS})>", re.IGNORECASE)

# WordPress shortcodes: [name attrs] ... [/name]. Core names always count; other names only with
# key=value attributes or a closing tag, so "[sic]" or "[Foto: Antara]" in copy stays text.
SHORTCODE = re.compile(r"\[(?P<name>[a-z][a-z0-9_-]*)(?P<attrs>(?:\s[^\[\]<>]*)?)\]")
CORE_SHORTCODES = {"caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist"}
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
CAPTIONED = re.compile(r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)", re.S | re.IGNORECASE)

# Gutenberg block delimiters: <!-- wp:name {"json":"attrs"} /--> or an opening/closing pair.
DELIMITER = re.compile(
    r"<!--\s+(?P<close>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+(?P<attrs>\{.*?\}\s+)?(?P<void>/)?-->",
    re.S,
)
QUIET_BLOCKS = {"more", "nextpage", "separator", "spacer"}


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


# --- WordPress markup -------------------------------------------------------------------------------


def shortcodes_to_html(text, conversion):
    """Turn [caption] into a figure and [embed]/[video]/[audio] into an embed; drop others with a warning."""
    parts, position, unclosed = [], 0, set()
    for match in SHORTCODE.finditer(text):
        if match.start() < position:
            continue  # inside an enclosing shortcode already handled
        closing = -1 if match["name"] in unclosed else text.find(f"[/{match['name']}]", match.end())
        if closing < 0:
            unclosed.add(match["name"])
        inner = text[match.end() : closing] if closing >= 0 else None
        end = closing + len(match["name"]) + 3 if closing >= 0 else match.end()
        replacement = _shortcode(match["name"], _attributes(match["attrs"]), inner, conversion)
        if replacement is not None:
            parts += [text[position : match.start()], replacement]
            position = end
    return "".join([*parts, text[position:]])


def _shortcode(name, attrs, inner, conversion):
    """Return the HTML for one shortcode, or None to leave the brackets as text."""
    if name not in CORE_SHORTCODES and not attrs and inner is None:
        return None
    if name in {"caption", "wp_caption"}:
        return _caption_figure(shortcodes_to_html(inner or "", conversion), attrs.get("caption", ""))
    url = attrs.get("src") or attrs.get("mp4") or attrs.get("url") or (inner or "").strip()
    if name in {"embed", "video", "audio"} and _is_link(url):
        return f'<iframe src="{html.escape(url)}"></iframe>'
    conversion.warn(f"shortcode [{name}] dropped")
    return ""


def _attributes(text):
    return {
        key.lower(): next(value for value in values if value is not None) for key, *values in ATTRIBUTE.findall(text)
    }


def _caption_figure(inner, caption):
    match = CAPTIONED.match(inner)
    picture, text = (match[1], match[2]) if match else ("", inner)
    return f"<figure>{picture}<figcaption>{text.strip() or html.escape(caption)}</figcaption></figure>"


def wpautop(text):
    """Apply WordPress's line rules: blank lines split paragraphs, other newlines become <br>."""
    text = BLOCK_OPEN.sub(lambda match: f"\n\n{match.group()}", text)
    text = BLOCK_CLOSE.sub(lambda match: f"{match.group()}\n\n", text)
    chunks = [_line_breaks(chunk.strip()) for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    return "\n".join(chunk if BLOCK_TAG.match(chunk) else f"<p>{chunk}</p>" for chunk in chunks)


def _line_breaks(chunk):
    """Turn newlines into <br>, except next to a block tag (as WordPress does)."""

    def replace(match):
        before = chunk[max(0, match.start() - 300) : match.start()]
        if BLOCK_TAG_END.search(before) or BLOCK_TAG.match(chunk, match.end()):
            return "\n"
        return "<br>"

    return re.sub(r"[ \t]*\n\s*", replace, chunk)


def gutenberg_to_html(text, conversion, autop):
    """Flatten Gutenberg block markup to HTML, mapping blocks by name; classic parts between blocks get autop."""
    parts, position, stack = [], 0, []
    for match in DELIMITER.finditer(text):
        if not stack and match.start() > position:
            parts.append(_freeform(text[position : match.start()], autop))
        if match["close"]:
            if stack and stack[-1][0] == match["name"]:
                name, attrs, start = stack.pop()
                if not stack:
                    parts.append(_block_html(name, attrs, text[start : match.start()], conversion, autop))
        elif match["void"]:
            if not stack:
                parts.append(_block_html(match["name"], _json(match["attrs"]), None, conversion, autop))
        else:
            stack.append((match["name"], _json(match["attrs"]), match.end()))
        position = match.end() if not stack else position
    if stack:
        name, attrs, start = stack[0]
        conversion.warn(f"block wp:{name} is not closed; its content kept as HTML")
        parts.append(_block_html(name, attrs, text[start:], conversion, autop))
    elif position < len(text):
        parts.append(_freeform(text[position:], autop))
    return "\n".join(parts)


def _freeform(text, autop):
    return wpautop(text) if autop and text.strip() else text


def _json(text):
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _block_html(name, attrs, inner, conversion, autop):
    """Return the HTML for one block: embeds by their URL, quiet blocks as nothing, others by inner HTML."""
    short = name.removeprefix("core/").removeprefix("core-embed/")
    if short == "embed" or name.startswith("core-embed/"):
        url = attrs.get("url", "")
        return f'<iframe src="{html.escape(url)}"></iframe>' if _is_link(url) else ""
    if short in QUIET_BLOCKS:
        return ""
    if inner is None:
        conversion.warn(f"block wp:{name} dropped (WordPress renders it when the page is viewed)")
        return ""
    if DELIMITER.search(inner):
        return gutenberg_to_html(inner, conversion, autop=False)
    return inner


# --- HTML tree to blocks ----------------------------------------------------------------------------


def _is_link(url, schemes=("http", "https")):
    parts = urlsplit(url.strip()) if isinstance(url, str) else None
    return bool(parts and parts.scheme.lower() in schemes and (parts.netloc or parts.scheme.lower() == "mailto"))


def _text(node):
    return SPACE.sub(" ", node.text_content()).strip() if node is not None else ""


def _lines(node):
    """Return an element's text with block children and <br> as line breaks."""
    node = _copy(node)
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
            self.image(pictures[0], _text(node.find(".//figcaption")))
        elif tag in EMBEDS or ("-" in tag and node.get("src")):  # custom elements: <dnl-youtubeembed src>
            self.embed(node, tag)
        elif tag == "table":
            self.table(node)
        elif tag in ("ul", "ol"):
            self.items(node, numbered=tag == "ol")
        elif tag != "hr":
            self.container(node, block=bool(BLOCK_TAG.fullmatch(f"<{tag}>")))

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
        attribution = "; ".join(filter(None, (_text(cite) for cite in node.iter("cite"))))
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
        for line in filter(None, [_text(node.find("caption")), *rows]):
            self.block("paragraph", f"<p>{html.escape(line)}</p>")
        self.conversion.warn(f"table flattened into paragraphs ({len(rows)} rows)")

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
