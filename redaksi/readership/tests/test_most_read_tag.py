"""The Terpopuler box: two numbered lists, last 24 hours and last 7 days, plain HTML without JavaScript."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.readership.models import HourlyReads
from redaksi.readership.services import hour_of

pytestmark = pytest.mark.django_db


def render_most_read():
    template = Template("{% load readership_tags %}{% most_read %}")
    return template.render(Context({"request": RequestFactory().get("/")}))


def test_box_lists_the_day_and_the_week_with_their_stories(news):
    fresh = ArticlePageFactory(section=news, title="Rupiah menguat")
    older = ArticlePageFactory(section=news, title="Harga emas turun", short_title="Emas turun")
    now = hour_of(timezone.now())
    HourlyReads.objects.create(article=fresh, hour=now, reads=5)
    HourlyReads.objects.create(article=older, hour=now - datetime.timedelta(days=3), reads=50)

    html = render_most_read()

    day, week = html.split('id="most-read-week"')
    assert "Terpopuler" in day and "24 jam terakhir" in day
    assert "Rupiah menguat" in day and "Emas turun" not in day
    assert "7 hari terakhir" in week
    assert week.index("Emas turun") < week.index("Rupiah menguat")
    assert f'href="{fresh.url}"' in day
    assert '<ol class="most-read-list">' in html


def test_box_says_so_when_nothing_was_read(news):
    ArticlePageFactory(section=news)

    html = render_most_read()

    assert html.count("Belum ada bacaan yang tercatat.") == 2
