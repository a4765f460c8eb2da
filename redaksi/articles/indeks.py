"""Indeks: every published story of one WIB day, newest first, optionally of one section, paged within the day.

The day is a range on the indexed published_at (the day's start and end in Asia/Jakarta), never a
__date lookup, so any day of a million-story archive costs what today costs. A day holds a bounded number
of stories, so plain page numbers within it stay cheap.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.paginator import EmptyPage, Paginator
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from redaksi.core.reader_params import PAGE
from redaksi.core.wib import WIB
from redaksi.media.models import prefetch_photo_renditions

from .models import ArticlePage

STORIES_PER_DAY_PAGE = 30
EARLIEST_DAY = datetime.date(1900, 1, 1)


def today_in_wib():
    return timezone.now().astimezone(WIB).date()


# The names the Indeks read before its parameters were Indonesian (core/reader_params.py).
RENAMED_PARAMS = {"date": "tanggal", "section": "rubrik", "page": PAGE}


class IndeksForm(forms.Form):
    """The Indeks filter, a plain GET form: a day (`tanggal`, today in WIB when not given), a section (`rubrik`),
    a page of the day (`halaman`)."""

    tanggal = forms.DateField(
        label=_("Date"),
        required=False,
        validators=[MinValueValidator(EARLIEST_DAY)],
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "min": EARLIEST_DAY.isoformat()}),
    )
    rubrik = forms.ModelChoiceField(
        label=_("Section"), queryset=None, required=False, to_field_name="slug", empty_label=_("All sections")
    )
    halaman = forms.IntegerField(min_value=1, max_value=10**6, required=False)

    def __init__(self, params, sections, today):
        data = params.copy()
        if not data.get("tanggal"):
            data["tanggal"] = today.isoformat()
        super().__init__(data)
        self.today = today
        self.fields["rubrik"].queryset = sections
        self.fields["tanggal"].widget.attrs["max"] = today.isoformat()

    def clean_tanggal(self):
        day = self.cleaned_data["tanggal"]
        if day > self.today:
            raise forms.ValidationError(_("Choose a date no later than today."), code="future")
        return day


@dataclass
class Indeks:
    """What the Indeks page shows: the form, the day and its page of stories, and the response status."""

    form: IndeksForm
    day: datetime.date | None = None
    page: object = None  # a Paginator page of the day's stories
    status: int = 200

    @property
    def previous_day(self):
        return self.day - datetime.timedelta(days=1) if self.day and self.day > EARLIEST_DAY else None

    @property
    def next_day(self):
        return self.day + datetime.timedelta(days=1) if self.day and self.day < self.form.today else None


def day_key(indeks_path, day):
    """The purge key of one day of the Indeks: all its pages and section filters, today's default page too."""
    return f"{indeks_path}?tanggal={day.isoformat()}"


def stories_of_day(day, section=None):
    """Published stories of the WIB calendar `day` (of `section` when given), newest first, as cards."""
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=WIB)
    stories = ArticlePage.objects.published().filter(
        published_at__gte=start, published_at__lt=start + datetime.timedelta(days=1)
    )
    if section is not None:
        stories = stories.in_section(section)
    return stories.defer_streamfields().select_related("section", "hero_image").newest_first()


def indeks_for(params, sections, today=None):
    """Build the Indeks for GET `params`: 400 for invalid filters, 404 for a page past the day's last."""
    form = IndeksForm(params, sections, today or today_in_wib())
    if not form.is_valid():
        return Indeks(form, status=400)
    day, section = form.cleaned_data["tanggal"], form.cleaned_data["rubrik"]
    try:
        page = Paginator(stories_of_day(day, section), STORIES_PER_DAY_PAGE).page(form.cleaned_data["halaman"] or 1)
    except EmptyPage:
        return Indeks(form, day, status=404)
    page.object_list = list(page.object_list)
    prefetch_photo_renditions([story.hero_image for story in page.object_list])
    return Indeks(form, day, page)
