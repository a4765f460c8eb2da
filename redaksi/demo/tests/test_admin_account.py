"""Demo accounts: the admin (created once, password never reset), a reporter and a desk editor."""

import pytest
from django.contrib.auth import get_user_model

from redaksi.articles.models import ArticlePage
from redaksi.demo.accounts import DEFAULT_PASSWORD
from redaksi.sections.models import SectionPage

from .conftest import load_demo

pytestmark = pytest.mark.django_db


def admin():
    return get_user_model().objects.get(username="admin")


def test_admin_is_created_with_the_default_password(loaded):
    assert admin().is_superuser and admin().is_staff and admin().check_password(DEFAULT_PASSWORD)
    assert f"Password:   {DEFAULT_PASSWORD}" in loaded


def test_password_comes_from_the_environment(loaded, monkeypatch):
    admin().delete()
    monkeypatch.setenv("REDAKSI_DEMO_PASSWORD", "kata-sandi-lain")
    output = load_demo()
    assert admin().check_password("kata-sandi-lain")
    assert "Password:   kata-sandi-lain" in output


def test_an_existing_password_is_kept_and_not_printed(loaded):
    account = admin()
    account.set_password("rahasia-pemilik")
    account.save()
    output = load_demo()
    assert admin().check_password("rahasia-pemilik")
    assert "rahasia-pemilik" not in output and DEFAULT_PASSWORD not in output
    assert "Password:   (unchanged: the account existed before)" in output


def test_demo_reporter_and_desk_editor_can_try_the_review_workflow(loaded):
    reporter = get_user_model().objects.get(username="wartawan")
    editor = get_user_model().objects.get(username="redaktur")
    assert reporter.check_password("redaksi-demo") and editor.check_password("redaksi-demo")
    assert (reporter.person.slug, editor.person.slug) == ("dimas-prasetyo", "ratna-anggraini")
    news = SectionPage.objects.get(slug="news")
    story = ArticlePage.objects.live().filter(section=news).first()
    assert story.permissions_for_user(reporter).can_edit() and not story.permissions_for_user(reporter).can_publish()
    assert story.permissions_for_user(editor).can_publish()
    assert "Newsroom:   wartawan (Wartawan: news, ekbis)" in loaded
