"""The request's Wagtail site comes from the cache within an edition: one query fewer on every page, and none
for a request whose view never asks for the site."""

import pytest
from django.test import RequestFactory
from wagtail.models import Site

from redaksi.core.edition import current_edition, new_edition
from redaksi.core.sites import CachedSiteMiddleware

pytestmark = pytest.mark.django_db


def site_of(host):
    """The site a view asking Wagtail for it gets, through the middleware."""
    request = RequestFactory().get("/", HTTP_HOST=host)
    return CachedSiteMiddleware(Site.find_for_request)(request)


def test_the_site_is_wagtails_choice_then_comes_without_a_query(site, django_assert_num_queries):
    expected = Site.find_for_request(RequestFactory().get("/", HTTP_HOST=f"{site.hostname}:{site.port}"))
    first = site_of(f"{site.hostname}:{site.port}")
    assert (first.pk, first.root_page_id, first.hostname) == (expected.pk, expected.root_page_id, expected.hostname)
    with django_assert_num_queries(0):
        assert site_of(f"{site.hostname}:{site.port}").pk == site.pk


def test_a_changed_site_is_seen_in_the_next_edition(site, home):
    other = Site.objects.create(hostname="en.example.com", port=80, root_page=home, site_name="English")
    assert site_of("en.example.com").pk == other.pk
    Site.objects.filter(pk=other.pk).update(hostname="id.example.com")
    assert site_of("en.example.com").pk == other.pk  # the same edition: from the cache
    new_edition()  # what saving a site does (pages/signals.py), once the change commits
    assert site_of("en.example.com").pk == site.pk  # the default site now


def test_saving_a_site_starts_a_new_edition(site, django_capture_on_commit_callbacks):
    before = current_edition()
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    assert current_edition() > before


def test_a_view_that_never_asks_for_the_site_costs_no_query(site, django_assert_num_queries):
    request = RequestFactory().get("/", HTTP_HOST=f"{site.hostname}:{site.port}")
    with django_assert_num_queries(0):
        assert CachedSiteMiddleware(lambda request: "answered")(request) == "answered"
