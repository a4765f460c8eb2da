"""The desk's story list in the admin: "Berita rubrik <desk>", scoped to the desks the user works in."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from redaksi.articles.pagination import OLDER
from redaksi.sections.models import SectionPage

from .desk_stories import bylines, desk_page, desk_stories, edited_at, status_of
from .desks import desks_for, works_in


def desk_index(request):
    """The first of the user's desks' story lists; the list itself links to the others."""
    first = desks_for(request.user).first()
    if first is None:
        raise PermissionDenied
    return redirect("newsroom_desk_stories", first.pk)


class DeskStoriesView(WagtailAdminTemplateMixin, TemplateView):
    """Every story of one desk, newest first, with its status, bylines and last edit time in WIB."""

    template_name = "newsroom/desk_stories.html"
    header_icon = "doc-full-inverse"

    def dispatch(self, request, section_id):
        self.section = get_object_or_404(SectionPage, pk=section_id)
        if not works_in(request.user, self.section):
            raise PermissionDenied  # Wagtail answers with its "no permission" message on the dashboard
        return super().dispatch(request, section_id)

    def get_page_title(self):
        return _("Stories of desk %(desk)s") % {"desk": self.section.title}

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        page = desk_page(desk_stories(self.section), self.request.GET)
        return super().get_context_data(
            **kwargs,
            section=self.section,
            desks=desks_for(self.request.user),
            rows=[(story, status_of(story), bylines(story), edited_at(story)) for story in page.stories],
            older_url=page.older_cursor and f"{self.request.path}?{OLDER}={page.older_cursor}",
            first_url=self.request.GET and self.request.path,
            write_url=reverse("wagtailadmin_pages:add", args=("articles", "articlepage", self.section.pk)),
        )
