"""Production e-mail settings deliver to a real SMTP server on loopback: a password reset and a review notice."""

import json
import subprocess
import sys

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from redaksi.articles.tests.factories import ArticlePageFactory

from .edge import free_port

pytestmark = pytest.mark.django_db(transaction=False)

ENV = {
    "SECRET_KEY": "production-test-secret",
    "ALLOWED_HOSTS": "news.example.com",
    "DATABASE_URL": "postgres://redaksi:secret@127.0.0.1:5432/redaksi",
    "REDIS_URL": "redis://127.0.0.1:6380/0",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_HOST_USER": "redaksi",
    "EMAIL_HOST_PASSWORD": "smtp-secret",
    "DEFAULT_FROM_EMAIL": "Redaksi <redaksi@news.example.com>",
    "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL": "notifikasi@news.example.com",
}
NAMES = [
    *("EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_TIMEOUT"),
    *("EMAIL_USE_TLS", "EMAIL_USE_SSL", "DEFAULT_FROM_EMAIL", "SERVER_EMAIL", "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL"),
]
SEND = f"""
import json
from django.conf import settings
from django.core.mail import send_mail
send_mail("Uji", "Dari pengaturan produksi.", None, ["admin@news.example.com"])
print(json.dumps({{name: getattr(settings, name) for name in {NAMES!r}}}))
"""


class Inbox:
    """aiosmtpd handler keeping every message it accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content.decode()))
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    return AuthResult(success=(auth_data.login, auth_data.password) == (b"redaksi", b"smtp-secret"))


@pytest.fixture
def smtp():
    inbox, port = Inbox(), free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=authenticate, auth_require_tls=False, auth_required=True
    )
    controller.start()
    yield inbox, port
    controller.stop()


def production(env, code=SEND):
    full_env = {"DJANGO_SETTINGS_MODULE": "redaksi.settings.production", "PATH": "/usr/bin:/bin", **env}
    return subprocess.run(
        [sys.executable, "-c", code], env=full_env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def mail_settings(smtp):
    """The e-mail settings production computes from ENV, pointed at the loopback server (which got one mail)."""
    inbox, port = smtp
    result = production({**ENV, "EMAIL_PORT": str(port)})
    assert result.returncode == 0, result.stderr
    assert [(sender, to) for sender, to, _ in inbox.messages] == [
        ("redaksi@news.example.com", ["admin@news.example.com"])
    ]
    inbox.messages.clear()
    return json.loads(result.stdout.splitlines()[-1])


def test_production_settings_send_through_the_configured_relay(mail_settings):
    assert mail_settings["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mail_settings["SERVER_EMAIL"] == ENV["DEFAULT_FROM_EMAIL"]


def test_a_password_reset_from_the_admin_arrives(client, smtp, mail_settings):
    from redaksi.newsroom.tests.factories import UserFactory

    UserFactory(username="wartawan", email="wartawan@news.example.com")
    with override_settings(**mail_settings):
        response = client.post(reverse("wagtailadmin_password_reset"), {"email": "wartawan@news.example.com"})
    assert response.status_code == 302
    (sender, to, content) = smtp[0].messages[0]
    assert (sender, to) == ("redaksi@news.example.com", ["wartawan@news.example.com"])
    assert "/admin/password_reset/confirm/" in content


def test_a_review_notice_reaches_the_desk_editor(smtp, mail_settings, news):
    from redaksi.newsroom.services import assign_role
    from redaksi.newsroom.tests.factories import UserFactory

    editor = UserFactory(username="redaktur", email="redaktur@news.example.com")
    reporter = UserFactory(username="wartawan", email="wartawan@news.example.com")
    assign_role(editor.username, "Redaktur", ["news"])
    assign_role(reporter.username, "Wartawan", ["news"])
    story = ArticlePageFactory(section=news, title="Banjir di Kemang", live=False)
    with override_settings(**mail_settings), pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.db.transaction.on_commit", lambda callback, using=None, robust=False: callback())
        story.save_revision(user=reporter)
        story.get_workflow().start(story, reporter)
    received = {tuple(to): (sender, content) for sender, to, content in smtp[0].messages}
    sender, content = received[("redaktur@news.example.com",)]
    assert sender == "notifikasi@news.example.com"
    assert "Banjir di Kemang" in content


@pytest.mark.parametrize(
    "env, message",
    [
        ({"EMAIL_HOST": "smtp.example.com"}, "need DEFAULT_FROM_EMAIL when EMAIL_HOST is set"),
        ({"EMAIL_USE_TLS": "true", "EMAIL_USE_SSL": "true"}, "only one of EMAIL_USE_TLS"),
        ({"EMAIL_HOST_USER": "redaksi"}, "both EMAIL_HOST_USER and EMAIL_HOST_PASSWORD"),
    ],
)
def test_a_half_configured_relay_is_refused(env, message):
    base = {key: value for key, value in ENV.items() if not key.startswith(("EMAIL", "DEFAULT", "WAGTAIL"))}
    result = production({**base, **env}, "import django.conf; django.conf.settings.EMAIL_HOST")
    assert result.returncode != 0
    assert message in result.stderr


def test_without_a_relay_mail_goes_to_the_local_mta():
    base = {key: value for key, value in ENV.items() if not key.startswith(("EMAIL", "DEFAULT", "WAGTAIL"))}
    code = "from django.conf import settings; print(settings.EMAIL_HOST, settings.EMAIL_PORT)"
    result = production(base, code)
    assert result.stdout.split() == ["localhost", "25"]
