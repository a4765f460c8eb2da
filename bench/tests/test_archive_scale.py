"""bench/archive_scale.py's record: the issue's operations with both medians, ratio, queries and goal met."""

import json

import pytest

from bench import archive_scale
from bench.operations import GOALS, OPERATIONS, SEARCHES

MACHINE = {"database": "postgresql 15", "cpus": 2, "date": "2026-11-28T15:00:00+00:00", "commit": "abc1234"}


def stage(stories, ms, stopped=()):
    operations = {
        name: {"stopped_after_s": 60} if name in stopped else {"median_ms": ms, "queries": 7}
        for name in OPERATIONS
        if name not in SEARCHES
    }
    return {
        "stories": stories,
        "load_seconds": 10.0,
        "load_rate_per_s": 1000,
        "load_split_seconds": {"rows": 9.0, "search_index": 0.0, "analyze": 1.0},
        "database_bytes": 2**30,
        "problems": {"archive": {"orphans": 0}, "newest_folder": {"orphans": 0}},
        "operations": operations,
    }


@pytest.fixture
def result():
    return {
        "machine": MACHINE,
        "command": ["--baseline", "10000"],
        "stages": {"baseline": stage(10_000, 10.0), "target": stage(1_000_000, 14.0, stopped=["rss_feed"])},
    }


def test_the_record_lists_the_issues_operations_with_ratio_and_goal(result):
    record = archive_scale.summary(result)
    assert list(record["operations"]) == list(GOALS)
    assert record["operations"]["article_page"] == {
        "label": OPERATIONS["article_page"],
        "baseline_ms": 10.0,
        "target_ms": 14.0,
        "ratio": 1.4,
        "queries_baseline": 7,
        "queries_target": 7,
        "goal_met": True,
    }
    assert (record["baseline_stories"], record["target_stories"]) == (10_000, 1_000_000)


def test_a_stopped_operation_has_no_ratio_and_misses_the_goal(result):
    feed = archive_scale.summary(result)["operations"]["rss_feed"]
    assert (feed["target_ms"], feed["ratio"], feed["goal_met"]) == (None, None, False)


def test_operations_not_measured_are_left_out(result):
    record = archive_scale.summary(result)
    assert not set(SEARCHES) & set(record["other_operations"])
    assert "add_story" in record["other_operations"]


def test_the_record_is_written_as_json_and_markdown(result, tmp_path):
    record = archive_scale.summary(result)
    archive_scale.write_results(record, tmp_path)
    assert json.loads((tmp_path / "archive-scale.json").read_text()) == record
    markdown = (tmp_path / "archive-scale.md").read_text()
    assert f"| {OPERATIONS['article_page']} | 10.0 | 14.0 | 1.40 | 7 / 7 | yes |" in markdown
    assert f"| {OPERATIONS['rss_feed']} | 10.0 | stopped | - | 7 / - | no |" in markdown


def test_the_corpus_is_the_default_text_with_a_common_word_of_its_own():
    args = archive_scale.parse_args([])
    assert (args.text, args.search_word, args.search_index) == ("corpus", "indonesia", False)
    assert archive_scale.parse_args(["--text", "synthetic"]).search_word == "ekspor"
