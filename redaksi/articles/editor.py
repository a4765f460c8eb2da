"""The story editor: Wagtail's page editor and creator, adapted in two ways (and the dashboard's review buttons
show why an approval with a passed go-live time was refused: newsroom/scheduling.py).

Scheduling is offered only to those who may publish the story: a reporter's go-live time would be ignored
by the review anyway, and the "Atur jadwal" button only invites a mistake.

A form refused as stale stays refused. Wagtail renders every edit form as based on the newest revision.
After the story form refused a save because someone else saved a newer version (forms.py), that would
make the stale text look current: autosave would post it a second later and succeed, and so would the
next click on Save or Publish. Here the refused form keeps the revision it was really loaded from,
autosave is off on that page, and the refusal offers one explicit way to overwrite: the "replace"
button naming the newer version.

Every post of the story form (save, publish, autosave) runs under a lock on the story, so the check for a
newer version and the save it allows see the same newest revision: an autosave still in flight when the
editor clicks Save can no longer pass its check, wait, and then overwrite the saved text with older typing.
"""

from django.db import transaction
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from redaksi.newsroom.scheduling import PastGoLiveWorkflowActionView

from .models import ArticlePage


class ScheduleForPublishersMixin:
    def get_side_panels(self):
        side_panels = super().get_side_panels()
        status = side_panels[0]  # Wagtail's status panel, which holds "Atur jadwal"
        status.show_schedule_publishing_toggle = status.show_schedule_publishing_toggle and self.may_publish()
        return side_panels


class StoryCreateView(ScheduleForPublishersMixin, CreateView):
    def may_publish(self):
        return self.parent_page.permissions_for_user(self.request.user).can_publish_subpage()


class StoryEditView(ScheduleForPublishersMixin, EditView):
    def may_publish(self):
        return self.page_perms.can_publish()

    def dispatch(self, request, page_id, **kwargs):
        if request.method != "POST":
            return super().dispatch(request, page_id, **kwargs)
        # One post of a story at a time: the row lock on PostgreSQL; SQLite's IMMEDIATE transactions already
        # take the database's write lock at the start (settings.SQLITE_OPTIONS).
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=page_id).values_list("pk", flat=True))
            return super().dispatch(request, page_id, **kwargs)

    def refused_newer_revision(self):
        """The newer revision that the posted form was refused for, or None."""
        form = getattr(self, "form", None)
        return getattr(form, "refused_newer_revision", None)

    @property
    def latest_revision_created_at(self):
        """The loaded revision's time the form posts back: the posted one when the form was refused as stale."""
        if self.refused_newer_revision():
            loaded_at = self.form.loaded_revision_created_at()
            return loaded_at and loaded_at.isoformat()
        return super().latest_revision_created_at

    def get_template_names(self):
        if self.refused_newer_revision():
            return ["articles/admin/edit_refused.html"]
        return super().get_template_names()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        newer = self.refused_newer_revision()
        if newer:
            loaded_id = self.form.data.get("loaded_revision_id", "")
            context |= {
                "autosave_enabled": False,
                "newer_revision": newer,
                "loaded_revision_id": loaded_id if loaded_id.isdigit() else "earliest",
            }
        return context


class StoryViewSet(PageViewSet):
    model = ArticlePage
    add_view_class = StoryCreateView
    edit_view_class = StoryEditView
    workflow_action_view_class = PastGoLiveWorkflowActionView  # a refused approval says why (newsroom/scheduling.py)
