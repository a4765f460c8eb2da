"""Correction rows in the story form: "noted at" starts at now in WIB; a row without text is never saved or checked."""

import datetime

import pytest
import time_machine

from redaksi.articles.models import ArticlePage

from .editing import edit_url, new_note, newsroom_account, open_editor, published_story, story_form

pytestmark = pytest.mark.django_db

WIB = datetime.timezone(datetime.timedelta(hours=7))
NOW = datetime.datetime(2024, 5, 1, 12, 15, 42, tzinfo=WIB)
EMPTY_ROW = {"kind": "correction", "noted_at": "", "text": ""}
ABANDONED_ROW = {"kind": "update", "noted_at": "2024-05-01 12:15", "text": "  "}


@pytest.fixture
def desk(client, home):
    client.force_login(newsroom_account("ani"))
    return client


@pytest.fixture
def story(desk):
    with time_machine.travel(NOW - datetime.timedelta(hours=2), tick=False):
        return published_story(None, title="Menteri baru dilantik")


def form_with_rows(story, loaded, rows, **fields):
    """The story form with `rows` (field dicts) added as new correction rows after its saved notes."""
    data = story_form(story, loaded, **fields)
    saved = int(data["corrections-TOTAL_FORMS"])
    for offset, row in enumerate(rows):
        index = saved + offset
        data.update({f"corrections-{index}-{name}": value for name, value in row.items()})
        data.update({f"corrections-{index}-id": "", f"corrections-{index}-ORDER": str(index + 1)})
        data[f"corrections-{index}-DELETE"] = ""
    data["corrections-TOTAL_FORMS"] = str(saved + len(rows))
    return data


def autosave(client, story, data):
    return client.post(edit_url(story), data, headers={"Accept": "application/json"})


def latest_notes(story):
    return list(ArticlePage.objects.get(pk=story.pk).get_latest_revision_as_object().corrections.all())


def test_a_new_row_is_noted_now_in_wib(desk, story):
    with time_machine.travel(NOW, tick=False):
        page = desk.get(edit_url(story)).content.decode()
    assert 'name="corrections-__prefix__-noted_at" value="2024-05-01 12:15"' in page


@pytest.mark.parametrize("row", [EMPTY_ROW, ABANDONED_ROW])
def test_a_row_without_text_is_not_saved_into_the_draft(desk, story, row):
    with time_machine.travel(NOW, tick=False):
        response = desk.post(edit_url(story), form_with_rows(story, open_editor(desk, story), [row]))
    assert response.status_code == 302
    assert latest_notes(story) == []


@pytest.mark.parametrize("row", [EMPTY_ROW, ABANDONED_ROW])
def test_an_autosave_skips_a_row_without_text(desk, story, row):
    with time_machine.travel(NOW, tick=False):
        response = autosave(desk, story, form_with_rows(story, open_editor(desk, story), [row]))
    assert response.status_code == 200 and response.json()["success"] is True
    assert latest_notes(story) == []
    assert not any(name.startswith("corrections-0-id") for name in response.json()["field_updates"])


def test_an_abandoned_row_never_blocks_publishing(desk, story):
    note = {"kind": "correction", "noted_at": "2024-05-01 12:10", "text": "Nama menteri yang benar: Budi."}
    with time_machine.travel(NOW, tick=False):
        loaded = open_editor(desk, story)
        autosave(desk, story, form_with_rows(story, loaded, [ABANDONED_ROW]))
        data = form_with_rows(story, open_editor(desk, story), [ABANDONED_ROW, note], **{"action-publish": "1"})
        response = desk.post(edit_url(story), data)
    assert response.status_code == 302
    live = ArticlePage.objects.get(pk=story.pk)
    assert [note.text for note in live.corrections.all()] == ["Nama menteri yang benar: Budi."]


def test_emptying_a_saved_note_removes_it(desk, story):
    with time_machine.travel(NOW, tick=False):
        desk.post(
            edit_url(story),
            story_form(
                story, open_editor(desk, story), new_notes=[new_note("Salah ketik.", NOW)], **{"action-publish": "1"}
            ),
        )
        story = ArticlePage.objects.get(pk=story.pk)
        [saved] = story.corrections.all()
        data = story_form(story, open_editor(desk, story), **{"action-publish": "1"})
        data.update({"corrections-0-text": "", "corrections-0-noted_at": ""})
        assert desk.post(edit_url(story), data).status_code == 302
    assert not ArticlePage.objects.get(pk=story.pk).corrections.exists()


def test_a_row_with_text_is_still_checked(desk, story):
    row = {"kind": "correction", "noted_at": "", "text": "Catatan tanpa waktu."}
    with time_machine.travel(NOW, tick=False):
        response = desk.post(edit_url(story), form_with_rows(story, open_editor(desk, story), [row]))
    assert response.status_code == 200
    assert response.context["form"].formsets["corrections"].forms[0].errors["noted_at"]
