"""What ingest remembers: where imported things came from, WordPress comments, and the wire desk's queue."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .transports.file import confined
from .transports.http import url_allowed


class ImportedObject(models.Model):
    """One thing an import created (story, page, photo, person, section, tag), keyed by its id at the source.

    Re-running an import finds what it made last time here, so a second run changes nothing and an
    interrupted run resumes without duplicates. `old_url` is the address the thing had on the old site.
    """

    source = models.CharField(_("source"), max_length=255, help_text=_('e.g. "wxr:https://old.example.com".'))
    kind = models.CharField(_("kind"), max_length=30, help_text=_('e.g. "post", "page", "attachment", "author".'))
    external_id = models.CharField(_("id at the source"), max_length=255)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    old_url = models.URLField(_("old address"), max_length=2000, blank=True)
    digest = models.CharField(
        _("content digest"), max_length=64, blank=True, help_text=_("Hash of the source record last imported.")
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported object")
        verbose_name_plural = _("imported objects")
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "external_id"], name="ingest_imported_object_identity")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.source} {self.kind} {self.external_id}"


class Comment(models.Model):
    """A reader comment carried over from the old site; kept as data, not shown on the site."""

    story = models.ForeignKey(
        "articles.ArticlePage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="imported_comments"
    )
    source = models.CharField(_("source"), max_length=255)
    external_id = models.CharField(_("id at the source"), max_length=255)
    parent = models.ForeignKey(
        "self", verbose_name=_("reply to"), null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    author_name = models.CharField(_("author name"), max_length=255, blank=True)
    author_email = models.CharField(_("author email"), max_length=255, blank=True)
    author_url = models.CharField(_("author link"), max_length=2000, blank=True)
    posted_at = models.DateTimeField(_("posted at"), null=True, blank=True)
    body = models.TextField(_("text"), blank=True)
    approved = models.BooleanField(_("approved"), default=False)
    kind = models.CharField(_("kind"), max_length=30, blank=True, help_text=_('Empty for a comment; "pingback" etc.'))

    class Meta:
        verbose_name = _("imported comment")
        verbose_name_plural = _("imported comments")
        ordering = ["posted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "external_id"], name="ingest_comment_identity"),
        ]

    def __str__(self):
        return f"{self.author_name}: {self.body[:40]}"


class WireSource(models.Model):
    """An agency feed the worker polls: a format (ninjs, NewsML-G2, RSS/Atom) read from a URL or a folder."""

    class Format(models.TextChoices):
        NINJS = "ninjs", _("IPTC ninjs (JSON)")
        NEWSML_G2 = "newsml_g2", _("IPTC NewsML-G2 (XML)")
        FEED = "feed", _("RSS or Atom")

    name = models.CharField(_("name"), max_length=100, unique=True)
    agency = models.CharField(_("agency"), max_length=100, help_text=_('Credited as "dilansir <agency>".'))
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    url = models.URLField(_("feed address"), max_length=2000, blank=True, help_text=_("Fill this or the folder."))
    folder = models.CharField(_("folder"), max_length=1000, blank=True, help_text=_("A folder on the server."))
    language = models.CharField(_("default language"), max_length=20, default="en")
    enabled = models.BooleanField(_("enabled"), default=True)
    poll_interval = models.PositiveIntegerField(_("poll every (seconds)"), default=300)
    last_polled_at = models.DateTimeField(_("last polled at"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)

    class Meta:
        verbose_name = _("wire source")
        verbose_name_plural = _("wire sources")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        """Refuse an address that is not http(s) or names a non-public IP, and a folder outside WIRE_FOLDER_ROOT."""
        errors = {}
        if self.url and not url_allowed(self.url):
            errors["url"] = _("Address not allowed: only http and https addresses on the public internet.")
        if self.folder and confined(self.folder) is None:
            errors["folder"] = _("Folder not allowed: only folders inside %(root)s.") % {
                "root": settings.WIRE_FOLDER_ROOT
            }
        if errors:
            raise ValidationError(errors)


class WireItem(models.Model):
    """One agency item in the wire queue, the latest version of its guid; withdrawn items leave the queue."""

    class Status(models.TextChoices):
        USABLE = "usable", _("Usable")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    source = models.ForeignKey(WireSource, verbose_name=_("source"), on_delete=models.CASCADE, related_name="items")
    guid = models.CharField(_("guid"), max_length=500)
    version = models.PositiveIntegerField(_("version"), default=1)
    pubstatus = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.USABLE)
    agency = models.CharField(_("agency"), max_length=100)
    headline = models.CharField(_("headline"), max_length=500)
    language = models.CharField(_("language"), max_length=20, blank=True)
    urgency = models.PositiveSmallIntegerField(
        _("urgency"), null=True, blank=True, help_text=_("1 most urgent, 9 least.")
    )
    byline = models.CharField(_("byline"), max_length=500, blank=True)
    dateline = models.CharField(_("dateline"), max_length=255, blank=True)
    standfirst = models.TextField(_("standfirst"), blank=True)
    body_html = models.TextField(_("body"), blank=True, help_text=_("Sanitised HTML."))
    pictures = models.JSONField(_("pictures"), default=list, blank=True, help_text=_("[{href, caption, credit}]"))
    link = models.URLField(_("source link"), max_length=2000, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    received_at = models.DateTimeField(_("received at"), db_index=True)
    embargoed_until = models.DateTimeField(_("embargoed until"), null=True, blank=True)
    signals = models.JSONField(_("signals"), default=list, blank=True, help_text=_('e.g. ["sig:correction"]'))
    story = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wire_items",
    )

    class Meta:
        verbose_name = _("wire item")
        verbose_name_plural = _("wire items")
        ordering = ["-received_at", "-pk"]
        # One row per guid whichever source brought it: the same item never appears twice in the queue.
        constraints = [models.UniqueConstraint(fields=["guid"], name="ingest_wire_item_guid")]

    def __str__(self):
        return self.headline
