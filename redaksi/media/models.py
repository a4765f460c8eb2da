from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.duration import duration_iso_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail.utils.file import hash_filelike

from redaksi.core.querysets import FewPagesQuerySet
from redaksi.core.reader_params import PAGE, renamed_params_redirect
from redaksi.core.validators import validate_web_url

from .reencode import CleanPicture, reencode

VIDEOS_PER_PAGE = 20
OTHER_VIDEOS = 4
# The hub's page number, `halaman` (core/reader_params.py); `page` before, redirected.
RENAMED_PARAMS = {"page": PAGE}

# Hosts whose video pages we may link to; nothing from them is loaded into our pages.
VIDEO_HOSTS = {"www.youtube.com", "youtube.com", "youtu.be", "vimeo.com", "www.vimeo.com"}
VIDEO_HOST_NAMES = {"youtube.com": "YouTube", "youtu.be": "YouTube", "vimeo.com": "Vimeo"}


class Photo(AbstractImage):
    """A photo with the credit and caption every published picture carries; alt text is `description`."""

    credit = models.CharField(
        _("credit"), max_length=255, help_text=_('Agency / photographer, e.g. "Reuters/Anna Kudriavtseva".')
    )
    caption = models.TextField(_("caption"), blank=True)

    admin_form_fields = WagtailImage.admin_form_fields + ("credit", "caption")
    search_fields = AbstractImage.search_fields + [index.SearchField("credit"), index.SearchField("caption")]

    class Meta(AbstractImage.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def save(self, *args, **kwargs):
        """Store a new or replaced picture re-encoded (media/reencode.py), never the bytes as uploaded."""
        if self.file and not self.file._committed and not isinstance(self.file.file, CleanPicture):
            self.use_clean_picture(reencode(self.file.file, self.file.name))
        return super().save(*args, **kwargs)

    def use_clean_picture(self, clean):
        """Take `clean` as the file, with its size, hash and dimensions."""
        self.file = clean
        self.file_size = clean.size
        self.file_hash = hash_filelike(clean)
        self.width, self.height = clean.dimensions


class PhotoRendition(AbstractRendition):
    image = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def prefetch_photo_renditions(photos):
    """Load the renditions of `photos` in one query, so image tags on them query nothing more."""
    photos = [photo for photo in photos if photo is not None and not hasattr(photo, "prefetched_renditions")]
    models.prefetch_related_objects(photos, models.Prefetch("renditions", to_attr="prefetched_renditions"))


def validate_video_url(value):
    """Accept only links to the allow-listed video hosts."""
    if urlsplit(value).hostname not in VIDEO_HOSTS:
        raise ValidationError(
            _("Videos must link to one of: %(hosts)s"), params={"hosts": ", ".join(sorted(VIDEO_HOSTS))}
        )


class VideoQuerySet(models.QuerySet):
    def published(self):
        """Videos whose publication time has come: a future time schedules the video."""
        return self.filter(published_at__lte=timezone.now())

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def featured(self):
        """Videos editors picked for "Video Pilihan", newest first, with their posters."""
        return self.published().filter(is_featured=True).select_related("poster").order_by("-published_at")

    def for_listing(self):
        """Prepare video cards without N+1: the poster and its renditions."""
        return self.select_related("poster").prefetch_related(
            models.Prefetch("poster__renditions", to_attr="prefetched_renditions")
        )


class VideoManager(models.Manager.from_queryset(VideoQuerySet)):
    def get_queryset(self):
        """Load every video with the hub's slug (one scalar subquery), so its URL costs no query of its own."""
        hub_slug = VideoIndexPage.objects.live().values("slug")[:1]
        return super().get_queryset().annotate(hub_slug=models.Subquery(hub_slug))


class Video(index.Indexed, models.Model):
    """A video for the hub and "Video Pilihan": hosted here (file) or on an allow-listed host (url)."""

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("video link"), blank=True, validators=[validate_web_url, validate_video_url])
    file = models.FileField(_("video file"), upload_to="videos/", blank=True)
    poster = models.ForeignKey(
        Photo, verbose_name=_("poster image"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    duration = models.DurationField(_("duration"), null=True, blank=True)
    is_featured = models.BooleanField(_('featured in "Video Pilihan"'), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)

    objects = VideoManager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("url"),
        FieldPanel("file"),
        FieldPanel("poster"),
        FieldPanel("duration"),
        FieldPanel("is_featured"),
        FieldPanel("published_at"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("description")]

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        ordering = ["-published_at"]

    def __str__(self):
        return self.title

    def clean(self):
        if not self.url and not self.file:
            raise ValidationError(_("Give the video a link or upload a file."))

    def get_absolute_url(self):
        """The video's page on the hub (the hub sits under the site root), or its own link without a live hub."""
        if hasattr(self, "hub_slug"):
            hub_slug = self.hub_slug
        else:  # not loaded through Video.objects
            hub_slug = VideoIndexPage.objects.live().values_list("slug", flat=True).first()
        if hub_slug:
            return reverse("wagtail_serve", args=(f"{hub_slug}/{self.slug}/",))
        return self.url or (self.file.url if self.file else "")

    @property
    def host_name(self):
        """The name of the site an external video plays on: "YouTube", "Vimeo"."""
        host = (urlsplit(self.url).hostname or "").removeprefix("www.")
        return VIDEO_HOST_NAMES.get(host, host)

    @property
    def duration_label(self):
        """The running time as players print it: "6:05", "1:02:03"."""
        if self.duration is None:
            return ""
        minutes, seconds = divmod(int(self.duration.total_seconds()), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"

    @property
    def duration_iso(self):
        return duration_iso_string(self.duration) if self.duration is not None else ""


class VideoIndexPage(RoutablePageMixin, Page):
    """The video hub: every published video, newest first, and each video's own page at <hub>/<video slug>/."""

    objects = PageManager.from_queryset(FewPagesQuerySet)()

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("video hub")

    @path("")
    def index_route(self, request):
        """A page of the hub, numbered: videos are few (hundreds a year), so OFFSET stays cheap."""
        if redirect := renamed_params_redirect(request, RENAMED_PARAMS):
            return redirect
        videos = Video.objects.published().newest_first().for_listing()
        return self.render(request, context_overrides={"videos": page_of(videos, request.GET)})

    @path("<slug:slug>/", name="video")
    def video(self, request, slug):
        """One published video and the latest others; an unpublished or unknown one is a 404."""
        videos = Video.objects.published().for_listing()
        video = get_object_or_404(videos, slug=slug)
        others = list(videos.newest_first().exclude(pk=video.pk)[:OTHER_VIDEOS])
        context = {"video": video, "other_videos": others}
        return self.render(request, template="media/video_page.html", context_overrides=context)


def page_of(queryset, params):
    """The page of `queryset` that the `halaman` parameter asks for; junk or a page past the end is a 404."""
    value = params.get(PAGE, "1")
    if not value.isascii() or not value.isdigit() or len(value) > 6:
        raise Http404("Bad page number.")
    try:
        return Paginator(queryset, VIDEOS_PER_PAGE).page(int(value))
    except InvalidPage as error:
        raise Http404("No such page.") from error
