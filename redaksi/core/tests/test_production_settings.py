"""Production settings, loaded in a fresh interpreter with a controlled environment."""

import json
import subprocess
import sys

import pytest
from django.conf import settings

ENV = {
    "SECRET_KEY": "production-test-secret",
    "ALLOWED_HOSTS": "news.example.com,www.example.com",
    "DATABASE_URL": "postgres://redaksi:secret@127.0.0.1:5432/redaksi",
    "REDIS_URL": "redis://127.0.0.1:6380/0",
}

REPORT = """
import json
from django.conf import settings
print(json.dumps({
    "caches": settings.CACHES["default"],
    "middleware": settings.MIDDLEWARE,
    "staticfiles": settings.STORAGES["staticfiles"]["BACKEND"],
    "database": {key: settings.DATABASES["default"][key] for key in ("ENGINE", "CONN_MAX_AGE", "CONN_HEALTH_CHECKS")},
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "debug": settings.DEBUG,
    "serve_media": settings.SERVE_MEDIA,
    "trusted_proxies": settings.READERSHIP_TRUSTED_PROXIES,
    "root_handlers": settings.LOGGING["root"]["handlers"],
    "stdout": settings.LOGGING["handlers"]["stdout"]["stream"],
}, default=repr))  # a Redis client option may be an object (the retry policy)
"""


def load(env, code=REPORT):
    """Run code after loading redaksi.settings.production with exactly env (plus PATH)."""
    full_env = {"DJANGO_SETTINGS_MODULE": "redaksi.settings.production", "PATH": "/usr/bin:/bin", **env}
    return subprocess.run(
        [sys.executable, "-c", code], env=full_env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=60
    )


def loaded(env):
    result = load(env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", sorted(ENV))
def test_refuses_to_load_without_a_required_variable_and_names_it(name):
    env = {key: value for key, value in ENV.items() if key != name}
    result = load(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"need these environment variables: {name}" in result.stderr


def test_names_every_missing_variable_at_once():
    result = load({"SECRET_KEY": "x"})
    assert "ALLOWED_HOSTS, DATABASE_URL, REDIS_URL" in result.stderr


def test_cache_is_the_redis_server_named_in_redis_url():
    report = loaded(ENV)
    assert report["caches"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert report["caches"]["LOCATION"] == "redis://127.0.0.1:6380/0"


def test_whitenoise_serves_hashed_compressed_static_files_right_after_security_middleware():
    report = loaded(ENV)
    middleware = report["middleware"]
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert middleware[security + 1] == "whitenoise.middleware.WhiteNoiseMiddleware"
    assert middleware.count("whitenoise.middleware.WhiteNoiseMiddleware") == 1
    assert report["staticfiles"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_brotli_is_installed_so_collectstatic_writes_br_copies():
    result = load(ENV, "from whitenoise.compress import brotli_installed; assert brotli_installed")
    assert result.returncode == 0, result.stderr


def test_database_connections_persist_with_health_checks():
    report = loaded({**ENV, "DATABASE_CONN_MAX_AGE": "120"})
    assert report["database"] == {
        "ENGINE": "django.db.backends.postgresql",
        "CONN_MAX_AGE": 120,
        "CONN_HEALTH_CHECKS": True,
    }
    assert loaded(ENV)["database"]["CONN_MAX_AGE"] == 600


def test_hosts_debug_logging_and_media_serving():
    report = loaded(ENV)
    assert report["allowed_hosts"] == ["news.example.com", "www.example.com"]
    assert report["debug"] is False
    assert report["root_handlers"] == ["stdout"]
    assert report["stdout"] == "ext://sys.stdout"
    assert report["serve_media"] is False
    assert loaded({**ENV, "REDAKSI_SERVE_MEDIA": "1"})["serve_media"] is True


def test_trusted_proxies_are_loopback_unless_the_load_balancers_are_named():
    assert loaded(ENV)["trusted_proxies"] == ["127.0.0.1/32", "::1/128"]
    proxies = loaded({**ENV, "READERSHIP_TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.7"})["trusted_proxies"]
    assert proxies == ["10.0.0.0/8", "192.0.2.7"]


MEDIA_URLS = """
import django
django.setup()
from django.urls import Resolver404, resolve
try:
    print(resolve("/media/images/photo.jpg").func.__module__)
except Resolver404:
    print("not found")
"""


def test_media_is_served_by_the_app_only_when_asked():
    assert load({**ENV, "REDAKSI_SERVE_MEDIA": "1"}, MEDIA_URLS).stdout.strip() == "django.views.static"
    assert load(ENV, MEDIA_URLS).stdout.strip() == "not found"
