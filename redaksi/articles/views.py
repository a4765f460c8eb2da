from django.shortcuts import get_object_or_404

from .models import ArticlePage


def article(request, article_id, slug=""):
    """Serve a story by its permanent ID; a missing, wrong or old slug redirects (301) to the canonical URL."""
    story = get_object_or_404(ArticlePage.objects.live().for_article_page(), pk=article_id)
    return story.serve(request)
