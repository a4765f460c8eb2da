"""bench/reader_pages.py keeps one run per database kind and shows their query counts side by side."""

import json

from bench import reader_pages


def run(queries, commit="abc1234"):
    page = {"status": 200, "queries": queries, "median_ms": 12.0, "html_gzip_bytes": 4096, "css_js_gzip_bytes": 2048}
    return {
        "machine": {"date": "2026-11-28", "commit": commit, "database": "x 1"},
        "requests": 10,
        "floor_ms": 0.4,
        "pages": {"article": {"url": "/read1/x", **page}},
    }


def test_a_run_on_one_database_keeps_the_other_database_run(tmp_path):
    out = tmp_path / "reader-pages"
    reader_pages.write_results(out, "sqlite", run(5))
    reader_pages.write_results(out, "postgresql", run(5, commit="new"))
    reader_pages.write_results(out, "postgresql", run(6, commit="newer"))

    runs = json.loads(out.with_suffix(".json").read_text())["runs"]

    assert sorted(runs) == ["postgresql", "sqlite"]
    assert runs["postgresql"]["machine"]["commit"] == "newer"
    table = out.with_suffix(".md").read_text()
    assert "| article | 200 | 6 | 5 | NO | 12.00 | 30.0 | 12.00 | 30.0 | 4.0 | 6.0 |" in table


def test_the_same_count_on_both_databases_is_marked():
    table = reader_pages.render_table({"sqlite": run(5), "postgresql": run(5)})

    assert "| article | 200 | 5 | 5 | yes |" in table
