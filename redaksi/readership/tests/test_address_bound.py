"""One address buys nothing by changing its User-Agent, and adds at most one read per story a minute."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.readership.services import SAME_ADDRESS_EVERY, count_read

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; SM-A{}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)


def test_a_hundred_user_agents_from_one_address_count_once(news):
    story = ArticlePageFactory(section=news)
    counted = [count_read(story.pk, "203.0.113.7", BROWSER.format(model)) for model in range(100)]
    assert counted.count(True) == 1


def test_one_address_adds_at_most_one_read_a_minute_per_story(news):
    story, other = ArticlePageFactory.create_batch(2, section=news)
    counted = 0
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for second in range(0, 3600, 5):  # a new User-Agent every 5 s for an hour
            counted += count_read(story.pk, "203.0.113.7", BROWSER.format(second))
            traveller.shift(datetime.timedelta(seconds=5))
        assert count_read(other.pk, "203.0.113.7", BROWSER.format("x"))  # another story has its own bound
        assert count_read(story.pk, "198.51.100.1", BROWSER.format("x"))  # another address too
    assert counted == 3600 // SAME_ADDRESS_EVERY == 60


def test_an_ipv6_subscriber_is_its_slash_64(news):
    story = ArticlePageFactory(section=news)
    assert count_read(story.pk, "2001:db8:1:2::1", BROWSER.format(1))
    assert not count_read(story.pk, "2001:db8:1:2:ffff::9", BROWSER.format(2))  # same /64, another address
    assert count_read(story.pk, "2001:db8:1:3::1", BROWSER.format(3))  # the next /64: another subscriber
