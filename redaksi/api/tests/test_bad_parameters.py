"""Junk in every parameter answers a JSON 400 naming it; unknown ids and addresses a JSON 404; never a 500."""

import base64
import json

import pytest

from .conftest import get_json

pytestmark = pytest.mark.django_db


def forged(values):
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


JUNK = {
    "limit": ["0", "101", "-1", "abc", "1.5", "", "٣", "9" * 30],
    "cursor": ["abc", "!!!", "", forged([1]), forged(["x", 1]), forged(["2022-01-21T10:15:00", 1]), "A" * 500],
    "section": ["tidak-ada", "", "a b", "news%00", "x" * 300],
    "tag": ["tidak-ada", "<script>"],
    "person": ["tidak-ada", "a/b"],
    "published_after": ["kemarin", "2022-13-01", "2022-01-32", "0001-01-01", "9999-12-31T23:59:59-12:00", "1" * 50],
    "published_before": ["2022-01-21T25:00", "21/01/2022"],
    "sectoin": ["news"],
}
CASES = [(name, value) for name, values in JUNK.items() for value in values]


@pytest.mark.parametrize(("name", "value"), CASES)
def test_junk_story_parameters_are_a_400_naming_them(client, news, wire_story, name, value):
    error = get_json(client, f"/api/v1/stories?{name}={value}", status=400)["error"]
    assert error["status"] == 400 and error["parameter"] == name and error["message"]


@pytest.mark.parametrize("endpoint", ["sections", "tags", "people", "videos"])
@pytest.mark.parametrize(("name", "value"), [("limit", "0"), ("cursor", "zz"), ("section", "news")])
def test_junk_collection_parameters_are_a_400(client, home, endpoint, name, value):
    assert get_json(client, f"/api/v1/{endpoint}?{name}={value}", status=400)["error"]["parameter"] == name


@pytest.mark.parametrize("endpoint", ["stories", "sections", "tags", "people", "videos"])
def test_unknown_id_is_a_404_and_junk_id_a_400(client, home, endpoint):
    assert get_json(client, f"/api/v1/{endpoint}/987654", status=404)["error"]["parameter"] == "id"
    for junk in ["abc", "0", "-3", "1.0", "9" * 20, str(2**63)]:
        assert get_json(client, f"/api/v1/{endpoint}/{junk}", status=400)["error"]["parameter"] == "id"


def test_detail_takes_no_query_parameters(client, wire_story):
    assert get_json(client, f"/api/v1/stories/{wire_story.pk}?limit=5", status=400)["error"]["parameter"] == "limit"


@pytest.mark.parametrize("path", ["/api/", "/api/v1/", "/api/v1/stories/", "/api/v2/stories", "/api/v1/stories/1/x"])
def test_unknown_addresses_are_a_json_404(client, home, path):
    assert get_json(client, path, status=404)["error"]["parameter"] is None


def test_other_methods_are_a_json_405(client, home):
    response = client.post("/api/v1/stories")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
    assert response.json()["error"]["status"] == 405
