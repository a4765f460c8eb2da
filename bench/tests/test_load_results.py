"""The anchors-run.sh rows become per-target medians and same-run ratios with their goals."""

import json

from bench import load_results


def wrk_row(name, rps, phase="run", p50=1.0, p99=5.0, **extra):
    return {
        "name": name,
        "url": f"http://127.0.0.1:8001/{name}",
        "phase": phase,
        "rps": rps,
        "lat_p50_ms": p50,
        "lat_p99_ms": p99,
        "err_connect": 0,
        "err_read": 0,
        "err_write": 0,
        "err_status": 0,
        "err_timeout": 0,
        "duration_s": 10.0,
        "cpu_total_busy_pct": 100.0,
        "ncpu": 2,
        "cpu_by_comm": {"gunicorn": 12.0, "wrk": 4.0, "pytest": 2.0},
        **extra,
    }


def test_medians_over_measured_rounds_only():
    rows = [
        wrk_row("redaksi_article", 9999.0, phase="warmup"),
        wrk_row("redaksi_article", 100.0, p50=10, p99=40),
        wrk_row("redaksi_article", 300.0, p50=30, p99=90),
        wrk_row("redaksi_article", 200.0, p50=20, p99=60, err_timeout=2),
        wrk_row("redaksi_article", 50.0, phase="c1", p50=3.0),
    ]
    pages = {"redaksi_article": {"bytes": 28000, "gzip6_bytes": 6000, "sql_queries": None}}

    figures = load_results.summarize(rows, pages, {"gunicorn", "wrk"})["redaksi_article"]

    assert (figures["rps"], figures["rps_min"], figures["rps_max"]) == (200.0, 100.0, 300.0)
    assert (figures["p50_ms"], figures["p99_ms"], figures["runs"], figures["errors"]) == (20, 60, 3, 2)
    assert figures["single_connection"] == {"rps": 50.0, "p50_ms": 3.0}
    assert (figures["bytes"], figures["gzip_bytes"]) == (28000, 6000)


def test_cpu_outside_the_servers_under_test_counts_as_other():
    # 2 cores fully busy = 2.0 CPU-s/s; the processes account for 1.8 of it, 0.2 is unaccounted
    cpu = load_results.cpu_share([wrk_row("edge_home", 1.0)], {"gunicorn", "wrk"})

    assert cpu == {"gunicorn": 1.2, "wrk": 0.4, "other": 0.4}


def test_ratios_and_goals_per_page():
    targets = {
        "redaksi_article": {"rps": 450.0},
        "wp_article": {"rps": 150.0},
        "static_redaksi_article": {"rps": 60000.0},
        "edge_article": {"rps": 20000.0},
        "redaksi_home": {"rps": 100.0},
        "wp_home": {"rps": 100.0},
    }

    rows = {row["figure"]: row for row in load_results.comparisons(targets)}

    assert rows["article uncached ÷ WordPress classic"] | {"figure": None} == {
        "figure": None,
        "numerator": "redaksi_article",
        "denominator": "wp_article",
        "ratio": 3.0,
        "goal": 3.0,
        "passed": True,
    }
    assert rows["article through Varnish ÷ nginx static"]["ratio"] == 0.333
    assert rows["article through Varnish ÷ nginx static"]["passed"] is False
    assert rows["home uncached ÷ WordPress classic"]["goal"] is None
    assert rows["home uncached ÷ WordPress classic"]["passed"] is None
    assert rows["home through Varnish ÷ nginx static"]["ratio"] is None  # not measured: no verdict
    assert rows["home through Varnish ÷ nginx static"]["passed"] is None
    assert "indeks uncached ÷ WordPress classic" not in rows  # WordPress has no Indeks


def test_ratio_needs_both_sides():
    assert load_results.ratio(5, 2) == 2.5
    assert load_results.ratio(None, 2) is None
    assert load_results.ratio(5, 0) is None


def test_read_run_takes_the_kit_folder(tmp_path):
    (tmp_path / "results.jsonl").write_text(json.dumps(wrk_row("a", 1.0)) + "\n\n")
    (tmp_path / "pages.json").write_text('{"a": {"bytes": 10}}')

    rows, pages = load_results.read_run(tmp_path)

    assert [row["name"] for row in rows] == ["a"] and pages == {"a": {"bytes": 10}}


def test_render_shows_every_part():
    targets = load_results.summarize([wrk_row("redaksi_article", 400.0)], {}, {"gunicorn"})
    result = {
        "machine": {"date": "2026-11-28", "commit": "abc", "cpus": 2, "cpu_model": "EPYC", "load_average": [1, 2, 3]},
        "wrk": {"wrk_threads": "2", "wrk_conns": "16", "wrk_duration": "15s", "anchors_reps": "3"},
        "wordpress_theme": "twentytwentyone",
        "runs": {"classic": {"folder": "var/bench/http-load/x", "targets": targets}},
        "comparisons": load_results.comparisons(targets),
        "publish_to_visible": {
            "headline": {
                "reps": 2,
                "post": {"p50_ms": 500.0, "max_ms": 600.0},
                "visible": {"/read1/x": {"p50_ms": 580.0, "max_ms": 700.0}},
                "not_visible": 0,
                "not_cached_before": 0,
            }
        },
    }

    text = load_results.render(result)

    assert "| redaksi_article | `127.0.0.1:8001/redaksi_article` | 400.0 (400.0–400.0) |" in text
    assert "| article uncached ÷ WordPress classic | – | ≥ 3.0 | – |" in text
    assert "| headline | `/read1/x` | 580 | 700 | 500 | 600 | 2 | 0 | 0 |" in text


def test_small_ratios_keep_their_digits():
    assert load_results.ratio(26.8, 15973.2) == 0.00168
    assert load_results.ratio_text(0.00168) == "0.0017"
    assert load_results.ratio_text(0.333) == "0.33"
    assert load_results.ratio_text(None) == "–"


def test_the_gzip_run_adds_its_own_edge_ratio():
    plain = {"edge_home": {"rps": 4000.0}, "static_redaksi_home": {"rps": 16000.0}}
    gzip = {"edge_home_gzip": {"rps": 12000.0}, "static_redaksi_home_gzip": {"rps": 16000.0}}

    rows = {row["figure"]: row for row in load_results.comparisons(plain, gzip)}

    assert rows["home through Varnish ÷ nginx static"]["passed"] is False
    assert rows["home through Varnish ÷ nginx static, gzip accepted"] | {"figure": None} == {
        "figure": None,
        "numerator": "edge_home_gzip",
        "denominator": "static_redaksi_home_gzip",
        "ratio": 0.75,
        "goal": 0.5,
        "passed": True,
    }


def test_a_busy_start_is_flagged():
    assert load_results.busy_warning([0.4, 1.0, 2.0], 2) == ""
    assert "load average 9.1 on 2 CPUs" in load_results.busy_warning([9.1, 8.0, 7.0], 2)
