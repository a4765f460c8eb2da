"""Attachments become photos, read from the uploads folder given on the command line, never fetched.

Caption from the attachment's excerpt, alt text from `_wp_attachment_image_alt`, credit from the image
meta WordPress keeps in `_wp_attachment_metadata`. A missing file, or one that is not a picture, is a
warning: the photo is left out and this run records nothing for it, so a later run with the file imports it.
"""

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.utils.html import strip_tags

from redaksi.media.files import NotAPicture, photo_from_file, picture_format
from redaksi.media.models import Photo

UPLOADS = "/wp-content/uploads/"
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
PHP_STRING = r's:\d+:"{key}";s:(\d+):"'


def import_attachment(plan, step, ledger, warn):
    """Create or update the photo for an attachment; None (with a warning) when its file is unusable."""
    post = step.record
    path = upload_path(post, plan.options.uploads)
    photo = ledger.get("attachment", step.external_id, Photo)
    if photo is None:
        problem = _unusable(path, plan.options.uploads)
        if problem:
            warn("attachment", f"attachment {post.id} ({post.attachment_url or post.title}): {problem}")
            return None
        photo = photo_from_file(path, title=path.name)
    photo.title = (plain(post.title) or Path(path).name)[:255]
    photo.caption = plain(post.excerpt)
    photo.description = plain(post.meta_value("_wp_attachment_image_alt"))[:255]
    photo.credit = image_credit(post.meta_value("_wp_attachment_metadata"))[:255]
    photo.save()
    ledger.remember(step, photo, post.attachment_url)
    return photo


def upload_path(post, uploads):
    """Return where the attachment's file is under `uploads`: its `_wp_attached_file`, else its URL's path."""
    if uploads is None:
        return None
    relative = post.meta_value("_wp_attached_file") or _relative_url_path(post.attachment_url or post.guid)
    candidate = (Path(uploads) / unquote(relative).lstrip("/")).resolve()
    root = Path(uploads).resolve()
    return candidate if candidate.is_relative_to(root) and candidate != root else None


def _relative_url_path(url):
    path = urlsplit(url).path
    return path.split(UPLOADS, 1)[1] if UPLOADS in path else path


def _unusable(path, uploads):
    if path is None:
        return "outside the uploads folder" if uploads else "no --uploads folder given"
    if not path.is_file():
        return f"file missing: {path}"
    try:
        kind = picture_format(path)
    except NotAPicture:
        return f"not a picture: {path.name}"
    if kind not in settings.WAGTAILIMAGES_EXTENSIONS and kind != "mpo":
        return f"{kind} pictures are not accepted: {path.name}"
    return ""


def image_credit(metadata):
    """Read image_meta's credit out of PHP-serialised `_wp_attachment_metadata` (lengths are in bytes)."""
    raw = metadata.encode()
    match = re.search(PHP_STRING.format(key="credit").encode(), raw)
    if not match:
        return ""
    start = match.end()
    return raw[start : start + int(match[1])].decode(errors="replace").strip()


def plain(text):
    """Return HTML-ish WordPress text as one line of plain text."""
    return " ".join(html.unescape(strip_tags(text or "")).split())


def url_key(url):
    """Key an old upload URL by its path, ignoring host, scheme and WordPress's -WIDTHxHEIGHT size suffix."""
    path = unquote(urlsplit(url.strip()).path)
    return SIZE_SUFFIX.sub("", _relative_url_path(path) if UPLOADS in path else path).lstrip("/")
