"""One click turns a wire item into a draft story, prefilled, once; only in the sections of the user's desks."""

import json
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from redaksi.articles.models import ArticlePage
from redaksi.media.models import Photo
from redaksi.newsroom import roles
from redaksi.newsroom.services import assign_role
from redaksi.newsroom.tests.factories import UserFactory
from redaksi.people.tests.factories import PersonFactory
from redaksi.sections.tests.factories import SectionPageFactory

from ..models import WireItem
from ..wire import dateline_city, make_draft, poll
from .wiredata import drop, folder_source, ninjs_item, picture_file

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 6, 3, 4, 0, tzinfo=UTC)
PICTURES = [
    {
        "type": "picture",
        "by": "ANTARA FOTO/Sigid Kurniawan",
        "headlines": [{"value": "Pedagang beras di Pasar Induk Cipinang"}],
        "renditions": [{"href": "foto.jpg", "width": 64}],
    },
    {"type": "picture", "by": "Reuters", "renditions": [{"href": "https://img.example/2.jpg", "width": 900}]},
    {"type": "picture", "by": "X", "renditions": [{"href": "../../etc/passwd", "width": 1}]},
]


@pytest.fixture
def ekbis(home):
    return SectionPageFactory(title="EkBis", slug="ekbis")


@pytest.fixture
def item(tmp_path, news):
    source = folder_source(tmp_path / "antara")
    picture_file(source.folder)
    extra = {
        "associations": PICTURES,
        "descriptions": [{"role": "summary", "value": "Harga beras medium naik dua persen."}],
        "links": [{"rel": "canonical", "href": "https://www.antaranews.com/berita/1"}],
        "embargoed": "2025-06-03T10:00:00+07:00",
    }
    drop(source.folder, "1.json", ninjs_item(**extra))
    poll(source, NOW)
    return WireItem.objects.get()


def staff(role, desks=("news",)):
    user = UserFactory(username=role.lower().replace(" ", "."))
    assign_role(user.username, role, desks if role in roles.DESK_ROLES else ())
    return user


def test_draft_is_prefilled_from_the_item(item, news):
    author = PersonFactory(name="Budi Santoso")
    story, notes = make_draft(item, news, staff(roles.WARTAWAN))
    story = ArticlePage.objects.get(pk=story.pk)
    assert not story.live and story.section == news
    assert (story.title, story.standfirst, story.dateline_city) == (item.headline, item.standfirst, "Jakarta")
    assert (story.wire_source, story.source_url) == ("Antara", "https://www.antaranews.com/berita/1")
    assert story.embargoed_until == datetime(2025, 6, 3, 3, tzinfo=UTC)
    assert [a.person for a in story.authors.all()] == [author]
    assert [block.block_type for block in story.body] == ["paragraph", "paragraph"]
    assert story.hero_image.credit == "ANTARA FOTO/Sigid Kurniawan"
    assert story.hero_image.caption == "Pedagang beras di Pasar Induk Cipinang"
    assert notes == ["Foto tidak diunduh: https://img.example/2.jpg", "Foto tidak diunduh: ../../etc/passwd"]
    item.refresh_from_db()
    assert item.story_id == story.pk
    assert PageLogEntry.objects.filter(page=story, action="wagtail.create").exists()


def test_a_second_click_opens_the_same_draft(item, news, ekbis):
    user = staff(roles.REDAKTUR_PELAKSANA)
    first, _notes = make_draft(item, news, user)
    second, notes = make_draft(item, ekbis, user)
    assert (second.pk, notes) == (first.pk, [])
    assert ArticlePage.objects.count() == 1 and Photo.objects.count() == 1


def test_an_unknown_byline_becomes_a_note(item, news):
    _story, notes = make_draft(item, news, staff(roles.REDAKTUR))
    assert any("Byline kawat: Oleh Budi Santoso" in note for note in notes)


@pytest.mark.parametrize(
    ("dateline", "city"),
    [
        ("Waghäusel (dpa) -", "Waghäusel"),
        ("MADRID, 21 Nov. 2024 (Europa Press) -", "Madrid"),
        ("Grossetto, Italy", "Grossetto"),
        ("Tel Aviv/Beirut (dpa) - ", "Tel Aviv/Beirut"),
        ("", ""),
    ],
)
def test_dateline_city(dateline, city):
    assert dateline_city(dateline) == city


def post_draft(client, item, section):
    return client.post(reverse("ingest_wire_draft", args=(item.pk,)), {"section": section.pk})


def test_a_wartawan_drafts_in_their_desk_only(client, item, news, ekbis):
    client.force_login(staff(roles.WARTAWAN))
    refused = post_draft(client, item, ekbis)
    assert refused.status_code == 302 and refused.url == reverse("ingest_wire_item", args=(item.pk,))
    assert not ArticlePage.objects.exists()
    made = post_draft(client, item, news)
    story = ArticlePage.objects.get()
    assert made.url == reverse("wagtailadmin_pages:edit", args=(story.pk,))
    again = post_draft(client, item, news)
    assert again.url == made.url and ArticlePage.objects.count() == 1


def test_drafting_needs_a_post_and_a_desk(client, item, news):
    client.force_login(staff(roles.FOTOGRAFER))
    refused = post_draft(client, item, news)  # Wagtail answers PermissionDenied with its dashboard
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    assert not ArticlePage.objects.exists()
    client.force_login(staff(roles.WARTAWAN))
    assert client.get(reverse("ingest_wire_draft", args=(item.pk,))).status_code == 405


def test_a_withdrawn_item_cannot_be_drafted(client, item, news):
    WireItem.objects.update(pubstatus=WireItem.Status.WITHDRAWN)
    client.force_login(staff(roles.WARTAWAN))
    assert post_draft(client, item, news).status_code == 404
    assert not ArticlePage.objects.exists()


def test_the_published_story_credits_the_agency_and_links_the_source(client, item, news, outlet, time_machine):
    story, _notes = make_draft(item, news, staff(roles.REDAKTUR))
    time_machine.move_to(datetime(2025, 6, 3, 3, 1, tzinfo=UTC), tick=False)
    ArticlePage.objects.get(pk=story.pk).get_latest_revision().publish()
    html = client.get(ArticlePage.objects.get(pk=story.pk).url).content.decode()
    assert '<span class="wire">Antara</span>' in html
    assert 'href="https://www.antaranews.com/berita/1"' in html
    assert "Antara, Jakarta -" in html or "Warta Ekonomi, Jakarta -" in html  # the dateline
    assert "ANTARA FOTO/Sigid Kurniawan" in html  # the photo credit under the picture


def test_the_preview_shows_the_attribution_before_publishing(client, item, news, outlet):
    story, _notes = make_draft(item, news, staff(roles.REDAKTUR))
    client.force_login(UserFactory(username="boss", is_superuser=True))
    html = client.get(reverse("wagtailadmin_pages:view_draft", args=(story.pk,))).content.decode()
    assert '<span class="wire">Antara</span>' in html and json.dumps("Jakarta")[1:-1] in html
