from django.shortcuts import get_object_or_404, render

from redaksi.articles.models import STORIES_PER_PAGE, ArticlePage
from redaksi.articles.pagination import paginate_stories

from .models import Tag


def tag(request, slug):
    """Every published story carrying a tag, newest first, paginated by keyset."""
    tag = get_object_or_404(Tag, slug=slug)
    stories = ArticlePage.objects.published().filter(tagged_items__tag=tag).for_listing()
    pager = paginate_stories(stories, request.GET, STORIES_PER_PAGE)
    return render(request, "sections/tag.html", {"tag": tag, "pager": pager})
