"""Corrections (ralat) and updates: an editor adds a dated note; once published the story shows it and its
updated time moves."""

import datetime

import pytest
import time_machine
from django.test import Client

from redaksi.articles.models import ArticlePage, Correction

from .editing import edit_url, new_note, newsroom_account, open_editor, published_story, story_form

pytestmark = pytest.mark.django_db

WIB = datetime.timezone(datetime.timedelta(hours=7))
PUBLISHED = datetime.datetime(2024, 5, 1, 10, 0, tzinfo=WIB)


def wib(hour, minute, second=0):
    return datetime.datetime(2024, 5, 1, hour, minute, second, tzinfo=WIB)


def story_at(published, last=None, notes=()):
    """An unsaved story first published at `published`, last at `last`, with `notes` as (time, kind) pairs."""
    corrections = [Correction(kind=kind, noted_at=time, text="Catatan") for time, kind in notes]
    return ArticlePage(first_published_at=published, last_published_at=last or published, corrections=corrections)


@pytest.mark.parametrize(
    ("last", "notes", "updated"),
    [
        (None, [], None),
        (wib(10, 0, 30), [], None),
        (wib(11, 0), [], wib(11, 0)),
        (None, [(wib(10, 0, 30), Correction.Kind.CORRECTION)], None),
        (None, [(wib(12, 15), Correction.Kind.CORRECTION)], wib(12, 15)),
        (wib(11, 0), [(wib(12, 15), Correction.Kind.UPDATE), (wib(11, 30), Correction.Kind.CORRECTION)], wib(12, 15)),
        (wib(13, 0), [(wib(12, 15), Correction.Kind.UPDATE)], wib(13, 0)),
    ],
)
def test_updated_time_is_the_later_of_last_publication_and_newest_note(last, notes, updated):
    assert story_at(PUBLISHED, last, notes).updated_at == updated


def test_a_never_published_story_has_no_updated_time():
    story = ArticlePage(corrections=[Correction(noted_at=wib(12, 15), text="Catatan")])
    assert story.updated_at is None


@pytest.fixture
def desk(client, home):
    user = newsroom_account("ani")
    client.force_login(user)
    return client


@pytest.fixture
def story(desk):
    with time_machine.travel(PUBLISHED, tick=False):
        return published_story(None, title="Menteri baru dilantik")


def reader_sees(story):
    return Client().get(ArticlePage.objects.get(pk=story.pk).url).content.decode()


def test_a_note_shows_on_the_story_only_once_published(desk, story):
    note = new_note("Nama menteri yang benar adalah Budi Santoso.", wib(12, 15))
    with time_machine.travel(wib(12, 30), tick=False):
        draft = story_form(story, open_editor(desk, story), new_notes=[note])
        assert desk.post(edit_url(story), draft).status_code == 302
        assert "Budi Santoso" not in reader_sees(story)

        published = story_form(story, open_editor(desk, story), new_notes=[note], **{"action-publish": "1"})
        assert desk.post(edit_url(story), published).status_code == 302

    page = reader_sees(story)
    assert "<strong>Ralat</strong>" in page
    assert "Rabu, 1 Mei 2024 | 12:15 WIB</time>: Nama menteri yang benar adalah Budi Santoso." in page
    assert 'Diperbarui <time datetime="2024-05-01T12:30:00+07:00">Rabu, 1 Mei 2024 | 12:30 WIB</time>' in page


def test_an_update_note_later_than_the_last_publication_moves_the_updated_time(desk, story):
    Correction.objects.create(article=story, kind=Correction.Kind.UPDATE, noted_at=wib(14, 5), text="Korban bertambah.")
    page = reader_sees(story)
    assert "<strong>Pembaruan</strong>" in page and "Korban bertambah." in page
    assert "Diperbarui <time" in page and "Rabu, 1 Mei 2024 | 14:05 WIB</time></span>" in page
