import logging

from django.http import HttpResponse

from .addresses import reader_address
from .services import count_read as count

logger = logging.getLogger(__name__)

# The smallest transparent GIF: 1x1 pixel.
PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00"
    b"!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def count_read(request, article_id):
    """Count one read of a story and answer an uncacheable pixel, whatever happens to the counting.

    The article page embeds this pixel, so reads are counted even when the page itself comes from a
    shared cache; a browser fetches it after the page, so counting never delays the story.
    """
    if request.method == "GET":
        count_quietly(article_id, request)
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store, private"
    return response


def count_quietly(article_id, request):
    """Count the read; a failing database or cache is logged, never shown to the reader as an error."""
    try:
        count(article_id, reader_address(request), request.headers.get("User-Agent", ""))
    except Exception:  # a lost read is better than a broken pixel
        logger.exception("Could not count a read of story %s", article_id)
