"""The recency decay "relevan" multiplies the text match by."""

import datetime

import pytest

from redaksi.search.query import HALF_LIFE, RECENCY_FLOOR, relevance

NOW = datetime.datetime(2026, 3, 10, tzinfo=datetime.UTC)


def test_a_story_of_now_keeps_its_whole_text_match():
    assert relevance(0.5, NOW, NOW) == 0.5


def test_the_boost_halves_every_half_life_above_the_floor():
    week_old = relevance(1.0, NOW - HALF_LIFE, NOW)
    assert week_old == pytest.approx(RECENCY_FLOOR + (1 - RECENCY_FLOOR) / 2)


def test_old_stories_keep_the_floor_and_future_ones_no_more_than_now():
    assert relevance(1.0, NOW - 100 * HALF_LIFE, NOW) == pytest.approx(RECENCY_FLOOR)
    assert relevance(1.0, NOW + HALF_LIFE, NOW) == 1.0
