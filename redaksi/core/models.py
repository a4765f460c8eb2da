from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from .validators import is_safe_link, validate_link, validate_web_url


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """The outlet's identity: name (also the dateline's), tagline, brand, main menu and social links."""

    outlet_name = models.CharField(_("outlet name"), max_length=100, default="Redaksi")
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    logo = models.ForeignKey(
        "media.Photo", verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    brand_colour = models.CharField(
        _("brand colour"), max_length=7, default="#0b4f8a", help_text=_("Hex, e.g. #0b4f8a.")
    )
    facebook_url = models.URLField(_("Facebook"), blank=True, validators=[validate_web_url])
    x_url = models.URLField(_("X (Twitter)"), blank=True, validators=[validate_web_url])
    instagram_url = models.URLField(_("Instagram"), blank=True, validators=[validate_web_url])
    youtube_url = models.URLField(_("YouTube"), blank=True, validators=[validate_web_url])
    tiktok_url = models.URLField(_("TikTok"), blank=True, validators=[validate_web_url])
    linkedin_url = models.URLField(_("LinkedIn"), blank=True, validators=[validate_web_url])

    panels = [
        MultiFieldPanel(
            [FieldPanel("outlet_name"), FieldPanel("tagline"), FieldPanel("logo"), FieldPanel("brand_colour")],
            heading=_("Outlet"),
        ),
        InlinePanel("menu_items", label=_("main menu item")),
        MultiFieldPanel(
            [
                FieldPanel(name)
                for name in ("facebook_url", "x_url", "instagram_url", "youtube_url", "tiktok_url", "linkedin_url")
            ],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        """(label, url) pairs for the links that are set, in display order."""
        fields = ("facebook_url", "x_url", "instagram_url", "youtube_url", "tiktok_url", "linkedin_url")
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name)) for name in fields if getattr(self, name)
        ]


class MenuItem(Orderable):
    """One entry of the main menu: a page (section, Indeks, video hub, static page) or a plain link."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="menu_items")
    label = models.CharField(_("label"), max_length=50)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    link_url = models.CharField(
        _("link"),
        max_length=255,
        blank=True,
        validators=[validate_link],
        help_text=_('Used when no page is chosen, e.g. "#sosial-media".'),
    )

    panels = [FieldPanel("label"), FieldPanel("link_page"), FieldPanel("link_url")]

    def __str__(self):
        return self.label

    def get_url(self, request):
        """The page's address, else the link; a link saved before links were checked renders only if safe."""
        if self.link_page_id:
            return self.link_page.get_url(request)
        return self.link_url if is_safe_link(self.link_url) else ""


class PendingEdition(models.Model):
    """A new edition asked for while the shared cache was down (one row): the first process back starts it."""

    requested_at = models.DateTimeField(_("requested at"))

    class Meta:
        verbose_name = _("pending edition")

    def __str__(self):
        return self.requested_at.isoformat()
