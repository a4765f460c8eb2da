"""Scheduling in the story editor that can't surprise: buttons that say what happens, a confirmation naming the time,
and a go-live time that has passed never applied without the editor knowing.

A go-live time travels with the draft (the schedule dialog's fields are part of the edit form, so an autosave keeps
whatever is in them, confirmed or not). Wagtail publishes at once when it approves or publishes a revision whose
go-live time has passed. Here such a time is *unapplied* when the live story did not already go live with it and it
is not the approved schedule still waiting for the worker; the editor is warned when opening the story, and an
approval or publish from the edit form is turned into a plain save with an error naming the time. The approval of
any other path (the dashboard's review buttons, scripts) is refused outright (`refuse_unapplied_past_go_live`); the
dashboard's buttons then show the same error (`PastGoLiveWorkflowActionView`).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import DraftStateMixin, Page, TaskState

PUBLISHING_ACTIONS = ("action-publish", "action-workflow-action")
SAME_DAY_TIME = r"H:i \W\I\B"
OTHER_DAY_TIME = r"j M H:i \W\I\B"
FULL_TIME = r"l, j F Y H:i \W\I\B"


class PastGoLiveError(PermissionDenied):
    """Approving a story whose unapplied go-live time has passed."""


def in_wib(moment, format_string):
    return dateformat.format(timezone.localtime(moment), format_string)


def full_time(moment):
    """ "Jumat, 21 Januari 2022 10:15 WIB"."""
    return in_wib(moment, FULL_TIME)


def short_time(moment, now):
    """ "21:10 WIB" on the same WIB day as `now`, else "22 Jan 21:10 WIB"."""
    same_day = timezone.localdate(moment) == timezone.localdate(now)
    return in_wib(moment, SAME_DAY_TIME if same_day else OTHER_DAY_TIME)


def unapplied_past_go_live(page, go_live_at, now=None):
    """`go_live_at` if it has passed and `page` never applied it: the live story did not go live with it and it is
    not the approved schedule waiting for the worker. None otherwise."""
    if not go_live_at or go_live_at > (now or timezone.now()):
        return None
    stored = Page.objects.filter(pk=page.pk).values("live", "go_live_at").first() or {}
    if stored.get("live") and stored.get("go_live_at") == go_live_at:
        return None
    if page.pk and page.revisions.filter(approved_go_live_at=go_live_at).exists():
        return None
    return go_live_at


def past_go_live_message(go_live_at):
    return _(
        "Not published: the go-live time of this draft, %(time)s, has passed. Your changes are saved as a draft. "
        "To publish now, clear the go-live time under “Set schedule” and publish or approve again; "
        "to schedule, pick a time in the future."
    ) % {"time": full_time(go_live_at)}


def approve_label(page, with_comment, now=None):
    """What the final approval does: "Setujui & jadwalkan 21:10 WIB" or "Setujui & terbitkan"."""
    now = now or timezone.now()
    go_live_at = page.go_live_at
    if go_live_at and go_live_at > now:
        time = short_time(go_live_at, now)
        return (
            _("Approve & schedule %(time)s, with comment") % {"time": time}
            if with_comment
            else (_("Approve & schedule %(time)s") % {"time": time})
        )
    return _("Approve & publish, with comment") if with_comment else _("Approve & publish")


def label_approve_buttons(menu_items, request, context):
    """Name the final approval in the editor's action menu after what it will do (hook: construct_page_action_menu)."""
    page = context.get("page")
    state = page and isinstance(page, DraftStateMixin) and page.current_workflow_state
    if not state or not state.is_at_final_task:
        return
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem) and item.name == "approve":
            item.label = approve_label(page, with_comment=item.launch_modal)


def posted_go_live(request):
    """The go-live time the edit form posts, read as its field reads it (the picker writes WIB); None if unreadable."""
    try:
        return forms.DateTimeField(required=False).clean(request.POST.get("go_live_at", "").strip())
    except ValidationError:
        return None


def guard_past_go_live(request, page):
    """Hook before_edit_page: warn on opening a story with an unapplied past go-live time; turn an approval or publish
    posting one into a plain save (nothing lost, nothing published) with an error naming the time."""
    if not isinstance(page, DraftStateMixin):
        return
    if request.method == "GET":
        go_live_at = unapplied_past_go_live(page, page.go_live_at)
        if go_live_at:
            messages.warning(request, past_go_live_warning(go_live_at))
        return
    if not publishing_requested(request):
        return
    go_live_at = unapplied_past_go_live(page, posted_go_live(request))
    if go_live_at:
        request.POST = request.POST.copy()
        for action in PUBLISHING_ACTIONS:
            request.POST.pop(action, None)
        messages.error(request, past_go_live_message(go_live_at))


def publishing_requested(request):
    """Whether the edit form was posted to publish or to approve (which publishes at the final task)."""
    if request.POST.get("action-workflow-action"):
        return request.POST.get("workflow-action-name") == "approve"
    return bool(request.POST.get("action-publish"))


def past_go_live_warning(go_live_at):
    return _(
        "The go-live time of this draft, %(time)s, has passed. Approving or publishing will not use it: clear it "
        "under “Set schedule” to publish now, or pick a time in the future."
    ) % {"time": full_time(go_live_at)}


def confirm_schedule(request, page):
    """Name the time a publish or final approval scheduled the story for (hooks after_publish_page, after_edit_page)."""
    if request.method != "POST" or not isinstance(page, DraftStateMixin):
        return
    if not publishing_requested(request):
        return
    scheduled = page.revisions.filter(approved_go_live_at__gt=timezone.now()).first()
    if scheduled:
        messages.success(
            request, _("Scheduled to go live %(time)s") % {"time": full_time(scheduled.approved_go_live_at)}
        )


def refuse_unapplied_past_go_live(sender, instance, raw=False, **kwargs):
    """pre_save of TaskState: refuse the final approval of a story whose unapplied go-live time has passed.

    The last line for approvals outside the edit form (the dashboard's review buttons, scripts): the approval is
    rolled back; the dashboard shows why (PastGoLiveWorkflowActionView), anything else gets PermissionDenied.
    """
    if raw or not instance.pk or instance.status != TaskState.STATUS_APPROVED:
        return
    if not TaskState.objects.filter(pk=instance.pk, status=TaskState.STATUS_IN_PROGRESS).exists():
        return
    state = instance.workflow_state
    if not state.is_at_final_task:
        return
    draft = state.content_object.get_latest_revision_as_object()
    go_live_at = unapplied_past_go_live(draft, draft.go_live_at)
    if go_live_at:
        raise PastGoLiveError(past_go_live_message(go_live_at))


class PastGoLiveWorkflowActionView(WorkflowActionView):
    """The review action of the dashboard's buttons (and their comment dialog): an approval refused for a passed
    go-live time shows the edit view's error naming the time, not Wagtail's "no permission" notice."""

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)  # Task.on_action is atomic: the refusal rolled it back
        except PastGoLiveError as error:
            messages.error(request, str(error))
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return self.render_modal_json(request, {"step": "success", "redirect": self.redirect_url})
        return redirect(self.redirect_url)
