"""The seed article comes in through the text importer, with its "Baca Juga" story before it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from redaksi.articles.models import ArticlePage
from redaksi.demo.seed import RELATED, SEED

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


def test_seed_story_is_live_with_its_editor_and_wire(loaded):
    seed = ArticlePage.objects.get(guid=SEED.guid)
    assert seed.live and seed.live_revision_id and not seed.has_unpublished_changes
    assert seed.editor.name == "Muhammad Syahrianto"
    assert (seed.wire_source, seed.source_url) == ("Reuters", "https://www.reuters.com/")
    assert seed.first_published_at == datetime(2022, 1, 21, 21, 10, tzinfo=WIB)
    assert seed.hero_image.credit == "Reuters/Anna Kudriavtseva"


def test_baca_juga_links_the_s400_story(loaded):
    seed = ArticlePage.objects.get(guid=SEED.guid)
    related = [block.value["story"] for block in seed.body if block.block_type == "related_story"]
    assert [story.title for story in related] == [
        "Kekuatan Rusia di Mana-mana, Sistem Rudal S-400 Gabung dalam Latihan Militer di Belarus"
    ]
    assert related[0].pk == ArticlePage.objects.get(guid=RELATED.guid).pk and related[0].live


def test_both_are_filed_in_their_publication_month(loaded):
    for guid in (RELATED.guid, SEED.guid):
        story = ArticlePage.objects.get(guid=guid)
        assert story.get_parent().slug == "2022-01"
        assert story.section.slug == "global-connections"


def test_seed_url_and_admin_login_are_printed(loaded):
    seed = ArticlePage.objects.get(guid=SEED.guid)
    assert f"Seed story: http://testserver{seed.url}" in loaded
    assert "Admin:      http://testserver/admin/" in loaded
    assert "Username:   admin" in loaded
