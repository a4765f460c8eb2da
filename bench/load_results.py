"""Read an anchors-run.sh results folder and turn it into per-target figures and same-run ratios.

The kit (../shared/bench) writes results.jsonl (one line per wrk run: phase warmup, c1 or run) and
pages.json (bytes, gzip -6 bytes and SQL queries per target). Pure functions over those rows; the only
I/O is `read_run`.
"""

import json
import statistics
from pathlib import Path

PAGES = ("article", "home", "section", "indeks")
# WordPress's page for each of Redaksi's (the kit has no Indeks-like page).
WORDPRESS = {"article": "wp_article", "home": "wp_home", "section": "wp_category"}
UNCACHED_GOAL = 3.0  # x WordPress's classic-theme article, uncached article page
EDGE_GOAL = 0.5  # x nginx serving the same HTML as a static file, every page through Varnish
ERRORS = ("err_connect", "err_read", "err_write", "err_status", "err_timeout")


def target_names(page):
    """The three load targets of one Redaksi page: app uncached, through the edge, nginx static copy."""
    return {"uncached": f"redaksi_{page}", "edge": f"edge_{page}", "static": f"static_redaksi_{page}"}


def read_run(folder):
    """The wrk rows and page weights of one anchors-run.sh results folder."""
    folder = Path(folder)
    rows = [json.loads(line) for line in (folder / "results.jsonl").read_text().splitlines() if line.strip()]
    pages_file = folder / "pages.json"
    return rows, json.loads(pages_file.read_text()) if pages_file.exists() else {}


def summarize(rows, pages, server_comms):
    """Per target: req/s median (min, max), p50 and p99 medians, errors, 1-connection figures, weight, CPU."""
    measured = [row for row in rows if row["phase"] == "run"]
    single = {row["name"]: row for row in rows if row["phase"] == "c1"}
    names = list(dict.fromkeys(row["name"] for row in measured))
    return {
        name: target_figures(
            [row for row in measured if row["name"] == name], single.get(name), pages.get(name, {}), server_comms
        )
        for name in names
    }


def target_figures(runs, single, page, server_comms):
    rps = [run["rps"] for run in runs]
    return {
        "url": runs[0]["url"],
        "runs": len(runs),
        "rps": round(statistics.median(rps), 1),
        "rps_min": round(min(rps), 1),
        "rps_max": round(max(rps), 1),
        "p50_ms": round(statistics.median(run["lat_p50_ms"] for run in runs), 3),
        "p99_ms": round(statistics.median(run["lat_p99_ms"] for run in runs), 3),
        "errors": sum(run[key] for run in runs for key in ERRORS),
        "single_connection": {"rps": round(single["rps"], 1), "p50_ms": single["lat_p50_ms"]} if single else None,
        "bytes": page.get("bytes"),
        "gzip_bytes": page.get("gzip6_bytes"),
        "sql_queries": page.get("sql_queries"),
        "cpu": cpu_share(runs, server_comms),
    }


def cpu_share(runs, server_comms):
    """Mean CPU-seconds per second of each process name under test, and everything else ("other": noise)."""
    by_comm = {}
    for run in runs:
        for comm, seconds in run["cpu_by_comm"].items():
            by_comm[comm] = by_comm.get(comm, 0.0) + seconds / run["duration_s"] / len(runs)
    known = {comm: round(share, 2) for comm, share in by_comm.items() if comm in server_comms and share >= 0.01}
    unaccounted = statistics.mean(
        max(0.0, run["cpu_total_busy_pct"] / 100 * run["ncpu"] - sum(run["cpu_by_comm"].values()) / run["duration_s"])
        for run in runs
    )
    other = sum(share for comm, share in by_comm.items() if comm not in server_comms) + unaccounted
    return {**known, "other": round(other, 2)}


def ratio(numerator, denominator):
    """numerator / denominator to 3 significant digits, None when either side was not measured."""
    if numerator is None or not denominator:
        return None
    return float(f"{numerator / denominator:.3g}")


def comparisons(targets, gzip_targets=None):
    """Every same-run ratio the issue asks for, with its goal (None = context only) and whether it was met.

    `gzip_targets`: the edge and static copies measured again accepting gzip (names suffixed `_gzip`).
    """
    rows = []
    for page in PAGES:
        names = target_names(page)
        wordpress = WORDPRESS.get(page)
        if wordpress:
            goal = UNCACHED_GOAL if page == "article" else None
            rows.append(compare(targets, f"{page} uncached ÷ WordPress classic", names["uncached"], wordpress, goal))
        rows.append(compare(targets, f"{page} uncached ÷ nginx static", names["uncached"], names["static"], None))
        edge = f"{page} through Varnish ÷ nginx static"
        rows.append(compare(targets, edge, names["edge"], names["static"], EDGE_GOAL))
        if gzip_targets:
            gzipped = (f"{names['edge']}_gzip", f"{names['static']}_gzip")
            rows.append(compare(gzip_targets, f"{edge}, gzip accepted", *gzipped, EDGE_GOAL))
    return rows


