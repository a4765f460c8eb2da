from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, post_page_move

from .corrections import log_new_corrections
from .credits import credit_editor, publisher
from .models import ArticlePage, section_id_for_path
from .privacy import refresh_privacy


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
