from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.signals import init_new_page, page_published, page_unpublished, post_page_move

from redaksi.core.purge import purge_everything
from redaksi.people.models import Person
from redaksi.sections.models import SectionPage

from . import purge
from .corrections import log_new_corrections
from .credits import credit_editor, publisher
from .models import ArticleAuthor, ArticlePage, section_id_for_path
from .privacy import refresh_privacy


@receiver(init_new_page)
def start_new_story(sender, page, parent, **kwargs):
    """A new story opens with its writer as author and an empty first paragraph to type into."""
    if not isinstance(page, ArticlePage):
        return
    writer = Person.objects.filter(user_id=page.owner_id).first()
    if writer:
        page.authors = [ArticleAuthor(person=writer)]
    page.body = [("paragraph", RichText(""))]


@receiver(post_page_move)
def refile_moved_stories(sender, instance, **kwargs):
    """Keep ArticlePage.section true to the tree when a story, folder or section moves."""
    if kwargs.get("url_path_before") == kwargs.get("url_path_after"):
        return
    section_id = section_id_for_path(instance.path)
    ArticlePage.objects.filter(path__startswith=instance.path).exclude(section_id=section_id).update(
        section_id=section_id
    )
    refresh_privacy(instance.path)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def follow_privacy_settings(sender, instance, **kwargs):
    """Mark the stories a privacy setting now covers, or no longer covers, as private or not."""
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path:  # None when the restriction goes with its page
        refresh_privacy(path)


@receiver(page_published, sender=ArticlePage)
def credit_and_log_published_story(sender, instance, revision, **kwargs):
    """Credit the publishing editor when the story names none, and log corrections that just went live.

    Wagtail also sends page_published when it schedules a story that has never been live: skip that.
    """
    if not instance.live:
        return
    user = publisher(instance, revision)
    credit_editor(instance, revision, user)
    log_new_corrections(instance, revision, user)


@receiver(page_published, sender=ArticlePage)
def purge_published_story(sender, instance, **kwargs):
    """Purge the pages showing a story that went live or changed (corrections, the schedule worker, embargoes)."""
    if instance.live:  # not when Wagtail only schedules a story that has never been live
        purge.purge_story(instance)


@receiver(page_unpublished, sender=ArticlePage)
def purge_unpublished_story(sender, instance, **kwargs):
    """Purge the pages that showed a story now unpublished or withdrawn."""
    purge.purge_story(instance)


@receiver(pre_delete, sender=ArticlePage)
def purge_deleted_story(sender, instance, **kwargs):
    """Purge the pages that showed a live story being deleted (its tags and authors go with it: read them now)."""
    if instance.live:
        purge.purge_story(instance)


@receiver(post_page_move)
def purge_moved_pages(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """A story moved between desks leaves one section and joins another; a moved folder or section changes more."""
    if kwargs.get("url_path_before") == kwargs.get("url_path_after"):
        return
    if not isinstance(instance.specific_deferred, ArticlePage):
        purge_everything()
        return
    section_ids = {section_id_for_path(parent.path) for parent in (parent_page_before, parent_page_after)}
    story = ArticlePage.objects.select_related("section").get(pk=instance.pk)
    purge.purge_story(story, SectionPage.objects.filter(pk__in=section_ids))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def purge_privacy_change(sender, instance, **kwargs):
    """A privacy setting on a story purges its pages; on a section or above, every page."""
    story = ArticlePage.objects.filter(pk=instance.page_id).select_related("section").first()
    if story:
        purge.purge_story(story)
    elif Page.objects.filter(pk=instance.page_id).exists():
        purge_everything()
