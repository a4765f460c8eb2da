import json
import re
from typing import NamedTuple

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site

from redaksi.core.csp import allow_inline_style
from redaksi.core.edition import cached_for_edition
from redaksi.core.models import MenuItem, SiteSettings
from redaksi.core.wib import wib, wib_date

register = template.Library()

HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
FIRST_PARAGRAPH_OPENING = re.compile(r"\s*<p(?:\s[^>]*)?>")
DEFAULT_BRAND_COLOUR = "#0b4f8a"
JSON_IN_HTML = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


register.filter("wib", wib)
register.filter("wib_date", wib_date)


@register.filter
def ld_json(data):
    """Serialise schema.org data for a <script type="application/ld+json">: no "<", ">" or "&" can close it."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_IN_HTML))  # escaped by translate()


@register.filter
def css_colour(value):
    """Return `value` if it is a hex colour, else the default brand colour: it goes into CSS and a meta tag."""
    return value if value and HEX_COLOUR.fullmatch(value) else DEFAULT_BRAND_COLOUR


@register.simple_tag(takes_context=True)
def brand_style(context, colour):
    """A <style> setting --brand to the outlet's colour, allowed by its hash in this response's CSP (no nonce, which
    the edge would serve to every reader; no style attribute, which needs 'unsafe-inline')."""
    css = f":root{{--brand:{css_colour(colour)}}}"
    if context.get("request") is not None:  # a page rendered outside a response (a test, a mail) has no policy
        allow_inline_style(context["request"], css)
    return format_html("<style>{}</style>", css)


@register.filter
def lead_with(html, dateline):
    """Open the first paragraph of `html` with the dateline, inside the same <p>, as the outlet prints it."""
    html = conditional_escape(html)
    lead = format_html('<span class="dateline">{}</span> ', dateline)
    opening = FIRST_PARAGRAPH_OPENING.match(html)
    if opening is None:
        return format_html("<p>{}</p>{}", lead, html)
    return mark_safe(html[: opening.end()] + lead + html[opening.end() :])  # both parts are escaped already


class Link(NamedTuple):
    label: str
    url: str
    page_id: int | None = None


@register.inclusion_tag("components/_main_menu.html", takes_context=True)
def main_menu(context):
    """The main menu from the site settings, kept until the next edition; marks the current page or section."""
    request = context["request"]
    page = context.get("page")
    current = {getattr(page, "pk", None), getattr(page, "section_id", None)} - {None}
    site = Site.find_for_request(request)
    links = cached_for_edition("main-menu", lambda: menu_links(request), getattr(site, "pk", None), get_language())
    return {"request": request, "items": [(link, link.page_id in current) for link in links]}


def menu_links(request):
    items = MenuItem.objects.filter(settings=SiteSettings.for_request(request)).select_related("link_page")
    return [Link(item.label, item.get_url(request), item.link_page_id) for item in items]


@register.inclusion_tag("components/_footer_links.html", takes_context=True)
def footer_links(context):
    """The live static pages (Tentang Kami, Redaksi, Pedoman Media Siber, Kontak) in tree order, kept per edition.

    Static pages and the masthead may only sit under the one home page, so no site filter is needed.
    """
    request = context["request"]
    return {"links": cached_for_edition("footer-links", lambda: static_page_links(request), get_language())}


def static_page_links(request):
    pages = Page.objects.live().filter(
        content_type__app_label="pages", content_type__model__in=("standardpage", "mastheadpage")
    )
    return [Link(page.title, page.get_url(request), page.pk) for page in pages.order_by("path")]
