"""Fixtures for readership: a section to file stories in (redaksi/conftest.py empties the cache per test)."""

import pytest

from redaksi.sections.tests.factories import SectionPageFactory


@pytest.fixture
def news(home):
    return SectionPageFactory(title="News", slug="news")
