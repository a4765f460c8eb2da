from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Video


class VideoViewSet(SnippetViewSet):
    model = Video
    icon = "media"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "is_featured", "published_at"]
    list_filter = ["is_featured"]


register_snippet(VideoViewSet)
