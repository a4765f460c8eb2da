"""Photos from picture files on disk: the one check and the one way in for every importer."""

from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.utils.file import hash_filelike

from .models import Photo


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
    """Save a Photo with `fields` from the picture file at `path`.

    With `reuse` (filters, e.g. {"credit": ...}), an existing photo with the same bytes that matches them
    is returned instead of a copy.
    """
    path = Path(path)
    with path.open("rb") as handle:
        digest = hash_filelike(handle)
        existing = Photo.objects.filter(file_hash=digest, **reuse).first() if reuse is not None else None
        if existing is not None:
            return existing
        handle.seek(0)
        photo = Photo(file_hash=digest, file_size=path.stat().st_size, **fields)
        photo.file = ImageFile(handle, name=path.name)
        photo.save()
    return photo
