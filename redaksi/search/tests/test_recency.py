"""The recency factor "relevan" multiplies a story's text score by."""

import pytest

from redaksi.search.query import HALF_LIFE, recency_factor

WEEK = HALF_LIFE.total_seconds()


def test_a_story_of_now_gains_the_whole_weight():
    assert recency_factor(0, 0.1) == pytest.approx(1.1)


def test_the_gain_halves_every_half_life():
    assert recency_factor(WEEK, 0.1) == pytest.approx(1.05)
    assert recency_factor(3 * WEEK, 1.0) == pytest.approx(1.125)


def test_old_stories_tend_to_no_gain_and_future_ones_gain_no_more_than_now():
    assert recency_factor(100 * WEEK, 0.1) == pytest.approx(1.0)
    assert recency_factor(-WEEK, 0.1) == recency_factor(0, 0.1)


def test_weight_zero_turns_recency_off():
    assert recency_factor(0, 0) == recency_factor(50 * WEEK, 0) == 1
