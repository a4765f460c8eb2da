"""Fixtures shared by every app's tests."""

import pytest
from wagtail.models import Site

from redaksi.pages.models import HomePage


@pytest.fixture
def home(db):
    """The home page the pages migration creates; the default site's root."""
    return HomePage.objects.get()


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)
