"""One results table for `make bench`: every figure as a ratio to its same-run baseline, the goals, pass/fail.

Reads the JSON each benchmark leaves in bench/results/ (http-load, reader-pages, archive-scale,
search-relevance); a missing one becomes a line saying so and which make target writes it. Writes
bench/results/performance.{md,json}. Usage (`make bench` runs it last):

    .venv/bin/python bench/report.py
"""

import argparse
import json
import logging
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.load_results import busy_warning, ratio_text  # noqa: E402
from bench.machine import machine  # noqa: E402

RESULTS = BASE_DIR / "bench" / "results"
VISIBLE_GOAL_MS = 1000  # a change reaches readers through the edge within one second
SOURCES = {
    "http-load": "make bench-http",
    "reader-pages": "make bench-pages",
    "archive-scale": "make bench-scale-postgres",
    "search-relevance": "make bench-search-relevance",
}
log = logging.getLogger("bench.report")


def read_sources(folder):
    """name -> parsed JSON of each benchmark's result file, None when it is missing."""
    return {name: load(folder / f"{name}.json") for name in SOURCES}


def load(path):
    return json.loads(path.read_text()) if path.exists() else None


def row(benchmark, figure, value, baseline="–", ratio=None, goal=None, met=None):
    return {
        "benchmark": benchmark,
        "figure": figure,
        "value": value,
        "baseline": baseline,
        "ratio": ratio,
        "goal": goal,
        "met": met,
    }


def http_rows(result):
    """Load ratios (req/s against WordPress or nginx static, same kit run) and publish-to-visible times."""
    targets = {name: figures for run in result["runs"].values() for name, figures in run["targets"].items()}
    rows = []
    for comparison in result["comparisons"]:
        ours, theirs = targets.get(comparison["numerator"]), targets.get(comparison["denominator"])
        goal = f"≥ {comparison['goal']}×" if comparison["goal"] is not None else None
        rows.append(
            row(
                "http load",
                comparison["figure"],
                load_figure(ours),
                f"{comparison['denominator']}: {load_figure(theirs)}",
                comparison["ratio"],
                goal,
                comparison["passed"],
            )
        )
    for kind, figures in result.get("publish_to_visible", {}).items():
        rows += publish_rows(kind, figures)
    return rows


def load_figure(target):
    if target is None:
        return "not measured"
    return f"{target['rps']:,.0f} req/s, p50 {target['p50_ms']:.1f} ms, p99 {target['p99_ms']:.1f} ms"


def publish_rows(kind, figures):
    """One row per page polled: visible p50/max against the admin POST's own time (the purge's share)."""
    rows = []
    post = figures["post"]
    for page, visible in figures["visible"].items():
        failed = figures["not_visible"] > 0 or visible["max_ms"] is None
        met = None if figures["not_cached_before"] else (not failed and visible["max_ms"] <= VISIBLE_GOAL_MS)
        rows.append(
            row(
                "publish to visible",
                f"{kind.replace('_', ' ')}: `{page}` through Varnish ({figures['reps']} reps)",
                f"p50 {ms(visible['p50_ms'])}, max {ms(visible['max_ms'])}"
                + (f", {figures['not_visible']} never visible" if figures["not_visible"] else ""),
                f"admin POST p50 {ms(post['p50_ms'])}, max {ms(post['max_ms'])}",
                ratio_of(visible["p50_ms"], post["p50_ms"]),
                f"max ≤ {VISIBLE_GOAL_MS} ms",
                met,
            )
        )
    return rows


def ms(value):
    return "–" if value is None else f"{value:,.0f} ms"


def ratio_of(numerator, denominator):
    return round(numerator / denominator, 2) if numerator is not None and denominator else None


def page_rows(result):
    """Per reader page type: SQL queries on each database (goal: the same), weight, time against the floor."""
    runs = result["runs"]
    vendors = sorted(runs)
    rows = []
    for name, first in runs[vendors[0]]["pages"].items():
        counts = {vendor: runs[vendor]["pages"].get(name, {}).get("queries") for vendor in vendors}
        times = {
            vendor: runs[vendor]["pages"][name]["median_ms"] for vendor in vendors if name in runs[vendor]["pages"]
        }
        vendor = vendors[0]
        weight = (first["html_gzip_bytes"] + first["css_js_gzip_bytes"]) / 1024
        rows.append(
            row(
                "reader pages",
                f"{name} (`{first['url']}`)",
                f"queries {' / '.join(f'{v} {c}' for v, c in counts.items())}; {weight:.1f} KB gzipped with CSS/JS; "
                + ", ".join(f"{v} {t:.1f} ms" for v, t in times.items()),
                f"bare redirect {runs[vendor]['floor_ms']:.2f} ms ({vendor})",
                ratio_of(times.get(vendor), runs[vendor]["floor_ms"]),
                "same queries on every database" if len(vendors) > 1 else None,
                len(set(counts.values())) == 1 if len(vendors) > 1 else None,
            )
        )
    return rows


