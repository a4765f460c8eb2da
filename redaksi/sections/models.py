from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageManager
from wagtail.search import index

from redaksi.core.querysets import FewPagesQuerySet


class Tag(TagBase):
    """The controlled tag vocabulary: editors pick tags, the managing desk creates them."""

    free_tagging = False
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse("tag", kwargs={"slug": self.slug})


class SectionPage(Page):
    """A desk (rubrik): its editors' permissions and workflow attach here and cover its stories."""

    description = models.TextField(_("description"), blank=True)

    objects = PageManager.from_queryset(FewPagesQuerySet)()

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["sections.ArchiveMonthPage", "articles.ArticlePage"]
    content_panels = Page.content_panels + [FieldPanel("description")]
    search_fields = Page.search_fields + [index.SearchField("description")]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def get_context(self, request, *args, **kwargs):
        """One keyset page of the section's published stories, newest first; a junk cursor raises Http404.

        Pages by the story it continues from, so page 5,000 costs what page 1 does; the renditions of the
        visible page's pictures come in one query after the page. Within an edition the listing comes from
        the template's cached fragment (one per query string) and none of this runs.
        """
        from redaksi.articles.models import STORIES_PER_PAGE
        from redaksi.articles.pagination import paginate_stories
        from redaksi.media.models import prefetch_photo_renditions

        def story_page():
            listing = self.articles.published().defer_streamfields().select_related("section", "hero_image")
            pager = paginate_stories(listing, request.GET, STORIES_PER_PAGE)
            prefetch_photo_renditions([story.hero_image for story in pager.stories])
            return pager

        context = super().get_context(request, *args, **kwargs)
        context["pager"] = SimpleLazyObject(story_page)  # built only when the page's cached fragment misses
        return context

    def archive_month(self, when):
        """Return the month folder (in WIB) that files stories of `when`, creating it if needed."""
        slug = timezone.localtime(when).strftime("%Y-%m")
        folder = ArchiveMonthPage.objects.child_of(self).filter(slug=slug).first()
        if folder is None:
            folder = self.add_child(instance=ArchiveMonthPage(title=slug, slug=slug, live=True))
        return folder


class ArchiveMonthPage(Page):
    """A storage folder (section / year-month) that keeps the page tree shallow and wide-proof.

    A section gains ~20k stories a year; month folders keep every parent under a few thousand
    children, so Wagtail's explorer, chooser and tree paths stay fast at 1M stories
    (see docs/architecture.md). Readers never see these pages.
    """

    parent_page_types = ["sections.SectionPage"]
    subpage_types = ["articles.ArticlePage"]
    is_creatable = False  # made only by `SectionPage.archive_month`, never by hand in the admin

    class Meta:
        verbose_name = _("archive month")
        verbose_name_plural = _("archive months")

    def serve(self, request, *args, **kwargs):
        raise Http404
