from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_unpublished

from redaksi.articles.models import ArticlePage

from .services import forget_rankings


@receiver(page_unpublished, sender=ArticlePage)
@receiver(post_delete, sender=ArticlePage)
def drop_rankings_of_a_withdrawn_story(sender, instance, **kwargs):
    """A withdrawn or deleted story must not linger in Terpopuler (nor in pages rebuilt after the purge)."""
    forget_rankings()
