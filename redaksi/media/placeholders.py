"""Locally generated stand-in pictures for stories whose photo file we don't have."""

import hashlib
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

from .models import Photo

# Muted newsroom colours; the title picks one, so the same story always gets the same picture.
PALETTE = ["#355c7d", "#6c5b7b", "#2a6f97", "#386641", "#9c6644", "#5f0f40", "#1d3557", "#7f5539"]


def placeholder_photo(title, credit, alt_text, caption="", size=(1200, 675)):
    """Return the placeholder Photo for `title`, drawing and saving it the first time."""
    existing = Photo.objects.filter(title=title, credit=credit).first()
    if existing:
        return existing
    digest = hashlib.sha256(title.encode()).digest()
    colour = PALETTE[digest[0] % len(PALETTE)]
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    width, height = size
    for step in range(6):  # a few diagonal bands so renditions are not flat colour
        offset = digest[step + 1] * width // 255
        draw.line([(offset, 0), (offset - height, height)], fill="#ffffff", width=2 + step)
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    name = f"placeholder-{digest.hex()[:12]}.jpg"
    photo = Photo(title=title, credit=credit, description=alt_text, caption=caption)
    photo.file = ImageFile(buffer, name=name)
    photo.save()
    return photo
