"""The "Withdraw story" action: desk editors who may unpublish a story withdraw it with a choice and a note."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry

from redaksi.articles.models import ArticlePage
from redaksi.articles.withdrawal import NOTE_MAX_LENGTH, WITHDRAW_ACTION
from redaksi.newsroom import roles
from redaksi.newsroom.services import assign_role
from redaksi.newsroom.tests.factories import UserFactory
from redaksi.sections.tests.factories import SectionPageFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

NOTE = "Berita ini dicabut karena narasumber membantah pernyataan yang dikutip."


def staff_client(username, role, desks=("news",)):
    user = UserFactory(username=username)
    assign_role(username, role, desks)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def ekbis(home):
    return SectionPageFactory(title="EkBis", slug="ekbis")


@pytest.fixture
def reporter(news):
    return staff_client("rudi", roles.WARTAWAN)


@pytest.fixture
def desk_editor(news):
    return staff_client("sinta", roles.REDAKTUR)


@pytest.fixture
def other_desk_editor(ekbis):
    return staff_client("dewi", roles.REDAKTUR, desks=("ekbis",))


@pytest.fixture
def story(outlet, news):
    return ArticlePageFactory(section=news, title="Rahasia dapur redaksi bocor")


def withdraw_url(story):
    return reverse("articles_withdraw", args=(story.pk,))


def refreshed(story):
    return ArticlePage.objects.get(pk=story.pk)


def test_desk_editor_withdraws_with_a_public_note(client, desk_editor, story):
    response = desk_editor.post(withdraw_url(story), {"status": "gone", "note": NOTE})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=(story.get_parent().pk,))
    story = refreshed(story)
    assert (story.live, story.withdrawal, story.withdrawal_note) == (False, "gone", NOTE)
    assert client.get(f"/read{story.pk}/{story.slug}").status_code == 410


def test_desk_editor_withdraws_as_if_it_never_existed_without_a_note(client, desk_editor, story):
    response = desk_editor.post(withdraw_url(story), {"status": "not_found", "note": ""})
    assert response.status_code == 302
    assert refreshed(story).withdrawal == "not_found"
    assert client.get(f"/read{story.pk}/{story.slug}").status_code == 404


def test_the_form_offers_both_answers_with_410_first_and_chosen(desk_editor, story):
    response = desk_editor.get(withdraw_url(story))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index('value="gone"') < page.index('value="not_found"')
    assert 'value="gone"' in page and "checked" in page.split('value="gone"')[1].split(">")[0]
    assert "Tarik berita" in page and story.title in page


@pytest.mark.parametrize("who", ["reporter", "other_desk_editor"])
def test_who_may_not_unpublish_the_story_may_not_withdraw_it(request, story, who):
    browser = request.getfixturevalue(who)
    assert_turned_away(browser.get(withdraw_url(story)))
    assert_turned_away(browser.post(withdraw_url(story), {"status": "gone", "note": NOTE}))
    assert refreshed(story).live


def test_an_unpublished_story_cannot_be_withdrawn(desk_editor, story):
    story.unpublish()
    assert_turned_away(desk_editor.post(withdraw_url(story), {"status": "gone", "note": NOTE}))
    assert refreshed(story).withdrawal == ""


def assert_turned_away(response):
    """Wagtail answers a permission denied in the admin by sending the user to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_only_stories_are_withdrawn(desk_editor, news):
    assert desk_editor.get(reverse("articles_withdraw", args=(news.pk,))).status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"status": "gone", "note": ""},
        {"status": "gone", "note": "   \n  "},
        {"status": "gone"},
        {"note": NOTE},
        {"status": "410", "note": NOTE},
        {"status": "banana", "note": NOTE},
        {"status": "not_found", "note": "x" * (NOTE_MAX_LENGTH + 1)},
        {"status": "gone", "note": "x" * (NOTE_MAX_LENGTH + 1)},
        {"status": "gone\x00", "note": NOTE},
    ],
)
def test_junk_input_shows_the_form_again_and_changes_nothing(desk_editor, story, data):
    response = desk_editor.post(withdraw_url(story), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    story = refreshed(story)
    assert story.live and story.withdrawal == ""
    assert not PageLogEntry.objects.filter(page=story, action=WITHDRAW_ACTION).exists()


def test_next_leads_back_only_within_the_site(desk_editor, story):
    data = {"status": "gone", "note": NOTE, "next": "https://evil.example/"}
    response = desk_editor.post(withdraw_url(story), data)
    assert response["Location"] == reverse("wagtailadmin_explore", args=(story.get_parent().pk,))


def test_withdrawal_is_in_the_audit_log(desk_editor, story):
    desk_editor.post(withdraw_url(story), {"status": "gone", "note": NOTE})
    entries = PageLogEntry.objects.filter(page=story).order_by("pk")
    assert [entry.action for entry in entries][-2:] == ["wagtail.unpublish", WITHDRAW_ACTION]
    entry = entries.last()
    assert entry.user.username == "sinta"
    assert entry.data == {"status": "gone", "note": NOTE}
    history = desk_editor.get(reverse("wagtailadmin_pages:history", args=(story.pk,))).content.decode()
    assert "Tarik berita" in history and "410 Gone" in history and NOTE in history


def test_the_editor_offers_the_action_only_to_who_may_unpublish(desk_editor, reporter, story):
    edit_url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    assert withdraw_url(story) in desk_editor.get(edit_url).content.decode()
    assert withdraw_url(story) not in reporter.get(edit_url).content.decode()


def test_the_explorer_offers_the_action_only_to_who_may_unpublish(desk_editor, reporter, story):
    explore_url = reverse("wagtailadmin_explore", args=(story.get_parent().pk,))
    assert withdraw_url(story) in desk_editor.get(explore_url).content.decode()
    assert withdraw_url(story) not in reporter.get(explore_url).content.decode()
