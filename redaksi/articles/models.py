from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction, PreviewableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from redaksi.core.edition import cached_for_edition
from redaksi.core.models import SiteSettings
from redaksi.core.querysets import FewPagesQuerySet
from redaksi.core.validators import validate_web_url
from redaksi.media.models import Video, prefetch_photo_renditions

from .blocks import ArticleBodyBlock
from .corrections import CorrectionsPanel
from .forms import ArticlePageForm
from .privacy import is_restricted
from .structured_data import structured_data

STORIES_PER_PAGE = 20
FEATURED_VIDEOS = 4
UPDATE_AFTER = timedelta(minutes=1)
PHONE_WIDTH = 390  # the seed page's reference device


class EmbargoError(PermissionDenied):
    """Publishing a story before its embargo."""


class ArticlePageQuerySet(PageQuerySet):
    def live(self):
        """Stories readers may list: live, past any embargo, not behind a privacy setting (see privacy.py)."""
        return self.reachable().filter(private=False)

    def reachable(self):
        """Live stories past any embargo, private ones included: what a story's own address may serve."""
        return super().live().exclude(embargoed_until__gt=timezone.now())

    def published(self):
        return self.live().filter(published_at__isnull=False)

    def in_section(self, section):
        return self.filter(section=section)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_listing(self):
        """Prepare a story card without N+1: section, hero image and its renditions."""
        return (
            self.defer_streamfields()
            .select_related("section", "hero_image")
            .prefetch_related(models.Prefetch("hero_image__renditions", to_attr="prefetched_renditions"))
        )

    def for_article_page(self):
        """Prepare the article page's shell: the story and its section. The rest waits for `story_parts()`."""
        return self.select_related("section")


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
        _("source link"),
        max_length=500,
        blank=True,
        validators=[validate_web_url],
        help_text=_('Shown as "Baca selengkapnya".'),
    )
    embargoed_until = models.DateTimeField(
        _("embargoed until"),
        null=True,
        blank=True,
        help_text=_("The story cannot be published, nor scheduled to go live, before this time."),
    )
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        editable=False,
        help_text=_("First publication time, copied from Wagtail's so one index serves listings by section and time."),
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

    class Withdrawal(models.TextChoices):
        GONE = "gone", _("410 Gone: withdrawn, with a public note")
        NOT_FOUND = "not_found", _("404 Not Found: as if it never existed")

    withdrawal = models.CharField(
        _("withdrawal"), max_length=20, choices=Withdrawal.choices, blank=True, editable=False
    )
    withdrawal_note = models.TextField(_("withdrawal note"), blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    private = models.BooleanField(
        _("private"),
        default=False,
        editable=False,
        help_text=_("Behind a privacy setting (password or login): served at its address, left out of every list."),
    )
    exclude_fields_in_copy = ["guid", "withdrawal", "withdrawal_note", "withdrawn_at"]  # guid: a copy is no import

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    base_form_class = ArticlePageForm
    preview_sizes = [
        {**size, "device_width": PHONE_WIDTH} if size["name"] == "mobile" else size
        for size in PreviewableMixin.DEFAULT_PREVIEW_SIZES
    ]
    default_preview_size = "mobile"

    parent_page_types = ["sections.ArchiveMonthPage", "sections.SectionPage"]
    subpage_types = []
    content_panels = [
        TitleFieldPanel("title", heading=_("Headline")),  # fills the slug from the headline, as on every page
        FieldPanel("short_title"),
        FieldPanel("standfirst"),
        FieldPanel("dateline_city"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel([InlinePanel("authors", label=_("author")), FieldPanel("editor")], heading=_("Credits")),
        MultiFieldPanel(
            [FieldPanel("wire_source"), FieldPanel("source_url"), FieldPanel("embargoed_until")], heading=_("Wire")
        ),
        FieldPanel("tags"),
        CorrectionsPanel("corrections", label=_("correction or update")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("section"),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["section", "published_at", "page_ptr"], name="article_section_time_idx"),
            models.Index(fields=["published_at", "page_ptr"], name="article_time_idx"),
        ]

    @property
    def listing_title(self):
        return self.short_title or self.title

    def save(self, *args, **kwargs):
        if self.path:
            self.section_id = section_id_for_path(self.path)
            self.private = is_restricted(self.path)
        self.published_at = self.first_published_at
        return super().save(*args, **kwargs)

    def clean(self):
        """Refuse a go-live time before the embargo."""
        super().clean()
        if self.go_live_at and self.embargoed_until and self.go_live_at < self.embargoed_until:
            raise ValidationError({"go_live_at": _("The story is embargoed: it cannot go live before the embargo.")})

    def embargo_blocks_publishing(self, now=None):
        """Whether publishing now would break the embargo (a go-live at or after the embargo only schedules)."""
        now = now or timezone.now()
        if not self.embargoed_until or self.embargoed_until <= now:
            return False
        return not (self.go_live_at and self.go_live_at >= self.embargoed_until)

    def publish(self, revision, *args, **kwargs):
        """Refuse to publish before the embargo (workflow approval, bulk actions, the schedule worker)."""
        if revision.as_object().embargo_blocks_publishing():
            raise EmbargoError(_("The story is embargoed: it cannot be published before the embargo."))
        return super().publish(revision, *args, **kwargs)

    def get_url_parts(self, request=None):
        """Serve every story at its permanent ID address, whatever its place in the tree."""
        parts = super().get_url_parts(request)
        if not parts or parts[1] is None:
            return parts
        site_id, root_url, _tree_path = parts
        return site_id, root_url, article_path(self.pk, self.slug)

    def get_view_restrictions(self):
        """Wagtail's privacy question, answered from the cache within an edition when nothing restricts the story.

        Every privacy change starts a new edition once it commits (articles/signals.py), so a cached "nothing"
        never outlives a new restriction; a restricted story always asks the database. Saves the two queries
        (ancestors, restrictions) most story requests would make.
        """
        unrestricted = cached_for_edition(
            "story-unrestricted", lambda: not super(ArticlePage, self).get_view_restrictions().exists(), self.path
        )
        return PageViewRestriction.objects.none() if unrestricted else super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        canonical = self.get_url(request)
        if request.path != canonical:
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{canonical}?{query}" if query else canonical)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """The shell's context; what the story's cached fragments show is prepared only when they miss.

        `parts` is lazy: on a warm fragment cache the page never computes related stories, body media,
        renditions or structured data (docs/performance.md).
        """
        context = super().get_context(request, *args, **kwargs)
        share_url = self.get_full_url(request)
        context.update(share_url=share_url, parts=SimpleLazyObject(lambda: self.story_parts(request, share_url)))
        return context

    def story_parts(self, request, share_url):
        """Everything the story's fragments show, in fixed queries: relations, body media, renditions, rails."""
        models.prefetch_related_objects([self], "hero_image", "editor")
        if not getattr(request, "is_preview", False):  # a preview shows the draft's own authors, tags, corrections
            models.prefetch_related_objects(
                [self],
                models.Prefetch("authors", queryset=ArticleAuthor.objects.select_related("person")),
                models.Prefetch("tagged_items", queryset=ArticleTag.objects.select_related("tag")),
                "corrections",
            )
        featured_videos = list(Video.objects.featured()[:FEATURED_VIDEOS])
        body_photos, body_videos = self.body_media()
        models.prefetch_related_objects(body_videos, "poster")
        related = self.related_context()
        prefetch_photo_renditions(
            [
                self.hero_image,
                *body_photos,
                *(video.poster for video in [*body_videos, *featured_videos]),
                *(story.hero_image for story in related["related_stories"]),
            ]
        )
        site_settings = SiteSettings.for_request(request)
        updated_at = self.updated_at
        return {
            **related,
            **structured_data(request, self, site_settings, share_url, updated_at),
            "dateline": self.dateline(site_settings.outlet_name),
            "dateline_index": self.first_paragraph_index(),
            "read_more_url": "" if self.source_linked_in_body() else self.source_url,
            "updated_at": updated_at,
            "latest_correction": max(self.corrections.all(), key=lambda note: note.noted_at, default=None),
            "featured_videos": featured_videos,
        }

    def related_context(self):
        """Berita Terkait, and the suggested "Baca Juga" with its place when the editor picked none: two queries."""
        from .related import RELATED_STORIES, related_stories, suggestion

        picked = self.picked_story_ids()
        related = related_stories(self, RELATED_STORIES if picked else RELATED_STORIES + 1, exclude=picked)
        suggested = None if picked else suggestion(related)
        return {
            "related_stories": related[:RELATED_STORIES],
            "suggestion": {"story": suggested} if suggested else None,  # shaped like the block's value
            "suggestion_index": self.suggestion_index() if suggested else None,
        }

    def picked_story_ids(self):
        """Ids of the stories the editor linked in "Baca Juga" boxes, read from the raw body: no query."""
        picked = [block["value"].get("story") for block in self.body.raw_data if block["type"] == "related_story"]
        return [story_id for story_id in picked if story_id]

    def suggestion_index(self):
        """Position of the paragraph the suggested "Baca Juga" follows: the second, else the only one."""
        paragraphs = [i for i, block in enumerate(self.body.raw_data) if block["type"] == "paragraph"]
        return paragraphs[:2][-1] if paragraphs else None

    def body_media(self):
        """Return the photos and videos the body shows; the body loads them in one query per block type."""
        photos = [block.value["image"] for block in self.body if block.block_type == "image"]
        videos = [block.value for block in self.body if block.block_type == "video"]
        return [photo for photo in photos if photo], [video for video in videos if video]

    def source_linked_in_body(self):
        """Whether a paragraph already links the source, as imported pages do with "Baca selengkapnya"."""
        href = f'href="{escape(self.source_url)}"'
        return bool(self.source_url) and any(
            block.block_type == "paragraph" and href in block.value.source for block in self.body
        )

    def first_paragraph_index(self):
        """Position of the paragraph the dateline leads, or None when the body has no paragraph."""
        return next((i for i, block in enumerate(self.body) if block.block_type == "paragraph"), None)

    def dateline(self, outlet_name):
        """The dateline as the outlet prints it: "Warta Ekonomi, Jenewa -"."""
        return f"{outlet_name}, {self.dateline_city} -" if self.dateline_city else f"{outlet_name} -"

    @property
    def updated_at(self):
        """The later of the last publication and the newest correction note, if a minute or more after the first.

        Reads corrections through `corrections.all()`, which story_parts() prefetches: no query then.
        """
        first = self.first_published_at
        times = [self.last_published_at, *(correction.noted_at for correction in self.corrections.all())]
        latest = max((time for time in times if time), default=None)
        if first and latest and latest - first >= UPDATE_AFTER:
            return latest
        return None


def article_path(article_id, slug):
    """The permanent address of a story: /read<ID>/<slug>."""
    return reverse("article", kwargs={"article_id": article_id, "slug": slug})


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

    objects = PageManager.from_queryset(FewPagesQuerySet)()

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("story index (Indeks)")

    def get_context(self, request, *args, **kwargs):
        """One WIB day's published stories (today by default), filtered by section and paged within the day."""
        from redaksi.sections.models import SectionPage

        from .indeks import indeks_for

        context = super().get_context(request, *args, **kwargs)
        sections = SectionPage.objects.live().order_by("title")  # all under the one home: no path LIKE
        context["indeks"] = indeks_for(request.GET, sections)
        return context

    def serve(self, request, *args, **kwargs):
        """Answer bad filters with the form and a message: 400 for invalid input, 404 past the day's last page.

        An address with the English parameter names of before is sent to the Indonesian ones.
        """
        from redaksi.core.reader_params import renamed_params_redirect

        from .indeks import RENAMED_PARAMS, day_key

        if redirect := renamed_params_redirect(request, RENAMED_PARAMS):
            return redirect
        response = super().serve(request, *args, **kwargs)
        indeks = response.context_data["indeks"]
        response.status_code = indeks.status
        if indeks.day:
            response["X-Purge-Key"] = day_key(request.path, indeks.day)
        return response
