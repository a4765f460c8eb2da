import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from .query import MAX_PAGES, NEWEST, RELEVANT

MAX_QUERY_LENGTH = 200
EARLIEST_DAY, LATEST_DAY = datetime.date(1900, 1, 1), datetime.date(2999, 12, 31)


class SearchForm(forms.Form):
    """The reader's search, a plain GET form: words, a section, a date range, an order and a page."""

    q = forms.CharField(label=_("Search for"), required=False, max_length=MAX_QUERY_LENGTH)
    rubrik = forms.ModelChoiceField(
        label=_("Section"), queryset=None, required=False, to_field_name="slug", empty_label=_("All sections")
    )
    dari = forms.DateField(
        label=_("From"),
        required=False,
        validators=[MinValueValidator(EARLIEST_DAY), MaxValueValidator(LATEST_DAY)],
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "min": EARLIEST_DAY.isoformat()}),
    )
    sampai = forms.DateField(
        label=_("Until"),
        required=False,
        validators=[MinValueValidator(EARLIEST_DAY), MaxValueValidator(LATEST_DAY)],
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "min": EARLIEST_DAY.isoformat()}),
    )
    urut = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[(RELEVANT, _("Most relevant")), (NEWEST, _("Newest"))],
    )
    halaman = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGES,
        error_messages={"max_value": _("Search results go up to page %(limit_value)s: narrow the search instead.")},
    )

    def __init__(self, params, sections):
        super().__init__(params)
        self.fields["rubrik"].queryset = sections

    def clean(self):
        """Refuse a date range that ends before it starts."""
        cleaned = super().clean()
        since, until = cleaned.get("dari"), cleaned.get("sampai")
        if since and until and until < since:
            self.add_error("sampai", _("The end date must not be before the start date."))
        return cleaned
