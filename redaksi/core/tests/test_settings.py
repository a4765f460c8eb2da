"""Settings: locale and zone are the outlet's (the production module's checks: test_production_settings.py)."""

from django.conf import settings


def test_locale_zone_and_user_model():
    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert settings.AUTH_USER_MODEL == "newsroom.User"
