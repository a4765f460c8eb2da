"""The front page: the editors' headline and picks, the latest stream, one rail per section in menu order."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core.models import MenuItem
from redaksi.media.tests.factories import VideoFactory
from redaksi.pages.models import HomePick
from redaksi.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def story(section, hours_ago, **kwargs):
    published = timezone.now() - datetime.timedelta(hours=hours_ago)
    return ArticlePageFactory(
        section=section, title=f"{section.title} {hours_ago}", first_published_at=published, **kwargs
    )


def front(client):
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(element):
    return [a.get_text(strip=True) for a in element.select(".story-card .headline a")]


def choose(home, headline=None, picks=()):
    home.headline_story = headline
    home.save()
    for order, pick in enumerate(picks):
        HomePick.objects.create(home=home, story=pick, sort_order=order)


def test_the_editors_headline_leads_and_their_picks_follow_in_order(client, outlet, news, home):
    old, first_pick, second_pick = story(news, 9), story(news, 5), story(news, 7)
    story(news, 1)
    choose(home, old, [second_pick, first_pick])
    soup = front(client)
    assert soup.select_one(".lead-story .headline a").get_text(strip=True) == "News 9"
    assert titles(soup.select_one(".front-picks")) == ["News 7", "News 5"]
    assert titles(soup.select_one(".front-latest")) == ["News 1"]


def test_unpublished_choices_give_way_to_the_newest_story(client, outlet, news, home):
    story(news, 3)
    story(news, 2)
    choose(home, story(news, 1, draft=True), [story(news, 4, draft=True)])
    soup = front(client)
    assert soup.select_one(".lead-story .headline a").get_text(strip=True) == "News 2"
    assert soup.select_one(".front-picks") is None
    assert titles(soup.select_one(".front-latest")) == ["News 3"]


def test_the_headline_shows_its_large_image_standfirst_and_section(client, outlet, news):
    story(news, 1, with_image=True, standfirst="Dialog akan berlanjut.")
    lead = front(client).select_one(".lead-story")
    assert lead.select_one("img[fetchpriority=high]")["alt"].startswith("Keterangan alternatif")
    assert lead.select_one(".standfirst").get_text(strip=True) == "Dialog akan berlanjut."
    assert lead.select_one(".kicker a")["href"] == news.url


def test_rails_follow_the_menu_then_other_sections_by_title(client, outlet, news, home):
    zeta, alpha, beta = (SectionPageFactory(title=title) for title in ("Zeta", "Alpha", "Beta"))
    SectionPageFactory(title="Kosong")  # no stories, no rail
    hidden = SectionPageFactory(title="Tersembunyi", live=False)
    MenuItem.objects.create(settings=outlet, label="Zeta", link_page=zeta, sort_order=5)
    for section in (news, zeta, alpha, beta, hidden):
        story(section, 2)
    soup = front(client)
    assert [h2.get_text(strip=True) for h2 in soup.select(".section-rail h2")] == ["News", "Zeta", "Alpha", "Beta"]


def test_a_rail_shows_the_four_newest_stories_and_links_its_section(client, outlet, news):
    for hours in (6, 5, 4, 3, 2, 1):
        story(news, hours)
    rail = front(client).select_one(".section-rail")
    assert titles(rail) == ["News 1", "News 2", "News 3", "News 4"]
    assert rail.select_one(".rail-more a")["href"] == news.url


def test_terpopuler_video_pilihan_and_social_links_are_there(client, outlet, news):
    video = VideoFactory(title="Wawancara khusus")
    VideoFactory(title="Bukan pilihan", is_featured=False)
    story(news, 1)
    soup = front(client)
    assert soup.select_one(".most-read h2").get_text(strip=True) == "Terpopuler"
    assert [a.get_text(strip=True) for a in soup.select(".video-strip .video-card")] == [video.title]
    assert soup.select_one("#sosial-media a[href='https://www.facebook.com/wartaekonomi']")
    assert len(soup.find_all("h1")) == 1


def test_an_empty_site_still_answers(client, outlet):
    soup = front(client)
    assert soup.select_one(".lead-story") is None
    assert soup.select_one(".front-latest .empty")


def test_a_preview_shows_the_unsaved_choice(rf, outlet, news, home):
    story(news, 1)
    chosen, pinned = story(news, 8), story(news, 9)
    home.headline_story = chosen
    home.picks = [HomePick(story=pinned)]
    soup = BeautifulSoup(home.make_preview_request(rf.get("/")).render().content, "html.parser")
    assert soup.select_one(".lead-story .headline a").get_text(strip=True) == "News 8"
    assert titles(soup.select_one(".front-picks")) == ["News 9"]
    assert not HomePick.objects.exists()
