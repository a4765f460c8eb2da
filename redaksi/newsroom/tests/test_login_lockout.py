"""Sign-in throttling through Wagtail's own login page: axes locks one account from one address after 5 misses."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from redaksi.newsroom import roles
from redaksi.newsroom.security import LOGIN_FAILED, LOGIN_SUCCEEDED

PASSWORD = "kata-sandi-uji"
LOGIN = "/admin/login/"


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def admin(staff):
    return staff(roles.ADMIN, username="admin")


def miss(client, username, times=5, **kwargs):
    """Wrong passwords; the fifth is already answered with the lockout page."""
    return [sign_in(client, username, "salah", **kwargs).status_code for _ in range(times)]


@pytest.mark.django_db
def test_sixth_attempt_is_locked_out_even_with_the_right_password(client, admin):
    assert miss(client, "admin") == [200, 200, 200, 200, 429]
    response = sign_in(client, "admin", PASSWORD)
    assert response.status_code == 429
    assert "Terlalu banyak kata sandi salah" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_another_account_on_the_same_address_still_signs_in(client, admin, staff):
    reporter = staff(roles.WARTAWAN)
    miss(client, "admin")
    assert sign_in(client, reporter.username, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_same_account_from_another_address_still_signs_in(client, admin):
    miss(client, "admin")
    assert sign_in(client, "admin", PASSWORD, address="198.51.100.9").status_code == 302


@pytest.mark.django_db
def test_the_address_is_the_reader_address_behind_the_trusted_edge(client, admin):
    """Behind Varnish on loopback, X-Forwarded-For names the address; from elsewhere it is ignored."""
    for _ in range(5):
        client.post(
            LOGIN, {"username": "admin", "password": "x"}, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"
        )
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    assert sign_in(client, "admin", PASSWORD).status_code == 429


@pytest.mark.django_db
def test_unlock_command_lifts_the_lockout(client, admin):
    miss(client, "admin")
    call_command("axes_reset_username", "admin")
    assert sign_in(client, "admin", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_sign_ins_and_failures_are_in_the_audit_history(client, admin):
    miss(client, "admin", times=2)
    sign_in(client, "admin", PASSWORD)
    actions = list(ModelLogEntry.objects.filter(object_id=str(admin.pk)).values_list("action", flat=True))
    assert actions.count(LOGIN_FAILED) == 2
    assert actions.count(LOGIN_SUCCEEDED) == 1


@pytest.mark.django_db
def test_account_admins_see_the_attempts_and_reporters_do_not(client, admin, staff):
    miss(client, "admin", times=2)
    client.force_login(admin)
    response = client.get("/admin/security/attempts/")
    assert response.status_code == 200
    assert "203.0.113.7" in response.content.decode()
    client.force_login(staff(roles.WARTAWAN))
    assert client.get("/admin/security/attempts/").status_code == 302
