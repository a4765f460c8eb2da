from django.urls import path, register_converter

from . import feeds, views


class MonthConverter:
    regex = "[0-9]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(MonthConverter, "mm")

urlpatterns = [
    path("rss/", feeds.LatestStoriesFeed(), name="rss"),
    path("rss/<slug:slug>/", feeds.LatestStoriesFeed(), name="rss_section"),
    path("atom/", feeds.LatestStoriesAtomFeed(), name="atom"),
    path("atom/<slug:slug>/", feeds.LatestStoriesAtomFeed(), name="atom_section"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-halaman.xml", views.sitemap_pages, name="sitemap_pages"),
    path("sitemap-<int:year>-<mm:month>.xml", views.sitemap_month, name="sitemap_month"),
    path("sitemap-<int:year>-<mm:month>-<int:part>.xml", views.sitemap_month_part, name="sitemap_month_part"),
    path("sitemap-news.xml", views.news_sitemap, name="news_sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
