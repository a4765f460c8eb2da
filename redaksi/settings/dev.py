"""Local development and `make demo`: SQLite and local files under var/."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env_list

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
INTERNAL_IPS = ["127.0.0.1"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

VAR_DIR.mkdir(parents=True, exist_ok=True)  # SQLite and media live here; var/ is not in git
