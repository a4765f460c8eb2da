from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.views import serve_chain

from .models import ArticlePage
from .withdrawal import WithdrawForm, withdraw, withdrawn_story_response


def article(request, article_id, slug=""):
    """Serve a story by its permanent ID; a missing, wrong or old slug redirects (301) to the canonical URL.

    A story that is not live answers 410 when an editor withdrew it with a public note, 404 otherwise.
    Wagtail's serve hooks run as on any page, so a privacy setting (password, login) is honoured.
    """
    story = next(iter(ArticlePage.objects.reachable().for_article_page().filter(pk=article_id)), None)
    if story is None:
        return withdrawn_story_response(request, article_id)
    return serve_with_hooks(story, request)


def serve_with_hooks(page, request):
    """Serve `page` as wagtail.views.serve does once it has routed: before-serve hooks, then the on-serve chain."""
    chain = serve_chain
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        chain = hook(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        response = hook(page, request, [], {})
        if isinstance(response, HttpResponse):
            return response
    return chain(page, request, [], {})


def withdraw_story(request, page_id):
    """Admin: withdraw a live story, choosing 410 with a public note or 404, for those who may unpublish it."""
    story = get_object_or_404(ArticlePage, pk=page_id)
    if not story.permissions_for_user(request.user).can_unpublish():
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse(
        "wagtailadmin_explore", args=(story.get_parent().pk,)
    )
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        withdraw(story, request.user, form.cleaned_data["status"], form.cleaned_data["note"])
        messages.success(request, _("Story '%(title)s' withdrawn.") % {"title": story.get_admin_display_title()})
        return redirect(next_url)
    context = {
        "form": form,
        "page_title": _("Withdraw story"),
        "page_subtitle": story.get_admin_display_title(),
        "header_icon": "warning",
        "action_url": reverse("articles_withdraw", args=(story.pk,)),
        "next_url": next_url,
    }
    return TemplateResponse(request, "articles/admin/withdraw.html", context)
