"""Edge purges for what is not a story: the front page's order, other pages, the menu and site settings, and
the people, tags, photos and videos that pages show."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished

from redaksi.articles.models import ArticlePage
from redaksi.core import purge
from redaksi.core.models import MenuItem, SiteSettings
from redaksi.media.models import Photo, Video
from redaksi.people.models import Person
from redaksi.sections.models import ArchiveMonthPage, Tag

from .models import HomePage

PURGED_ELSEWHERE = (ArticlePage, ArchiveMonthPage)  # stories: articles/signals.py; folders answer 404


@receiver(page_published, sender=HomePage)
def purge_front_page(sender, instance, **kwargs):
    """The editors re-ordered the front page (headline, picks): purge it in every language."""
    purge.purge_on_commit(purge.home_paths(instance), instance.get_site())


@receiver(page_published)
@receiver(page_unpublished)
def purge_site_for_page(sender, instance, **kwargs):
    """A section, static page, Indeks or video hub changed: menus and cards everywhere may name it."""
    if not issubclass(sender, (HomePage, *PURGED_ELSEWHERE)):
        purge.purge_everything()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=SiteSettings)
@receiver(post_delete, sender=SiteSettings)
@receiver(post_save, sender=MenuItem)
@receiver(post_delete, sender=MenuItem)
def purge_site_for_settings(sender, **kwargs):
    """The outlet's name, menu, social links or site (host, root page) changed: every page shows them."""
    purge.purge_everything()


@receiver(post_save, sender=Person)
@receiver(post_save, sender=Tag)
@receiver(post_save, sender=Photo)
def purge_site_for_edited_name_or_picture(sender, created, **kwargs):
    """A byline, tag or photo caption, credit or crop changed: every page may show it. New ones show nowhere yet."""
    if not created:
        purge.purge_everything()


@receiver(post_delete, sender=Person)
@receiver(post_delete, sender=Tag)
@receiver(post_delete, sender=Photo)
@receiver(post_save, sender=Video)
@receiver(post_delete, sender=Video)
def purge_site_for_shared_content(sender, **kwargs):
    """A person, tag or photo went, or a video changed ("Video Pilihan" is on every story and the front page)."""
    purge.purge_everything()
