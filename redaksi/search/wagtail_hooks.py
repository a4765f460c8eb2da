from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    """Editors keep the acronyms and synonyms search expands; a change applies to the next search."""

    model = SearchSynonym
    icon = "search"
    list_display = ["term", "equivalents"]
    search_fields = ["term", "equivalents"]
    ordering = ["term"]


register_snippet(SearchSynonymViewSet)
