"""The person page: photo, name, role, bio, email and the stories they wrote, newest first, keyset pages."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.media.tests.factories import PhotoFactory
from redaksi.sections.tests.factories import SectionPageFactory

from .factories import PersonFactory

pytestmark = pytest.mark.django_db
NOW = timezone.now().replace(microsecond=0)


@pytest.fixture
def ratna(home):
    return PersonFactory(
        name="Ratna Anggraini",
        slug="ratna-anggraini",
        job_title="Redaktur EkBis",
        bio="Meliput ekonomi sejak 2010.\n\nKini memimpin desk EkBis.",
        email="ratna@example.com",
        photo=PhotoFactory(description="Potret lain"),
    )


def stories_by(person, count):
    """`count` published stories by `person`, one minute apart, the newest first."""
    section = SectionPageFactory()
    return [
        ArticlePageFactory(
            section=section,
            title=f"Tulisan {n}",
            authors=[person],
            first_published_at=NOW - datetime.timedelta(minutes=n),
        )
        for n in range(count)
    ]


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def headlines(soup):
    return [link.get_text(strip=True) for link in soup.select(".story-list .headline a")]


def test_person_page_shows_profile(client, ratna):
    soup = soup_of(client.get("/profil/ratna-anggraini/"))
    assert [h1.get_text(strip=True) for h1 in soup.select("h1")] == ["Ratna Anggraini"]
    assert soup.select_one(".profile-role").get_text(strip=True) == "Redaktur EkBis"
    assert [p.get_text() for p in soup.select(".profile-bio p")] == [
        "Meliput ekonomi sejak 2010.",
        "Kini memimpin desk EkBis.",
    ]
    assert soup.select_one(".profile-email a")["href"] == "mailto:ratna@example.com"
    photo = soup.select_one(".profile picture img")
    assert photo["alt"] == "Ratna Anggraini"
    assert photo["width"] and photo["height"]


def test_person_page_falls_back_to_the_role_and_leaves_out_what_is_missing(client, home):
    PersonFactory(name="Fajar Nugroho", slug="fajar-nugroho", role="photographer")
    soup = soup_of(client.get("/profil/fajar-nugroho/"))
    assert soup.select_one(".profile-role").get_text(strip=True) == "Fotografer"
    assert not soup.select(".profile picture, .profile-bio, .profile-email")


def test_person_page_lists_only_their_published_stories_newest_first(client, ratna):
    stories_by(ratna, 3)
    ArticlePageFactory(title="Tulisan orang lain")
    ArticlePageFactory(title="Draf Ratna", authors=[ratna], draft=True)
    soup = soup_of(client.get("/profil/ratna-anggraini/"))
    assert headlines(soup) == ["Tulisan 0", "Tulisan 1", "Tulisan 2"]
    assert soup.select_one("#profile-stories-title").get_text(strip=True) == "Berita oleh Ratna Anggraini"


def test_person_page_pages_older_by_keyset(client, ratna):
    stories = stories_by(ratna, 23)
    first = soup_of(client.get("/profil/ratna-anggraini/"))
    older_link = first.select_one(".pager a[rel=next]")["href"]
    assert older_link == f"?sebelum={stories[19].pk}"
    assert headlines(soup_of(client.get(f"/profil/ratna-anggraini/{older_link}"))) == [
        "Tulisan 20",
        "Tulisan 21",
        "Tulisan 22",
    ]


def test_person_page_is_english_under_en(client, ratna):
    soup = soup_of(client.get("/en/profil/ratna-anggraini/"))
    assert soup.select_one("#profile-stories-title").get_text(strip=True) == "Stories by Ratna Anggraini"


def test_story_byline_links_its_authors_pages_as_rel_author(client, ratna):
    story = ArticlePageFactory(authors=[ratna])
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert [(a["href"], a["rel"]) for a in soup.select(".byline a.author")] == [
        ("/profil/ratna-anggraini/", ["author"])
    ]
