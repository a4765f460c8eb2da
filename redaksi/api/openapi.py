"""The OpenAPI 3.1 description of the API, written by hand to match representations.py field for field.

Every object is closed (additionalProperties false) and lists every field as required, so a test that
validates responses against it (schemathesis) catches a field added, dropped or changed on either side.
"""

from .cursor import MAX_CURSOR_LENGTH
from .params import MAX_LIMIT
from .responses import MAX_AGE

STRING = {"type": "string"}
OPTIONAL_TEXT = {"type": ["string", "null"]}
URL = {"type": "string", "format": "uri"}
OPTIONAL_URL = {"type": ["string", "null"], "format": "uri"}
MOMENT = {"type": "string", "format": "date-time", "examples": ["2022-01-21T10:15:00+07:00"]}
ID = {"type": "integer", "minimum": 1}
SLUG = {"type": "string", "pattern": r"^[-\w]+$", "maxLength": 255}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def optional(name):
    return {"anyOf": [ref(name), {"type": "null"}]}


def closed(properties, description=""):
    """An object with exactly these fields, all present (null where a field allows it)."""
    shape = {"type": "object", "additionalProperties": False, "required": list(properties), "properties": properties}
    return {"description": description, **shape} if description else shape


def items(name):
    return {"type": "array", "items": ref(name)}


def block(kind, value):
    return closed({"type": {"const": kind}, "id": OPTIONAL_TEXT, "value": value})


PERSON_REFERENCE = {"id": ID, "slug": STRING, "name": STRING, "url": URL}
VIDEO_REFERENCE = {"id": ID, "slug": STRING, "title": STRING, "url": OPTIONAL_URL}
STORY_REFERENCE = {"id": ID, "headline": STRING, "url": URL}
STORY_SUMMARY = {
    **STORY_REFERENCE,
    "short_headline": OPTIONAL_TEXT,
    "standfirst": OPTIONAL_TEXT,
    "dateline_city": OPTIONAL_TEXT,
    "section": ref("Section"),
    "tags": items("Tag"),
    "authors": items("PersonReference"),
    "wire_source": OPTIONAL_TEXT,
    "published_at": MOMENT,
    "updated_at": {"type": ["string", "null"], "format": "date-time"},
    "hero_image": optional("Image"),
}

SCHEMAS = {
    "Error": closed(
        {
            "error": closed(
                {
                    "status": {"type": "integer"},
                    "message": STRING,
                    "parameter": {"type": ["string", "null"], "description": "The parameter at fault, if any."},
                }
            )
        }
    ),
    "Image": closed(
        {
            "url": URL,
            "width": {"type": "integer", "minimum": 1},
            "height": {"type": "integer", "minimum": 1},
            "alt": STRING,
            "caption": OPTIONAL_TEXT,
            "credit": STRING,
        },
        "A rendition at most 1200 px wide, uncropped, with the photo's alt text, caption and credit.",
    ),
    "Section": closed({"id": ID, "slug": STRING, "title": STRING, "description": OPTIONAL_TEXT, "url": URL}),
    "Tag": closed({"id": ID, "slug": STRING, "name": STRING, "description": OPTIONAL_TEXT, "url": URL}),
    "PersonReference": closed(PERSON_REFERENCE),
    "Person": closed(
        {
            **PERSON_REFERENCE,
            "role": {"enum": ["reporter", "editor", "photographer", "contributor"]},
            "job_title": OPTIONAL_TEXT,
            "bio": OPTIONAL_TEXT,
            "photo": optional("Image"),
        }
    ),
    "VideoReference": closed(VIDEO_REFERENCE),
    "Video": closed(
        {
            **VIDEO_REFERENCE,
            "description": OPTIONAL_TEXT,
            "media_url": {**OPTIONAL_URL, "description": "Where the video plays: its YouTube/Vimeo link or file."},
            "duration": {"type": ["string", "null"], "description": "ISO 8601 duration, e.g. P0DT00H06M05S."},
            "poster": optional("Image"),
            "featured": {"type": "boolean"},
            "published_at": MOMENT,
        }
    ),
    "StoryReference": closed(STORY_REFERENCE),
    "StorySummary": closed(STORY_SUMMARY, "A story without its body, as listings show it."),
    "Correction": closed({"kind": {"enum": ["correction", "update"]}, "noted_at": MOMENT, "text": STRING}),
    "Block": {
        "description": "One body block: StreamField's type and id, with the value made API-friendly.",
        "oneOf": [
            block("paragraph", {"type": "string", "description": "Rich text as HTML."}),
            block("heading", STRING),
            block("quote", closed({"text": STRING, "attribution": OPTIONAL_TEXT})),
            block("image", ref("Image")),
            block("video", ref("VideoReference")),
            block("related_story", ref("StoryReference")),
        ],
    },
    "Story": closed(
        {
            **STORY_SUMMARY,
            "editor": optional("PersonReference"),
            "source_url": OPTIONAL_URL,
            "corrections": items("Correction"),
            "body": items("Block"),
            "body_html": {"type": "string", "description": "The body as the reader site renders it."},
        }
    ),
}


