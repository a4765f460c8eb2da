"""Photos from picture files on disk: the one check and the one way in for every importer."""

from pathlib import Path

from PIL import Image as PILImage
from wagtail.utils.file import hash_filelike

from .models import Photo
from .reencode import reencode


class NotAPicture(ValueError):
    """A file Pillow cannot open and verify as a picture."""


def picture_format(path):
    """The picture format of the file at `path` in lower case ("jpeg", "png", ...); NotAPicture if unreadable."""
    try:
        with PILImage.open(path) as picture:
            picture.verify()
            return (picture.format or "").lower()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as exc:
        raise NotAPicture(str(exc)) from exc


def photo_from_file(path, reuse=None, **fields):
    """Save a Photo with `fields` from the picture file at `path`, re-encoded (media/reencode.py).

    With `reuse` (filters, e.g. {"credit": ...}), an existing photo with the same picture that matches them
    is returned instead of a copy.
    """
    path = Path(path)
    with path.open("rb") as handle:
        clean = reencode(handle, path.name)
    digest = hash_filelike(clean)
    existing = Photo.objects.filter(file_hash=digest, **reuse).first() if reuse is not None else None
    if existing is not None:
        return existing
    photo = Photo(**fields)
    photo.use_clean_picture(clean)
    photo.save()
    return photo
