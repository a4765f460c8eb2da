"""What search engines and social apps read about a story: schema.org NewsArticle and BreadcrumbList."""

from redaksi.core.links import absolute_url
from redaksi.core.wib import iso_wib

# Google asks for images in 16:9, 4:3 and 1:1, at least 1200 pixels wide.
SCHEMA_IMAGE_FILTERS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
OPEN_GRAPH_IMAGE_FILTER = SCHEMA_IMAGE_FILTERS[0]
LOGO_FILTER = "height-60"


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
    return [absolute_url(request, renditions[spec].url) for spec in SCHEMA_IMAGE_FILTERS]


def person(request, someone):
    return {"@type": "Person", "name": someone.name, "url": absolute_url(request, someone.get_absolute_url())}


def publisher(request, site_settings):
    """The outlet as an Organization, with its logo when the site settings have one."""
    organization = {
        "@type": "NewsMediaOrganization",
        "name": site_settings.outlet_name,
        "url": absolute_url(request, "/"),
    }
    if site_settings.logo:
        logo = site_settings.logo.get_rendition(LOGO_FILTER)
        organization["logo"] = {
            "@type": "ImageObject",
            "url": absolute_url(request, logo.url),
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
        "datePublished": iso_wib(story.published_at),
        "dateModified": iso_wib(updated_at or story.last_published_at or story.published_at),
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
    trail = [(site_settings.outlet_name, absolute_url(request, "/"))]
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
