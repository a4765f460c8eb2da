"""A desk's stories as the newsroom reads them: every state, across month folders, a keyset page at a time.

Order: stories not yet published first (drafts, in review, scheduled; newest first), then published stories,
latest first. That is one backward walk of the index `article_section_time_idx` (section, published_at,
page id), so page 5,000 of a desk costs what page 1 does: no OFFSET, and a constant number of queries.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.db.models.functions import Cast
from django.http import Http404
from django.utils.translation import pgettext_lazy
from wagtail.models import Page, Revision, WorkflowState

from redaksi.articles.models import ArticleAuthor, ArticlePage
from redaksi.articles.pagination import OLDER, cursor

from .wib import wib

PER_PAGE = 50

DRAFT = pgettext_lazy("story status", "draft")
IN_REVIEW = pgettext_lazy("story status", "awaiting review")
CHANGES_REQUESTED = pgettext_lazy("story status", "changes requested")
SCHEDULED = pgettext_lazy("story status", "scheduled %(time)s")
LIVE = pgettext_lazy("story status", "live")


@dataclass
class DeskPage:
    """One page of a desk's stories and the id of the story the next page continues from (None on the last)."""

    stories: list
    older_cursor: int | None


def desk_stories(section):
    """Every story of `section` with what its row shows, in listing order.

    Avoids N+1: the review state and the approved go-live time are subqueries of the listing query,
    the owner is joined; the bylines come with `desk_page` in one more query for the visible rows.
    """
    page_type = ContentType.objects.get_for_model(Page)  # cached by Django after the first call
    story_id = Cast(OuterRef("pk"), output_field=CharField())
    review = WorkflowState.objects.active().filter(base_content_type=page_type, object_id=story_id)
    schedule = Revision.page_revisions.filter(object_id=story_id, approved_go_live_at__isnull=False)
    return (
        ArticlePage.objects.filter(section=section)
        .defer_streamfields()
        .select_related("owner")
        .annotate(
            review_status=Subquery(review.order_by("-created_at").values("status")[:1]),
            approved_go_live=Subquery(schedule.order_by("-created_at").values("approved_go_live_at")[:1]),
        )
        .order_by(F("published_at").desc(nulls_first=True), "-pk")
    )


def desk_page(stories, params, per_page=None):
    """The page of `stories` that GET `params` ask for (`?sebelum=<id>` continues after that story).

    A junk cursor, or one naming a story outside the listing, raises Http404.
    """
    per_page = per_page or PER_PAGE
    older = cursor(params, OLDER)
    if older is not None:
        stories = stories.filter(following(stories, older))
    rows = list(stories[: per_page + 1])
    authors = Prefetch("authors", queryset=ArticleAuthor.objects.select_related("person"))
    prefetch_related_objects(rows[:per_page], authors)
    return DeskPage(rows[:per_page], rows[per_page - 1].pk if len(rows) > per_page else None)


def following(stories, pk):
    """The stories after story `pk` in listing order (unpublished ones first, then by publication time)."""
    key = stories.filter(pk=pk).values_list("published_at").first()
    if key is None:
        raise Http404("The cursor story is not in this listing.")
    published_at = key[0]
    if published_at is None:
        return Q(published_at__isnull=True, pk__lt=pk) | Q(published_at__isnull=False)
    return Q(published_at__lt=published_at) | Q(published_at=published_at, pk__lt=pk)


def status_of(story):
    """The story's state in the newsroom's words: in review, changes requested, scheduled (WIB), live or draft."""
    if story.review_status == WorkflowState.STATUS_IN_PROGRESS:
        return IN_REVIEW
    if story.review_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return CHANGES_REQUESTED
    if story.approved_go_live:
        return SCHEDULED % {"time": wib(story.approved_go_live)}
    return LIVE if story.live else DRAFT


def bylines(story):
    """The story's authors' names, or the account that created it when it has no byline yet."""
    names = [author.person.name for author in story.authors.all()]
    if names:
        return ", ".join(names)
    return story.owner.get_full_name() or story.owner.get_username() if story.owner else ""


def edited_at(story):
    """When the story was last saved, in WIB; empty for a story never saved through a revision."""
    return wib(story.latest_revision_created_at) if story.latest_revision_created_at else ""
