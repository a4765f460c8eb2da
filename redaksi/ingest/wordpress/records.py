"""What an import run knows as it goes: the objects earlier steps and runs made, keyed by their WordPress id."""

from django.contrib.contenttypes.models import ContentType

from redaksi.ingest.models import ImportedObject


class Ledger:
    """The ImportedObject rows of one source, read once, kept in step with what this run saves."""

    def __init__(self, source):
        self.source = source
        self.rows = {(row.kind, row.external_id): row for row in ImportedObject.objects.filter(source=source)}

    def object_id(self, kind, external_id):
        row = self.rows.get((kind, external_id))
        return row.object_id if row else None

    def get(self, kind, external_id, model):
        """Return the object recorded for (kind, id) if it still exists."""
        object_id = self.object_id(kind, external_id)
        return model.objects.filter(pk=object_id).first() if object_id else None

    def remember(self, step, target, old_url="", digest=None):
        """Record that `step` made `target`, with the digest that lets a re-run skip it (None: the step's)."""
        row, _created = ImportedObject.objects.update_or_create(
            source=self.source,
            kind=step.kind,
            external_id=step.external_id,
            defaults={
                "content_type": ContentType.objects.get_for_model(target),
                "object_id": target.pk,
                "old_url": old_url[:2000],
                "digest": step.digest if digest is None else digest,
            },
        )
        self.rows[(step.kind, step.external_id)] = row
