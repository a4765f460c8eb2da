"""The demo admin is created once with a documented password; an existing password is never reset."""

import pytest
from django.contrib.auth import get_user_model

from redaksi.demo.accounts import DEFAULT_PASSWORD

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
