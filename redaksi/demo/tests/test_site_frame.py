"""The outlet's frame matches the seed page: its menu, sections, built-in pages and social links."""

import pytest

from redaksi.articles.models import ArticleIndexPage
from redaksi.core.models import SiteSettings
from redaksi.media.models import VideoIndexPage
from redaksi.pages.models import StandardPage
from redaksi.sections.models import SectionPage

from .conftest import load_demo

pytestmark = pytest.mark.django_db

SEED_MENU = [
    "News",
    "EkBis",
    "New Economy",
    "Kabar Finansial",
    "Global Connections",
    "Sport & Lifestyle",
    "Video",
    "Indeks",
    "About Us",
    "Social Media",
]


def menu(site):
    return list(SiteSettings.for_site(site).menu_items.order_by("sort_order"))


def test_menu_is_the_seed_menu_in_order(loaded, site):
    assert [item.label for item in menu(site)] == SEED_MENU


def test_menu_links_sections_builtin_pages_and_social_anchor(loaded, site):
    items = {item.label: item for item in menu(site)}
    assert isinstance(items["EkBis"].link_page.specific, SectionPage)
    assert isinstance(items["Video"].link_page.specific, VideoIndexPage)
    assert isinstance(items["Indeks"].link_page.specific, ArticleIndexPage)
    assert items["About Us"].link_page.specific.slug == "tentang-kami"
    assert items["Social Media"].link_url == "#sosial-media"


def test_sections_are_home_children_in_menu_order(loaded, home):
    slugs = list(SectionPage.objects.child_of(home).order_by("path").values_list("slug", flat=True))
    expected = ["news", "ekbis", "new-economy", "kabar-finansial", "global-connections", "sport-lifestyle"]
    assert slugs == expected
    assert all(SectionPage.objects.filter(live=True).values_list("description", flat=True))


def test_outlet_identity_and_social_links(loaded, site):
    settings = SiteSettings.for_site(site)
    assert settings.outlet_name == "Warta Ekonomi"
    assert [url for _label, url in settings.social_links][0] == "https://www.facebook.com/wartaekonomi"
    assert len(settings.social_links) == 6


def test_about_page_says_it_is_a_demo(loaded):
    about = StandardPage.objects.get(slug="tentang-kami")
    assert about.live and about.live_revision_id
    assert "demo Redaksi" in about.body and "CC BY-SA 4.0" in about.body


def test_a_second_run_keeps_what_editors_changed(loaded, site):
    settings = SiteSettings.for_site(site)
    settings.tagline = "Tagline pilihan redaksi"
    settings.save()
    settings.menu_items.filter(label="Social Media").delete()
    load_demo()
    settings = SiteSettings.for_site(site)
    assert settings.tagline == "Tagline pilihan redaksi"
    assert [item.label for item in menu(site)] == SEED_MENU[:-1]
