from django.shortcuts import get_object_or_404, render

from redaksi.articles.models import STORIES_PER_PAGE, ArticlePage
from redaksi.articles.pagination import paginate_stories
from redaksi.media.models import prefetch_photo_renditions

from .models import Person


def person(request, slug):
    """A person's profile and the published stories they wrote, newest first, paginated by keyset."""
    person = get_object_or_404(Person.objects.select_related("photo"), slug=slug)
    prefetch_photo_renditions([person.photo])
    stories = ArticlePage.objects.published().filter(authors__person=person).for_listing()
    pager = paginate_stories(stories, request.GET, STORIES_PER_PAGE)
    return render(request, "people/person.html", {"person": person, "pager": pager})
