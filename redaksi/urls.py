from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from redaksi.core.views import health

handler500 = "redaksi.core.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("health/", health, name="health"),
    path("api/", include("redaksi.api.urls")),
    path("", include("redaksi.feeds.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "SERVE_MEDIA", False):  # `make prod-local`: no object storage on loopback
    media = re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    urlpatterns.append(media)

# The reader site is Indonesian at the bare URL and English under /en/, whatever the browser asks for,
# so one URL always means one language (and one cache entry).
urlpatterns += i18n_patterns(
    path("", include("redaksi.articles.urls")),
    path("", include("redaksi.sections.urls")),
    path("", include("redaksi.people.urls")),
    path("", include("redaksi.readership.urls")),
    path("", include("redaksi.search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
