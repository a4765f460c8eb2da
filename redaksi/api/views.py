"""Read-only JSON endpoints under /api/v1/: public stories, sections, tags, people and videos."""

from redaksi.articles.models import ArticleAuthor, ArticleTag
from redaksi.articles.pagination import NEWEST_FIRST
from redaksi.core.keyset import Keyset

from . import body, cursor, openapi, queries
from . import representations as shapes
from .params import check_known, identifier, limit, moment, slug
from .responses import ApiError, api_endpoint, bad_parameter

TREE_ORDER = Keyset(("path",), (str,))
BY_NAME = Keyset(("name", "pk"), (str, int))
PAGING = {"cursor", "limit"}
STORY_FILTERS = {"section", "tag", "person", "published_after", "published_before"}


def listing(request, queryset, keyset, shape):
    """One cursor page of `queryset` in `keyset` order, each row in `shape`, with the next page's cursor and URL."""
    rows, next_cursor = cursor.page(queryset, keyset, request.GET, limit(request.GET))
    next_url = None
    if next_cursor:
        query = request.GET.copy()
        query["cursor"] = next_cursor
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return {"results": [shape(request, row) for row in rows], "next_cursor": next_cursor, "next": next_url}


def find(request, queryset, raw_id, noun):
    """The row with the path's id, or a 404 naming `id`; the endpoint takes no query parameters."""
    check_known(request.GET, ())
    row = queryset.filter(pk=identifier(raw_id)).first()
    if row is None:
        raise ApiError(404, f"No public {noun} has this id.", "id")
    return row


def named(queryset, params, name):
    """The row a slug filter names, or None without the filter; an unknown slug is a 400."""
    value = slug(params, name)
    if value is None:
        return None
    row = queryset.filter(slug=value).first()
    if row is None:
        raise bad_parameter(name, f"No {name} has the slug {value!r}.")
    return row


def filtered_stories(params):
    """Public stories narrowed by section, tag, author and publication time (after: inclusive, before: exclusive)."""
    check_known(params, PAGING | STORY_FILTERS)
    stories = queries.stories()
    if section := named(queries.sections(), params, "section"):
        stories = stories.filter(section=section)
    if tag := named(queries.tags(), params, "tag"):
        stories = stories.filter(pk__in=ArticleTag.objects.filter(tag=tag).values("content_object_id"))
    if person := named(queries.people(), params, "person"):
        stories = stories.filter(pk__in=ArticleAuthor.objects.filter(person=person).values("article_id"))
    if after := moment(params, "published_after"):
        stories = stories.filter(published_at__gte=after)
    if before := moment(params, "published_before"):
        stories = stories.filter(published_at__lt=before)
    return stories


@api_endpoint
def story_list(request):
    stories = queries.story_cards(filtered_stories(request.GET))
    return listing(request, stories, NEWEST_FIRST, shapes.story_summary)


@api_endpoint
def story_detail(request, item_id):
    """A whole story: the summary plus editor, source link, corrections and the body as blocks and as HTML."""
    story = find(request, queries.story_detail(queries.stories()), item_id, "story")
    blocks = queries.body_media(story)
    return {
        **shapes.story_summary(request, story),
        "editor": shapes.person_reference(request, story.editor) if story.editor else None,
        "source_url": shapes.text(story.source_url),
        "corrections": [shapes.correction(note) for note in story.corrections.all()],
        "body": body.structured(request, blocks),
        "body_html": body.rendered(request, story, blocks),
    }


def simple_endpoints(queryset, keyset, shape, noun):
    """The list and detail views of a plain collection."""

    @api_endpoint
    def list_view(request):
        check_known(request.GET, PAGING)
        return listing(request, queryset(), keyset, shape)

    @api_endpoint
    def detail_view(request, item_id):
        return shape(request, find(request, queryset(), item_id, noun))

    return list_view, detail_view


section_list, section_detail = simple_endpoints(queries.sections, TREE_ORDER, shapes.section, "section")
tag_list, tag_detail = simple_endpoints(queries.tags, BY_NAME, shapes.tag, "tag")
person_list, person_detail = simple_endpoints(queries.people, BY_NAME, shapes.person, "person")
video_list, video_detail = simple_endpoints(queries.videos, NEWEST_FIRST, shapes.video, "video")


@api_endpoint
def openapi_document(request):
    """The OpenAPI 3 description of this API."""
    check_known(request.GET, ())
    return openapi.document()
