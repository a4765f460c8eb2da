"""Schemathesis fuzzes every operation of the served OpenAPI description over the WSGI app: no server error,
every answer (data, 304s and errors) conforms to the description, and parameters outside it are refused.

Positive-data acceptance is left out on purpose: a well-formed slug that names no section is a 400 by design.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from redaksi.people.tests.factories import PersonFactory

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


# Loaded at collection: serving the description needs no database (pytest-django would refuse a query here).
# The site's WSGI app answers on host "localhost", the tests' default site. (schemathesis.pytest.from_fixture
# would load it per test, but reads a pytest attribute that pytest 9 removed.)
api_schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def open_connection():
    """Keep the test transaction's connection across WSGI requests, as Django's test client does.

    Django closes a connection at each request's start and end when its autocommit differs from the settings', and
    inside a test transaction it does: PostgreSQL would lose the test's data.
    """
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def content(open_connection, rich_story, hidden_stories, sport):
    """Public stories with every block, hidden stories, an empty section and a person with every field."""
    return PersonFactory(job_title="Fotografer", bio="Memotret sejak 2001.", role="photographer")


@pytest.mark.django_db
@api_schema.parametrize()
@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms(content, case):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.django_db
def test_real_items_conform(content, rich_story, wire_story, news):
    """Answers about items that exist: a fuzzer rarely hits a real id, so ask for each one."""
    people = [credit.person.pk for credit in wire_story.authors.all()]
    video_id = rich_story.body[4].value.pk
    tag_id = wire_story.tagged_items.get().tag_id
    for path, item_id in [
        ("/stories/{id}", rich_story.pk),
        ("/stories/{id}", wire_story.pk),
        ("/sections/{id}", news.pk),
        ("/tags/{id}", tag_id),
        ("/people/{id}", people[0]),
        ("/videos/{id}", video_id),
    ]:
        response = api_schema[path]["GET"].Case(path_parameters={"id": item_id}).call_and_validate(checks=CHECKS)
        assert response.status_code == 200, (path, response.text[:300])
    for path in ["/stories", "/sections", "/tags", "/people", "/videos"]:
        response = api_schema[path]["GET"].Case(query={"limit": 1}).call_and_validate(checks=CHECKS)
        assert response.status_code == 200 and len(response.json()["results"]) == 1, path
