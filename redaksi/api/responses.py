"""How every API answer is shaped: JSON only, an ETag and a short public cache life, errors naming the parameter."""

import functools

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

SAFE_METHODS = ("GET", "HEAD")
MAX_AGE = 60  # seconds: news changes by the minute, and a purge is not wired to the API


class ApiError(Exception):
    """A request the API refuses: 400 for a bad parameter, 404 for an unknown id or address."""

    def __init__(self, status, message, parameter=None):
        super().__init__(message)
        self.status, self.message, self.parameter = status, message, parameter

    def response(self):
        error = {"status": self.status, "message": self.message, "parameter": self.parameter}
        return JsonResponse({"error": error}, status=self.status)


def bad_parameter(parameter, message):
    return ApiError(400, message, parameter)


def api_endpoint(view):
    """Serve `view` (which returns JSON-ready data) as cacheable JSON: errors as JSON, 304 on a matching ETag.

    Runs in the site's language whatever the client's Accept-Language, so one URL gives one answer.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in SAFE_METHODS:
            response = ApiError(405, "Only GET and HEAD are allowed.").response()
            response["Allow"] = ", ".join(SAFE_METHODS)
            return response
        with translation.override(settings.LANGUAGE_CODE):
            try:
                response = JsonResponse(view(request, *args, **kwargs), json_dumps_params={"ensure_ascii": False})
            except ApiError as error:
                response = error.response()
        return conditional(request, response)

    return wrapper


def conditional(request, response):
    """Add a content ETag and the cache policy; answer 304 when the client already holds this content."""
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


@api_endpoint
def not_found(request, path=""):
    """Any other address under /api/: a JSON 404, not the reader site's HTML page."""
    raise ApiError(404, "No such API endpoint.")
