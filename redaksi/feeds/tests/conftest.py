"""A small archive for feeds and sitemaps: public stories over three months, and stories that must never show."""

import datetime

import pytest
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.media.tests.factories import PhotoFactory
from redaksi.people.tests.factories import PersonFactory
from redaksi.sections.tests.factories import TagFactory

UTC = datetime.UTC


@pytest.fixture
def wire_story(outlet, news):
    """A Reuters story with hero photo, two authors and tags, published 21 January 2022 10:15 WIB."""
    return ArticlePageFactory(
        section=news,
        title="Alot, Rusia Bilang Dialog dengan Amerika Berlanjut",
        standfirst="Pembicaraan di Jenewa berakhir tanpa terobosan.",
        hero_image=PhotoFactory(credit="Reuters/Anna Kudriavtseva", caption="Lavrov di Jenewa"),
        authors=[PersonFactory(name="Ayu Lestari"), PersonFactory(name="Budi Santoso")],
        tags=[TagFactory(name="Rusia")],
        wire=True,
        first_published_at=datetime.datetime(2022, 1, 21, 3, 15, tzinfo=UTC),
    )


@pytest.fixture
def hidden_stories(outlet, news):
    """A draft, a story scheduled for tomorrow, and a story published then unpublished: never public."""
    draft = ArticlePageFactory(section=news, draft=True, title="Draf rahasia")
    scheduled = ArticlePageFactory(
        section=news, draft=True, title="Terjadwal besok", go_live_at=timezone.now() + datetime.timedelta(days=1)
    )
    unpublished = ArticlePageFactory(section=news, title="Ditarik redaksi")
    unpublished.unpublish()
    return [draft, scheduled, unpublished]
