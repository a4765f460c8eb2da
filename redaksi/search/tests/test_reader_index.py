"""The local reader index follows the database: changes applied once, rebuilt when it cannot follow."""

import datetime

import pytest
import tantivy
from django.test.utils import override_settings

from redaksi.articles.models import ArticlePage
from redaksi.search.index import index_stories, prune_changes, rebuild_story_index, remove_stories
from redaksi.search.models import IndexChange, StoryEntry
from redaksi.search.query import plan_query, search_stories
from redaksi.search.reader_index import LAYOUT, ReaderIndex, forget_reader_index, reader_index

pytestmark = pytest.mark.django_db


def found(words):
    return set(search_stories(plan_query(words)).story_ids)


def test_a_published_story_is_found_at_once_and_an_unpublished_one_is_gone(indexed_story):
    story = indexed_story(title="Tambang nikel di Sulawesi")
    assert found("nikel") == {story.pk}
    story.unpublish()
    assert found("nikel") == set()


def test_changes_are_applied_once_then_the_index_is_current(indexed_story):
    first = indexed_story(title="Ekspor kopi naik")
    index = reader_index()
    assert index.sync() == 1  # the first sync builds from the one entry
    assert index.sync() == 0
    second = indexed_story(title="Ekspor kopi turun")  # after this test's rollback nothing was committed:
    assert index.applied() < IndexChange.objects.latest("id").id  # on_commit never ran, the search syncs
    assert found("kopi") == {first.pk, second.pk}
    assert index.applied() == IndexChange.objects.latest("id").id


def test_a_search_leaves_a_backlog_to_the_worker(indexed_story, monkeypatch):
    story = indexed_story(title="Harga gabah")
    assert found("gabah") == {story.pk}
    monkeypatch.setattr("redaksi.search.query.SYNC_ON_READ", 1)
    more = [indexed_story(title=f"Harga gabah di desa {n}") for n in range(3)]
    assert found("gabah") == {story.pk}  # three changes waiting, more than a search applies
    assert reader_index().sync() is not None  # the worker's pass applies any backlog
    assert found("gabah") == {story.pk, *(s.pk for s in more)}


def test_an_entry_deleted_behind_the_index_goes_with_a_full_rebuild(indexed_story):
    kept, dropped = indexed_story(title="Gempa di Maluku"), indexed_story(title="Gempa di Banten")
    assert found("gempa") == {kept.pk, dropped.pk}
    ArticlePage.objects.filter(pk=dropped.pk).update(live=False)  # raw SQL: no signal, nothing logged
    StoryEntry.objects.filter(story=dropped).delete()
    assert found("gempa") == {kept.pk, dropped.pk}
    rebuild_story_index()
    assert found("gempa") == {kept.pk}


def test_another_database_or_a_restore_rebuilds(indexed_story, tmp_path):
    story = indexed_story(title="Pelabuhan Patimban")
    with override_settings(SEARCH_INDEX_DIR=tmp_path / "index"):
        forget_reader_index()
        assert found("patimban") == {story.pk}
        state_file = tmp_path / "index" / f"layout-{LAYOUT}" / "redaksi-applied.json"
        state_file.write_text(state_file.read_text().replace('"database": "', '"database": "x'))
        assert ReaderIndex(tmp_path / "index").applied() is None  # built from another database: start again
        IndexChange.objects.all().delete()
        index = ReaderIndex(tmp_path / "index")
        index.set_applied(10_000)  # ahead of the database's log: a restore went back
        assert index.sync() == 1 and index.applied() == 0  # rebuilt from the one entry; the log is empty
        assert index.sync() == 0  # and current from then on
        assert found("patimban") == {story.pk}


def test_an_index_of_an_older_layout_is_left_to_the_old_release_and_a_new_one_built(indexed_story, tmp_path):
    story = indexed_story(title="Bandara Kertajati")
    older = tantivy.SchemaBuilder()
    older.add_text_field("body", tokenizer_name="whitespace")
    writer = tantivy.Index(older.build(), path=str(tmp_path)).writer(15_000_000, 1)  # the layout before folders
    writer.add_document(tantivy.Document(body="kertajati"))
    writer.commit()
    writer.wait_merging_threads()
    with override_settings(SEARCH_INDEX_DIR=tmp_path):
        forget_reader_index()
        assert found("kertajati") == {story.pk}
    assert (tmp_path / "meta.json").exists()  # still readable by processes of the old release
    assert (tmp_path / f"layout-{LAYOUT}" / "meta.json").exists()


def test_a_second_writer_waits_for_nobody(indexed_story):
    indexed_story(title="Tol laut")
    index = reader_index()
    writer = index.index.writer(15_000_000, 1)  # another process applying the same changes
    try:
        assert index.sync() is None
    finally:
        writer.rollback()
        del writer
    assert index.sync() == 1


def test_pruning_keeps_the_newest_change_so_a_current_index_stays_current(indexed_story):
    story = indexed_story(title="Kereta cepat")
    assert found("kereta") == {story.pk}
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=30)
    prune_changes(later)
    assert IndexChange.objects.count() == 1
    assert reader_index().sync() == 0
    remove_stories([story.pk])
    assert found("kereta") == set() and not StoryEntry.objects.exists()


def test_bulk_indexing_logs_one_change_per_story(indexed_story, news):
    stories = [indexed_story(title=f"Panen raya {n}") for n in range(3)]
    IndexChange.objects.all().delete()
    index_stories(stories)
    assert sorted(IndexChange.objects.values_list("story_id", flat=True)) == sorted(s.pk for s in stories)


def test_the_sync_command_applies_a_backlog_and_rebuilds_on_request(indexed_story, monkeypatch):
    from io import StringIO

    from django.core.management import call_command

    story = indexed_story(title="Bandara Kertajati")
    out = StringIO()
    call_command("sync_search_index", stdout=out)
    assert "1 stories written" in out.getvalue()
    monkeypatch.setattr("redaksi.search.query.SYNC_ON_READ", 0)
    assert found("kertajati") == {story.pk}  # applied by the command, not by the search
    call_command("sync_search_index", "--rebuild", stdout=out)
    assert out.getvalue().endswith("1 stories written.\n")


def test_processes_opening_a_new_index_directory_at_once_share_it(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        handles = list(pool.map(lambda _n: ReaderIndex(tmp_path / "new"), range(4)))
    assert all(handle.searcher().num_docs == 0 for handle in handles)
