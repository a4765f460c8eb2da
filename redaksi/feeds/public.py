"""What is public now: the one rule every feed and sitemap lists stories by."""

from django.db.models import Prefetch

from redaksi.articles.models import ArticleAuthor, ArticlePage, ArticleTag


def public_stories():
    """Published, live stories: never drafts, scheduled stories (not live yet) or unpublished ones."""
    return ArticlePage.objects.published()


def for_syndication(stories):
    """Prepare feed items without N+1: section, hero image, authors with their people, tags."""
    return (
        stories.defer_streamfields()
        .select_related("section", "hero_image")
        .prefetch_related(
            Prefetch("authors", queryset=ArticleAuthor.objects.select_related("person")),
            Prefetch("tagged_items", queryset=ArticleTag.objects.select_related("tag")),
        )
    )
