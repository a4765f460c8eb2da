from django import template

from redaksi.articles.models import ArticleIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def index_page_url(context):
    """The URL of Indeks (the one story index page), or "" when it is not live."""
    index_page = ArticleIndexPage.objects.live().first()
    return index_page.get_url(context.get("request")) if index_page else ""
