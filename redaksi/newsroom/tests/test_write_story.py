"""'Tulis berita' in one click: from the dashboard and from each desk, into the desk's current month folder."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from redaksi.newsroom import roles
from redaksi.sections.models import ArchiveMonthPage
from redaksi.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def add_url(page):
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", page.pk))


def links_labelled(html, label):
    """The targets of the links whose text (tags and icons aside) is `label`."""
    links = re.findall(r'<a\b[^>]*\bhref="([^"]+)"[^>]*>(.*?)</a>', html, flags=re.S)
    return [href for href, text in links if " ".join(re.sub(r"<[^>]+>", " ", text).split()) == label]


def this_month(section):
    return ArchiveMonthPage.objects.child_of(section).get(slug=timezone.localtime().strftime("%Y-%m"))


@pytest.mark.parametrize("role", [roles.WARTAWAN, roles.REDAKTUR])
def test_dashboard_button_per_desk_opens_the_editor_in_that_desks_month_folder(client, staff, news, ekbis, role):
    client.force_login(staff(role, desks=("news", "ekbis")))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert links_labelled(dashboard, "Tulis berita di News") == [add_url(news)]
    assert links_labelled(dashboard, "Tulis berita di EkBis") == [add_url(ekbis)]
    for section in (news, ekbis):
        response = client.get(add_url(section))  # the one click
        assert response.status_code == 302 and response["Location"] == add_url(this_month(section))
        editor = client.get(response["Location"])
        assert editor.status_code == 200 and 'id="id_title"' in editor.content.decode()


def test_dashboard_offers_only_the_users_own_desks(client, staff, news, ekbis):
    client.force_login(staff(roles.WARTAWAN))  # News only
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert dashboard.count("Tulis berita di ") == 1 and f'href="{add_url(news)}"' in dashboard
    assert f'href="{add_url(ekbis)}"' not in dashboard


def test_all_desk_roles_get_every_desk_and_photographers_none(client, staff, news, ekbis):
    client.force_login(staff(roles.REDAKTUR_PELAKSANA))
    assert client.get(reverse("wagtailadmin_home")).content.decode().count("Tulis berita di ") == 2
    client.force_login(staff(roles.FOTOGRAFER))
    assert "Tulis berita" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_each_desk_in_the_explorer_has_a_labelled_write_button(client, staff, news, ekbis, home):
    client.force_login(staff(roles.WARTAWAN, desks=("news", "ekbis")))
    SectionPageFactory(title="Olahraga")  # not their desk: no button, nor a row
    listing = client.get(reverse("wagtailadmin_explore", args=(home.pk,))).content.decode()
    assert sorted(links_labelled(listing, "Tulis berita")) == sorted([add_url(news), add_url(ekbis)])
    desk = client.get(reverse("wagtailadmin_explore", args=(news.pk,))).content.decode()
    assert links_labelled(desk, "Tulis berita") == [add_url(news)]  # in the desk's actions menu
    assert links_labelled(desk, "Berita rubrik") == [reverse("newsroom_desk_stories", args=(news.pk,))]
    folder = client.get(reverse("wagtailadmin_explore", args=(news.archive_month(timezone.now()).pk,)))
    assert links_labelled(folder.content.decode(), "Tulis berita") == [add_url(news)]


def test_add_on_a_desk_goes_straight_to_the_story_editor(client, staff, news):
    """The explorer's "+" on a desk: the story is the only page type a desk offers, so no choice screen."""
    client.force_login(staff(roles.WARTAWAN))
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=(news.pk,)))
    assert response.status_code == 302 and response["Location"] == add_url(news)
    folder = news.archive_month(timezone.now())
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=(folder.pk,)))
    assert response["Location"] == add_url(folder)


@pytest.mark.parametrize("role", [roles.WARTAWAN, roles.REDAKTUR, roles.ADMIN])
def test_nobody_creates_a_month_folder_by_hand(client, staff, news, role):
    client.force_login(staff(role))
    url = reverse("wagtailadmin_pages:add", args=("sections", "archivemonthpage", news.pk))
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not ArchiveMonthPage.objects.child_of(news).exists()


def test_the_home_page_offers_an_admin_no_month_folder(client, staff, home):
    client.force_login(staff(roles.ADMIN))
    SectionPageFactory(title="Olahraga")
    choices = client.get(reverse("wagtailadmin_pages:add_subpage", args=(home.pk,))).content.decode()
    assert "sections/sectionpage" in choices and "archivemonthpage" not in choices
