"""Production: every secret and host comes from the environment; refuse to start without them (docs/deployment.md)."""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

# REDIS_URL: one cache for every app server and the schedule worker (fragment caches, the edition number).
REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL")
missing = [name for name in REQUIRED if not os.environ.get(name)]
if missing:
    raise ImproperlyConfigured("Redaksi production settings need these environment variables: " + ", ".join(missing))

from .base import *  # noqa: E402, F403
from .base import FRAMEWORK_LOG_LEVEL, MIDDLEWARE, env_bool, env_list  # noqa: E402

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
# HTTPS only: the edge sets X-Forwarded-Proto from its listener (deploy/varnish/hardening.vcl), so plain-HTTP
# requests are redirected; /health/ stays reachable over plain HTTP for the load balancer and process checks.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = 31536000  # one year
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading is the outlet's decision (hard to undo, binds every subdomain): not sent, the check's hint silenced.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
# The edge caches and load balancers whose X-Forwarded-For names the reader (Terpopuler's robot filter).
READERSHIP_TRUSTED_PROXIES = env_list("READERSHIP_TRUSTED_PROXIES", ["127.0.0.1/32", "::1/128"])

# One connection per worker process, kept between requests and checked before reuse after an error.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ["DATABASE_URL"],
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}

# Static files from the app servers themselves: hashed names, gzip and Brotli copies made by collectstatic,
# far-future Cache-Control on hashed names (the edge and browsers keep them for good).
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "whitenoise.middleware.WhiteNoiseMiddleware"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media from the app (django.views.static.serve, cached by the edge) where no object storage exists: `make prod-local`.
SERVE_MEDIA = env_bool("REDAKSI_SERVE_MEDIA", False)

# Logs to stdout, one line per record: the process manager (systemd, gunicorn's error log) keeps them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "line"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("REDAKSI_LOG_LEVEL", "INFO")},
    "loggers": {name: {"level": FRAMEWORK_LOG_LEVEL} for name in ("wagtail", "django_tasks")},
}

# E-mail (password resets, review notices, error mails) over SMTP: the host's own MTA on localhost:25 unless
# EMAIL_HOST names a relay. A half-configured relay is refused here rather than found out at the first reset.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT") or (465 if EMAIL_USE_SSL else 587 if EMAIL_USE_TLS else 25))
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL") or DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get("WAGTAILADMIN_NOTIFICATION_FROM_EMAIL") or DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_HOST") and not os.environ.get("DEFAULT_FROM_EMAIL"):
    raise ImproperlyConfigured("Redaksi production settings need DEFAULT_FROM_EMAIL when EMAIL_HOST is set")
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set only one of EMAIL_USE_TLS (STARTTLS, port 587) and EMAIL_USE_SSL (port 465)")
if bool(EMAIL_HOST_USER) != bool(EMAIL_HOST_PASSWORD):
    raise ImproperlyConfigured("Set both EMAIL_HOST_USER and EMAIL_HOST_PASSWORD, or neither")