def scale_rows(result):
    """The issue's archive operations: target-size median against the baseline-size median, goal under 1.5."""
    rows = []
    for operation in result["operations"].values():
        rows.append(
            row(
                "archive scale",
                f"{operation['label']}",
                f"{ms(operation['target_ms'])} at {result['target_stories']:,}, queries {operation['queries_target']}",
                f"{ms(operation['baseline_ms'])} at {result['baseline_stories']:,}, "
                f"queries {operation['queries_baseline']}",
                operation["ratio"],
                "< 1.5×",
                operation["goal_met"],
            )
        )
    return rows


def relevance_rows(result):
    """Redaksi's analyser against the better of no stemming and snowball on the judged queries (context, no goal)."""
    configs = result["configs"]
    others = [name for name in ("simple", "snowball") if name in configs]
    rows = []
    for metric, label in (("p_at_10", "P@10"), ("mrr", "MRR")):
        best = max(others, key=lambda name: configs[name][metric])
        rows.append(
            row(
                "search relevance",
                f"{label}, Redaksi analyser",
                f"{configs['redaksi'][metric]:.3f}",
                f"{best}: {configs[best][metric]:.3f}",
                ratio_of(configs["redaksi"][metric], configs[best][metric]),
            )
        )
    return rows


ROWS = {
    "http-load": http_rows,
    "reader-pages": page_rows,
    "archive-scale": scale_rows,
    "search-relevance": relevance_rows,
}


def all_rows(sources):
    rows = []
    for name, result in sources.items():
        if result is None:
            rows.append(
                row(
                    name.replace("-", " "),
                    f"not measured: bench/results/{name}.json is missing (run `{SOURCES[name]}`)",
                    "–",
                )
            )
        else:
            rows += ROWS[name](result)
    return rows


def source_facts(sources):
    """Date and commit of each result file (they may come from different runs)."""
    facts = {}
    for name, result in sources.items():
        where = (result or {}).get("machine") or next(iter((result or {}).get("runs", {}).values()), {}).get("machine")
        facts[name] = {key: where.get(key) for key in ("date", "commit", "load_average")} if where else None
    return facts


def render(report):
    """The whole report as Markdown: where it ran, the goal tally, then the one table."""
    where, met = report["machine"], [r["met"] for r in report["rows"] if r["goal"]]
    lines = [
        f"Report written {where['date']} at commit {where['commit']} on {where['cpus']} CPUs ({where['cpu_model']}); "
        f"load average when the report was written {' / '.join(map(str, where['load_average']))}.",
        "",
        "Sources: "
        + "; ".join(
            f"{name} {facts['date']} (commit {facts['commit']}{load_text(facts)})" if facts else f"{name} missing"
            for name, facts in report["sources"].items()
        )
        + "."
        + busy_sources(report),
        "",
        f"Goals met: {met.count(True)} of {len(met)}"
        + (f" ({met.count(None)} not judged: the page was not cached before publishing)" if None in met else "")
        + ".",
        "",
        "| benchmark | figure | value | same-run baseline | ratio | goal | met |",
        "|---|---|---|---|---:|---|---|",
    ]
    for r in report["rows"]:
        ratio = ratio_text(r["ratio"])
        met_text = {True: "yes", False: "**no**", None: "–"}[r["met"]] if r["goal"] else "–"
        lines.append(
            f"| {r['benchmark']} | {r['figure']} | {r['value']} | {r['baseline']} | {ratio} | {r['goal'] or '–'} "
            f"| {met_text} |"
        )
    return "\n".join(lines) + "\n"


def load_text(facts):
    load = facts.get("load_average")
    return f", load average at start {' / '.join(map(str, load))}" if load else ""


def busy_sources(report):
    """Sentence naming the benchmarks that started on a busy machine (load average ≥ half the cores)."""
    cpus = report["machine"]["cpus"]
    busy = [
        name
        for name, facts in report["sources"].items()
        if facts and busy_warning(facts.get("load_average") or [0], cpus)
    ]
    return f" **Started on a busy machine, rerun when quiet: {', '.join(busy)}.**" if busy else ""


def main(argv=None):
    logging.basicConfig(format="%(message)s", stream=sys.stdout, level=logging.INFO)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder with the benchmarks' JSON")
    args = parser.parse_args(argv)
    sources = read_sources(args.results)
    report = {"machine": machine(), "sources": source_facts(sources), "rows": all_rows(sources)}
    (args.results / "performance.json").write_text(json.dumps(report, indent=1) + "\n")
    text = render(report)
    (args.results / "performance.md").write_text(text)
    log.info("%swritten %s", text, args.results / "performance.{md,json}")


if __name__ == "__main__":
    main()
