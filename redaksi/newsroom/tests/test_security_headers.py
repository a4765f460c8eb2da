"""Content-Security-Policy on the reader site and the admin, the CSRF cookie, and production's check --deploy."""

import base64
import hashlib
import re

import pytest
from django.conf import settings

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core.models import SiteSettings
from redaksi.core.tests.test_production_settings import ENV, load


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


@pytest.mark.django_db
def test_reader_pages_forbid_inline_script_and_every_script_is_a_file_or_data(client, site):
    response = client.get("/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["style-src"] and policy["frame-ancestors"] == ["'self'"]
    for tag in re.findall(r"<script[^>]*>", response.content.decode()):
        assert "src=" in tag or 'type="application/ld+json"' in tag, tag


def sha256(text):
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


@pytest.mark.django_db
def test_reader_pages_allow_no_inline_style_but_the_brand_colour_by_its_hash(client, site, news):
    SiteSettings.objects.update_or_create(site=site, defaults={"outlet_name": "Warta", "brand_colour": "#a01d26"})
    story = ArticlePageFactory(section=news)
    for path in ["/", news.url, story.url, "/indeks/", "/en/", "/tidak-ada/"]:
        response = client.get(path)
        html, policy = response.content.decode(), directives(response)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], path
        assert " style=" not in html, path
        styles = re.findall(r"<style>(.*?)</style>", html, re.S)
        assert styles == [":root{--brand:#a01d26}"], path
        assert policy["style-src"] == ["'self'", sha256(styles[0])], path


@pytest.mark.django_db
def test_the_admin_has_its_own_policy(client, staff):
    client.force_login(staff("Wartawan"))
    policy = directives(client.get("/admin/"))
    assert "'unsafe-inline'" in policy["script-src"] and policy["object-src"] == ["'none'"]


def test_scripts_cannot_read_the_csrf_cookie():
    assert settings.CSRF_COOKIE_HTTPONLY


def test_check_deploy_is_clean_under_production_settings():
    code = "import django, sys; django.setup(); from django.core.management import call_command; "
    code += "call_command('check', deploy=True, fail_level='WARNING')"
    result = load({**ENV, "SECRET_KEY": "a-long-random-production-key-" + "x7Qp2Lm9Zr4Tv8Nw3Ks6Hd1Fb5Jc0Gy"}, code)
    assert result.returncode == 0, result.stderr


def test_production_redirects_to_https_and_sends_hsts():
    code = "import django; django.setup(); from django.conf import settings as s; "
    code += "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
    code += "s.SECURE_REDIRECT_EXEMPT)"
    result = load(ENV, code)
    last_line = result.stdout.splitlines()[-1]  # after the log lines apps write at start
    assert last_line == "True 31536000 True ['^health/$']"
