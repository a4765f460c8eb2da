"""Post the story edit form as an editor's browser would: the form's fields plus the revision it loaded."""

import re

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from redaksi.articles.models import Correction
from redaksi.people.tests.factories import PersonFactory

from .factories import ArticlePageFactory

HIDDEN_INPUT = re.compile(
    r'<input type="hidden" name="(loaded_revision_id|loaded_revision_created_at)" value="([^"]*)">'
)


def edit_url(story):
    return reverse("wagtailadmin_pages:edit", args=(story.pk,))


def open_editor(client, story):
    """GET the edit view and return the loaded-revision fields the form carries."""
    response = client.get(edit_url(story))
    assert response.status_code == 200
    return loaded_fields(response)


def loaded_fields(response):
    """The loaded-revision fields of the edit form in `response`."""
    return dict(HIDDEN_INPUT.findall(response.content.decode()))


def story_form(story, loaded, text="Paragraf pertama berita.", new_notes=(), **fields):
    """The edit form of `story` with its live authors and notes, `text` as the body, new notes and `fields` added."""
    authors = [{"id": author.pk, "person": author.person_id} for author in story.authors.all()]
    notes = [note_fields(note, id=note.pk) for note in story.corrections.all()]
    data = {
        "title": story.title,
        "slug": story.slug,
        "short_title": story.short_title,
        "standfirst": story.standfirst,
        "dateline_city": story.dateline_city,
        "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
        "authors": inline_formset(authors, initial=len(authors)),
        "editor": story.editor_id or "",
        "wire_source": story.wire_source,
        "source_url": story.source_url,
        "tags": "",
        "corrections": inline_formset([*notes, *(note_fields(note) for note in new_notes)], initial=len(notes)),
        **loaded,
        **fields,
    }
    return nested_form_data(data)


def note_fields(note, **extra):
    """Form fields of a Correction (saved or not): kind, local noted_at, text."""
    noted_at = timezone.localtime(note.noted_at).replace(tzinfo=None).isoformat(sep=" ", timespec="minutes")
    return {"kind": note.kind, "noted_at": noted_at, "text": note.text, **extra}


def new_note(text, noted_at, kind=Correction.Kind.CORRECTION):
    return Correction(kind=kind, noted_at=noted_at, text=text)


def newsroom_account(username, person_name=None):
    """An admin account; with `person_name`, linked to that byline person."""
    user = get_user_model().objects.create_superuser(
        username, f"{username}@example.com", "pw", first_name=username.title()
    )
    if person_name:
        PersonFactory(editor=True, name=person_name, user=user)
    return user


def published_story(user, **fields):
    """A live story whose current version is a revision saved and published by `user`."""
    story = ArticlePageFactory(**fields)
    story.save_revision(user=user).publish(user=user)
    story.refresh_from_db()
    return story
