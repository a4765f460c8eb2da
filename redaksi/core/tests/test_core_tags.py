"""Template tags: WIB times in the active language, the dateline lead, brand colour, the main menu."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.safestring import SafeString

from redaksi.core.edition import new_edition
from redaksi.core.models import MenuItem, SiteSettings
from redaksi.core.templatetags.core_tags import css_colour, lead_with, wib, wib_date
from redaksi.sections.tests.factories import SectionPageFactory

UTC_MORNING = datetime.datetime(2022, 1, 21, 3, 15, tzinfo=datetime.UTC)


def test_wib_prints_jakarta_time_in_indonesian():
    with translation.override("id"):
        assert wib(UTC_MORNING) == "Jumat, 21 Januari 2022 | 10:15 WIB"


def test_wib_prints_english_day_and_month():
    with translation.override("en"):
        assert wib(UTC_MORNING) == "Friday, 21 January 2022 | 10:15 WIB"


def test_wib_crosses_midnight_into_the_jakarta_day():
    late = datetime.datetime(2022, 1, 20, 18, 30, tzinfo=datetime.UTC)
    with translation.override("id"):
        assert wib(late) == "Jumat, 21 Januari 2022 | 01:30 WIB"
        assert wib_date(late) == "Jumat, 21 Januari 2022"


def test_wib_ignores_the_active_time_zone():
    with timezone.override("Europe/Berlin"), translation.override("id"):
        assert wib(UTC_MORNING).endswith("10:15 WIB")


@pytest.mark.parametrize("empty", [None, ""])
def test_wib_of_nothing_is_empty(empty):
    assert wib(empty) == "" and wib_date(empty) == ""


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Menteri berkata.</p>", '<p><span class="dateline">Warta, Jenewa -</span> Menteri berkata.</p>'),
        (
            '<p data-block-key="a1b2c">Menteri.</p><p>Dua.</p>',
            '<p data-block-key="a1b2c"><span class="dateline">Warta, Jenewa -</span> Menteri.</p><p>Dua.</p>',
        ),
        ("<h2>Judul</h2>", '<p><span class="dateline">Warta, Jenewa -</span> </p><h2>Judul</h2>'),
    ],
)
def test_lead_with_opens_the_first_paragraph(html, expected):
    result = lead_with(SafeString(html), "Warta, Jenewa -")
    assert result == expected and isinstance(result, SafeString)


def test_lead_with_escapes_the_dateline_and_unsafe_text():
    assert lead_with("<p>x</p>", "<b>") == '<p><span class="dateline">&lt;b&gt;</span> </p>&lt;p&gt;x&lt;/p&gt;'


@pytest.mark.parametrize(
    ("value", "expected"),
    [("#c81e1e", "#c81e1e"), ("#abc", "#abc"), ("red;}", "#0b4f8a"), ("", "#0b4f8a"), ("#12345g", "#0b4f8a")],
)
def test_css_colour_lets_only_hex_colours_into_the_style(value, expected):
    assert css_colour(value) == expected


@pytest.mark.django_db
def test_main_menu_is_one_query_and_marks_the_current_section(site, django_assert_num_queries):
    news, sport = SectionPageFactory(title="News"), SectionPageFactory(title="Sport")
    settings = SiteSettings.objects.create(site=site, outlet_name="Warta Ekonomi")
    for order, (label, page) in enumerate([("News", news), ("Sport", sport)]):
        MenuItem.objects.create(settings=settings, label=label, link_page=page, sort_order=order)
    MenuItem.objects.create(settings=settings, label="Social Media", link_url="#sosial-media", sort_order=9)
    request = RequestFactory().get("/")
    SiteSettings.for_request(request)  # the page's base template has loaded the settings already
    news.url, sport.url  # noqa: B018 - warm the site root paths cache, as any page request does
    template = Template("{% load core_tags %}{% main_menu %}")
    with django_assert_num_queries(1):
        html = template.render(Context({"request": request, "page": sport}))
    assert html.index(">News<") < html.index(">Sport<") < html.index(">Social Media<")
    assert f'<a href="{sport.url}" aria-current="page">Sport</a>' in html
    assert '<a href="#sosial-media">Social Media</a>' in html


@pytest.mark.django_db
def test_main_menu_is_kept_until_the_next_edition(site, django_assert_num_queries):
    news = SectionPageFactory(title="News")
    settings = SiteSettings.objects.create(site=site, outlet_name="Warta Ekonomi")
    item = MenuItem.objects.create(settings=settings, label="News", link_page=news, sort_order=0)
    template = Template("{% load core_tags %}{% main_menu %}")

    def render():
        return template.render(Context({"request": RequestFactory().get("/"), "page": news}))

    assert ">News<" in render()
    item.label = "Berita"
    item.save()
    with django_assert_num_queries(1):  # the site only: the links come from the cache
        assert ">News<" in render()
    new_edition()  # what saving the site settings does (core signals purge the edge and start an edition)
    assert '<a href="/news/" aria-current="page">Berita</a>' in render()
