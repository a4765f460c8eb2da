"""manage.py search_run files a corpus in a throwaway database, ranks topics as /cari/ does, writes a TREC run.

The slow test runs on the suite's kind of database: PostgreSQL when the suite does (the server of
DATABASE_URL, through --database-url), the default temporary SQLite file otherwise.
"""

import json
import os
import tempfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from redaksi.search.corpus import read_corpus
from redaksi.search.scratch import scratch_database, server_sql

SLICE = Path(__file__).parent / "data" / "indosum-slice.jsonl"  # IndoSum, CC BY-SA 4.0 (data/README.md)
TOPICS = "common\tIndonesia\nihsg\tIHSG\n\nnone\txyzzyqq plorkt\n"


@pytest.fixture
def scratch_folder(tmp_path, monkeypatch):
    """Temporary files of the command go here, so a test can see that none is left."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def server_url():
    """The suite's PostgreSQL server, or None on SQLite (then the command's default path is tested)."""
    return os.environ["DATABASE_URL"] if connection.vendor == "postgresql" else None


def scratch_databases(url):
    """Names of the throwaway databases on the server of `url`."""
    import psycopg

    with psycopg.connect(url) as conn:
        return {row[0] for row in conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'redaksi_search%'")}


def search_run(tmp_path, *args, topics=TOPICS, corpus=SLICE, **options):
    """Run the command on `topics` written to a file; return the run file's path."""
    (tmp_path / "topics.tsv").write_text(topics, encoding="utf-8")
    run = options.pop("run", tmp_path / "run.txt")
    call_command("search_run", *args, corpus=str(corpus), topics=str(tmp_path / "topics.tsv"), run=str(run), **options)
    return Path(run)


@pytest.mark.slow
def test_ranks_topics_into_a_run_file_and_leaves_no_database(tmp_path, scratch_folder, capsys):
    url = server_url()
    before = scratch_databases(url) if url else set()
    run = search_run(tmp_path, depth=15, tag="here", database_url=url)
    lines = [line.split() for line in run.read_text().splitlines()]
    assert all(len(line) == 6 and line[1] == "Q0" and line[5] == "here" for line in lines)
    by_topic = {qid: [line for line in lines if line[0] == qid] for qid in ("common", "ihsg", "none")}
    assert len(by_topic["common"]) == 15  # two pages of ten, cut at the depth
    assert [line[3] for line in by_topic["common"]] == [str(rank) for rank in range(1, 16)]
    assert [line[4] for line in by_topic["common"]] == [str(15 - rank + 1) for rank in range(1, 16)]
    assert by_topic["none"] == []
    ids = {story.id for story in read_corpus(SLICE)}
    assert {line[2] for line in lines} <= ids  # the docid is the corpus id
    assert "ihsg" in by_topic["ihsg"][0][2]
    assert "now 2018-02-27T14:45:00+07:00" in capsys.readouterr().out  # newest story + 1 day
    assert list(scratch_folder.iterdir()) == []
    if url:
        assert scratch_databases(url) == before


def test_scratch_database_is_removed_when_interrupted(scratch_folder):
    url = server_url()
    with pytest.raises(KeyboardInterrupt), scratch_database(url) as (_url, name, folder):
        assert folder.is_dir()
        if url:
            assert name in scratch_databases(url)
        raise KeyboardInterrupt
    assert list(scratch_folder.iterdir()) == []
    if url:
        assert name not in scratch_databases(url)
        server_sql(url, "DROP DATABASE IF EXISTS {} WITH (FORCE)", name)  # idempotent


def test_malformed_corpus_line_names_file_and_line(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    good = SLICE.read_text(encoding="utf-8").splitlines()[0]
    corpus.write_text(f"{good}\n{{not json\n", encoding="utf-8")
    with pytest.raises(CommandError, match=rf"{corpus}, line 2: not a corpus story"):
        search_run(tmp_path, corpus=corpus)
    corpus.write_text(f"{good}\n\n{good}\n", encoding="utf-8")
    with pytest.raises(CommandError, match=rf"{corpus}, line 3: id .* appears twice"):
        search_run(tmp_path, corpus=corpus)


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"id": None}, "must be text"),
        ({"title": ""}, "must be text"),
        ({"paragraphs": "p", "category": 3}, "must be text"),
        ({"published_at": "2018-01-01"}, "no UTC offset"),
        ({"published_at": "kemarin"}, "not a corpus story"),
    ],
)
def test_corpus_story_needs_every_field(tmp_path, changes, reason):
    row = {"id": "a", "title": "t", "paragraphs": ["p"], "published_at": "2018-01-01T00:00+07:00", "category": "c"}
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({**row, **changes}) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match=rf"line 1: .*{reason}"):
        search_run(tmp_path, corpus=corpus)


@pytest.mark.parametrize(
    "topics, message",
    [
        ("q1\tIHSG\nq2 no tab here\n", r"topics.tsv, line 2: expected 'qid<TAB>query', found no tab"),
        ("q1\tIHSG\n\tbanjir\n", r"line 2: the qid must be one word"),
        ("q1\t  \n", r"line 1: the qid must be one word and the query not empty"),
        ("q1\tIHSG\nq1\tbanjir\n", r"line 2: qid q1 appears twice"),
        ("q1\t" + "a" * 201 + "\n", r"line 1: the search box takes at most 200 characters"),
    ],
)
def test_bad_topic_line_names_file_and_line(tmp_path, topics, message):
    with pytest.raises(CommandError, match=message):
        search_run(tmp_path, topics=topics)


def test_missing_files_are_named(tmp_path):
    with pytest.raises(CommandError, match=r"nowhere.jsonl: cannot read the corpus"):
        search_run(tmp_path, corpus=tmp_path / "nowhere.jsonl")
    with pytest.raises(CommandError, match=r"no-topics.tsv: cannot read the topics"):
        call_command("search_run", corpus=str(SLICE), topics=str(tmp_path / "no-topics.tsv"), run="run.txt")
    with pytest.raises(CommandError, match=r"the folder .*/absent does not exist"):
        search_run(tmp_path, run=str(tmp_path / "absent" / "run.txt"))


@pytest.mark.parametrize(
    "options, message",
    [
        ({"depth": 0}, r"--depth must be 1-500"),
        ({"depth": 501}, r"--depth must be 1-500"),
        ({"tag": "two words"}, r"a run tag is one word"),
        ({"database_url": "mysql://db/x"}, r"--database-url must be a PostgreSQL server URL"),
    ],
)
def test_bad_options_are_refused(tmp_path, options, message):
    with pytest.raises(CommandError, match=message):
        search_run(tmp_path, **options)


@pytest.mark.parametrize(
    "now, message", [("2018-03-01T00:00", r"give a UTC offset"), ("yesterday", r"not an ISO date and time")]
)
def test_now_needs_an_iso_time_with_offset(tmp_path, now, message):
    with pytest.raises(CommandError, match=message):
        search_run(tmp_path, "--now", now)


def test_the_child_refuses_a_database_that_is_not_its_scratch(tmp_path):
    with pytest.raises(CommandError, match=r"refusing to load a corpus into"):
        search_run(tmp_path, scratch_database="/somewhere/else.sqlite3")
