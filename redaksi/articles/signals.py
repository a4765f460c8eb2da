from django.dispatch import receiver
from wagtail.signals import page_published, post_page_move

from .corrections import log_new_corrections
from .credits import credit_editor, publisher
from .models import ArticlePage, section_id_for_path


@receiver(post_page_move)
def refile_moved_stories(sender, instance, **kwargs):
    """Keep ArticlePage.section true to the tree when a story, folder or section moves."""
    if kwargs.get("url_path_before") == kwargs.get("url_path_after"):
        return
    section_id = section_id_for_path(instance.path)
    ArticlePage.objects.filter(path__startswith=instance.path).exclude(section_id=section_id).update(
        section_id=section_id
    )


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
