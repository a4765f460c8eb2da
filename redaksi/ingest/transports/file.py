"""Read a wire folder: every regular file with a wire extension directly in it, oldest first.

Every poll reads every file again; the queue ignores the guid+version it already holds, so a file read
twice adds nothing. Agencies (or a cron job) drop files in; pruning old files is the folder owner's job.
"""

import os
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from ..formats.wire_story import MAX_BYTES
from . import Document, TransportError

EXTENSIONS = {".json", ".xml", ".rss", ".atom", ".ninjs"}
MAX_FILES = 1000  # newest files read per poll


def confined(folder):
    """The folder's real path when it lies in WIRE_FOLDER_ROOT (a relative one is read from there), else None.

    Symbolic links are followed before the check, so a link inside the root that points out is refused.
    """
    base = Path(os.path.realpath(settings.WIRE_FOLDER_ROOT))
    try:
        real = Path(os.path.realpath(base / folder))
    except ValueError:  # a NUL byte
        return None
    return real if real.is_relative_to(base) else None


def fetch(folder):
    """Return the folder's wire documents, oldest first; refuse a folder outside the root or missing."""
    root = confined(folder)
    if root is None:
        raise TransportError(_("Folder not allowed"))
    if not root.is_dir():
        raise TransportError(f"{folder}: not a folder")
    files = [path for path in root.iterdir() if wire_file(path)]
    files = sorted(files, key=lambda path: (path.stat().st_mtime, path.name))[-MAX_FILES:]
    return [read(path, root) for path in files]


def wire_file(path):
    return path.suffix.lower() in EXTENSIONS and path.is_file() and not path.is_symlink()


def read(path, root):
    """One file's bytes; an oversized file is named with its problem, unread."""
    if path.stat().st_size > MAX_BYTES:
        return Document(path.name, b"", root, problem=f"larger than {MAX_BYTES // (1024 * 1024)} MB, not read")
    return Document(path.name, path.read_bytes(), root)


def local_file(folder, href):
    """The file a picture href names inside `folder` ("photo.jpg", "./photo.jpg", "file:///./photo.jpg").

    None for web addresses and for anything that would leave the folder ("../", absolute paths, links).
    """
    if not folder or "://" in href and not href.startswith("file://"):
        return None
    name = href.removeprefix("file://").strip()
    root = Path(folder).resolve()
    candidate = (root / name.lstrip("/")).resolve() if name.startswith("/./") else (root / name).resolve()
    inside = candidate.parent == root and not (root / name).is_symlink()
    return candidate if inside and candidate.is_file() else None
