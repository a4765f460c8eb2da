"""The read pixel: counts a reader's read of a published story once per half hour, robots never."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.db.models.query import QuerySet
from django.urls import reverse
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.readership.models import HourlyReads
from redaksi.readership.services import hour_of, record_read

from .test_bots import READERS, ROBOTS

pytestmark = pytest.mark.django_db

ANDROID = READERS["Chrome on Android"]
IPHONE = READERS["Safari on iPhone"]


def fetch_pixel(client, story_id, user_agent=ANDROID, address="203.0.113.7", method="get"):
    url = reverse("count_read", kwargs={"article_id": story_id})
    return getattr(client, method)(url, headers={"User-Agent": user_agent}, REMOTE_ADDR=address)


def reads_of(story):
    return sum(HourlyReads.objects.filter(article_id=story.pk).values_list("reads", flat=True))


def test_pixel_is_a_tiny_uncacheable_gif_and_counts_the_read(client, news):
    story = ArticlePageFactory(section=news)

    response = fetch_pixel(client, story.pk)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response.content.startswith(b"GIF89a") and len(response.content) == 43
    assert response["Cache-Control"] == "no-store, private"
    row = HourlyReads.objects.get()
    assert (row.article_id, row.hour, row.reads) == (story.pk, hour_of(timezone.now()), 1)


def test_different_readers_each_count(client, news):
    # The middle of the last hour: the shift below never crosses into the next hour, whatever the clock says.
    mid_hour = timezone.now().replace(minute=30, second=0, microsecond=0) - datetime.timedelta(hours=1)
    with time_machine.travel(mid_hour, tick=False) as traveller:
        story = ArticlePageFactory(section=news)
        fetch_pixel(client, story.pk, ANDROID, "203.0.113.7")
        fetch_pixel(client, story.pk, ANDROID, "198.51.100.20")
        traveller.shift(datetime.timedelta(seconds=61))  # one address: a minute apart (test_address_bound.py)
        fetch_pixel(client, story.pk, IPHONE, "203.0.113.7")

    assert reads_of(story) == 3
    assert HourlyReads.objects.count() == 1


def test_a_reader_reloading_counts_once_per_half_hour(client, news):
    story, other = ArticlePageFactory.create_batch(2, section=news)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        fetch_pixel(client, story.pk)
        fetch_pixel(client, story.pk)
        fetch_pixel(client, other.pk)
        traveller.shift(datetime.timedelta(minutes=29))
        fetch_pixel(client, story.pk)
        assert (reads_of(story), reads_of(other)) == (1, 1)
        traveller.shift(datetime.timedelta(minutes=2))
        fetch_pixel(client, story.pk)
    assert reads_of(story) == 2


@pytest.mark.parametrize("robot", ["Googlebot", "WhatsApp link preview", "curl", "HeadlessChrome", "empty"])
def test_robots_get_the_pixel_but_are_not_counted(client, news, robot):
    story = ArticlePageFactory(section=news)

    response = fetch_pixel(client, story.pk, ROBOTS[robot])

    assert response.status_code == 200 and response.content.startswith(b"GIF89a")
    assert not HourlyReads.objects.exists()


def test_a_request_without_user_agent_is_not_counted(client, news):
    story = ArticlePageFactory(section=news)

    response = client.get(reverse("count_read", kwargs={"article_id": story.pk}))

    assert response.status_code == 200
    assert not HourlyReads.objects.exists()


def test_drafts_unpublished_and_missing_stories_are_not_counted(client, news):
    draft = ArticlePageFactory(section=news, draft=True)
    withdrawn = ArticlePageFactory(section=news)
    withdrawn.unpublish()

    responses = [fetch_pixel(client, story_id) for story_id in (draft.pk, withdrawn.pk, 987654, 2**70)]

    assert [response.status_code for response in responses] == [200] * 4
    assert not HourlyReads.objects.exists()


@pytest.mark.parametrize("method", ["head", "post", "options"])
def test_only_get_counts(client, news, method):
    story = ArticlePageFactory(section=news)

    response = fetch_pixel(client, story.pk, method=method)

    assert response.status_code == 200
    assert not HourlyReads.objects.exists()


def test_reads_go_to_the_row_of_their_wib_hour(news):
    story = ArticlePageFactory(section=news)
    ten_past_ten_wib = datetime.datetime(2024, 5, 6, 3, 10, tzinfo=datetime.UTC)

    record_read(story.pk, ten_past_ten_wib)
    record_read(story.pk, ten_past_ten_wib + datetime.timedelta(minutes=45))  # 10:55 WIB
    record_read(story.pk, ten_past_ten_wib + datetime.timedelta(minutes=55))  # 11:05 WIB

    rows = list(HourlyReads.objects.order_by("hour").values_list("hour", "reads"))
    assert rows == [
        (datetime.datetime(2024, 5, 6, 3, tzinfo=datetime.UTC), 2),
        (datetime.datetime(2024, 5, 6, 4, tzinfo=datetime.UTC), 1),
    ]


def test_a_racing_insert_is_added_to_not_lost(news):
    """Another reader creates the hour's row between our UPDATE (finding none) and our INSERT."""
    story = ArticlePageFactory(section=news)
    now = timezone.now()
    HourlyReads.objects.create(article=story, hour=hour_of(now), reads=4)
    real_update = QuerySet.update
    missed = []

    def update_missing_the_row_once(queryset, **kwargs):
        if not missed:
            missed.append(True)
            return 0
        return real_update(queryset, **kwargs)

    with mock.patch.object(QuerySet, "update", update_missing_the_row_once):
        record_read(story.pk, now)

    assert HourlyReads.objects.get().reads == 5


def test_counting_costs_a_fixed_number_of_queries(client, news, django_assert_num_queries):
    story = ArticlePageFactory(section=news)
    fetch_pixel(client, story.pk, address="192.0.2.1")

    with django_assert_num_queries(2):  # the story is published; UPDATE of the hour's row
        fetch_pixel(client, story.pk, address="192.0.2.2")
    with django_assert_num_queries(0):  # the same reader again: the cache answers
        fetch_pixel(client, story.pk, address="192.0.2.2")
