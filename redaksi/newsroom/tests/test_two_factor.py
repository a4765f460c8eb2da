"""Two-step sign-in: publishers and admins set up an authenticator app before any admin page; reporters may."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from redaksi.newsroom import roles
from redaksi.newsroom.two_factor import RESET

SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"


@pytest.fixture(autouse=True)
def required(settings):
    settings.REDAKSI_REQUIRE_2FA = True


def code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def editor(client, staff):
    user = staff(roles.REDAKTUR)
    client.force_login(user)
    return user


def enrol(client, user):
    """Set up and confirm an app through the pages; return the device and the recovery codes shown."""
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(SETUP, {"token": code(device), "next": "/admin/"})
    return TOTPDevice.objects.get(user=user), response.context["codes"]


def test_editor_without_an_app_is_sent_to_setup(client, editor):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    setup = client.get(response["Location"])
    assert "<svg" in setup.content.decode() and "Pasang masuk dua langkah" in setup.content.decode()


def test_a_right_code_turns_the_app_on_and_lets_the_editor_in(client, editor):
    device, codes = enrol(client, editor)
    assert device.confirmed and len(codes) == 10
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused(client, editor):
    client.get(SETUP)
    response = client.post(SETUP, {"token": "000000"})
    assert response.status_code == 200 and "Kode itu salah" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_a_new_session_must_enter_a_code_and_a_verified_one_passes(client, editor):
    device, _codes = enrol(client, editor)
    client.logout()
    client.force_login(editor)
    response = client.get("/admin/")
    assert response["Location"].startswith(VERIFY)
    assert client.get(SETUP)["Location"].startswith(VERIFY)  # no swapping the app without a code
    assert client.post(VERIFY, {"token": "000000"}).status_code == 200
    device.refresh_from_db()
    device.last_t = -1  # the same 30 s step's code again: django-otp refuses a code used twice
    device.throttling_failure_count = 0  # and waits a second after the wrong code
    device.save()
    assert client.post(VERIFY, {"token": code(device), "next": "/admin/"})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(client, editor):
    _device, codes = enrol(client, editor)
    for _ in range(2):
        client.logout()
        client.force_login(editor)
        response = client.post(VERIFY, {"token": codes[0], "next": "/admin/"})
    assert response.status_code == 200  # the second time: refused
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    assert client.get("/admin/").status_code == 302


def test_a_reporter_is_not_forced_but_may_enrol(client, staff):
    reporter = staff(roles.WARTAWAN)
    client.force_login(reporter)
    assert client.get("/admin/").status_code == 200
    enrol(client, reporter)
    client.logout()
    client.force_login(reporter)
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_superusers_are_forced(client, db):
    from .factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/admin/")["Location"].startswith(SETUP)


def reset_two_factor(username):
    out = StringIO()
    call_command("reset_two_factor", username, stdout=out)
    return out.getvalue()


def test_the_reset_command_removes_a_lost_app_and_the_editor_must_enrol_again(client, editor, staff):
    _device, codes = enrol(client, editor)
    colleague = staff(roles.REDAKTUR, username="rekan")
    TOTPDevice.objects.create(user=colleague, name="authenticator", confirmed=True)
    output = reset_two_factor(editor.username)
    assert "removed 1 authenticator app(s) and 10 recovery code(s)" in output
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists() and not StaticToken.objects.filter(token=codes[0])
    assert TOTPDevice.objects.filter(user=colleague).exists()
    assert client.get("/admin/")["Location"].startswith(SETUP)  # the verified session is verified no more
    client.logout()
    client.force_login(editor)
    assert client.get("/admin/")["Location"].startswith(SETUP)  # next sign-in: set up, not a code
    assert client.get(SETUP).status_code == 200


def test_the_reset_is_in_the_audit_history_of_the_user(client, editor):
    enrol(client, editor)
    reset_two_factor(editor.username)
    entry = ModelLogEntry.objects.get(object_id=str(editor.pk), action=RESET)
    assert entry.data == {"apps": 1, "recovery_codes": 10}
    assert entry.user is None  # done from the command line, not by an admin account
    assert entry.message == "Aplikasi autentikator dan kode pemulihan dihapus"


def test_the_reset_command_names_an_unknown_username(db):
    with pytest.raises(CommandError, match="No user 'nobody'"):
        reset_two_factor("nobody")
