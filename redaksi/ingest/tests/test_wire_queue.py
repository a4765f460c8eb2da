"""The wire queue in the admin: who sees it, what it lists and filters, item preview, warnings, sources."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.newsroom import roles
from redaksi.newsroom.services import assign_role
from redaksi.newsroom.tests.factories import UserFactory
from redaksi.sections.tests.factories import SectionPageFactory

from ..models import WireItem, WireSource

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 6, 3, 4, 0, tzinfo=UTC)
QUEUE = reverse("ingest_wire_queue")


@pytest.fixture
def source(db):
    return WireSource.objects.create(name="Reuters", agency="Reuters", format="ninjs", url="https://wire.example/")


def queue_item(source, n, **fields):
    values = {
        "guid": f"urn:item:{n}",
        "agency": source.agency,
        "headline": f"Berita kawat {n}",
        "language": "en",
        "urgency": 5,
        "received_at": NOW + timedelta(minutes=n),
    }
    return WireItem.objects.create(source=source, **{**values, **fields})


def login(client, role, desks=("news",)):
    user = UserFactory(username=role.lower().replace(" ", "."))
    assign_role(user.username, role, desks if role in roles.DESK_ROLES else ())
    client.force_login(user)
    return user


def headlines(response):
    return [item.headline for item in response.context["items"]]


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(QUEUE)
    assert response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login"))


def test_the_queue_lists_usable_items_newest_first_with_embargo_and_wib_time(client, news, source):
    queue_item(source, 1)
    queue_item(source, 2, embargoed_until=NOW + timedelta(hours=3))
    queue_item(source, 3, pubstatus=WireItem.Status.WITHDRAWN)
    login(client, roles.WARTAWAN)
    response = client.get(QUEUE)
    html = response.content.decode()
    assert headlines(response) == ["Berita kawat 2", "Berita kawat 1"]
    assert "Embargo" in html and "14:00 WIB" in html  # 07:00 UTC
    assert "11:02 WIB" in html  # received, in WIB


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"agency": "AP"}, ["AP 3"]),
        ({"urgency": "1"}, ["Flash 2"]),
        ({"language": "id"}, ["Kawat 1"]),
        ({"urgency": "abc", "page": "zzz"}, ["AP 3", "Flash 2", "Kawat 1"]),  # junk is ignored
        ({"language": "de"}, ["AP 3", "Flash 2", "Kawat 1"]),
    ],
)
def test_filters_and_junk_parameters(client, news, source, query, expected):
    queue_item(source, 1, headline="Kawat 1", language="id")
    queue_item(source, 2, headline="Flash 2", urgency=1)
    queue_item(
        WireSource.objects.create(name="AP", agency="AP", format="feed", url="https://ap.example/"), 3, headline="AP 3"
    )
    login(client, roles.WARTAWAN)
    response = client.get(QUEUE, query)
    assert response.status_code == 200 and headlines(response) == expected


def test_the_queue_takes_the_same_queries_for_3_and_30_items(client, news, source):
    login(client, roles.WARTAWAN)
    counts = []
    for total in (3, 30):
        WireItem.objects.all().delete()
        for n in range(total):
            queue_item(source, n)
        client.get(QUEUE)  # warm the user's permission caches alike
        with CaptureQueriesContext(connection) as queries:
            assert len(headlines(client.get(QUEUE))) == total
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_item_page_previews_a_sanitised_body_and_offers_only_the_users_desks(client, news, source):
    SectionPageFactory(title="EkBis", slug="ekbis")
    body = '<p>Isi <a href="javascript:alert(1)">tautan</a></p><script>alert(1)</script><img src=x onerror=alert(2)>'
    item = queue_item(source, 1, body_html=body)
    login(client, roles.WARTAWAN)
    response = client.get(reverse("ingest_wire_item", args=(item.pk,)))
    html = response.content.decode()
    assert "<p>Isi <a>tautan</a></p>" in html or "<p>Isi <a rel" in html
    assert "alert(1)" not in html and "onerror" not in html
    assert list(response.context["form"].fields["section"].queryset) == [news]


def test_people_without_a_desk_cannot_open_the_queue(client, news, source):
    login(client, roles.FOTOGRAFER)
    response = client.get(QUEUE)
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))


def test_a_story_from_a_withdrawn_item_is_flagged_in_the_queue_and_its_editor(client, news, source):
    story = ArticlePageFactory(section=news, draft=True, title="Dari kawat")
    queue_item(source, 1, story=story, pubstatus=WireItem.Status.WITHDRAWN, headline="Dicabut")
    login(client, roles.REDAKTUR)
    queue_html = client.get(QUEUE).content.decode()
    assert "Dicabut" in queue_html and reverse("wagtailadmin_pages:edit", args=(story.pk,)) in queue_html
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert any("Dicabut" in str(message) for message in edit.context["messages"])


def test_the_menu_shows_wire_to_desk_staff(client, news):
    login(client, roles.WARTAWAN)
    assert QUEUE in client.get(reverse("wagtailadmin_home")).content.decode()


def test_wire_sources_are_managed_by_desk_chiefs_only(client, news):
    listing = reverse("wire_sources:index")
    login(client, roles.WARTAWAN)
    assert client.get(listing).status_code == 302
    login(client, roles.REDAKTUR_PELAKSANA)
    assert client.get(listing).status_code == 200
    add = reverse("wire_sources:add")
    fields = {"name": "Antara", "agency": "Antara", "format": "ninjs", "language": "id", "poll_interval": 300}
    both = client.post(add, {**fields, "url": "https://a.example/", "folder": "antara"})
    assert both.status_code == 200 and not WireSource.objects.exists()
    assert client.post(add, {**fields, "folder": "antara", "enabled": "on"}).status_code == 302
    assert WireSource.objects.get().folder == "antara"  # read from WIRE_FOLDER_ROOT
