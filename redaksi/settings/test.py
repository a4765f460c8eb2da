"""Test settings: SQLite by default, PostgreSQL when DATABASE_URL is set (see Makefile)."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="redaksi-test-media-"))
WIRE_FOLDER_ROOT = Path(tempfile.mkdtemp(prefix="redaksi-test-wire-"))
SEARCH_INDEX_DIR = None  # in memory, emptied before every test (redaksi/conftest.py)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # tests needing Redis start one
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
REDAKSI_REQUIRE_2FA = False  # the suite signs staff in with force_login; test_two_factor.py turns it on
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not shared memory: the live server's threads then each get their own connection, as the demo's
    # web server and worker do, under the WAL/IMMEDIATE settings; one shared in-memory connection would mix
    # the threads' transactions ("database table is locked").
    _test_db = Path(tempfile.mkdtemp(prefix="redaksi-test-db-")) / "test.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(_test_db)}  # noqa: F405
