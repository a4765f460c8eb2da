from django.shortcuts import render
from django.views.decorators.http import require_GET

from redaksi.sections.models import SectionPage

from .services import search_page


@require_GET
def search(request):
    """The reader's search page: results, a helpful page for an empty query, 400 for junk parameters."""
    sections = SectionPage.objects.live().order_by("title")
    page = search_page(request.GET, sections)
    return render(request, "search/search.html", {"search": page, "sections": sections}, status=page.status)
