"""The English detector of the Indonesian admin browser test, and the project catalogs filling Wagtail's gaps."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from . import english

CATALOGS = Path(settings.LOCALE_PATHS[0]) / "id" / "LC_MESSAGES"


@pytest.mark.parametrize(
    "text",
    [
        "Set publishing schedule",
        "This halaman is currently awaiting moderation. Only reviewers for this task can edit the halaman.",
        "1-1 dari 1 None",
        "Referenced 0 times",
        "Help",
        "Pengajuan ke Review · Nasional",
    ],
)
def test_english_is_caught(text):
    assert english.why_english(text)


@pytest.mark.parametrize(
    "text",
    [
        "Simpan konsep",
        "Status halaman saat ini",
        "Judul halaman*",  # the star of a required field is no word
        "Jakarta, 28 Nov 2026 10.00 WIB",
        "Wagtail",
        "Rina Kusuma",
        "rina@redaksi.example",
        "Reuters/Anna Kudriavtseva",
        "Banjir rendam tiga kecamatan",
    ],
)
def test_indonesian_passes(text):
    assert english.why_english(text) is None


def singular_msgids(domain):
    return english.po_msgids(CATALOGS / f"{domain}.po", plurals=False)


def test_wagtails_javascript_strings_are_indonesian_through_the_project_catalog():
    catalog = english.runtime_catalogs()["djangojs"]
    msgids = singular_msgids("djangojs")
    assert "Collapse all" in msgids
    assert all(msgid in catalog or (msgid, 0) in catalog for msgid in msgids)
    assert catalog["Collapse all"] == "Ciutkan semua"


def test_project_catalog_fills_wagtails_gaps_and_is_compiled():
    with translation.override("id"):
        assert translation.gettext("Reports") == "Laporan"
        assert (
            translation.ngettext("Referenced %(count)s time", "Referenced %(count)s times", 0)
            == "Dirujuk %(count)s kali"
        )
        assert translation.pgettext("counted in search results", "pages") == "halaman"
