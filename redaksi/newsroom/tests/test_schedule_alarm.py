"""A story more than a minute overdue, or a worker unseen for two, rings the alarm on the dashboard and sidebar."""

import json
import re

import pytest
from django.urls import reverse

from redaksi.newsroom.models import ScheduleHeartbeat
from redaksi.newsroom.schedule import Worker, schedule_status

from .scheduling import GO_LIVE, expiring_story, scheduled_story, seconds

pytestmark = pytest.mark.django_db

PANEL = 'id="schedule-alarm-section"'


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redaktur", "r@example.com", "pw"))
    return client


def beat(at):
    ScheduleHeartbeat.objects.update_or_create(pk=1, defaults={"worker": "test:1", "last_seen": at})


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def sidebar_items(html):
    """The main menu items the sidebar renders, from the JSON props Wagtail embeds in every admin page."""
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    return json.dumps(json.loads(props.group(1)))


@pytest.mark.parametrize(("late", "overdue"), [(59, 0), (61, 1)])
def test_a_change_is_overdue_more_than_a_minute_after_its_time(home, time_machine, late, overdue):
    time_machine.move_to(GO_LIVE - seconds(600), tick=False)
    scheduled_story(GO_LIVE)
    expiring_story(GO_LIVE)
    time_machine.move_to(GO_LIVE + seconds(late), tick=False)
    assert schedule_status().overdue == 2 * overdue


def test_the_dashboard_lists_an_overdue_story_with_its_time_in_wib_and_how_late_it_is(
    editor_client, home, time_machine
):
    time_machine.move_to(GO_LIVE - seconds(600), tick=False)
    story = scheduled_story(GO_LIVE, title="Harga cabai naik")
    time_machine.move_to(GO_LIVE + seconds(59), tick=False)
    beat(GO_LIVE + seconds(50))
    html = dashboard(editor_client)
    assert PANEL not in html and "schedule-alarm" not in sidebar_items(html)

    time_machine.move_to(GO_LIVE + seconds(181), tick=False)
    beat(GO_LIVE + seconds(175))  # the worker runs, yet the story stays unpublished
    html = dashboard(editor_client)
    panel = html[html.index(PANEL) :]
    assert reverse("wagtailadmin_pages:edit", args=(story.pk,)) in panel
    assert "Harga cabai naik" in panel
    assert "2026-12-01 10:00 WIB" in panel
    assert "3\xa0menit" in panel  # late by
    assert "1 perubahan terjadwal terlambat lebih dari 1 menit." in panel  # in the admin's language
    assert '"label": "1 berita terlambat"' in sidebar_items(html)


def test_the_alarm_clears_once_the_worker_has_caught_up(editor_client, home, time_machine):
    time_machine.move_to(GO_LIVE - seconds(600), tick=False)
    scheduled_story(GO_LIVE)
    time_machine.move_to(GO_LIVE + seconds(600), tick=False)
    assert "schedule-alarm" in sidebar_items(dashboard(editor_client))
    Worker().tick()
    html = dashboard(editor_client)
    assert PANEL not in html and "schedule-alarm" not in sidebar_items(html)


@pytest.mark.parametrize(("seen_ago", "stale"), [(119, False), (121, True)])
def test_a_worker_unseen_for_more_than_two_minutes_rings_the_alarm(editor_client, home, time_machine, seen_ago, stale):
    time_machine.move_to(GO_LIVE, tick=False)
    beat(GO_LIVE - seconds(seen_ago))
    html = dashboard(editor_client)
    assert (PANEL in html) is stale
    assert ("schedule-alarm" in sidebar_items(html)) is stale
    if stale:
        assert "Penjadwal tidak terlihat lebih dari 2 menit (terakhir 2026-12-01 09:57 WIB)" in html
        assert '"label": "Penjadwal mati"' in sidebar_items(html)


def test_a_worker_that_never_ran_rings_the_alarm(editor_client, home):
    html = dashboard(editor_client)
    assert PANEL in html and "Penjadwal belum pernah berjalan" in html
    assert "schedule-alarm" in sidebar_items(html)
