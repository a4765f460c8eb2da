"""Fixtures for readership: a section to file stories in, and an empty cache for every test."""

import pytest
from django.core.cache import cache

from redaksi.sections.tests.factories import SectionPageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Start without remembered readers or cached rankings: the test cache outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def news(home):
    return SectionPageFactory(title="News", slug="news")
