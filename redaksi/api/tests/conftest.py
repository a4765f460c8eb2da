"""Public stories with every body block, and things the API must never show: drafts, scheduled, unpublished."""

import datetime

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from redaksi.articles.models import Correction
from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.media.models import VideoIndexPage
from redaksi.media.tests.factories import PhotoFactory, VideoFactory
from redaksi.people.tests.factories import PersonFactory
from redaksi.sections.tests.factories import SectionPageFactory, TagFactory

UTC = datetime.UTC


def get_json(client, url, status=200, **headers):
    """GET `url` and return its JSON, checking the status and that the answer is JSON."""
    response = client.get(url, headers=headers)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/json", response["Content-Type"]
    return response.json()


def ids(page):
    return [item["id"] for item in page["results"]]


@pytest.fixture
def news(home):
    return SectionPageFactory(title="News", slug="news", description="Berita terkini.")


@pytest.fixture
def video_hub(home):
    return home.add_child(instance=VideoIndexPage(title="Video", slug="video"))


@pytest.fixture
def wire_story(news):
    """A Reuters story with hero photo, two authors, an editor, a tag and a correction, 21 Jan 2022 10:15 WIB."""
    story = ArticlePageFactory(
        section=news,
        title="Alot, Rusia Bilang Dialog dengan Amerika Berlanjut",
        short_title="Dialog Rusia-Amerika berlanjut",
        standfirst="Pembicaraan di Jenewa berakhir tanpa terobosan.",
        dateline_city="Jenewa",
        hero_image=PhotoFactory(credit="Reuters/Anna Kudriavtseva", caption="Lavrov di Jenewa"),
        authors=[PersonFactory(name="Ayu Lestari", slug="ayu-lestari"), PersonFactory(name="Budi Santoso")],
        editor=PersonFactory(editor=True, name="Citra Dewi", slug="citra-dewi"),
        tags=[TagFactory(name="Rusia", slug="rusia")],
        wire=True,
        first_published_at=datetime.datetime(2022, 1, 21, 3, 15, tzinfo=UTC),
    )
    noted_at = datetime.datetime(2022, 1, 21, 5, 0, tzinfo=UTC)
    Correction.objects.create(article=story, kind="correction", noted_at=noted_at, text="Nama menteri diperbaiki.")
    return story


@pytest.fixture
def hidden_stories(news):
    """A draft, a story scheduled for tomorrow, and a story published then unpublished: never public."""
    tag, author = TagFactory(name="Rahasia", slug="rahasia"), PersonFactory(name="Dewi Rahasia", slug="dewi-rahasia")
    hidden = dict(section=news, tags=[tag], authors=[author])
    draft = ArticlePageFactory(draft=True, title="Draf rahasia", **hidden)
    scheduled = ArticlePageFactory(
        draft=True, title="Terjadwal besok", go_live_at=timezone.now() + datetime.timedelta(days=1), **hidden
    )
    unpublished = ArticlePageFactory(title="Ditarik redaksi", **hidden)
    unpublished.unpublish()
    return [draft, scheduled, unpublished]


@pytest.fixture
def rich_story(news, wire_story, video_hub):
    """A story whose body has every block type: paragraph, heading, quote, image, video, "Baca Juga"."""
    body = [
        ("paragraph", RichText("<p>Paragraf <b>pertama</b>.</p>")),
        ("heading", "Sikap Moskwa"),
        ("quote", {"text": "Dialog berlanjut.", "attribution": "Sergei Lavrov"}),
        ("image", {"image": PhotoFactory(caption="Asli"), "caption": "Keterangan redaksi"}),
        ("video", VideoFactory(title="Wawancara Lavrov", slug="wawancara-lavrov")),
        ("related_story", {"story": wire_story}),
    ]
    return ArticlePageFactory(section=news, title="Cerita lengkap", body=body)
