"""bench/report.py: one table from every benchmark's JSON, goals judged, missing results named."""

import json

from bench import report

HTTP = {
    "machine": {"date": "2026-11-28T15:00:00+00:00", "commit": "abc1234", "load_average": [0.5, 0.4, 0.3]},
    "runs": {
        "classic": {
            "targets": {
                "redaksi_article": {"rps": 600.0, "p50_ms": 25.0, "p99_ms": 80.0},
                "wp_article": {"rps": 150.0, "p50_ms": 100.0, "p99_ms": 300.0},
            }
        }
    },
    "comparisons": [
        {
            "figure": "article uncached ÷ WordPress classic",
            "numerator": "redaksi_article",
            "denominator": "wp_article",
            "ratio": 4.0,
            "goal": 3.0,
            "passed": True,
        }
    ],
    "publish_to_visible": {
        "correction": {
            "reps": 10,
            "post": {"p50_ms": 400.0, "max_ms": 700.0},
            "visible": {"/read1/x": {"p50_ms": 480.0, "max_ms": 1200.0}},
            "not_visible": 0,
            "not_cached_before": 0,
        }
    },
}

PAGES = {
    "runs": {
        vendor: {
            "machine": {"date": "2026-11-28T14:00:00+00:00", "commit": "abc1234"},
            "floor_ms": 0.5,
            "pages": {
                "article": {
                    "url": "/read1/x",
                    "queries": queries,
                    "median_ms": 10.0,
                    "html_gzip_bytes": 2048,
                    "css_js_gzip_bytes": 1024,
                }
            },
        }
        for vendor, queries in (("sqlite", 5), ("postgresql", 6))
    }
}

SCALE = {
    "baseline_stories": 10000,
    "target_stories": 1000000,
    "machine": {"date": "2026-11-28T13:00:00+00:00", "commit": "def5678"},
    "operations": {
        "front_page": {
            "label": "front page /",
            "baseline_ms": 20.0,
            "target_ms": 22.0,
            "ratio": 1.1,
            "queries_baseline": 17,
            "queries_target": 17,
            "goal_met": True,
        }
    },
}


def rows_by_figure(rows):
    return {row["figure"]: row for row in rows}


def test_http_load_rows_carry_absolute_figures_ratio_and_goal():
    rows = rows_by_figure(report.http_rows(HTTP))

    article = rows["article uncached ÷ WordPress classic"]
    assert article["value"] == "600 req/s, p50 25.0 ms, p99 80.0 ms"
    assert article["baseline"] == "wp_article: 150 req/s, p50 100.0 ms, p99 300.0 ms"
    assert (article["ratio"], article["goal"], article["met"]) == (4.0, "≥ 3.0×", True)


def test_publish_to_visible_is_judged_on_its_slowest_rep_against_the_post():
    row = rows_by_figure(report.http_rows(HTTP))["correction: `/read1/x` through Varnish (10 reps)"]

    assert row["value"] == "p50 480 ms, max 1,200 ms"
    assert row["baseline"] == "admin POST p50 400 ms, max 700 ms"
    assert (row["ratio"], row["goal"], row["met"]) == (1.2, "max ≤ 1000 ms", False)


def test_publish_to_visible_is_not_judged_when_the_page_was_not_cached_first():
    kinds = json.loads(json.dumps(HTTP["publish_to_visible"]))
    kinds["correction"]["not_cached_before"] = 1

    (row,) = report.publish_rows("correction", kinds["correction"])

    assert row["met"] is None


def test_reader_pages_want_the_same_query_count_on_every_database():
    (row,) = report.page_rows(PAGES)

    assert row["value"].startswith("queries postgresql 6 / sqlite 5; 3.0 KB gzipped with CSS/JS")
    assert (row["ratio"], row["met"]) == (20.0, False)


def test_archive_scale_rows_come_from_the_issue_operations():
    (row,) = report.scale_rows(SCALE)

    assert row["value"] == "22 ms at 1,000,000, queries 17"
    assert (row["ratio"], row["goal"], row["met"]) == (1.1, "< 1.5×", True)


def test_a_missing_result_becomes_a_line_naming_the_make_target(tmp_path):
    (tmp_path / "http-load.json").write_text(json.dumps(HTTP))

    sources = report.read_sources(tmp_path)
    rows = report.all_rows(sources)

    assert sources["archive-scale"] is None
    missing = [row for row in rows if row["figure"].startswith("not measured")]
    assert [row["benchmark"] for row in missing] == ["reader pages", "archive scale", "search relevance"]
    assert "make bench-scale-postgres" in missing[1]["figure"]


def test_render_tallies_goals_and_names_each_source(tmp_path):
    for name, result in (("http-load", HTTP), ("reader-pages", PAGES), ("archive-scale", SCALE)):
        (tmp_path / f"{name}.json").write_text(json.dumps(result))
    report.main(["--results", str(tmp_path)])

    text = (tmp_path / "performance.md").read_text()
    assert "Goals met: 2 of 4." in text
    assert "http-load 2026-11-28T15:00:00+00:00 (commit abc1234, load average at start 0.5 / 0.4 / 0.3)" in text
    assert "search-relevance missing" in text
    assert "busy machine" not in text
    assert "| http load | article uncached ÷ WordPress classic | 600 req/s" in text
    assert json.loads((tmp_path / "performance.json").read_text())["rows"][0]["ratio"] == 4.0


def test_sources_started_on_a_busy_machine_are_named():
    facts = {"http-load": {"load_average": [7.5, 6, 5]}, "reader-pages": {"load_average": [0.2, 0, 0]}}

    text = report.busy_sources({"machine": {"cpus": 2}, "sources": {**facts, "archive-scale": None}})

    assert text == " **Started on a busy machine, rerun when quiet: http-load.**"
