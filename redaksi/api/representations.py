"""The JSON shape of each thing the API serves, built from rows already loaded: no queries here.

docs/api.md and openapi.py describe these shapes; keep the three in step.
"""

from wagtail.images.models import SourceImageIOError

from redaksi.core.links import absolute_url
from redaksi.core.wib import iso_wib

IMAGE_FILTER = "width-1200"  # uncropped, at most 1200 px wide: apps pick their own crop


def text(value):
    """An optional text field: None when the editor left it empty."""
    return value or None


def image(request, photo, caption=None):
    """A photo as a rendition up to 1200 px wide, with its alt text, caption and credit."""
    if photo is None:
        return None
    try:
        rendition = photo.get_rendition(IMAGE_FILTER)
    except SourceImageIOError:  # the original file is gone: show no picture rather than fail the story
        return None
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": photo.description,
        "caption": text(caption or photo.caption),
        "credit": photo.credit,
    }


def section(request, page):
    url = page.get_full_url(request)
    return {"id": page.pk, "slug": page.slug, "title": page.title, "description": text(page.description), "url": url}


def tag(request, item):
    url = absolute_url(request, item.get_absolute_url())
    return {"id": item.pk, "slug": item.slug, "name": item.name, "description": text(item.description), "url": url}


def person_reference(request, someone):
    return {
        "id": someone.pk,
        "slug": someone.slug,
        "name": someone.name,
        "url": absolute_url(request, someone.get_absolute_url()),
    }


def person(request, someone):
    """A person with role, job title, bio and photo (the people endpoint; stories carry references)."""
    return {
        **person_reference(request, someone),
        "role": someone.role,
        "job_title": text(someone.job_title),
        "bio": text(someone.bio),
        "photo": image(request, someone.photo),
    }


def video_reference(request, clip):
    return {
        "id": clip.pk,
        "slug": clip.slug,
        "title": clip.title,
        "url": absolute_url(request, clip.get_absolute_url()),
    }


def video(request, clip):
    """A published video: its page on the hub, where it plays (link or hosted file), running time and poster."""
    media_url = clip.url or (clip.file.url if clip.file else "")
    return {
        **video_reference(request, clip),
        "description": text(clip.description),
        "media_url": absolute_url(request, media_url),
        "duration": text(clip.duration_iso),
        "poster": image(request, clip.poster),
        "featured": clip.is_featured,
        "published_at": iso_wib(clip.published_at),
    }


def story_reference(request, story):
    return {"id": story.pk, "headline": story.title, "url": story.get_full_url(request)}


def story_summary(request, story):
    """A story card: everything but the body, the editor, the source link and the corrections."""
    return {
        **story_reference(request, story),
        "short_headline": text(story.short_title),
        "standfirst": text(story.standfirst),
        "dateline_city": text(story.dateline_city),
        "section": section(request, story.section),
        "tags": [tag(request, item.tag) for item in story.tagged_items.all()],
        "authors": [person_reference(request, credit.person) for credit in story.authors.all()],
        "wire_source": text(story.wire_source),
        "published_at": iso_wib(story.published_at),
        "updated_at": iso_wib(story.updated_at),
        "hero_image": image(request, story.hero_image),
    }


def correction(note):
    return {"kind": note.kind, "noted_at": iso_wib(note.noted_at), "text": note.text}
