"""Old parameter names are sent to the new ones with a 301; anything else is left to the page."""

from django.test import RequestFactory

from redaksi.core.reader_params import renamed_params_redirect

RENAMED = {"date": "tanggal", "page": "halaman"}


def test_an_address_without_old_names_is_left_alone():
    assert renamed_params_redirect(RequestFactory().get("/indeks/?tanggal=2022-01-21&utm_source=x"), RENAMED) is None


def test_old_names_are_renamed_keeping_values_and_other_parameters():
    request = RequestFactory().get("/indeks/?date=2022-01-21&page=2&page=3&sebelum=9")
    response = renamed_params_redirect(request, RENAMED)
    assert response.status_code == 301
    assert response["Location"] == "/indeks/?sebelum=9&tanggal=2022-01-21&halaman=2&halaman=3"


def test_a_post_is_never_redirected():
    assert renamed_params_redirect(RequestFactory().post("/indeks/?page=2"), RENAMED) is None
