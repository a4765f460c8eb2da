"""Backups of the site: the database and the media files in one folder, with a manifest that proves them.

A backup folder holds the database (PostgreSQL: a `pg_dump --format=custom` file; SQLite: a copy made with
SQLite's online backup API), `media.tar.gz` (everything under MEDIA_ROOT) and `manifest.json`: the release,
the database vendor, the time, row counts of the main tables and a sha256 of every file. A restore checks
all of that before it touches anything, replaces the database, unpacks the media, migrates (a backup of an
older release is upgraded), then empties the app's cache and purges the whole edge: nothing cached from the
database it replaced survives.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from contextlib import closing
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from redaksi import __version__
from redaksi.core.purge import edge_configured, purge_everything
from redaksi.core.signals import site_restored

MANIFEST = "manifest.json"
MEDIA = "media.tar.gz"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
COUNTED = {
    "pages": "wagtailcore.Page",
    "stories": "articles.ArticlePage",
    "photos": "media.Photo",
    "people": "people.Person",
}
MIGRATED_PAGE_DEPTH = 2  # Wagtail's root and the home page the migrations create
PG_BIN = "/usr/lib/postgresql/{major}/bin/{name}"  # Debian's layout: one directory per server version
DROP_TABLES = """DO $$ DECLARE t record; BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
    EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', t.tablename);
  END LOOP;
END $$;"""


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


# Backup


def backup_site(output):
    """Write a backup of the database and the media into the folder `output`; return the manifest."""
    output = Path(output)
    if (output / MANIFEST).exists():
        raise BackupError(f"{output} already holds a backup: give an empty or new folder.")
    database = database_file(connection.vendor)
    output.mkdir(parents=True, exist_ok=True)
    DUMP[connection.vendor](output / database)
    archive_media(output / MEDIA)
    manifest = {
        "redaksi_version": __version__,
        "database_vendor": connection.vendor,
        "created": timezone.now().isoformat(),
        "counts": row_counts(),
        "files": {name: sha256(output / name) for name in (database, MEDIA)},
    }
    (output / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def database_file(vendor):
    """The backup's database file name for `vendor`; only PostgreSQL and SQLite are backed up."""
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return DATABASE_FILES[vendor]


def row_counts():
    return {label: apps.get_model(name).objects.count() for label, name in COUNTED.items()}


def media_root():
    """MEDIA_ROOT, when the media are on this machine's file system (the only storage backed up here)."""
    if not isinstance(default_storage, FileSystemStorage):
        raise BackupError("The media are not on the file system: back up their bucket (versioning or replication).")
    return Path(settings.MEDIA_ROOT)


def archive_media(path):
    """Pack everything under MEDIA_ROOT, originals and renditions, into a tar.gz at `path`."""
    root = media_root()
    with tarfile.open(path, "w:gz") as archive:
        for child in sorted(root.iterdir()) if root.is_dir() else ():
            archive.add(child, arcname=child.name)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# Restore


