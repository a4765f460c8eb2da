from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The front page and the root of one outlet's site."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sections.SectionPage", "pages.StandardPage", "articles.ArticleIndexPage", "media.VideoIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """The latest published stories, newest first, ready for cards."""
        from redaksi.articles.models import STORIES_PER_PAGE, ArticlePage

        context = super().get_context(request, *args, **kwargs)
        context["stories"] = ArticlePage.objects.published().newest_first().for_listing()[:STORIES_PER_PAGE]
        return context


class StandardPage(Page):
    """A static page editors maintain: Tentang Kami, Redaksi, Pedoman Media Siber, Kontak."""

    body = RichTextField(_("body"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    content_panels = Page.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = _("static page")
        verbose_name_plural = _("static pages")
