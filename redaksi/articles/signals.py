from django.dispatch import receiver
from wagtail.signals import post_page_move

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
