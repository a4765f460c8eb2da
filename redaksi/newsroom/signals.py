"""Every section is a desk: it gets its desk groups and review workflow when it is saved."""

from . import roles


def set_up_desk_for_section(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """Create the desk of a new section; rename it when the section's title changes (idempotent)."""
    if raw or (not created and update_fields is not None and "title" not in update_fields):
        return
    roles.set_up_desk(instance)
