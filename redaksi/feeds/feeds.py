"""RSS 2.0 and Atom feeds of the latest stories, for the whole site and for each section."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _

from redaksi.core.links import absolute_url
from redaksi.core.models import SiteSettings
from redaksi.sections.models import SectionPage

from .public import for_syndication, public_stories

FEED_LENGTH = 50
MEDIA_RSS = "http://search.yahoo.com/mrss/"


def add_media_elements(handler, image):
    """Write the hero image as a Media RSS element with its caption and credit."""
    if not image:
        return
    attrs = {"url": image["url"], "medium": "image", "type": image["type"]}
    attrs.update({key: str(image[key]) for key in ("width", "height") if image[key]})
    handler.startElement("media:content", attrs)
    if image["caption"]:
        handler.addQuickElement("media:description", image["caption"], {"type": "plain"})
    handler.addQuickElement("media:credit", image["credit"], {"role": "photographer"})
    handler.endElement("media:content")


class MediaRssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with each story's hero image as a Media RSS element."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        add_media_elements(handler, item.get("image"))


class MediaAtomFeed(feedgenerator.Atom1Feed):
    """Atom with each story's hero image as a Media RSS element."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        add_media_elements(handler, item.get("image"))


class LatestStoriesFeed(Feed):
    """The newest stories of the site, or of one section given its slug, as RSS 2.0."""

    feed_type = MediaRssFeed
    language = "id"

    def get_object(self, request, slug=None):
        self.request = request
        self.outlet = SiteSettings.for_request(request)
        return get_object_or_404(SectionPage.objects.live(), slug=slug) if slug else None

    def title(self, section):
        return f"{section.title} | {self.outlet.outlet_name}" if section else self.outlet.outlet_name

    def link(self, section):
        return section.get_full_url(self.request) if section else absolute_url(self.request, "/")

    def description(self, section):
        if section and section.description:
            return section.description
        return self.outlet.tagline or _("The latest stories from %(outlet)s") % {"outlet": self.outlet.outlet_name}

    subtitle = description

    def author_name(self, section):
        """The outlet authors the feed: Atom needs a feed author when a story has no byline."""
        return self.outlet.outlet_name

    def feed_url(self, section):
        name = "atom" if self.feed_type is MediaAtomFeed else "rss"
        path = reverse(f"{name}_section", kwargs={"slug": section.slug}) if section else reverse(name)
        return absolute_url(self.request, path)

    def items(self, section):
        stories = public_stories().in_section(section) if section else public_stories()
        return for_syndication(stories.newest_first())[:FEED_LENGTH]

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.standfirst or story.search_description

    def item_link(self, story):
        return story.get_full_url(self.request)

    def item_guid(self, story):
        """The story's permanent ID address: it survives slug changes and moves between sections."""
        return absolute_url(self.request, reverse("article_by_id", kwargs={"article_id": story.pk}))

    item_guid_is_permalink = True

    def item_pubdate(self, story):
        return timezone.localtime(story.published_at)

    def item_updateddate(self, story):
        return timezone.localtime(story.last_published_at or story.published_at)

    def item_author_name(self, story):
        return ", ".join(author.person.name for author in story.authors.all()) or None

    def item_categories(self, story):
        return [story.section.title, *(item.tag.name for item in story.tagged_items.all())]

    def item_extra_kwargs(self, story):
        return {"image": self.hero_image(story.hero_image)}

    def hero_image(self, photo):
        if photo is None:
            return None
        return {
            "url": absolute_url(self.request, photo.file.url),
            "type": f"image/{(photo.file.name.rsplit('.', 1)[-1]).lower().replace('jpg', 'jpeg')}",
            "width": photo.width,
            "height": photo.height,
            "caption": photo.caption or photo.description,
            "credit": photo.credit,
        }


class LatestStoriesAtomFeed(LatestStoriesFeed):
    """The same stories as Atom: RFC 3339 times with +07:00, permanent entry ids."""

    feed_type = MediaAtomFeed
