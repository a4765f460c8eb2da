"""What search engines and social apps read about a story: schema.org NewsArticle and BreadcrumbList."""

from django.utils import timezone
from wagtail.models import Site

# Google asks for images in 16:9, 4:3 and 1:1, at least 1200 pixels wide.
SCHEMA_IMAGE_FILTERS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
OPEN_GRAPH_IMAGE_FILTER = SCHEMA_IMAGE_FILTERS[0]
LOGO_FILTER = "height-60"


def w3c(moment):
    """ISO 8601 in WIB: 2022-01-21T10:15:00+07:00."""
    return timezone.localtime(moment).isoformat() if moment else None


def absolute(request, url):
    """An absolute URL on the site's own address, as Wagtail builds the canonical URL."""
    return url if "://" in url else Site.find_for_request(request).root_url + url


def structured_data(request, story, site_settings, canonical_url, updated_at):
    """Everything the article page's head tells machines: JSON-LD documents and the Open Graph image."""
    images = image_urls(request, story.hero_image)
    return {
        "json_ld": [
            news_article(request, story, site_settings, canonical_url, updated_at, images),
            breadcrumbs(request, story, site_settings, canonical_url),
        ],
        "og_image": images[0] if images else None,
    }


def image_urls(request, photo):
    """The hero image in the three shapes Google asks for."""
    if photo is None:
        return []
    renditions = photo.get_renditions(*SCHEMA_IMAGE_FILTERS)
    return [absolute(request, renditions[spec].url) for spec in SCHEMA_IMAGE_FILTERS]


def person(request, someone):
    return {"@type": "Person", "name": someone.name, "url": absolute(request, someone.get_absolute_url())}


def publisher(request, site_settings):
    """The outlet as an Organization, with its logo when the site settings have one."""
    organization = {"@type": "NewsMediaOrganization", "name": site_settings.outlet_name, "url": absolute(request, "/")}
    if site_settings.logo:
        logo = site_settings.logo.get_rendition(LOGO_FILTER)
        organization["logo"] = {
            "@type": "ImageObject",
            "url": absolute(request, logo.url),
            "width": logo.width,
            "height": logo.height,
        }
    return organization


def news_article(request, story, site_settings, canonical_url, updated_at, images):
    """schema.org NewsArticle for `story`, from what the article page has already loaded (no queries)."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": canonical_url,
        "url": canonical_url,
        "headline": story.title[:110],
        "description": story.search_description or story.standfirst,
        "image": images,
        "datePublished": w3c(story.published_at),
        "dateModified": w3c(updated_at or story.last_published_at or story.published_at),
        "author": [person(request, author.person) for author in story.authors.all()],
        "publisher": publisher(request, site_settings),
        "articleSection": story.section.title if story.section else None,
        "keywords": [item.tag.name for item in story.tagged_items.all()],
        "inLanguage": "id",
        "isAccessibleForFree": True,
    }
    if story.editor:
        data["editor"] = person(request, story.editor)
    if story.wire_source:
        data["sourceOrganization"] = {"@type": "NewsMediaOrganization", "name": story.wire_source}
    if story.source_url:
        data["isBasedOn"] = story.source_url
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def breadcrumbs(request, story, site_settings, canonical_url):
    """Home > section > story, as a BreadcrumbList."""
    trail = [(site_settings.outlet_name, absolute(request, "/"))]
    if story.section:
        trail.append((story.section.title, story.section.get_full_url(request)))
    trail.append((story.title, canonical_url))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }
