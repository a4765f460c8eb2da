from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "job_title"]
    list_filter = ["role"]
    search_fields = ["name"]


register_snippet(PersonViewSet)
