"""Keyset ("seek") pagination over a unique sort key: page 5,000 costs what page 1 costs, no OFFSET."""

from dataclasses import dataclass

from django.db.models import Q


@dataclass(frozen=True)
class Keyset:
    """A listing order by fields that together identify a row, all descending or all ascending.

    `types` are the Python types of the fields, for reading a key back from a client's cursor.
    """

    fields: tuple[str, ...]
    types: tuple[type, ...]
    descending: bool = False

    def order(self, queryset):
        return queryset.order_by(*(("-" if self.descending else "") + field for field in self.fields))

    def after(self, queryset, values):
        """The rows that follow the row keyed `values`: a range on the first field, then ties broken in order.

        The plain range on the first field is what lets an index on it seek instead of scan.
        """
        op = "lt" if self.descending else "gt"
        following = Q()
        for index, field in enumerate(self.fields):
            ties = {name: value for name, value in zip(self.fields[:index], values, strict=False)}
            following |= Q(**ties, **{f"{field}__{op}": values[index]})
        return queryset.filter(**{f"{self.fields[0]}__{op}e": values[0]}).filter(following)

    def key_of(self, row):
        return [getattr(row, field) for field in self.fields]
