"""Every uploaded picture is drawn again by Pillow: only its pixels are kept.

A file can be a valid picture and something else at once (a GIF whose comment or trailing bytes are HTML
and script). Re-encoding keeps the pixels, the frames of an animation, transparency and the colour
profile, applies the EXIF orientation, and drops everything else: metadata, comments, trailing bytes.
"""

from io import BytesIO
from pathlib import PurePath

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageOps

# Formats kept as they are (Pillow's name: extension); anything else becomes PNG.
KEPT = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp", "AVIF": ".avif"}
KEPT_INFO = ("transparency", "duration", "loop", "disposal", "background", "icc_profile")
QUALITY = 90


class CleanPicture(ContentFile):
    """A picture's bytes as re-encoded here: saving it does not re-encode it again."""


def reencode(source, name):
    """A CleanPicture of the picture in the file object `source`, named after `name` with its format's extension."""
    source.seek(0)
    with PILImage.open(source) as picture:
        picture_format = picture.format if picture.format in KEPT else "PNG"
        frames = getattr(picture, "n_frames", 1)
        info = {key: picture.info[key] for key in KEPT_INFO if key in picture.info}
        out = BytesIO()
        if frames > 1 and picture_format in {"GIF", "WEBP", "PNG"}:
            picture.info = {}
            picture.save(out, picture_format, save_all=True, **info)
        else:
            upright = ImageOps.exif_transpose(picture)
            upright.info = {}
            save_still(upright, picture_format, out, info)
        size = picture.size if frames > 1 else upright.size
    source.seek(0)
    clean = CleanPicture(out.getvalue(), name=str(PurePath(name).with_suffix(KEPT[picture_format])))
    clean.dimensions = size
    return clean


def save_still(picture, picture_format, out, info):
    if picture_format == "JPEG":
        if picture.mode not in {"RGB", "L", "CMYK"}:
            picture = picture.convert("RGB")
        picture.save(out, "JPEG", quality=QUALITY, **info)
    elif picture_format in {"WEBP", "AVIF"}:
        picture.save(out, picture_format, quality=QUALITY, **info)
    else:
        picture.save(out, picture_format, **info)
