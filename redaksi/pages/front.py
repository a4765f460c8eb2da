"""The front page's stories: the headline, the editors' picks, the latest stream and one rail per section.

Every story comes as a card (section and hero image joined); the renditions of every picture on the page,
story photos and video posters alike, come in one prefetch at the end.
"""

from dataclasses import dataclass

from django.db.models import F, OuterRef, Subquery

from redaksi.articles.models import ArticlePage
from redaksi.core.models import MenuItem
from redaksi.media.models import Video, prefetch_photo_renditions
from redaksi.sections.models import SectionPage

LATEST_STORIES = 10
RAIL_STORIES = 4
FEATURED_VIDEOS = 4


@dataclass
class Rail:
    """A section's newest stories on the front page."""

    section: SectionPage
    stories: list


@dataclass
class Front:
    """Everything the front page lists, ready to render without further queries."""

    headline: ArticlePage | None
    picks: list
    latest: list
    rails: list
    videos: list

    def photos(self):
        """Every picture the page shows: hero images of all cards and the video posters."""
        stories = [self.headline, *self.picks, *self.latest, *(story for rail in self.rails for story in rail.stories)]
        return [story.hero_image for story in stories if story] + [video.poster for video in self.videos]


def cards():
    """Published stories with what a card shows; build_front prefetches the renditions for all cards at once."""
    return ArticlePage.objects.published().defer_streamfields().select_related("section", "hero_image")


def build_front(home, settings):
    """Collect the front page of `home` in a fixed number of queries (plus one per section rail)."""
    headline, picks = editors_choice(home)
    shown = [story.pk for story in (headline, *picks) if story]
    latest = list(cards().exclude(pk__in=shown).newest_first()[: LATEST_STORIES + (headline is None)])
    if headline is None and latest:
        headline = latest.pop(0)
    front = Front(headline, picks, latest, section_rails(settings), featured_videos())
    prefetch_photo_renditions(front.photos())
    return front


def editors_choice(home):
    """Return the editors' headline (None unless live) and their live pinned stories in their order.

    Reads the picks through `home.picks`, so a preview shows the unsaved choice; two queries.
    """
    pick_ids = [pick.story_id for pick in home.picks.all()]
    chosen = cards().in_bulk([pk for pk in (home.headline_story_id, *pick_ids) if pk])
    headline = chosen.get(home.headline_story_id)
    picks = [chosen[pk] for pk in dict.fromkeys(pick_ids) if pk in chosen and pk != home.headline_story_id]
    return headline, picks


def sections_in_menu_order(settings):
    """The live sections: those in the main menu in its order, then the others by title; one query.

    Sections live only under the one home page, so no tree filter: on SQLite a `child_of` is a LIKE on the
    path of every page (140 ms at 1M stories).
    """
    position = MenuItem.objects.filter(settings=settings, link_page=OuterRef("pk")).order_by("sort_order")
    return (
        SectionPage.objects.live()
        .annotate(menu_position=Subquery(position.values("sort_order")[:1]))
        .order_by(F("menu_position").asc(nulls_last=True), "title")
    )


def section_rails(settings):
    """One rail per section that has stories, each with its newest few; one query per section.

    Desks are few and each query is an indexed LIMIT on the newest stories. One query for all rails
    would need a window function over every published story (a scan that grows with the archive) or a
    UNION of limited subqueries, which SQLite cannot run.
    """
    rails = [
        Rail(section, list(cards().in_section(section).newest_first()[:RAIL_STORIES]))
        for section in sections_in_menu_order(settings)
    ]
    return [rail for rail in rails if rail.stories]


def featured_videos():
    """Video Pilihan: the newest videos editors featured, with their posters."""
    return list(Video.objects.featured()[:FEATURED_VIDEOS])
