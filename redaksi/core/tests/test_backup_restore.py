"""backup_site and restore_site: a backup restores into an empty stack and serves the same pages.

Runs on SQLite and, under tools/with-postgres.sh, on PostgreSQL (pg_dump/pg_restore of the throwaway cluster).
"""

import hashlib
import json
import re
import shutil
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from redaksi.articles.models import ArticlePage
from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core import backup
from redaksi.core.edition import current_edition

pytestmark = pytest.mark.django_db(transaction=True)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


class RecordingEdge(BaseBackend):
    """An edge cache that only notes what it was asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def stories(outlet, news, media):
    return [ArticlePageFactory(section=news, with_image=True, title=f"Harga cabai naik di pasar {n}") for n in range(2)]


@pytest.fixture
def saved(stories, tmp_path):
    """A backup of the site with its stories, in tmp_path/backup."""
    call_command("backup_site", output=str(tmp_path / "backup"), stdout=StringIO())
    return tmp_path / "backup"


def html(client, url):
    cache.clear()
    response = client.get(url)
    assert response.status_code == 200, url
    return CSRF.sub("", response.content.decode())


def media_files(root):
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()
    }


def restore(folder, *args):
    out = StringIO()
    call_command("restore_site", str(folder), *args, stdout=out)
    return out.getvalue()


def edit_manifest(folder, **changes):
    manifest = json.loads((folder / "manifest.json").read_text())
    (folder / "manifest.json").write_text(json.dumps(manifest | changes))


def test_a_backup_restores_into_an_empty_stack_and_serves_the_same_pages(client, stories, news, media, tmp_path):
    urls = ["/", news.url, *(story.url for story in stories)]
    pages = [html(client, url) for url in urls]  # renders the renditions too, so they are in the backup
    counts, files = backup.row_counts(), media_files(media)
    call_command("backup_site", output=str(tmp_path / "backup"), stdout=StringIO())
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert (manifest["database_vendor"], manifest["counts"]) == (connection.vendor, counts)

    call_command("flush", interactive=False, verbosity=0)  # an empty database ...
    shutil.rmtree(media)  # ... and no media
    assert backup.row_counts() == {"pages": 0, "stories": 0, "photos": 0, "people": 0}
    report = restore(tmp_path / "backup")

    assert backup.row_counts() == counts
    assert media_files(media) == files
    assert [html(client, url) for url in urls] == pages
    assert "No migrations to apply" in report and "Emptied the cache" in report
    assert "Rebuilt this machine's search index" in report  # search's site_restored receiver ran


def test_a_restore_empties_the_cache_starts_an_edition_and_purges_the_whole_edge(saved, settings):
    settings.WAGTAILFRONTENDCACHE = {"edge": {"BACKEND": f"{__name__}.RecordingEdge"}}
    RecordingEdge.purged.clear()
    edition = current_edition()
    cache.set("fragment", "rendered from the replaced database")

    report = restore(saved, "--force")

    assert cache.get("fragment") is None
    assert current_edition() > edition
    assert RecordingEdge.purged == ["http://localhost/*"]
    assert "Purged every page from the edge cache" in report


def test_a_target_with_stories_is_refused_without_force_and_replaced_with_it(saved, news):
    later = ArticlePageFactory(section=news, title="Ditulis setelah cadangan")
    with pytest.raises(CommandError, match=r"not empty \(.*3 stories.*\).*--force"):
        restore(saved)
    assert ArticlePage.objects.filter(pk=later.pk).exists()

    restore(saved, "--force")
    assert not ArticlePage.objects.filter(pk=later.pk).exists()
    assert ArticlePage.objects.count() == 2


def test_a_restore_drops_tables_the_backup_does_not_have(saved):
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE leftover_from_a_newer_release (id integer)")
    restore(saved, "--force")
    assert "leftover_from_a_newer_release" not in connection.introspection.table_names()


def test_a_backup_of_an_older_schema_is_migrated_after_the_restore(stories, tmp_path):
    call_command("migrate", "media", "0002_initial", verbosity=0)
    call_command("backup_site", output=str(tmp_path / "old"), stdout=StringIO())
    call_command("migrate", verbosity=0)

    report = restore(tmp_path / "old", "--force")

    assert re.search(r"Applied [1-9]\d* migrations", report)
    assert MigrationRecorder.Migration.objects.filter(app="media", name="0003_safe_links").exists()
    assert backup.row_counts()["stories"] == 2


def test_a_changed_file_is_refused_before_anything_is_replaced(saved, news):
    with open(saved / "media.tar.gz", "ab") as archive:
        archive.write(b"\0")
    with pytest.raises(CommandError, match="media.tar.gz does not match its checksum"):
        restore(saved, "--force")
    assert ArticlePage.objects.count() == 2


def test_a_backup_of_another_database_vendor_is_refused(saved):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    edit_manifest(saved, database_vendor=other)
    with pytest.raises(CommandError, match=f"backup is of a {other} database.*runs on {connection.vendor}"):
        restore(saved, "--force")


def test_a_backup_of_a_newer_release_is_refused(saved):
    edit_manifest(saved, redaksi_version="99.0.0")
    with pytest.raises(CommandError, match="made by Redaksi 99.0.0, newer than"):
        restore(saved, "--force")


def test_a_missing_folder_or_manifest_says_so(tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        restore(tmp_path / "nowhere")
    with pytest.raises(CommandError, match="has no manifest.json"):
        restore(tmp_path)


def test_backing_up_into_a_folder_with_a_backup_is_refused(saved):
    with pytest.raises(CommandError, match="already holds a backup"):
        call_command("backup_site", output=str(saved))


def test_a_missing_postgresql_client_names_the_package(monkeypatch):
    monkeypatch.setenv("PATH", "")
    with pytest.raises(backup.BackupError, match="pg_dump is not installed.*postgresql-client-99"):
        backup.find_pg_tool("pg_dump", 99)


def test_the_database_password_is_passed_in_the_environment(monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "PASSWORD", "rahasia")
    assert backup.pg_environment()["PGPASSWORD"] == "rahasia"


def test_restored_rows_that_differ_from_the_manifest_are_reported(saved):
    edit_manifest(saved, counts={"pages": 1, "stories": 9, "photos": 0, "people": 0})
    with pytest.raises(CommandError, match=r"the manifest says \{.*'stories': 9"):
        restore(saved, "--force")
