"""Stories reach and leave the reader search index in the request that changes them."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from redaksi.articles.models import ArticlePage
from redaksi.core.signals import site_restored

from .index import index_stories, refile_stories, remove_stories
from .models import SearchSynonym
from .reader_index import reader_index
from .synonyms import forget_synonyms

post_save.connect(forget_synonyms, sender=SearchSynonym, dispatch_uid="search_forget_synonyms_saved")
post_delete.connect(forget_synonyms, sender=SearchSynonym, dispatch_uid="search_forget_synonyms_deleted")


@receiver(site_restored)
def rebuild_after_a_restore(sender, **kwargs):
    """Build this machine's reader index afresh from the restored entries; other machines see the restore."""
    stories = reader_index().rebuild_now()
    return f"Rebuilt this machine's search index ({stories} stories); other machines' rebuild by themselves"


@receiver(page_published, sender=ArticlePage)
def index_published_story(sender, instance, **kwargs):
    """Index a story when it is published or republished (a correction); a scheduling signal drops it."""
    index_stories([instance])


@receiver(page_unpublished, sender=ArticlePage)
def remove_unpublished_story(sender, instance, **kwargs):
    """Drop a story that was unpublished or withdrawn."""
    remove_stories([instance.pk])


@receiver(post_delete, sender=ArticlePage)
def remove_deleted_story(sender, instance, **kwargs):
    """Drop a deleted story's text (its entry row cascades away)."""
    remove_stories([instance.pk])


@receiver(post_page_move)
def refile_moved_stories(sender, instance, **kwargs):
    """Follow a story, folder or section to its new section."""
    if kwargs.get("url_path_before") != kwargs.get("url_path_after"):
        refile_stories(instance.path)
        index_stories(ArticlePage.objects.filter(path__startswith=instance.path, private=True))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def follow_privacy_settings(sender, instance, **kwargs):
    """Drop stories a privacy setting now covers; bring back those it no longer covers.

    Runs after the articles app's receiver has refreshed ArticlePage.private (app order).
    """
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path:
        index_stories(ArticlePage.objects.filter(path__startswith=path))
