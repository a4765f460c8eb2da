"""bench/results/search-relevance.md from the benchmark's result (bench/search_relevance.py)."""

from bench.relevance_measures import NO_ANSWER

COLUMNS = {
    "nDCG@10": "nDCG@10",
    "P@10": "P@10",
    "R@50": "R@50",
    "traps@10": "traps@10",
    "unjudged@10": "unjudged@10",
    "zero_hit_rate": "zero-hit",
    "no_answer_mean_results": "no-answer results",
}
SYSTEMS = {
    "bm25": "plain BM25 (bm25s)",
    "baseline": "Redaksi baseline",
    "redaksi": "Redaksi",
    "recency_off": "Redaksi, recency off",
}
DATABASE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
SPLIT_ORDER = ("heldout", "tuning")
SPLIT_NAMES = {"heldout": "held-out"}


def cell(value, digits=3):
    return "–" if value is None else f"{value:.{digits}f}"


def header(result):
    m = result["machine"]
    return [
        "# Search relevance",
        "",
        f"Commit {m['commit']} ({m['uncommitted_files']} files uncommitted), {m['date']}, {m['cpus']} CPUs; "
        f"baseline commit {result['baseline_commit']}; {result['corpus']}; {result['topics']} topics, "
        f"{result['judgments']} judgments; every run to depth {result['depth']}.",
        "",
        "nDCG@10, P@10 and R@50 (relevance ≥ 1) average the topics with a relevant judgment; traps@10 (share of "
        "the shown top ten judged not relevant) and unjudged@10 the topics with results; zero-hit is the share "
        "of topics without results; no-answer results is the mean number of results (up to the depth) of the "
        "no-answer topics. Measures by ir-measures; see docs/search-evaluation.md.",
    ]


def split_names(systems):
    splits = list(next(iter(systems.values()))["summary"])
    return sorted(splits, key=lambda split: (SPLIT_ORDER.index(split) if split in SPLIT_ORDER else 99, split))


def overall_table(systems, split):
    lines = ["| system | " + " | ".join(COLUMNS.values()) + " |", "|---|" + "---:|" * len(COLUMNS)]
    for system, label in SYSTEMS.items():
        if system in systems:
            overall = systems[system]["summary"][split]["overall"]
            digits = {"no_answer_mean_results": 1}
            cells = " | ".join(cell(overall[key], digits.get(key, 3)) for key in COLUMNS)
            lines.append(f"| {label} | {cells} |")
    return lines


def kind_table(systems, split):
    """nDCG@10 / traps@10 per kind (no-answer: mean results / traps@10), one column per system."""
    shown = [system for system in SYSTEMS if system in systems]
    lines = ["| kind | topics | " + " | ".join(SYSTEMS[s] for s in shown) + " |", "|---|---:|" + "---:|" * len(shown)]
    kinds = systems[shown[0]]["summary"][split]["kinds"]
    for kind, first in kinds.items():
        cells = []
        for system in shown:
            values = systems[system]["summary"][split]["kinds"][kind]
            if kind == NO_ANSWER:
                cells.append(f"{cell(values['no_answer_mean_results'], 1)} / {cell(values['traps@10'], 2)}")
            else:
                cells.append(f"{cell(values['nDCG@10'])} / {cell(values['traps@10'], 2)}")
        lines.append(f"| {kind} | {first['topics']} | " + " | ".join(cells) + " |")
    return lines


def markdown(result):
    lines = header(result)
    for database, systems in result["databases"].items():
        for split in split_names(systems):
            overall = next(iter(systems.values()))["summary"][split]["overall"]
            lines += ["", f"## {DATABASE_NAMES.get(database, database)}, {SPLIT_NAMES.get(split, split)} split", ""]
            lines.append(f"{overall['topics']} topics, {overall['judged_relevant']} with a relevant judgment.")
            lines += ["", *overall_table(systems, split), ""]
            lines.append("Per kind: nDCG@10 / traps@10 (no-answer: mean results / traps@10).")
            lines += ["", *kind_table(systems, split)]
    lines += ["", "search_run wall times (s): " + ", ".join(
        f"{name} {report['seconds']:.0f}" for name, report in result["search_runs"].items()
    )]  # fmt: skip
    return "\n".join(lines) + "\n"
