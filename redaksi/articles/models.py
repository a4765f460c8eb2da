from django.db import models
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from .blocks import ArticleBodyBlock


class ArticlePageQuerySet(PageQuerySet):
    def published(self):
        return self.live().filter(first_published_at__isnull=False)

    def in_section(self, section):
        return self.filter(section=section)

    def newest_first(self):
        return self.order_by("-first_published_at", "-pk")

    def for_listing(self):
        """Prepare a story card without N+1: section and hero image (renditions via prefetch)."""
        return self.defer_streamfields().select_related("section", "hero_image")

    def for_article_page(self):
        """Prepare the article page: section, hero image, editor, authors and tags in fixed queries."""
        return self.select_related("section", "hero_image", "editor").prefetch_related(
            models.Prefetch("authors", queryset=ArticleAuthor.objects.select_related("person")),
            "tagged_items__tag",
            "corrections",
        )


class ArticleTag(ItemBase):
    tag = models.ForeignKey("sections.Tag", on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(Page):
    """A story. Lives in a section's month folder; readers reach it at /read<ID>/<slug>."""

    short_title = models.CharField(
        _("short headline"),
        max_length=90,
        blank=True,
        help_text=_("For tight listings; the headline is used when empty."),
    )
    standfirst = models.TextField(_("standfirst"), blank=True, help_text=_("One or two sentences under the headline."))
    dateline_city = models.CharField(_("dateline city"), max_length=100, blank=True, help_text=_('e.g. "Jenewa".'))
    hero_image = models.ForeignKey(
        "media.Photo", verbose_name=_("hero image"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    section = models.ForeignKey(
        "sections.SectionPage",
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="articles",
        editable=False,
        help_text=_("Follows the story's place in the page tree; move the story to change it."),
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tags"))
    editor = models.ForeignKey(
        "people.Person",
        verbose_name=_("editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="edited_articles",
    )
    wire_source = models.CharField(
        _("wire source"), max_length=100, blank=True, help_text=_('Agency reported by, e.g. "Reuters".')
    )
    source_url = models.URLField(
        _("source link"), max_length=500, blank=True, help_text=_('Shown as "Baca selengkapnya".')
    )
    guid = models.CharField(
        _("source identifier"),
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Identity of the story in the system it was imported from; makes imports idempotent."),
    )

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    parent_page_types = ["sections.ArchiveMonthPage", "sections.SectionPage"]
    subpage_types = []
    content_panels = [
        FieldPanel("title", heading=_("Headline")),
        FieldPanel("short_title"),
        FieldPanel("standfirst"),
        FieldPanel("dateline_city"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [InlinePanel("authors", label=_("author"), min_num=1), FieldPanel("editor")], heading=_("Credits")
        ),
        MultiFieldPanel([FieldPanel("wire_source"), FieldPanel("source_url")], heading=_("Wire")),
        FieldPanel("tags"),
        InlinePanel("corrections", label=_("correction or update")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("section"),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def listing_title(self):
        return self.short_title or self.title

    def save(self, *args, **kwargs):
        if self.path:
            self.section_id = section_id_for_path(self.path)
        return super().save(*args, **kwargs)

    def get_url_parts(self, request=None):
        """Serve every story at its permanent ID address, whatever its place in the tree."""
        parts = super().get_url_parts(request)
        if not parts or parts[1] is None:
            return parts
        site_id, root_url, _tree_path = parts
        return site_id, root_url, reverse("article", kwargs={"article_id": self.pk, "slug": self.slug})

    def serve(self, request, *args, **kwargs):
        canonical = self.get_url(request)
        if request.path != canonical:
            return HttpResponsePermanentRedirect(canonical)
        return super().serve(request, *args, **kwargs)


def section_id_for_path(path):
    """Return the id of the section whose subtree holds `path` (one query)."""
    from redaksi.sections.models import SectionPage

    steplen = Page.steplen
    ancestors = [path[:end] for end in range(steplen, len(path) + 1, steplen)]
    return SectionPage.objects.filter(path__in=ancestors).values_list("pk", flat=True).order_by("-depth").first()


class ArticleAuthor(Orderable):
    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey("people.Person", verbose_name=_("author"), on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class Correction(Orderable):
    """A visible correction (ralat) or update note on a published story."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    noted_at = models.DateTimeField(_("noted at"))
    text = models.TextField(_("text"))

    panels = [FieldPanel("kind"), FieldPanel("noted_at"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")


class ArticleIndexPage(Page):
    """Indeks: every published story by date, newest first."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("story index (Indeks)")
