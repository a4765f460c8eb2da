"""The outlet and its News section, shared with the article tests."""

from redaksi.articles.tests.conftest import news, outlet  # noqa: F401  (fixtures)
