"""Let the desk chiefs (Redaktur Pelaksana, Pemimpin Redaksi) and Admin manage wire sources."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from redaksi.newsroom import roles

WIRE_DESK_CHIEFS = (roles.REDAKTUR_PELAKSANA, roles.PEMIMPIN_REDAKSI, roles.ADMIN)
WIRE_SOURCE_PERMISSIONS = [f"ingest.{action}_wiresource" for action in ("add", "change", "delete", "view")]


def grant_wire_source_permissions(apps, schema_editor):
    """On a fresh database Django creates permissions after the last migration: create ingest's now."""
    app_config = apps.get_app_config("ingest")
    models_module, app_config.models_module = getattr(app_config, "models_module", None), True
    try:
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = models_module
    permissions = roles.permissions(WIRE_SOURCE_PERMISSIONS, apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=WIRE_DESK_CHIEFS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("ingest", "0003_wire_item_guid_standfirst_signals"),
        ("newsroom", "0003_newsroom_roles"),
    ]

    operations = [migrations.RunPython(grant_wire_source_permissions, migrations.RunPython.noop)]
