"""A story's body for apps: StreamField's blocks as type + value with references resolved, and as site HTML.

Blocks whose target is gone or not public (a deleted photo, an unpublished story or a scheduled video in
"Baca Juga" or a video block) are left out of both forms.
"""

from django.utils import timezone

from . import representations as shapes


def public_blocks(story):
    """The body's blocks minus those pointing at something missing or not public."""
    now = timezone.now()
    return [child for child in story.body if shows(child, now)]


def shows(child, now):
    value = child.value
    if child.block_type == "image":
        return value["image"] is not None
    if child.block_type == "video":
        return value is not None and value.published_at is not None and value.published_at <= now
    if child.block_type == "related_story":
        linked = value["story"]
        return linked is not None and linked.live and linked.published_at is not None
    return True


def block_value(request, child):
    """One block's value in API form: rich text as HTML, media and stories as objects and references."""
    value = child.value
    match child.block_type:
        case "paragraph":
            return str(value)
        case "quote":
            return {"text": value["text"], "attribution": shapes.text(value["attribution"])}
        case "image":
            return shapes.image(request, value["image"], value["caption"])
        case "video":
            return shapes.video_reference(request, value)
        case "related_story":
            return shapes.story_reference(request, value["story"])
    return value  # heading: plain text


def structured(request, blocks):
    """Type, id and API value of each block; a picture whose file is missing drops out."""
    entries = [{"type": child.block_type, "id": child.id, "value": block_value(request, child)} for child in blocks]
    return [entry for entry in entries if entry["value"] is not None]


def rendered(request, story, blocks):
    """The blocks as the reader site renders them, one template per block."""
    context = {"request": request, "page": story}
    return "\n".join(child.render(context) for child in blocks)
