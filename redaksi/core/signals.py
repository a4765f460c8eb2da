"""Signals core sends for the apps above it, which core must not import."""

from django.dispatch import Signal

# restore_site has put a backup's database and media in place (core/backup.py), before it purges the edge.
# A receiver rebuilds what its app derives from the database and returns one line for the report (or None).
site_restored = Signal()
