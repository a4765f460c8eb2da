"""Fixtures for the article page: a story built like the seed (the outlet and News come from redaksi/conftest.py)."""

import datetime

import pytest
from wagtail.rich_text import RichText

from redaksi.media.tests.factories import PhotoFactory
from redaksi.people.tests.factories import PersonFactory
from redaksi.sections.tests.factories import TagFactory

from .factories import ArticlePageFactory

SEED_PUBLISHED = datetime.datetime(2022, 1, 21, 3, 15, tzinfo=datetime.UTC)  # 10:15 WIB


def seed_body(related_story):
    """A body shaped like the seed: paragraphs, a "Baca Juga" box between them, a quote."""
    return [
        ("paragraph", RichText("<p>Menteri Luar Negeri Rusia Sergei Lavrov mengatakan dialog akan berlanjut.</p>")),
        ("paragraph", RichText("<p>Berbicara pada konferensi pers, Lavrov berharap emosi akan mereda.</p>")),
        ("related_story", {"story": related_story}),
        ("paragraph", RichText("<p>Blinken dijadwalkan mengadakan jumpa pers sendiri, dilansir Reuters.</p>")),
        ("quote", {"text": "Kami berkomitmen untuk menempuh jalan itu.", "attribution": "Antony Blinken"}),
    ]


@pytest.fixture
def seed_story(outlet, news):
    """The seed article: hero photo with credit, Jenewa dateline, Baca Juga, Reuters, editor, tags."""
    related = ArticlePageFactory(
        section=news, title="Kekuatan Rusia di Mana-mana, Sistem Rudal S-400 Gabung dalam Latihan Militer"
    )
    return ArticlePageFactory(
        section=news,
        title="Alot, Rusia Bilang Dialog dengan Amerika Berlanjut Saat Pembicaraan",
        slug="alot-rusia-bilang-dialog-dengan-amerika-berlanjut",
        dateline_city="Jenewa",
        hero_image=PhotoFactory(
            description="Menteri Luar Negeri Rusia Sergei Lavrov di Jenewa",
            caption="Alot, Rusia Bilang Dialog dengan Amerika Berlanjut",
            credit="Reuters/Anna Kudriavtseva",
        ),
        body=seed_body(related),
        wire_source="Reuters",
        source_url="https://www.reuters.com/world/europe/",
        editor=PersonFactory(editor=True, name="Muhammad Syahrianto", slug="muhammad-syahrianto"),
        authors=[PersonFactory(name="Wartawan Jenewa", slug="wartawan-jenewa")],
        tags=[TagFactory(name="Rusia"), TagFactory(name="Ukraina")],
        first_published_at=SEED_PUBLISHED,
        last_published_at=SEED_PUBLISHED,
    )
