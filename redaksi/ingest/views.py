"""The wire queue in the admin: list and filter items, read one, and make a draft story from it in one click."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from redaksi.sections.models import SectionPage

from .models import WireItem
from .wire import WireError, clean_html, make_draft, sections_for

ITEMS_PER_PAGE = 50
URGENCIES = [("", gettext_lazy("Any urgency"))] + [(str(n), str(n)) for n in range(1, 10)]


class QueueFilter(forms.Form):
    """The queue's filters; invalid values are ignored with the form's errors shown."""

    agency = forms.ChoiceField(label=gettext_lazy("Agency"), required=False)
    urgency = forms.ChoiceField(label=gettext_lazy("Urgency"), required=False, choices=URGENCIES)
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)

    def __init__(self, data, items):
        super().__init__(data)
        self.fields["agency"].choices = choices(items, "agency", _("Any agency"))
        self.fields["language"].choices = choices(items, "language", _("Any language"))

    def apply(self, items):
        if not self.is_valid():
            return items
        wanted = {name: value for name, value in self.cleaned_data.items() if value}
        return items.filter(**wanted)


def choices(items, name, empty):
    values = items.order_by(name).values_list(name, flat=True).distinct()
    return [("", empty)] + [(value, value) for value in values if value]


def desk_sections(user):
    """The sections the user may file stories in; nobody without one may work the wire desk."""
    sections = sections_for(user, SectionPage.objects.live().order_by("title"))
    if not sections:
        raise PermissionDenied
    return sections


def queue(request):
    """Usable items, newest first, filtered by agency, urgency and language; withdrawn ones used in stories."""
    desk_sections(request.user)
    usable = WireItem.objects.filter(pubstatus=WireItem.Status.USABLE)
    filters = QueueFilter(request.GET or None, usable)
    page = Paginator(filters.apply(usable).order_by("-received_at", "-pk"), ITEMS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    flagged = WireItem.objects.filter(pubstatus=WireItem.Status.WITHDRAWN, story__isnull=False).select_related("story")
    context = {
        "page_title": _("Wire"),
        "header_icon": "doc-full",
        "filters": filters,
        "items": page,
        "flagged": flagged,
    }
    return TemplateResponse(request, "ingest/wire_queue.html", context)


class DraftForm(forms.Form):
    section = forms.ModelChoiceField(label=gettext_lazy("Section"), queryset=SectionPage.objects.none())

    def __init__(self, data=None, *, sections):
        super().__init__(data)
        field = self.fields["section"]
        field.queryset = SectionPage.objects.filter(pk__in=[section.pk for section in sections]).order_by("title")
        field.initial = sections[0].pk if len(sections) == 1 else None


def item_detail(request, item_id):
    """One item: its fields, a sanitised body preview and the "Buat draf" form."""
    sections = desk_sections(request.user)
    item = get_object_or_404(WireItem.objects.select_related("story"), pk=item_id)
    context = {
        "page_title": item.headline,
        "header_icon": "doc-full",
        "item": item,
        "body": mark_safe(clean_html(item.body_html)),  # noqa: S308 (nh3 allow-list just applied)
        "form": DraftForm(sections=sections),
    }
    return TemplateResponse(request, "ingest/wire_item.html", context)


@require_POST
def draft(request, item_id):
    """Make (or open) the draft story of an item in a section of the user's desks."""
    sections = desk_sections(request.user)
    item = get_object_or_404(WireItem, pk=item_id)
    if item.story_id:
        return redirect("wagtailadmin_pages:edit", item.story_id)
    form = DraftForm(request.POST, sections=sections)
    if not form.is_valid():
        messages.error(request, _("Choose one of your sections."))
        return redirect("ingest_wire_item", item.pk)
    try:
        story, notes = make_draft(item, form.cleaned_data["section"], request.user)
    except WireError as error:
        raise Http404(str(error)) from error
    messages.success(request, _("Draft made from the wire: %(title)s") % {"title": story.title})
    for note in notes:
        messages.warning(request, note)
    return redirect(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