def compare(targets, figure, numerator, denominator, goal):
    value = ratio(rps_of(targets, numerator), rps_of(targets, denominator))
    return {
        "figure": figure,
        "numerator": numerator,
        "denominator": denominator,
        "ratio": value,
        "goal": goal,
        "passed": None if goal is None or value is None else value >= goal,
    }


def rps_of(targets, name):
    return targets[name]["rps"] if name in targets else None


def render(result):
    """Markdown of one http_load result: the setting, every target, the ratios, publish-to-visible."""
    where, wrk = result["machine"], result["wrk"]
    lines = [
        f"{where['date']}, commit {where['commit']}, {where['cpus']} CPUs ({where['cpu_model']}), load average at "
        f"start {' / '.join(map(str, where['load_average']))}; wrk -t{wrk['wrk_threads']} -c{wrk['wrk_conns']} "
        f"-d{wrk['wrk_duration']}, {wrk['anchors_reps']} interleaved rounds, medians; WordPress theme "
        f"{result['wordpress_theme']}.{busy_warning(where['load_average'], where['cpus'])}",
        "",
        *comparison_table(result["comparisons"]),
    ]
    for label, run in result["runs"].items():
        lines += ["", f"Targets, {label} run (raw wrk output: `{run['folder']}`):", "", *target_table(run["targets"])]
    lines += ["", *publish_table(result.get("publish_to_visible", {}))]
    return "\n".join(lines)


def busy_warning(load_average, cpus):
    """A sentence when other work already kept the cores busy at the start (load average ≥ half the cores)."""
    if load_average[0] < cpus / 2:
        return ""
    return (
        f" **The machine was busy when this run started (load average {load_average[0]} on {cpus} CPUs): "
        "every figure here shares the cores with that work; rerun on a quiet machine.**"
    )


def comparison_table(rows):
    lines = ["| figure | ratio (req/s) | goal | met |", "|---|---:|---:|---|"]
    for row in rows:
        goal = f"≥ {row['goal']}" if row["goal"] is not None else "context"
        lines.append(f"| {row['figure']} | {ratio_text(row['ratio'])} | {goal} | {verdict(row['passed'])} |")
    return lines


def target_table(targets):
    lines = [
        "| target | URL | req/s median (min–max) | p50 ms | p99 ms | 1-conn p50 ms | errors | HTML bytes "
        "| gzip bytes | CPU-s/s by process |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, row in targets.items():
        single = row["single_connection"]
        cpu = ", ".join(f"{comm} {share}" for comm, share in row["cpu"].items())
        lines.append(
            f"| {name} | `{row['url'].removeprefix('http://')}` | {row['rps']:,.1f} ({row['rps_min']:,.1f}–"
            f"{row['rps_max']:,.1f}) | {row['p50_ms']:.2f} | {row['p99_ms']:.2f} "
            f"| {number(single and single['p50_ms'], 2)} | {row['errors']} | {number(row['bytes'], 0)} "
            f"| {number(row['gzip_bytes'], 0)} | {cpu} |"
        )
    return lines


def publish_table(kinds):
    lines = [
        "Publish-to-visible through Varnish (ms from sending the admin's Publish POST to the first reader "
        "request showing the change):",
        "",
        "| change | page polled | visible p50 | visible max | admin POST p50 | POST max | reps | not visible "
        "| not cached before |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, row in kinds.items():
        for page, visible in row["visible"].items():
            lines.append(
                f"| {kind} | `{page}` | {number(visible['p50_ms'], 0)} | {number(visible['max_ms'], 0)} "
                f"| {number(row['post']['p50_ms'], 0)} | {number(row['post']['max_ms'], 0)} | {row['reps']} "
                f"| {row['not_visible']} | {row['not_cached_before']} |"
            )
    return lines


def ratio_text(value):
    """Two decimals, or two significant digits for ratios under 0.1 (uncached ÷ static is ~0.002)."""
    if value is None:
        return "–"
    return f"{value:.2f}" if value >= 0.1 else f"{value:.2g}"


def number(value, places):
    return "–" if value is None else f"{value:,.{places}f}"


def verdict(passed):
    return {True: "yes", False: "**no**", None: "–"}[passed]
