"""The demo front page: the seed story as the headline and the newest stories from other desks pinned under it."""

from django.db.models import OuterRef, Subquery

from redaksi.articles.models import ArticlePage
from redaksi.pages.models import HomePage, HomePick
from redaksi.sections.models import SectionPage

PINNED_STORIES = 3


def load_front(headline):
    """Choose the front page's headline and pinned stories unless editors have chosen any; return the home page.

    Publishes the choice as a revision, so the home page's edit screen shows what readers see.
    """
    home = HomePage.objects.get()
    if home.headline_story_id or home.picks.exists():
        return home
    home.headline_story = headline
    home.picks = [HomePick(story=story, sort_order=order) for order, story in enumerate(pinned_stories(headline))]
    home.save_revision().publish()
    return home


def pinned_stories(headline):
    """The newest story of each desk other than the headline's, the newest PINNED_STORIES of those."""
    newest = ArticlePage.objects.published().filter(section=OuterRef("pk")).newest_first().values("pk")[:1]
    desks = SectionPage.objects.live().exclude(pk=headline.section_id).annotate(newest=Subquery(newest))
    story_ids = [pk for pk in desks.values_list("newest", flat=True) if pk]
    return list(ArticlePage.objects.filter(pk__in=story_ids).newest_first()[:PINNED_STORIES])
