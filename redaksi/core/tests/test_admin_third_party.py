"""The admin loads nothing from third parties: avatars come from the site, not Gravatar."""

import re

import pytest
from django.urls import reverse

from redaksi.articles.tests.editing import edit_url, newsroom_account, published_story

pytestmark = pytest.mark.django_db

# What a browser fetches by itself: images, scripts, frames, stylesheets and icons.
LOADED = re.compile(r'<(?:img|script|iframe|source|link)\b[^>]*?\s(?:src|srcset|href)="([^"]+)"')


def third_party(html):
    """The addresses in `html` that a browser would load from another host."""
    return [url for url in LOADED.findall(html) if re.match(r"(https?:)?//(?!testserver[/:])", url)]


def test_admin_screens_load_nothing_from_other_hosts(client, home):
    editor = newsroom_account("ani")  # an account with an e-mail address: Wagtail's default is its Gravatar
    story = published_story(editor, title="Harga beras naik")
    client.force_login(editor)

    for url in [reverse("wagtailadmin_home"), edit_url(story), reverse("wagtailadmin_account")]:
        html = client.get(url).content.decode()
        assert "avatar" in html  # the screens do show the editor's avatar
        assert third_party(html) == [], url
