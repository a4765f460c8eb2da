from django import template
from django.utils.translation import gettext_lazy as _

from redaksi.readership.services import DAY, MOST_READ_LIMIT, WEEK, most_read

register = template.Library()

WINDOWS = (("most-read-day", _("Last 24 hours"), DAY), ("most-read-week", _("Last 7 days"), WEEK))


@register.inclusion_tag("components/_most_read.html", takes_context=True, name="most_read")
def most_read_tag(context, limit=MOST_READ_LIMIT):
    """Terpopuler: the most read stories of the last 24 hours and of the last 7 days, from the cache."""
    windows = [
        {"anchor": anchor, "label": label, "stories": most_read(hours, limit)} for anchor, label, hours in WINDOWS
    ]
    return {"request": context.get("request"), "windows": windows}
