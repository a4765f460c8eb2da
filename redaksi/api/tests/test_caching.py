"""Every answer carries an ETag and a short public cache life; a current If-None-Match gets an empty 304."""

import pytest

pytestmark = pytest.mark.django_db
URLS = [f"/api/v1/{name}" for name in ("stories", "sections", "tags", "people", "videos", "openapi.json")]


@pytest.mark.parametrize("url", URLS)
def test_current_etag_gets_a_304(client, wire_story, url):
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"].startswith('"')
    assert first["Cache-Control"] == "public, max-age=60"
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"] and again["Cache-Control"] == "public, max-age=60"
    assert client.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200


def test_detail_etag_changes_with_the_story(client, wire_story):
    url = f"/api/v1/stories/{wire_story.pk}"
    before = client.get(url)["ETag"]
    assert client.get(url, headers={"If-None-Match": before}).status_code == 304
    wire_story.title = "Judul diperbarui"
    wire_story.save_revision().publish()
    after = client.get(url, headers={"If-None-Match": before})
    assert after.status_code == 200 and after["ETag"] != before
    assert after.json()["headline"] == "Judul diperbarui"


def test_errors_carry_an_etag_but_are_never_a_304(client, home):
    first = client.get("/api/v1/stories?limit=0")
    assert first.status_code == 400 and first["ETag"]
    assert client.get("/api/v1/stories?limit=0", headers={"If-None-Match": first["ETag"]}).status_code == 400
