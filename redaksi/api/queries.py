"""What each endpoint may show, and the loading that keeps its query count fixed however many rows it shows."""

from django.db.models import Prefetch, prefetch_related_objects

from redaksi.articles.models import ArticleAuthor, ArticlePage, ArticleTag
from redaksi.media.models import Video, prefetch_photo_renditions
from redaksi.people.models import Person
from redaksi.sections.models import SectionPage, Tag

from .body import public_blocks

CREDITS = Prefetch("authors", queryset=ArticleAuthor.objects.select_related("person"))
TAGS = Prefetch("tagged_items", queryset=ArticleTag.objects.select_related("tag").order_by("pk"))


def stories():
    """Public stories only: the rule every feed, sitemap and the API share (never drafts, scheduled or unpublished)."""
    return ArticlePage.objects.published()


def story_cards(queryset):
    """Prepare story summaries without N+1: section, hero image and renditions, authors, tags, corrections."""
    return queryset.for_listing().prefetch_related(CREDITS, TAGS, "corrections")


def story_detail(queryset):
    """Prepare a whole story: the summary's relations, the editor and the body (loaded later, see body_media)."""
    return queryset.select_related("section", "hero_image", "editor").prefetch_related(
        CREDITS, TAGS, "corrections", Prefetch("hero_image__renditions", to_attr="prefetched_renditions")
    )


def body_media(story):
    """Load the public body blocks' photos, video posters and all their renditions: a query per kind, not per block."""
    blocks = public_blocks(story)
    videos = [child.value for child in blocks if child.block_type == "video"]
    prefetch_related_objects(videos, "poster")
    photos = [child.value["image"] for child in blocks if child.block_type == "image"]
    prefetch_photo_renditions([*photos, *(clip.poster for clip in videos)])
    return blocks


def sections():
    return SectionPage.objects.live()


def tags():
    return Tag.objects.all()


def people():
    """People with their photos and the photos' renditions."""
    return Person.objects.select_related("photo").prefetch_related(
        Prefetch("photo__renditions", to_attr="prefetched_renditions")
    )


def videos():
    """Published videos (a future time schedules one) with posters and their renditions."""
    return Video.objects.published().for_listing()
