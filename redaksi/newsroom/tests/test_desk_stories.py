"""The desk's story list ("Berita rubrik <desk>"): every state, newest first, in WIB, constant queries, keyset pages."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.newsroom import desk_stories, roles
from redaksi.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
QUERIES = 17  # the admin's own (session, user, permissions, menu, schedule alarm) and the list's 3 or 4
EDITED = datetime.datetime(2026, 11, 30, 3, 15, tzinfo=datetime.UTC)  # 10:15 WIB
GO_LIVE = datetime.datetime(2030, 12, 1, 3, 0, tzinfo=datetime.UTC)  # 10:00 WIB


def published(section, title, days_ago, **kwargs):
    when = EDITED - datetime.timedelta(days=days_ago)
    return ArticlePageFactory(section=section, title=title, first_published_at=when, **kwargs)


def draft(section, title, **kwargs):
    return ArticlePageFactory(section=section, title=title, draft=True, **kwargs)


def rows(html):
    """(headline, status, byline, last edited) of each row of the list."""
    cells = re.findall(r"<tr>\s*(.*?)\s*</tr>", html.split("<tbody>")[1], flags=re.S)
    return [
        tuple(" ".join(re.sub(r"<[^>]+>", " ", td).split()) for td in re.findall(r"<td.*?</td>", row, flags=re.S))
        for row in cells
    ]


@pytest.fixture
def desk_client(client, staff):
    user = staff(roles.REDAKTUR, "budi")
    client.force_login(user)
    client.user = user
    return client


def url(section, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("newsroom_desk_stories", args=(section.pk,)) + (f"?{query}" if query else "")


def test_stories_newest_first_with_status_byline_and_wib_times(desk_client, staff, news):
    rina = PersonFactory(name="Rina Kusuma")
    with time_machine.travel(EDITED, tick=False):
        older = published(news, "Harga beras turun", days_ago=2, authors=[rina])
        newer = published(news, "Harga cabai naik", days_ago=1, authors=[rina, PersonFactory(name="Budi Santoso")])
        plain = draft(news, "Draf banjir Bekasi", authors=[], owner=desk_client.user)
        reviewed = draft(news, "Rapat anggaran DPR", authors=[rina])
        scheduled = draft(news, "Jadwal mudik Natal", authors=[rina])
        for story in (older, newer, plain, reviewed, scheduled):
            story.save_revision(user=desk_client.user)
        reviewed.get_workflow().start(reviewed, desk_client.user)
        scheduled.go_live_at = GO_LIVE
        scheduled.save_revision(user=desk_client.user).publish(user=desk_client.user)
    response = desk_client.get(url(news))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Berita rubrik News" in html
    assert rows(html) == [
        ("Jadwal mudik Natal", "terjadwal 2030-12-01 10:00 WIB", "Rina Kusuma", "2026-11-30 10:15 WIB"),
        ("Rapat anggaran DPR", "menunggu review", "Rina Kusuma", "2026-11-30 10:15 WIB"),
        ("Draf banjir Bekasi", "draf", "Budi Redaksi", "2026-11-30 10:15 WIB"),  # no byline yet: its creator
        ("Harga cabai naik", "tayang", "Rina Kusuma, Budi Santoso", "2026-11-30 10:15 WIB"),
        ("Harga beras turun", "tayang", "Rina Kusuma", "2026-11-30 10:15 WIB"),
    ]
    assert f'href="{reverse("wagtailadmin_pages:edit", args=(newer.pk,))}"' in html


def test_other_desks_stories_are_not_listed(desk_client, news, ekbis):
    published(news, "Harga cabai naik", days_ago=1)
    published(ekbis, "IHSG menguat", days_ago=1)
    assert [row[0] for row in rows(desk_client.get(url(news)).content.decode())] == ["Harga cabai naik"]


def test_keyset_pages_run_from_drafts_into_published_stories(desk_client, news, monkeypatch):
    monkeypatch.setattr(desk_stories, "PER_PAGE", 2)
    for days_ago in (3, 2, 1):
        published(news, f"Tayang {days_ago} hari lalu", days_ago=days_ago)
    first_draft, second_draft = draft(news, "Draf satu"), draft(news, "Draf dua")
    titles, page_url, pages = [], url(news), 0
    while page_url:
        html = desk_client.get(page_url).content.decode()
        titles += [row[0] for row in rows(html)]
        found = re.search(r'href="([^"]*\?sebelum=\d+)"', html)
        page_url, pages = found and found.group(1), pages + 1
    assert pages == 3
    assert titles == ["Draf dua", "Draf satu", "Tayang 1 hari lalu", "Tayang 2 hari lalu", "Tayang 3 hari lalu"]
    assert first_draft.pk < second_draft.pk


@pytest.mark.parametrize("cursor", ["abc", "-1", "9" * 30, "999999"])
def test_a_junk_or_foreign_cursor_is_not_found(desk_client, news, ekbis, cursor):
    assert desk_client.get(url(news, sebelum=cursor)).status_code == 404


def test_a_cursor_from_another_desk_is_not_found(desk_client, news, ekbis):
    other = published(ekbis, "IHSG menguat", days_ago=1)
    assert desk_client.get(url(news, sebelum=other.pk)).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_queries_do_not_grow_with_the_stories(desk_client, news, count, django_assert_num_queries):
    with time_machine.travel(EDITED, tick=False):
        for n in range(count):
            story = published(news, f"Berita {n}", days_ago=n) if n % 3 else draft(news, f"Draf {n}")
            story.save_revision(user=desk_client.user)
            if n % 3 == 1:
                story.get_workflow().start(story, desk_client.user)
    desk_client.get(url(news))  # warm what a second request reuses (content types)
    with django_assert_num_queries(QUERIES):
        html = desk_client.get(url(news)).content.decode()
    assert len(rows(html)) == count


def test_the_menu_and_index_lead_to_the_users_first_desk(client, staff, news, ekbis):
    client.force_login(staff(roles.WARTAWAN, desks=("news", "ekbis")))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("newsroom_desks") in dashboard  # the sidebar's "Berita rubrik"
    response = client.get(reverse("newsroom_desks"))
    assert response.status_code == 302 and response["Location"] == url(ekbis)  # by title: EkBis, News
    listing = client.get(url(ekbis)).content.decode()
    assert f'href="{url(news)}"' in listing  # the other desk, one click away


def test_no_desk_no_menu_item_nor_list(client, staff, news):
    client.force_login(staff(roles.FOTOGRAFER))
    assert reverse("newsroom_desks") not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("newsroom_desks"))["Location"] == reverse("wagtailadmin_home")
    assert client.get(url(news))["Location"] == reverse("wagtailadmin_home")
