"""A withdrawn story answers 410 with the editors' note, or 404 as if it never existed; drafts stay 404."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from redaksi.articles.models import ArticlePage
from redaksi.articles.withdrawal import withdraw

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

GONE, NOT_FOUND = ArticlePage.Withdrawal.GONE, ArticlePage.Withdrawal.NOT_FOUND
NOTE = "Berita ini dicabut karena narasumber membantah pernyataan yang dikutip."
WITHDRAWN_AT = datetime.datetime(2024, 5, 1, 5, 15, tzinfo=datetime.UTC)  # 12:15 WIB


@pytest.fixture
def desk_editor(home):
    return get_user_model().objects.create_superuser("sinta", "sinta@example.com", "pw")


@pytest.fixture
def story(outlet, news):
    return ArticlePageFactory(section=news, title="Rahasia dapur redaksi bocor", slug="rahasia-dapur")


def withdrawn(story, user, status=GONE, note=NOTE):
    with time_machine.travel(WITHDRAWN_AT, tick=False):
        withdraw(story, user, status, note)
    story.refresh_from_db()
    return story


def test_withdrawn_story_answers_410_with_the_note_in_wib(client, story, desk_editor):
    url = story.url
    withdrawn(story, desk_editor)
    response = client.get(url)
    assert response.status_code == 410
    page = response.content.decode()
    assert NOTE in page
    assert "Rabu, 1 Mei 2024 | 12:15 WIB" in page
    assert "Berita dicabut" in page and 'lang="id"' in page
    assert '<a href="/">Kembali ke beranda</a>' in page
    assert '<meta name="robots" content="noindex">' in page


def test_the_410_page_keeps_the_headline_out(client, story, desk_editor):
    withdrawn(story, desk_editor)
    page = client.get(f"/read{story.pk}/{story.slug}").content.decode()
    assert "Rahasia dapur" not in page and story.standfirst not in page


def test_the_410_page_is_in_the_site_design(client, story, desk_editor, outlet):
    withdrawn(story, desk_editor)
    page = client.get(f"/read{story.pk}/{story.slug}").content.decode()
    assert outlet.outlet_name in page and 'class="site-header"' in page and 'class="site-footer"' in page


@pytest.mark.parametrize("suffix", ["", "/", "/slug-lama"])
def test_every_address_of_a_withdrawn_story_answers_410(client, story, desk_editor, suffix):
    withdrawn(story, desk_editor)
    assert client.get(f"/read{story.pk}{suffix}").status_code == 410


def test_the_english_edition_says_it_in_english(client, story, desk_editor):
    withdrawn(story, desk_editor)
    response = client.get(f"/en/read{story.pk}/{story.slug}")
    assert response.status_code == 410
    assert "Story withdrawn" in response.content.decode()


def test_withdrawn_as_if_it_never_existed_answers_404(client, story, desk_editor):
    withdrawn(story, desk_editor, status=NOT_FOUND, note="Perintah pengadilan.")
    response = client.get(f"/read{story.pk}/{story.slug}")
    assert response.status_code == 404
    assert "Perintah pengadilan" not in response.content.decode()


def test_withdrawal_records_the_choice_and_unpublishes(story, desk_editor):
    withdrawn(story, desk_editor)
    assert (story.live, story.withdrawal, story.withdrawal_note, story.withdrawn_at) == (
        False,
        GONE,
        NOTE,
        WITHDRAWN_AT,
    )


def test_plain_unpublish_answers_404(client, story, desk_editor):
    story.unpublish(user=desk_editor)
    assert client.get(f"/read{story.pk}/{story.slug}").status_code == 404


def test_republishing_clears_the_withdrawal(client, story, desk_editor):
    withdrawn(story, desk_editor)
    story.save_revision(user=desk_editor).publish(user=desk_editor)
    story.refresh_from_db()
    assert (story.live, story.withdrawal, story.withdrawal_note, story.withdrawn_at) == (True, "", "", None)
    assert client.get(story.url).status_code == 200
    story.unpublish(user=desk_editor)
    assert client.get(story.url).status_code == 404


def test_a_revision_saved_while_withdrawn_does_not_bring_the_withdrawal_back(story, desk_editor):
    withdrawn(story, desk_editor)
    revision = story.save_revision(user=desk_editor)
    revision.publish(user=desk_editor)
    story.refresh_from_db()
    assert story.withdrawal == "" and story.withdrawn_at is None


def test_a_scheduled_publication_keeps_the_withdrawal_until_it_goes_live(client, story, desk_editor):
    withdrawn(story, desk_editor)
    story.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    story.save_revision(user=desk_editor, approved_go_live_at=story.go_live_at).publish(user=desk_editor)
    story.refresh_from_db()
    assert not story.live and story.withdrawal == GONE
    assert client.get(f"/read{story.pk}/{story.slug}").status_code == 410


def test_drafts_and_scheduled_stories_answer_404(client, news):
    draft = ArticlePageFactory(draft=True, section=news)
    scheduled = ArticlePageFactory(section=news, live=False, go_live_at=timezone.now() + datetime.timedelta(days=1))
    for page in (draft, scheduled):
        assert client.get(f"/read{page.pk}/{page.slug}").status_code == 404


def test_a_never_published_story_marked_gone_still_answers_404(client, news):
    draft = ArticlePageFactory(draft=True, section=news, withdrawal=GONE, withdrawal_note=NOTE)
    assert client.get(f"/read{draft.pk}/{draft.slug}").status_code == 404


def test_a_copy_of_a_withdrawn_story_is_not_withdrawn(story, desk_editor):
    withdrawn(story, desk_editor)
    copy = story.copy(update_attrs={"slug": "salinan", "title": "Salinan"}, user=desk_editor).specific
    assert (copy.withdrawal, copy.withdrawal_note, copy.withdrawn_at) == ("", "", None)


def test_the_note_is_text_not_html(client, story, desk_editor):
    withdrawn(story, desk_editor, note='Dicabut. <script>alert("x")</script>')
    page = client.get(f"/read{story.pk}/{story.slug}").content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_the_410_page_takes_fixed_queries(client, story, desk_editor, django_assert_num_queries):
    withdrawn(story, desk_editor)
    url = f"/read{story.pk}/{story.slug}"
    client.get(url)  # warm: the site root paths are cached
    # story (live: none), the withdrawn row, settings for the site design (site, menu and footer from the cache)
    with django_assert_num_queries(3):
        assert client.get(url).status_code == 410
