"""load_demo leads the front page with the seed story and pins the newest stories of three other desks."""

import pytest
from bs4 import BeautifulSoup

from redaksi.articles.models import ArticlePage
from redaksi.demo.front import load_front
from redaksi.demo.seed import SEED
from redaksi.pages.models import HomePage

pytestmark = pytest.mark.django_db


def test_the_seed_story_is_the_headline_with_three_pinned_stories(loaded):
    home = HomePage.objects.get()
    seed = ArticlePage.objects.get(guid=SEED.guid)
    assert home.headline_story_id == seed.pk
    picks = [pick.story for pick in home.picks.all()]
    assert len(picks) == 3 and all(story.live for story in picks)
    assert len({story.section_id for story in [seed, *picks]}) == 4
    assert home.live_revision.as_object().headline_story_id == seed.pk  # the edit screen shows the choice


def test_the_front_page_shows_the_choice(loaded, client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.select_one(".lead-story .headline a").get_text(strip=True).startswith("Alot, Rusia Bilang")
    assert len(soup.select(".front-picks .story-card")) == 3


def test_an_editors_choice_is_left_alone(loaded):
    home = HomePage.objects.get()
    other = ArticlePage.objects.exclude(pk=home.headline_story_id).first()
    home.headline_story = other
    home.save()
    load_front(headline=ArticlePage.objects.get(guid=SEED.guid))
    home.refresh_from_db()
    assert home.headline_story_id == other.pk and home.picks.count() == 3
