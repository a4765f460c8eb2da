"""Settings shared by every environment; environment files override only what differs."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _
from redis.backoff import NoBackoff
from redis.retry import Retry

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("REDAKSI_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default):
    """Read a boolean environment variable ("1", "true", "yes" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    """Read a comma-separated environment variable into a list."""
    value = os.environ.get(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


INSTALLED_APPS = [
    "redaksi.core",
    "redaksi.newsroom",
    "redaksi.people",
    "redaksi.media",
    "redaksi.sections",
    "redaksi.articles",
    "redaksi.pages",
    "redaksi.readership",
    "redaksi.feeds",
    "redaksi.api",
    "redaksi.ingest",
    "redaksi.search",
    "redaksi.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",  # sign-in lockout (docs/security.md)
    "django_otp",  # two-step sign-in: TOTP apps and recovery codes (docs/security.md)
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
]

MIDDLEWARE = [
    "redaksi.core.db_retry.RetryDroppedConnectionMiddleware",  # first: a dropped connection anywhere is retried
    "django.middleware.security.SecurityMiddleware",
    "redaksi.core.csp.ContentSecurityPolicyMiddleware",  # CONTENT_SECURITY_POLICY; the admin's own
    "redaksi.core.cache.CacheHeadersMiddleware",  # sees the final response: cookies, CSRF use, status
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "redaksi.core.sites.CachedSiteMiddleware",  # after CommonMiddleware: only allowed hosts reach the cache
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "redaksi.newsroom.two_factor.TwoFactorMiddleware",  # publishers and admins: no admin page before the code
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "redaksi.ingest.wordpress.redirects.WordPressQueryRedirectMiddleware",  # /?p=ID of imported WordPress posts
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as axes asks: turns a locked-out sign-in into the lockout page
]

ROOT_URLCONF = "redaksi.urls"
WSGI_APPLICATION = "redaksi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "redaksi.core.context_processors.edition",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{VAR_DIR / 'redaksi.sqlite3'}", conn_max_age=60)}
# The embedded SQLite has several writers at once (editors, autosave, the schedule worker's heartbeat). WAL lets
# reads go on during a write; IMMEDIATE takes the write lock when a transaction begins, so a writer waits for it
# (up to the timeout, in seconds) instead of failing with "database is locked" when upgrading a read lock.
SQLITE_OPTIONS = {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "newsroom.User"

# Sign-in lockout (docs/security.md): 5 wrong passwords for one account from one address lock that pair for
# 15 minutes; the newsroom behind one NAT address keeps working while one person is locked out.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_VERBOSE = False  # no start-up banner on stdout (production logs go there)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "redaksi.readership.addresses.reader_address"  # X-Forwarded-For from trusted proxies only
AXES_LOCKOUT_CALLABLE = "redaksi.newsroom.security.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False  # no Django admin: the attempts are listed in Wagtail's (newsroom/security.py)
REDAKSI_REQUIRE_2FA = True  # off only in the test settings, for tests that sign staff in with force_login
CSRF_COOKIE_HTTPONLY = True  # Wagtail's admin reads the token from the page, never from the cookie
# Content-Security-Policy (docs/security.md): no inline script on the reader site (JSON-LD blocks are data, not run).
_VIDEO_FRAMES = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
_CSP_COMMON = {"object-src": ["'none'"], "base-uri": ["'self'"], "frame-ancestors": ["'self'"]}
_CSP_COMMON["form-action"] = ["'self'"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],  # and the hash of the brand colour's <style> (core_tags.brand_style)
        "img-src": ["'self'", "data:"],
        "frame-src": _VIDEO_FRAMES,
    }
}
REDAKSI_ADMIN_CSP = {
    **_CSP_COMMON,
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],  # Wagtail's admin templates carry inline scripts
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", *_VIDEO_FRAMES],  # page previews
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("REDAKSI_MEDIA_ROOT", VAR_DIR / "media"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
# The reader search index (redaksi/search/reader_index.py): derived from the database, one per machine.
SEARCH_INDEX_DIR = Path(os.environ.get("REDAKSI_SEARCH_INDEX_DIR", VAR_DIR / "search-index"))
WIRE_FOLDER_ROOT = Path(os.environ.get("REDAKSI_WIRE_FOLDER_ROOT", VAR_DIR / "wire"))  # folder wire sources (ingest)

WAGTAIL_SITE_NAME = "Redaksi"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "media.Photo"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_I18N_ENABLED = False
# Admin in Indonesian by default, English per user: gettext finds Wagtail's id_ID catalog for "id" (docs/newsroom.md).
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
# The admin's date pickers write these; ISO is the one input format Django accepts in every admin language.
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
WAGTAILEMBEDS_FINDERS = []  # no oEmbed calls to third parties: videos are our own snippets
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # avatars are uploaded or the default one: the admin calls no third party
# Wagtail's database backend with the Indonesian analyser (redaksi/search/backends.py, docs/search.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "redaksi.search.backends"}}
TAGGIT_CASE_INSENSITIVE = True

# One cache shared by every process (app servers, the schedule worker): Redis when REDIS_URL is set
# (production, `make prod-local`), otherwise files under var/ (`make demo`: runserver plus the worker).
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(url):
    """The cache fails open: with Redis down or slow a cache call is a miss (pages render from the database).

    A refused connection fails at once; a hung Redis costs at most the timeouts (under a second) a call. Ignored
    errors are not logged one by one (a dozen per page): /health/ says Redis is down, edition.py logs once.
    """
    options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.5}
    # No retries: redis-py's default (3, backing off up to 10 s) held every request for seconds per cache call.
    options["CONNECTION_POOL_KWARGS"] = {"retry": Retry(NoBackoff(), 0)}
    return {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url, "OPTIONS": options}


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": VAR_DIR / "cache"}
    }

# The edge cache Wagtail purges on publishing (redaksi/core/purge.py, docs/caching.md); unset: no purging.
EDGE_CACHE_URL = os.environ.get("EDGE_CACHE_URL", "")
if EDGE_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": EDGE_CACHE_URL}
    }

FRAMEWORK_LOG_LEVEL = os.environ.get("REDAKSI_FRAMEWORK_LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("REDAKSI_LOG_LEVEL", "INFO")},
    # Wagtail and django-tasks log a line per page save and background task: too chatty for INFO.
    "loggers": {
        name: {"level": os.environ.get("REDAKSI_FRAMEWORK_LOG_LEVEL", "WARNING")}
        for name in ("wagtail", "django_tasks")
    },
}
