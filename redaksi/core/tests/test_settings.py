"""Settings: the production module refuses to start without its secrets; locale and zone are the outlet's."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

REPO = Path(__file__).resolve().parents[3]
REQUIRED = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "news.example.com", "DATABASE_URL": "sqlite:////tmp/x.sqlite3"}


def load_production(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in REQUIRED}
    env |= {"DJANGO_SETTINGS_MODULE": "redaksi.settings.production", **overrides}
    code = "import django; django.setup(); from django.conf import settings; print(settings.ALLOWED_HOSTS)"
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True)


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_production_names_each_missing_variable(missing):
    result = load_production(**{k: v for k, v in REQUIRED.items() if k != missing})
    assert result.returncode != 0
    assert f"need these environment variables: {missing}" in result.stderr


def test_production_names_all_missing_variables_at_once():
    result = load_production()
    assert "need these environment variables: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL" in result.stderr


def test_production_starts_with_its_variables():
    result = load_production(**REQUIRED)
    assert result.returncode == 0, result.stderr
    assert "news.example.com" in result.stdout


def test_locale_zone_and_user_model():
    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert settings.AUTH_USER_MODEL == "newsroom.User"