def restore_site(folder, force=False):
    """Restore the backup in `folder` over this site's database and media; return what was done, line by line."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    check_backup(folder, manifest)
    if not force:
        refuse_non_empty_target()
    connection.close()  # the restore replaces what this connection has seen
    RESTORE[connection.vendor](folder / database_file(manifest["database_vendor"]))
    check_counts(manifest["counts"])
    files = unpack_media(folder / MEDIA)
    migrations = migrate()
    report = [
        f"Restored the {manifest['database_vendor']} database from Redaksi {manifest['redaksi_version']} "
        f"backup of {manifest['created']}: " + ", ".join(f"{n} {label}" for label, n in manifest["counts"].items()),
        f"Unpacked {files} media files into {settings.MEDIA_ROOT}",
        f"Applied {migrations} migrations" if migrations else "No migrations to apply",
    ]
    return report + start_afresh()


def read_manifest(folder):
    if not folder.is_dir():
        raise BackupError(f"{folder} is not a folder: give the folder backup_site wrote.")
    try:
        return json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(f"{folder} has no {MANIFEST}: it is not a backup made by backup_site.") from None
    except ValueError as error:
        raise BackupError(f"{folder / MANIFEST} is not valid JSON ({error}): the backup is damaged.") from None


def check_backup(folder, manifest):
    """Refuse a backup of another database vendor, of a newer release, or with a file that changed."""
    vendor = manifest.get("database_vendor")
    if vendor != connection.vendor:
        raise BackupError(
            f"This backup is of a {vendor} database and this site runs on {connection.vendor}: a backup restores "
            f"only into the same kind of database (configure a {vendor} DATABASE_URL to restore it)."
        )
    if version(manifest.get("redaksi_version", "0")) > version(__version__):
        raise BackupError(
            f"This backup was made by Redaksi {manifest['redaksi_version']}, newer than this {__version__}: "
            "install that release or a later one first."
        )
    for name, expected in manifest.get("files", {}).items():
        verify_file(folder / name, expected)


def version(text):
    return tuple(int(part) for part in text.split(".") if part.isdigit())


def verify_file(path, expected):
    if not path.is_file():
        raise BackupError(f"{path} is missing: the backup is incomplete.")
    if sha256(path) != expected:
        raise BackupError(f"{path} does not match its checksum in {MANIFEST}: the backup is damaged or was changed.")


def refuse_non_empty_target():
    """Refuse to overwrite a database with stories, photos, people or pages of its own."""
    if not set(connection.introspection.table_names()) >= {apps.get_model(n)._meta.db_table for n in COUNTED.values()}:
        return  # an empty database, or one without Redaksi's tables
    found = {label: n for label, n in row_counts().items() if n}
    if found.keys() - {"pages"} or apps.get_model(COUNTED["pages"]).objects.filter(depth__gt=MIGRATED_PAGE_DEPTH):
        held = ", ".join(f"{n} {label}" for label, n in found.items())
        raise BackupError(
            f"The database is not empty ({held}): a restore replaces all of it. "
            "Restore into an empty database, or add --force to replace it."
        )


def check_counts(expected):
    restored = row_counts()
    if restored != expected:
        raise BackupError(f"The restored database holds {restored}, the manifest says {expected}: check the database.")


def unpack_media(path):
    """Unpack the media archive into MEDIA_ROOT (files of the same name are replaced); return the file count."""
    root = media_root()
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, "r:gz") as archive:
        archive.extractall(root, filter="data")
        return sum(1 for member in archive.getmembers() if member.isfile())


def migrate():
    """Apply the migrations the restored database lacks (a backup of an older release); return how many."""
    executor = MigrationExecutor(connection)
    pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    call_command("migrate", interactive=False, verbosity=0)
    return pending


def start_afresh():
    """Empty the app's cache, start a new edition, let the apps rebuild what they derive from the database (the
    search index: `site_restored`), then purge every page from the edge; return the report's lines."""
    cache.clear()
    ContentType.objects.clear_cache()
    rebuilt = [line for _receiver, line in site_restored.send(sender=None) if line]
    purge_everything()  # outside a transaction: the new edition and the purge happen now
    edge = "purged every page from the edge cache" if edge_configured() else "no edge cache configured to purge"
    return ["Emptied the cache and started a new edition", *rebuilt, edge.capitalize()]


# Databases


def sqlite_dump(path):
    """Copy the live SQLite database to `path` with SQLite's online backup API."""
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it


def sqlite_restore(path):
    """Replace the configured SQLite database with the copy at `path`, page by page."""
    connection.ensure_connection()
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as copy:
        copy.backup(connection.connection)


def pg_dump(path):
    run([pg_tool("pg_dump"), "--format=custom", f"--file={path}"])


def pg_restore(path):
    """Replace every table of the target with the dump's, in one transaction: a failure changes nothing.

    Tables the dump lacks (a target migrated further than the backup) are dropped too, so `migrate` can
    create them again.
    """
    options = ["--clean", "--if-exists", "--no-owner", "--no-acl", "--file=-", str(path)]
    script = run([pg_tool("pg_restore"), *options]).stdout
    psql = [pg_tool("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-c", DROP_TABLES, "-f", "-"]
    run(psql, script)


def pg_tool(name):
    """The PostgreSQL client program `name` matching the server's major version."""
    connection.ensure_connection()
    return find_pg_tool(name, connection.pg_version // 10000)


def find_pg_tool(name, major):
    """Debian's `name` for PostgreSQL `major`, else the one on PATH."""
    path = Path(PG_BIN.format(major=major, name=name))
    found = str(path) if path.is_file() else shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed (looked for {path} and on PATH): install postgresql-client-{major}")
    return found


def run(command, stdin=None):
    """Run a PostgreSQL client program with the database's variables; its error output becomes the message."""
    result = subprocess.run(  # noqa: S603 - our own argument list, no shell
        command, input=stdin, capture_output=True, text=True, env=pg_environment(), check=False
    )
    if result.returncode:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")
    return result


def pg_environment():
    """libpq's variables for the configured database: the password never appears on a command line."""
    db = connection.settings_dict
    values = {"PGHOST": db["HOST"], "PGPORT": db["PORT"], "PGUSER": db["USER"], "PGPASSWORD": db["PASSWORD"]}
    values |= {"PGDATABASE": db["NAME"], "PGSSLMODE": db.get("OPTIONS", {}).get("sslmode")}
    return os.environ | {key: str(value) for key, value in values.items() if value}


DUMP = {"postgresql": pg_dump, "sqlite": sqlite_dump}
RESTORE = {"postgresql": pg_restore, "sqlite": sqlite_restore}
