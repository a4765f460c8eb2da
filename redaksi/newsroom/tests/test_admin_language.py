"""The admin speaks Indonesian to every user by default; a user may switch to English; the reader site is untouched."""

import re
from pathlib import Path

import pytest
import wagtail
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.newsroom import roles

pytestmark = pytest.mark.django_db
NEWSROOM_CATALOG = Path(roles.__file__).parent / "locale" / "id" / "LC_MESSAGES" / "django.po"


@pytest.fixture
def reporter_client(client, staff):
    user = staff(roles.WARTAWAN, "rina")
    client.force_login(user)
    client.user = user
    return client


def account_form(user, language):
    """The account settings form as Wagtail's own tests post it, choosing a preferred language."""
    return {
        "name_email-first_name": user.first_name,
        "name_email-last_name": user.last_name,
        "name_email-email": user.email,
        "locale-preferred_language": language,
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "keyboard-shortcuts": "true",
    }


def test_admin_is_indonesian_for_a_user_without_a_preference(reporter_client, news):
    html = reporter_client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="id"' in html
    assert "Halaman" in html and "Keluar" in html and "Log out" not in html
    story_editor = reporter_client.get(reverse("wagtailadmin_pages:add", args=("articles", "articlepage", news.pk)))
    editor_html = reporter_client.get(story_editor["Location"]).content.decode()
    assert "Simpan konsep" in editor_html and "Pengajuan ke Tinjauan · News" in editor_html


def test_role_names_are_indonesian_in_the_admin(admin_client):
    html = admin_client.get(reverse("wagtailusers_groups:index")).content.decode()
    for role in roles.ROLES:
        assert role in html


def test_a_user_switches_the_admin_to_english_in_account_settings(reporter_client):
    response = reporter_client.post(reverse("wagtailadmin_account"), account_form(reporter_client.user, "en"))
    assert response.status_code == 302
    assert UserProfile.get_for_user(reporter_client.user).preferred_language == "en"
    html = reporter_client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="en"' in html and "Log out" in html and "Keluar" not in html


def test_english_admin_leaves_the_reader_site_indonesian(reporter_client, site):
    reporter_client.post(reverse("wagtailadmin_account"), account_form(reporter_client.user, "en"))
    assert '<html lang="id"' in reporter_client.get("/").content.decode()


NEWSROOM_OWN = "# The newsroom's own screens"  # the catalog's second part: msgids of redaksi/newsroom/


def catalog_entries(text):
    """(msgid, msgstr) pairs of a simple .po text: one-line entries, no context, no plurals."""
    return re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', text, flags=re.M)


def test_newsroom_catalog_fills_gaps_in_wagtails_indonesian_and_is_compiled():
    wagtail_msgids = {
        msgid
        for po in Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po")
        for msgid, _msgstr in catalog_entries(po.read_text())
    }
    wagtail_gaps, _own = NEWSROOM_CATALOG.read_text().split(NEWSROOM_OWN)
    entries = catalog_entries(wagtail_gaps)
    assert entries and all(msgid in wagtail_msgids for msgid, _msgstr in entries)
    with translation.override("id"):
        assert [translation.gettext(msgid) for msgid, _msgstr in entries] == [msgstr for _msgid, msgstr in entries]


def test_newsroom_catalogs_own_strings_are_compiled():
    own = NEWSROOM_CATALOG.read_text().split(NEWSROOM_OWN)[1]
    plain = re.findall(r'(?<!"\n)^msgid "(.+)"\nmsgstr "(.*)"$', own, flags=re.M)  # not after a msgctxt line
    in_context = re.findall(r'^msgctxt "(.+)"\nmsgid "(.+)"\nmsgstr "(.*)"$', own, flags=re.M)
    assert plain and in_context
    with translation.override("id"):
        assert [translation.gettext(msgid) for msgid, _msgstr in plain] == [msgstr for _msgid, msgstr in plain]
        assert [translation.pgettext(context, msgid) for context, msgid, _msgstr in in_context] == [
            msgstr for _context, _msgid, msgstr in in_context
        ]


def test_review_screens_are_indonesian(staff, news, client):
    reporter, editor = staff(roles.WARTAWAN, "rina"), staff(roles.REDAKTUR, "budi")
    story = ArticlePageFactory(section=news, draft=True, owner=reporter)
    story.save_revision(user=reporter)
    story.get_workflow().start(story, reporter)
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Menunggu tinjauan anda" in dashboard and "Minta perubahan" in dashboard
    client.force_login(reporter)
    assert "Halaman dan snippet Anda dalam alur kerja" in client.get(reverse("wagtailadmin_home")).content.decode()
