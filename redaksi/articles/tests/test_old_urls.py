"""Old URLs never die: a story's old slug, its old place in the tree and its section's old slug all answer 301."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.contrib.redirects.models import Redirect

from redaksi.sections.tests.factories import SectionPageFactory

from .editing import published_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk_editor(home):
    return get_user_model().objects.create_superuser("sinta", "sinta@example.com", "pw")


@pytest.fixture
def story(desk_editor, news):
    return published_story(desk_editor, section=news, title="Harga beras naik", slug="harga-beras-naik")


def republish(page, user, **fields):
    """Publish a revision of `page` with `fields` changed, committing as the admin does."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def assert_moved_permanently(client, old_url, new_url):
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == new_url
    assert client.get(new_url).status_code == 200


def test_slug_change_redirects_the_old_slug(client, story, desk_editor, django_capture_on_commit_callbacks):
    old_id_url = story.url
    with django_capture_on_commit_callbacks(execute=True):
        republish(story, desk_editor, slug="harga-beras-naik-lagi")
    assert story.url == f"/read{story.pk}/harga-beras-naik-lagi"
    assert_moved_permanently(client, old_id_url, story.url)


def test_slug_change_redirects_the_old_tree_path(client, story, desk_editor, django_capture_on_commit_callbacks):
    old_tree_path = story.get_parent().url + "harga-beras-naik/"
    with django_capture_on_commit_callbacks(execute=True):
        republish(story, desk_editor, slug="harga-beras-naik-lagi")
    assert_moved_permanently(client, old_tree_path, story.url)
    assert_moved_permanently(client, old_tree_path.rstrip("/"), story.url)


def test_move_keeps_the_id_url_and_refiles_the_story(client, story, sport, desk_editor):
    url = story.url
    story.move(sport.archive_month(story.published_at), pos="last-child", user=desk_editor)
    story.refresh_from_db()
    assert story.url == url
    assert story.section_id == sport.pk
    assert client.get(url).status_code == 200


def test_move_redirects_the_old_tree_path(client, story, sport, desk_editor):
    old_tree_path = story.get_parent().url + story.slug + "/"
    story.move(sport.archive_month(story.published_at), pos="last-child", user=desk_editor)
    story.refresh_from_db()
    assert story.get_parent().url + story.slug + "/" != old_tree_path
    assert_moved_permanently(client, old_tree_path, story.url)


def test_section_slug_change_redirects_the_section(
    client, news, story, desk_editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        republish(news, desk_editor, slug="berita")
    assert news.url == "/berita/"
    assert_moved_permanently(client, "/news/", "/berita/")


def test_section_slug_change_redirects_its_stories_tree_paths(
    client, news, story, desk_editor, django_capture_on_commit_callbacks
):
    old_tree_path = story.get_parent().url + story.slug + "/"
    with django_capture_on_commit_callbacks(execute=True):
        republish(news, desk_editor, slug="berita")
    assert old_tree_path.startswith("/news/")
    assert_moved_permanently(client, old_tree_path, story.url)


def test_moving_back_leaves_no_redirect_in_the_way(client, story, news, sport, desk_editor):
    home_folder = story.get_parent()
    story.move(sport.archive_month(story.published_at), pos="last-child", user=desk_editor)
    home_folder.refresh_from_db()
    story.move(home_folder, pos="last-child", user=desk_editor)
    story.refresh_from_db()
    tree_path = home_folder.url + story.slug + "/"
    assert_moved_permanently(client, tree_path, story.url)
    assert not Redirect.objects.filter(old_path=tree_path.rstrip("/")).exists()


def test_old_tree_path_of_a_withdrawn_story_leads_to_its_404(client, story, sport, desk_editor):
    old_tree_path = story.get_parent().url + story.slug + "/"
    story.move(sport.archive_month(story.published_at), pos="last-child", user=desk_editor)
    story.refresh_from_db()
    story.unpublish(user=desk_editor)
    response = client.get(old_tree_path, follow=True)
    assert response.status_code == 404


def test_moving_a_story_keeps_every_other_redirect(client, story, news, sport, desk_editor):
    with_old_slug = published_story(desk_editor, section=news, title="Tarif listrik", slug="tarif-listrik")
    old_tree_path = with_old_slug.get_parent().url + "tarif-listrik/"
    with_old_slug.move(sport.archive_month(with_old_slug.published_at), pos="last-child", user=desk_editor)
    story.move(sport.archive_month(story.published_at), pos="last-child", user=desk_editor)
    with_old_slug.refresh_from_db()
    assert_moved_permanently(client, old_tree_path, with_old_slug.url)


def test_renaming_an_empty_section_keeps_every_other_redirect(
    client, story, sport, desk_editor, django_capture_on_commit_callbacks
):
    old_tree_path = story.get_parent().url + story.slug + "/"
    story.move(sport.archive_month(story.published_at), pos="last-child", user=desk_editor)
    empty = SectionPageFactory(title="Opini", slug="opini")
    with django_capture_on_commit_callbacks(execute=True):
        republish(empty, desk_editor, slug="kolom")
    story.refresh_from_db()
    assert_moved_permanently(client, old_tree_path, story.url)
