"""A story's source link ("Baca selengkapnya") is a web address, never another scheme."""

import pytest
from django.core.exceptions import ValidationError

from .factories import ArticlePageFactory


@pytest.mark.parametrize("link", ["ftp://www.reuters.com/", "javascript:alert(1)", "/read1/lokal"])
def test_a_story_source_link_must_be_a_web_address(news, link):
    story = ArticlePageFactory.build(section=news, source_url=link)
    with pytest.raises(ValidationError) as refused:
        story.clean_fields(exclude=["path", "depth", "content_type"])
    assert "source_url" in refused.value.message_dict


def test_a_web_source_link_is_accepted(news):
    ArticlePageFactory.build(section=news, source_url="https://www.reuters.com/world/").clean_fields(
        exclude=["path", "depth", "content_type"]
    )
