import pytest

from redaksi.media.models import Photo
from redaksi.media.placeholders import placeholder_photo

pytestmark = pytest.mark.django_db


def test_placeholder_carries_credit_alt_and_a_real_jpeg():
    photo = placeholder_photo("Judul berita", "Reuters/Anna Kudriavtseva", "Teks alternatif", caption="Keterangan")
    assert (photo.credit, photo.description, photo.caption) == (
        "Reuters/Anna Kudriavtseva",
        "Teks alternatif",
        "Keterangan",
    )
    assert (photo.width, photo.height) == (1200, 675)
    assert photo.file.read(3) == b"\xff\xd8\xff"


def test_placeholder_is_reused_for_the_same_title_and_credit():
    first = placeholder_photo("Judul berita", "Redaksi", "alt")
    assert placeholder_photo("Judul berita", "Redaksi", "alt").pk == first.pk
    assert Photo.objects.count() == 1
