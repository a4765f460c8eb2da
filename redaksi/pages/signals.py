"""Edge purges for what is not a story: the front page's order, other pages, the menu and site settings."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from redaksi.articles import purge
from redaksi.articles.models import ArticlePage
from redaksi.core.models import MenuItem, SiteSettings
from redaksi.sections.models import ArchiveMonthPage

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


@receiver(post_save, sender=SiteSettings)
@receiver(post_delete, sender=SiteSettings)
@receiver(post_save, sender=MenuItem)
@receiver(post_delete, sender=MenuItem)
def purge_site_for_settings(sender, **kwargs):
    """The outlet's name, menu or social links changed: every page shows them."""
    purge.purge_everything()