def page_of(name):
    return closed(
        {
            "results": items(name),
            "next_cursor": {"type": ["string", "null"], "description": "Pass as `cursor` for the next page."},
            "next": {**OPTIONAL_URL, "description": "This request's URL with the next page's cursor."},
        }
    )


SCHEMAS.update({f"{name}List": page_of(name) for name in ("StorySummary", "Section", "Tag", "Person", "Video")})


def query(name, schema, description):
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


WHEN = {"type": "string", "anyOf": [{"format": "date"}, {"format": "date-time"}], "maxLength": 40}
PARAMETERS = {
    "cursor": query(
        "cursor", {"type": "string", "maxLength": MAX_CURSOR_LENGTH}, "Opaque: the `next_cursor` of the previous page."
    ),
    "limit": query(
        "limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 20}, "Results per page."
    ),
    "section": query("section", SLUG, "Only stories of the section with this slug."),
    "tag": query("tag", SLUG, "Only stories with the tag of this slug."),
    "person": query("person", SLUG, "Only stories the person with this slug wrote."),
    "published_after": query("published_after", WHEN, "Published at or after: ISO date or datetime, WIB if no zone."),
    "published_before": query("published_before", WHEN, "Published before: ISO date or datetime, WIB if no zone."),
    "id": {"name": "id", "in": "path", "required": True, "schema": {**ID, "maximum": 2**63 - 1}},
    "if_none_match": {
        "name": "If-None-Match",
        "in": "header",
        "required": False,
        "schema": STRING,
        "description": "The ETag of a copy you hold: an unchanged answer is a 304 with no body.",
    },
}


def parameter(name):
    return {"$ref": f"#/components/parameters/{name}"}


def error(description):
    return {"description": description, "content": {"application/json": {"schema": ref("Error")}}}


RESPONSES = {
    "NotModified": {"description": "Not modified: the ETag in If-None-Match is still current."},
    "BadParameter": error("A parameter is malformed, out of range, unknown, or names nothing; see error.parameter."),
    "NotFound": error("No public item has this id."),
}
HEADERS = {
    "ETag": {"schema": STRING, "description": "Changes whenever the content does."},
    "Cache-Control": {"schema": STRING, "description": f"public, max-age={MAX_AGE}"},
}


def operation(summary, schema, parameters, missing=False):
    """A GET operation answering `schema`, 304 on a current ETag, 400 on bad parameters (404 on unknown ids)."""
    ok = {"description": "OK", "headers": HEADERS, "content": {"application/json": {"schema": ref(schema)}}}
    responses = {"200": ok, "304": {"$ref": "#/components/responses/NotModified"}}
    responses["400"] = {"$ref": "#/components/responses/BadParameter"}
    if missing:
        responses["404"] = {"$ref": "#/components/responses/NotFound"}
    names = [*parameters, "if_none_match"]
    return {"get": {"summary": summary, "parameters": [parameter(name) for name in names], "responses": responses}}


def collection(plural, singular, page_schema, filters=()):
    """The list and detail paths of one collection."""
    return {
        f"/{plural}": operation(f"List {plural}", page_schema, ["cursor", "limit", *filters]),
        f"/{plural}/{{id}}": operation(f"One {singular}", singular.title().replace(" ", ""), ["id"], missing=True),
    }


STORY_FILTERS = ["section", "tag", "person", "published_after", "published_before"]
PATHS = {
    **collection("stories", "story", "StorySummaryList", STORY_FILTERS),
    **collection("sections", "section", "SectionList"),
    **collection("tags", "tag", "TagList"),
    **collection("people", "person", "PersonList"),
    **collection("videos", "video", "VideoList"),
    "/openapi.json": {"get": {"summary": "This description", "responses": {"200": {"description": "OpenAPI 3.1"}}}},
}


def document():
    """The whole description; servers is relative, so it holds on any host the site answers to."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Redaksi API",
            "version": "1.0.0",
            "description": "Read-only public content: published stories, sections, tags, people and videos.",
        },
        "servers": [{"url": "/api/v1"}],
        "paths": PATHS,
        "components": {"schemas": SCHEMAS, "parameters": PARAMETERS, "responses": RESPONSES},
    }
