"""The story's "Editor:" credit defaults to the person who approved or published it."""

from django.contrib.auth import get_user_model
from wagtail.log_actions import get_active_log_context
from wagtail.models import PageLogEntry, TaskState

from redaksi.people.models import Person

SCHEDULE_ACTION = "wagtail.publish.schedule"


def credit_editor(article, revision, user):
    """Give a story published without an editor the person of `user`, on the live page and its revisions."""
    if article.editor_id or user is None:
        return
    person = Person.objects.filter(user=user).first()
    if person is None:
        return
    article.editor = person
    type(article).objects.filter(pk=article.pk, editor__isnull=True).update(editor=person)
    for saved in {revision, article.get_latest_revision()}:
        if saved and saved.content.get("editor") is None:
            saved.content["editor"] = person.pk
            saved.save(update_fields=["content"])


def publisher(article, revision):
    """Who made `revision` go live: the acting admin user, else who scheduled it, approved it or saved it.

    Admin views run in a log context naming their user; the scheduler runs outside one.
    """
    acting = get_active_log_context().user
    if acting is not None:
        return acting
    scheduled = PageLogEntry.objects.filter(page=article, revision=revision, action=SCHEDULE_ACTION, user__isnull=False)
    approved = TaskState.objects.filter(revision=revision, status=TaskState.STATUS_APPROVED, finished_by__isnull=False)
    user_id = (
        scheduled.order_by("-timestamp").values_list("user", flat=True).first()
        or approved.order_by("-finished_at").values_list("finished_by", flat=True).first()
        or revision.user_id
    )
    return get_user_model().objects.filter(pk=user_id).first() if user_id else None
