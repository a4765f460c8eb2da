"""Sitemap index, month sitemaps, the Google News sitemap and robots.txt."""

from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.xmlutils import SimplerXMLGenerator
from django.views.decorators.http import require_safe

from redaksi.core.links import site_root
from redaksi.core.models import SiteSettings
from redaksi.core.wib import iso_wib

from . import sitemaps

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"


class XmlResponse(HttpResponse):
    """An XML document written element by element, escaped by Django's XML generator."""

    def __init__(self, root, attrs):
        super().__init__(content_type="application/xml; charset=utf-8")
        self.xml = SimplerXMLGenerator(self, "utf-8")
        self.xml.startDocument()
        self.xml.startElement(root, attrs)
        self.root = root

    def close_document(self):
        self.xml.endElement(self.root)
        self.xml.endDocument()
        return self


@require_safe
def sitemap_index(request):
    """The index: the standing pages' sitemap, then one sitemap per month (part) of the archive."""
    root = site_root(request)
    response = XmlResponse("sitemapindex", {"xmlns": SITEMAP})
    for path in [reverse("sitemap_pages"), *(part_url(part) for part in sitemaps.month_parts())]:
        response.xml.startElement("sitemap", {})
        response.xml.addQuickElement("loc", root + path)
        response.xml.endElement("sitemap")
    return response.close_document()


def part_url(part):
    kwargs = {"year": part.year, "month": f"{part.month:02d}"}
    if part.part == 1:
        return reverse("sitemap_month", kwargs=kwargs)
    return reverse("sitemap_month_part", kwargs={**kwargs, "part": part.part})


@require_safe
def sitemap_month(request, year, month, part=1):
    """One month (part) of stories with lastmod and hero images; a month outside the archive is not found."""
    month = int(month)
    if not 1 <= month <= 12 or not sitemaps.month_in_archive(year, month):
        raise Http404("No such month in the archive.")
    parts = sitemaps.parts_of(year, month, sitemaps.folder_counts())
    if part > len(parts):
        raise Http404("No such sitemap.")
    return urlset(request, sitemaps.part_entries(parts[part - 1], is_last=part == len(parts)))


def sitemap_month_part(request, year, month, part):
    """Parts 2, 3... of a busy month; part 1 is the month's own address."""
    if part < 2:
        raise Http404("Part 1 is the month's sitemap.")
    return sitemap_month(request, year, month, part)


@require_safe
def sitemap_pages(request):
    """Home, sections, Indeks, video hub and static pages."""
    return urlset(request, [(page.get_url(request), page.last_published_at, None) for page in sitemaps.site_pages()])


def urlset(request, entries):
    """Write (path, lastmod, image file name) entries as a sitemap with Google's image extension."""
    root = site_root(request)
    response = XmlResponse("urlset", {"xmlns": SITEMAP, "xmlns:image": IMAGE})
    for path, lastmod, image in entries:
        response.xml.startElement("url", {})
        response.xml.addQuickElement("loc", root + path)
        if lastmod:
            response.xml.addQuickElement("lastmod", iso_wib(lastmod))
        if image:
            response.xml.startElement("image:image", {})
            response.xml.addQuickElement("image:loc", root + default_storage.url(image))
            response.xml.endElement("image:image")
        response.xml.endElement("url")
    return response.close_document()


@require_safe
def news_sitemap(request):
    """Google News: the stories of the last 48 hours with the publication's name and language."""
    root, publication = site_root(request), SiteSettings.for_request(request).outlet_name
    response = XmlResponse("urlset", {"xmlns": SITEMAP, "xmlns:news": NEWS})
    for path, published_at, title in sitemaps.news_stories():
        response.xml.startElement("url", {})
        response.xml.addQuickElement("loc", root + path)
        response.xml.startElement("news:news", {})
        response.xml.startElement("news:publication", {})
        response.xml.addQuickElement("news:name", publication)
        response.xml.addQuickElement("news:language", "id")
        response.xml.endElement("news:publication")
        response.xml.addQuickElement("news:publication_date", iso_wib(published_at))
        response.xml.addQuickElement("news:title", title)
        response.xml.endElement("news:news")
        response.xml.endElement("url")
    return response.close_document()


@require_safe
def robots_txt(request):
    """Let crawlers read the site, keep them out of the newsroom, and point them at both sitemaps."""
    lines = [
        "User-agent: *",
        "Disallow: " + reverse("wagtailadmin_home"),
        "",
        "Sitemap: " + site_root(request) + reverse("sitemap_index"),
        "Sitemap: " + site_root(request) + reverse("news_sitemap"),
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
