"""Sitemap index, month sitemaps, the Google News sitemap and robots.txt."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from redaksi.core.models import SiteSettings

from . import sitemaps

XML = "application/xml; charset=utf-8"


def absolute(request, path):
    return Site.find_for_request(request).root_url + path


@require_safe
def sitemap_index(request):
    """The index: the standing pages' sitemap, then one sitemap per month (part) of the archive."""
    urls = [absolute(request, reverse("sitemap_pages"))]
    urls += [absolute(request, part_url(part)) for part in sitemaps.month_parts()]
    return render(request, "feeds/sitemap_index.xml", {"sitemaps": urls}, content_type=XML)


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
    stories = sitemaps.part_stories(parts[part - 1], is_last=part == len(parts))
    entries = [entry(request, story, story.hero_image) for story in stories]
    return render(request, "feeds/sitemap.xml", {"entries": entries}, content_type=XML)


def sitemap_month_part(request, year, month, part):
    """Parts 2, 3... of a busy month; part 1 is the month's own address."""
    if part < 2:
        raise Http404("Part 1 is the month's sitemap.")
    return sitemap_month(request, year, month, part)


@require_safe
def sitemap_pages(request):
    """Home, sections, Indeks, video hub and static pages."""
    entries = [entry(request, page) for page in sitemaps.site_pages()]
    return render(request, "feeds/sitemap.xml", {"entries": entries}, content_type=XML)


def entry(request, page, image=None):
    return {
        "loc": page.get_full_url(request),
        "lastmod": page.last_published_at,
        "image": image and absolute(request, image.file.url),
    }


@require_safe
def news_sitemap(request):
    """Google News: the stories of the last 48 hours with the publication's name and language."""
    context = {
        "stories": [(story, story.get_full_url(request)) for story in sitemaps.news_stories()],
        "publication": SiteSettings.for_request(request).outlet_name,
    }
    return render(request, "feeds/news_sitemap.xml", context, content_type=XML)


@require_safe
def robots_txt(request):
    """Let crawlers read the site, keep them out of the newsroom, and point them at both sitemaps."""
    lines = [
        "User-agent: *",
        "Disallow: " + reverse("wagtailadmin_home"),
        "",
        "Sitemap: " + absolute(request, reverse("sitemap_index")),
        "Sitemap: " + absolute(request, reverse("news_sitemap")),
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
