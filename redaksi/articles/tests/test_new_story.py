"""A new story opens ready to type: its writer as author, one empty paragraph; an untouched paragraph is dropped."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from redaksi.articles.models import ArticlePage
from redaksi.newsroom import roles
from redaksi.newsroom.services import assign_role, create_newsroom_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter(news):
    user, person, _password = create_newsroom_user("rina", "Rina Kusuma", "rina@redaksi.example")
    assign_role("rina", roles.WARTAWAN, [news.slug])
    client = Client()
    client.force_login(user)
    client.person = person
    return client


def add_url(news):
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", news.archive_month(timezone.now()).pk))


def test_the_new_story_form_names_its_writer_as_author_and_opens_a_paragraph(reporter, news):
    form = reporter.get(add_url(news)).context["form"]

    authors = form.formsets["authors"]
    assert [author_form["person"].value() for author_form in authors.forms] == [reporter.person.pk]
    assert [block.block_type for block in form["body"].value()] == ["paragraph"]


def test_an_untouched_first_paragraph_is_not_saved_and_written_ones_are(reporter, news):
    blocks = [("paragraph", rich_text("")), ("paragraph", rich_text("<p>Harga cabai naik.</p>"))]
    data = nested_form_data(
        {
            "title": "Harga cabai naik",
            "slug": slugify("Harga cabai naik"),
            "body": streamfield(blocks),
            "authors": inline_formset([{"person": reporter.person.pk}]),
            "corrections": inline_formset([]),
            "tags": "",
        }
    )
    assert reporter.post(add_url(news), data).status_code == 302

    story = ArticlePage.objects.get(title="Harga cabai naik")
    body = story.get_latest_revision_as_object().body
    saved = [(block.block_type, strip_tags(block.value.source)) for block in body]
    assert saved == [("paragraph", "Harga cabai naik.")]
