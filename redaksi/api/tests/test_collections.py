"""Sections, tags, people and videos: their list entries and detail answers."""

import datetime

import pytest

from redaksi.media.tests.factories import PhotoFactory, VideoFactory
from redaksi.people.tests.factories import PersonFactory

from .conftest import get_json

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def test_person_with_role_job_title_bio_and_photo(client, home):
    rina = PersonFactory(name="Rina Kusuma", slug="rina", job_title="Redaktur Pelaksana", bio="", photo=PhotoFactory())
    person = get_json(client, f"/api/v1/people/{rina.pk}")
    assert {key: value for key, value in person.items() if key != "photo"} == {
        "id": rina.pk,
        "slug": "rina",
        "name": "Rina Kusuma",
        "url": "http://localhost/profil/rina/",
        "role": "reporter",
        "job_title": "Redaktur Pelaksana",
        "bio": None,
    }
    assert person["photo"]["credit"] == "Reuters/Anna Kudriavtseva"
    assert get_json(client, "/api/v1/people")["results"] == [person]


def test_video_with_hub_page_link_duration_and_poster(client, video_hub):
    clip = VideoFactory(
        title="Wawancara",
        slug="wawancara",
        url="https://www.youtube.com/watch?v=abc",
        duration=datetime.timedelta(minutes=6, seconds=5),
        published_at=datetime.datetime(2022, 1, 21, 3, 15, tzinfo=UTC),
    )
    video = get_json(client, f"/api/v1/videos/{clip.pk}")
    assert video["url"] == "http://localhost/video/wawancara/"
    assert video["media_url"] == "https://www.youtube.com/watch?v=abc"
    assert (video["duration"], video["published_at"]) == ("P0DT00H06M05S", "2022-01-21T10:15:00+07:00")
    assert video["poster"]["width"] == 1200 and video["featured"] is True and video["description"] is None
    assert get_json(client, "/api/v1/videos")["results"] == [video]


def test_section_and_tag_details_match_their_list_entries(client, wire_story, news):
    assert get_json(client, "/api/v1/sections")["results"] == [get_json(client, f"/api/v1/sections/{news.pk}")]
    [tag] = get_json(client, "/api/v1/tags")["results"]
    assert get_json(client, f"/api/v1/tags/{tag['id']}") == tag
    assert tag == {"id": tag["id"], "slug": "rusia", "name": "Rusia", "description": None, "url": tag["url"]}
