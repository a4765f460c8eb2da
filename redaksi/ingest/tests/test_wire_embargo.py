"""Embargo: no story is published before it, whether by the editor, a schedule, the worker or a direct publish."""

import logging

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from redaksi.articles.models import ArticlePage, EmbargoError
from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.newsroom.schedule import Worker, run_pass
from redaksi.newsroom.tests.scheduling import GO_LIVE, seconds

from ..models import WireItem
from .wiredata import drop, folder_source, ninjs_item

pytestmark = pytest.mark.django_db
EMBARGO = GO_LIVE
PICKER = "%Y-%m-%d %H:%M"  # WAGTAIL_DATETIME_FORMAT, read in WIB


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redaktur", "r@example.com", "pw"))
    return client


@pytest.fixture
def embargoed(news, time_machine):
    time_machine.move_to(EMBARGO - seconds(3600), tick=False)
    return ArticlePageFactory(section=news, draft=True, embargoed_until=EMBARGO, title="Sperrfrist", slug="sperrfrist")


def publish_in_admin(client, story, **fields):
    data = {
        "title": story.title,
        "slug": story.slug,
        "body": streamfield([("paragraph", rich_text("<p>Isi berita.</p>"))]),
        "authors": inline_formset([]),
        "corrections": inline_formset([]),
        "tags": "",
        "embargoed_until": timezone.localtime(EMBARGO).strftime(PICKER),
        "action-publish": "publish",
    }
    data.update(fields)
    return client.post(reverse("wagtailadmin_pages:edit", args=(story.pk,)), nested_form_data(data))


def is_live(story):
    story.refresh_from_db()
    return story.live


def test_the_editor_cannot_publish_before_the_embargo_and_can_after(editor, embargoed, time_machine):
    response = publish_in_admin(editor, embargoed)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_pages:edit", args=(embargoed.pk,))
    assert not is_live(embargoed) and embargoed.revisions.count() == 1  # the draft is kept
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("Selasa, 1 Desember 2026 | 10:00 WIB" in message for message in messages)

    time_machine.move_to(EMBARGO + seconds(1), tick=False)
    publish_in_admin(editor, embargoed)
    assert is_live(embargoed)


def test_a_go_live_before_the_embargo_is_refused_and_one_after_it_schedules(editor, embargoed, time_machine):
    early = timezone.localtime(EMBARGO - seconds(60)).strftime(PICKER)
    response = publish_in_admin(editor, embargoed, go_live_at=early)
    assert response.status_code == 200
    assert "go_live_at" in response.context["form"].errors
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()

    at_embargo = timezone.localtime(EMBARGO).strftime(PICKER)
    assert publish_in_admin(editor, embargoed, go_live_at=at_embargo).status_code == 302
    assert Revision.objects.get(approved_go_live_at__isnull=False).approved_go_live_at == EMBARGO
    time_machine.move_to(EMBARGO - seconds(1), tick=False)
    run_pass("test")
    assert not is_live(embargoed)
    time_machine.move_to(EMBARGO + seconds(1), tick=False)
    run_pass("test")
    assert is_live(embargoed)


def test_direct_publishing_refuses_before_the_embargo(embargoed, time_machine):
    """Workflow approval, bulk publish and scripts all go through Revision.publish()."""
    with pytest.raises(EmbargoError):
        embargoed.save_revision().publish()
    assert not is_live(embargoed)
    time_machine.move_to(EMBARGO, tick=False)
    embargoed.save_revision().publish()
    assert is_live(embargoed)


def test_the_worker_never_publishes_a_revision_due_before_the_embargo(embargoed, time_machine, caplog):
    revision = embargoed.save_revision()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=EMBARGO - seconds(600))  # as an old schedule
    time_machine.move_to(EMBARGO - seconds(300), tick=False)
    with caplog.at_level(logging.ERROR):
        assert run_pass("test") == []
    assert not is_live(embargoed) and f"could not publish story id={embargoed.pk}" in caplog.text


def test_readers_never_see_an_embargoed_story_even_if_its_row_says_live(client, embargoed, time_machine):
    ArticlePage.objects.filter(pk=embargoed.pk).update(
        live=True, first_published_at=timezone.now(), published_at=timezone.now()
    )
    embargoed.refresh_from_db()
    assert not ArticlePage.objects.live().filter(pk=embargoed.pk).exists()
    assert client.get(embargoed.url).status_code == 404
    time_machine.move_to(EMBARGO + seconds(1), tick=False)
    assert ArticlePage.objects.published().filter(pk=embargoed.pk).exists()
    assert client.get(embargoed.url).status_code == 200


def test_the_worker_polls_due_wire_sources_after_its_pass(tmp_path, time_machine):
    time_machine.move_to(EMBARGO, tick=False)
    source = folder_source(tmp_path / "antara")
    drop(source.folder, "1.json", ninjs_item())
    assert Worker().tick() is True
    assert WireItem.objects.count() == 1


def test_a_wire_failure_never_costs_the_schedule_pass(monkeypatch, caplog):
    from redaksi.ingest import wire

    def broken(now):
        raise RuntimeError("wire down")

    monkeypatch.setattr(wire, "poll_due_sources", broken)
    with caplog.at_level(logging.ERROR):
        assert Worker().tick() is True
    assert "wire polling failed" in caplog.text
