"""Berita Terkait and the automatic "Baca Juga": stories related to a story by shared tags, then by section.

Bounded at any archive size: tag matches are looked for only among stories published within
RELATED_WINDOW either side of the story (an indexed time range: a few months of stories, however many
years the archive holds), and the section fill reads the newest few of the section through the
(section, published_at) index. Two queries, whatever the number of tags or of matching stories.
"""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from .models import ArticlePage, ArticleTag

RELATED_STORIES = 5  # shown in Berita Terkait
RELATED_WINDOW = timedelta(days=120)


def related_stories(story, limit=RELATED_STORIES, exclude=()):
    """Up to `limit` published stories: most shared tags first, newest first among equals, then the section's newest.

    Never `story` itself nor the ids in `exclude`. Reads the story's tags from `tagged_items`, which
    story_parts() prefetches. The stories come with section and hero image, renditions not included.
    """
    excluded = {story.pk, *exclude}
    tag_ids = [tagged.tag_id for tagged in story.tagged_items.all()]
    by_tags = sharing_tags(story, tag_ids, excluded, limit) if tag_ids else []
    by_section = list(candidates(excluded).filter(section_id=story.section_id).newest_first()[:limit])
    merged = {related.pk: related for related in [*by_tags, *by_section]}
    return list(merged.values())[:limit]


def candidates(excluded):
    return (
        ArticlePage.objects.published()
        .exclude(pk__in=excluded)
        .defer_streamfields()
        .select_related("section", "hero_image")
    )


def sharing_tags(story, tag_ids, excluded, limit):
    """The `limit` stories sharing most of `tag_ids` with `story` within RELATED_WINDOW of its publication."""
    published = story.published_at or timezone.now()
    window = (published - RELATED_WINDOW, published + RELATED_WINDOW)
    ranked = (
        ArticleTag.objects.filter(
            tag_id__in=tag_ids, content_object__live=True, content_object__published_at__range=window
        )
        .exclude(content_object_id__in=excluded)
        .values("content_object_id")
        .annotate(shared=Count("pk"))
        .order_by("-shared", "-content_object__published_at", "-content_object_id")
        .values("content_object_id")[:limit]
    )
    shared = Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids))
    return list(
        candidates(excluded)
        .filter(pk__in=ranked)
        .annotate(shared_tags=shared)
        .order_by("-shared_tags", "-published_at", "-pk")
    )


def suggestion(related, shown=RELATED_STORIES):
    """The automatic "Baca Juga": the best related story Berita Terkait does not show, else its first."""
    if not related:
        return None
    return related[shown] if len(related) > shown else related[0]
