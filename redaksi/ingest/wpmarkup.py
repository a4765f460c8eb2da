"""WordPress post markup to plain HTML: shortcodes, wpautop's line rules, Gutenberg block comments.

Used by body.html_to_body; embeds come out as <iframe src> for it to turn into links. `conversion`
is anything with a `warn(message)` method.
"""

import html
import json
import re

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
    if name in {"embed", "video", "audio"} and url:
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
        url = attrs.get("url", "") if isinstance(attrs.get("url"), str) else ""
        return f'<iframe src="{html.escape(url)}"></iframe>' if url else ""
    if short in QUIET_BLOCKS:
        return ""
    if inner is None:
        conversion.warn(f"block wp:{name} dropped (WordPress renders it when the page is viewed)")
        return ""
    if DELIMITER.search(inner):
        return gutenberg_to_html(inner, conversion, autop=False)
    return inner
