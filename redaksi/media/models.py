from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Page
from wagtail.search import index

VIDEOS_PER_PAGE = 20

# Hosts whose video pages we may link to; nothing from them is loaded into our pages.
VIDEO_HOSTS = {"www.youtube.com", "youtube.com", "youtu.be", "vimeo.com", "www.vimeo.com"}


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
        return self.filter(published_at__isnull=False)

    def featured(self):
        """Videos editors picked for "Video Pilihan", newest first, with their posters."""
        return self.published().filter(is_featured=True).select_related("poster").order_by("-published_at")

    def for_listing(self):
        """Prepare video cards without N+1: the poster and its renditions."""
        return self.select_related("poster").prefetch_related(
            models.Prefetch("poster__renditions", to_attr="prefetched_renditions")
        )


class Video(index.Indexed, models.Model):
    """A video for the hub and "Video Pilihan": hosted here (file) or on an allow-listed host (url)."""

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("video link"), blank=True, validators=[validate_video_url])
    file = models.FileField(_("video file"), upload_to="videos/", blank=True)
    poster = models.ForeignKey(
        Photo, verbose_name=_("poster image"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    duration = models.DurationField(_("duration"), null=True, blank=True)
    is_featured = models.BooleanField(_('featured in "Video Pilihan"'), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)

    objects = VideoQuerySet.as_manager()

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


class VideoIndexPage(Page):
    """The video hub."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("video hub")

    def get_context(self, request, *args, **kwargs):
        """The latest published videos, newest first, ready for cards."""
        context = super().get_context(request, *args, **kwargs)
        context["videos"] = Video.objects.published().order_by("-published_at").for_listing()[:VIDEOS_PER_PAGE]
        return context
