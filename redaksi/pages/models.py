from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from redaksi.core.models import SiteSettings

from .front import build_front

STATIC_PAGE_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class HomePage(Page):
    """The front page and the root of one outlet's site."""

    headline_story = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("headline story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The big story at the top of the front page; the newest story when empty."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "sections.SectionPage",
        "pages.StandardPage",
        "pages.MastheadPage",
        "articles.ArticleIndexPage",
        "media.VideoIndexPage",
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("headline_story"), InlinePanel("picks", label=_("pinned story"), max_num=6)],
            heading=_("Editors' picks"),
        )
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """The front page: headline, picks, latest stream, section rails in menu order and Video Pilihan.

        Built only when the page's cached fragments miss (a new edition, a preview): `front` is lazy.
        """
        context = super().get_context(request, *args, **kwargs)
        context["front"] = SimpleLazyObject(lambda: build_front(self, SiteSettings.for_request(request)))
        return context


class HomePick(Orderable):
    """A story editors pin under the headline of the front page, in their order."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="picks")
    story = models.ForeignKey(
        "articles.ArticlePage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("pinned story")
        verbose_name_plural = _("pinned stories")


class StandardPage(Page):
    """A static page editors maintain: Tentang Kami, Pedoman Media Siber, Kontak."""

    body = RichTextField(_("body"), features=STATIC_PAGE_FEATURES)

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    content_panels = Page.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = _("static page")
        verbose_name_plural = _("static pages")


class MastheadPage(Page):
    """Redaksi: who is who in the newsroom, from the people records, with an editable introduction and address."""

    intro = RichTextField(_("introduction"), blank=True, features=STATIC_PAGE_FEATURES)
    address = RichTextField(_("address and legal details"), blank=True, features=STATIC_PAGE_FEATURES)

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("entries", label=_("masthead entry")),
        FieldPanel("address"),
    ]
    max_count = 1

    class Meta:
        verbose_name = _("masthead (Redaksi)")

    def get_context(self, request, *args, **kwargs):
        """The masthead entries in order with their people, in one query."""
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = self.entries.select_related("person").order_by("sort_order")
        return context


class MastheadEntry(Orderable):
    """One line of the masthead: a position ("Pemimpin Redaksi") and the person who holds it."""

    page = ParentalKey(MastheadPage, on_delete=models.CASCADE, related_name="entries")
    position = models.CharField(_("position"), max_length=100, help_text=_('e.g. "Pemimpin Redaksi".'))
    person = models.ForeignKey("people.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("position"), FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("masthead entry")
        verbose_name_plural = _("masthead entries")
