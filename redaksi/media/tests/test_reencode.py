"""Uploaded pictures are stored re-encoded: a GIF that is also HTML keeps its pixels and loses its script."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from redaksi.media.files import photo_from_file
from redaksi.media.models import Photo

pytestmark = pytest.mark.django_db
SCRIPT = b"<script>alert(document.cookie)</script>"


def gif_html_polyglot():
    """A valid GIF whose comment extension and trailing bytes are HTML with a script."""
    out = BytesIO()
    PILImage.new("P", (8, 6), 3).save(out, "GIF", comment=b"<html><body>" + SCRIPT)
    data = out.getvalue() + b"<!--" + SCRIPT + b"-->"
    assert SCRIPT in data and PILImage.open(BytesIO(data)).size == (8, 6)
    return data


def jpeg_lying_on_its_side():
    """A 40x20 JPEG with EXIF orientation 6 (rotate 90°) and a camera serial number in its metadata."""
    exif = PILImage.Exif()
    exif[0x0112] = 6
    exif[0xA431] = "SERIAL-123456"
    out = BytesIO()
    PILImage.new("RGB", (40, 20), "red").save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def stored(photo):
    with photo.file.open("rb") as handle:
        return handle.read()


def assert_clean_gif(photo):
    data = stored(photo)
    assert b"<script" not in data and b"<html" not in data
    picture = PILImage.open(BytesIO(data))
    assert (picture.format, picture.size) == ("GIF", (8, 6))
    assert (photo.width, photo.height, photo.file_size) == (8, 6, len(data))


def test_a_polyglot_uploaded_in_the_admin_is_stored_without_its_script(admin_client):
    upload = SimpleUploadedFile("kucing.gif", gif_html_polyglot(), content_type="image/gif")
    fields = {"title": "Kucing", "credit": "Redaksi", "caption": "", "description": "Seekor kucing", "file": upload}
    response = admin_client.post(reverse("wagtailimages:add"), fields)
    assert response.status_code == 302, response.content[:2000]
    assert_clean_gif(Photo.objects.get(title="Kucing"))


def test_a_polyglot_from_an_importer_is_stored_without_its_script(tmp_path):
    path = tmp_path / "kucing.gif"
    path.write_bytes(gif_html_polyglot())
    photo = photo_from_file(path, reuse={}, title="Kucing", credit="Wire")
    assert_clean_gif(photo)
    assert photo_from_file(path, reuse={}, title="Kucing", credit="Wire") == photo  # the same picture: reused


def test_orientation_is_applied_and_metadata_dropped(tmp_path):
    path = tmp_path / "foto.jpg"
    path.write_bytes(jpeg_lying_on_its_side())
    photo = photo_from_file(path, title="Foto", credit="Wire")
    picture = PILImage.open(BytesIO(stored(photo)))
    assert (picture.format, picture.size, (photo.width, photo.height)) == ("JPEG", (20, 40), (20, 40))
    assert not picture.getexif() and b"SERIAL-123456" not in stored(photo)


def test_an_animation_keeps_its_frames(tmp_path):
    frames = [PILImage.new("RGB", (5, 5), colour) for colour in ("red", "green", "blue")]
    path = tmp_path / "animasi.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0, comment=SCRIPT)
    photo = photo_from_file(path, title="Animasi", credit="Wire")
    picture = PILImage.open(BytesIO(stored(photo)))
    assert picture.n_frames == 3 and SCRIPT not in stored(photo)
