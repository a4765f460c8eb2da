from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import modelform_factory
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies.pages import PagePermissionPolicy

from redaksi.articles.models import ArticlePage
from redaksi.core.wib import wib

from . import views
from .models import WireSource
from .wire import WITHDRAWN_ACTION, withdrawn_item_for


@hooks.register("register_admin_urls")
def register_wire_urls():
    return [
        path("wire/", views.queue, name="ingest_wire_queue"),
        path("wire/<int:item_id>/", views.item_detail, name="ingest_wire_item"),
        path("wire/<int:item_id>/draft/", views.draft, name="ingest_wire_draft"),
    ]


class WireMenuItem(MenuItem):
    def is_shown(self, request):
        """Shown to those who may add stories somewhere: the wire desk files into their sections."""
        return PagePermissionPolicy().user_has_any_permission(request.user, {"add"})


@hooks.register("register_admin_menu_item")
def register_wire_menu_item():
    return WireMenuItem(gettext_lazy("Wire"), reverse("ingest_wire_queue"), icon_name="doc-full", order=250)


class WireSourceForm(WagtailAdminModelForm):
    def clean(self):
        """A source is read from a folder or from an address: exactly one of them."""
        cleaned = super().clean()
        if bool(cleaned.get("url")) == bool(cleaned.get("folder")):
            raise ValidationError(_("Fill either the feed address or the folder, not both."))
        return cleaned


class WireSourceViewSet(ModelViewSet):
    """Wire sources, for those with the wiresource model permissions (Redaktur Pelaksana up)."""

    model = WireSource
    icon = "link"
    menu_label = gettext_lazy("Wire sources")
    add_to_settings_menu = True
    form_fields = ["name", "agency", "format", "url", "folder", "language", "enabled", "poll_interval"]
    list_display = ["name", "agency", "format", "enabled", "last_polled_at", "last_error"]

    def get_form_class(self, for_update=False):
        return modelform_factory(
            WireSource, form=WireSourceForm, fields=self.form_fields, formfield_callback=self.formfield_for_dbfield
        )


@hooks.register("register_admin_viewset")
def register_wire_source_viewset():
    return WireSourceViewSet("wire_sources")


class WireWithdrawnLogFormatter(LogFormatter):
    label = gettext_lazy("Withdrawn by the agency")

    def format_message(self, log_entry):
        return withdrawn_message(log_entry.data["agency"], log_entry.data["headline"])


def withdrawn_message(agency, headline):
    return _('%(agency)s withdrew the wire item "%(headline)s" this story was made from.') % {
        "agency": agency,
        "headline": headline,
    }


@hooks.register("register_log_actions")
def register_wire_log_actions(actions):
    actions.register_action(WITHDRAWN_ACTION)(WireWithdrawnLogFormatter)


@hooks.register("before_edit_page")
def warn_about_withdrawn_wire_item(request, page):
    """A banner on the edit view of a story whose wire item the agency withdrew."""
    if request.method == "GET" and page.specific_class is ArticlePage:
        item = withdrawn_item_for(page)
        if item is not None:
            messages.warning(request, withdrawn_message(item.agency, item.headline))


@hooks.register("before_publish_page")
def refuse_publishing_before_embargo(request, page):
    """Keep the saved draft but refuse to publish it before its embargo; a go-live after it schedules."""
    if isinstance(page, ArticlePage) and page.embargo_blocks_publishing():
        messages.error(
            request,
            _("Not published: the story is embargoed until %(time)s. Schedule it to go live then.")
            % {"time": wib(page.embargoed_until)},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
