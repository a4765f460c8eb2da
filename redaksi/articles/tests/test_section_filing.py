"""A story's section follows its place in the tree: created in a folder, moved between desks."""

import datetime

import pytest
from django.utils import timezone

from redaksi.sections.tests.factories import SectionPageFactory

from ..models import ArticlePage
from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_new_story_takes_the_section_of_its_folder(home):
    news = SectionPageFactory(title="News")
    story = ArticlePageFactory(section=news)
    assert story.get_parent().slug == timezone.localtime().strftime("%Y-%m")
    assert story.section == news


def test_moving_a_story_to_another_desk_refiles_it(home):
    news, ekbis = SectionPageFactory(title="News"), SectionPageFactory(title="EkBis")
    story = ArticlePageFactory(section=news)
    story.move(ekbis.archive_month(timezone.now()), pos="last-child")
    assert ArticlePage.objects.get(pk=story.pk).section == ekbis


def test_archive_month_is_reused(home):
    news = SectionPageFactory(title="News")
    when = timezone.now()
    assert news.archive_month(when).pk == news.archive_month(when).pk


def test_month_folders_follow_jakarta_time(home):
    news = SectionPageFactory(title="News")
    new_year_in_jakarta = datetime.datetime(2021, 12, 31, 18, 30, tzinfo=datetime.UTC)  # 01:30 WIB, 1 Jan
    assert news.archive_month(new_year_in_jakarta).slug == "2022-01"
