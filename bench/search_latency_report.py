"""The search latency table (bench/results/search-latency.md) from what bench/search_latency.py records."""


def markdown(result):
    """search_stories p50/p95/p99 per kind and size, then the whole path, the builds and the analysis."""
    stages, analysis, machine = result["stages"], result["analysis"], result["machine"]
    head = " | ".join(f"{s['stories']:,}: p50 / p95 / p99 ms" for s in stages)
    lines = [
        f"{machine['database']}, {machine['cpus']} CPUs (load {machine['load_average']} at the start), commit "
        f"{machine['commit']} ({machine['uncommitted_files']} files changed), {machine['date']}; "
        f"{result['args']['repeat']} timed runs per query after a warm-up.",
        "",
        "`search_stories(plan, order, **filters)`, the plan made beforehand:",
        "",
        f"| query kind (order) | {head} | median results (max 500) at {stages[-1]['stories']:,} |",
        "|---|" + "---:|" * (len(stages) + 1),
    ]
    for kind in stages[0]["searches"]:
        cells = " | ".join(cell(s["searches"][kind]["search"]) for s in stages)
        lines.append(f"| {kind} | {cells} | {stages[-1]['searches'][kind]['median_results']:g} |")
    loads = "; ".join(
        f"{s['stories']:,}: {s['load_average_when_measuring']}" for s in stages if "load_average_when_measuring" in s
    )
    lines += ["", *([f"Load average when the searches started: {loads}.", ""] if loads else [])]
    lines += ["Every query of an order together, p50 / p95 / p99 ms:", ""]
    lines += [
        "| stories | order | search_stories | plan_query | search_page (whole page) |",
        "|---:|---|---:|---:|---:|",
    ]
    for s in stages:
        for order, pooled in s["pooled"].items():
            lines.append(
                f"| {s['stories']:,} | {order} | {cell(pooled['search'])} | {cell(pooled['plan'])} "
                f"| {cell(pooled['page'])} |"
            )
    lines += ["", *build_table(stages), "", *analysis_lines(result, analysis)]
    return "\n".join(lines) + "\n"


def build_table(stages):
    lines = [
        "| stories | filing s | entries s (stories/s; syncs after write s) | local index build s (stories/s) "
        "| local index MiB (segments) | entry table MiB | database MiB |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in stages:
        lines.append(
            f"| {s['stories']:,} | {s['load_seconds']:,.0f} | {s['entries_seconds']:,.0f} ({s['entries_per_s']:,}; "
            f"{s['syncs_after_write']:,} syncs {s['syncs_after_write_seconds']:,.0f}) "
            f"| {s['index_build_seconds']:,.0f} ({s['index_build_per_s']:,}) "
            f"| {s['index_bytes'] / 2**20:,.0f} ({s['index_segments']}) | {s['entry_table_bytes'] / 2**20:,.0f} "
            f"| {s['database_bytes'] / 2**20:,.0f} |"
        )
    return lines


def analysis_lines(result, analysis):
    text, last = result["story_text"], result["stages"][-1]
    shares = ", ".join(f"{word} {share:.0%}" for word, share in last["body_share_of_common_words"].items())
    return [
        f"Common words' share of the {last['stories']:,} stories (bodies holding the stem): {shares}.",
        "",
        f"Entries analyse each of the corpus's {text['articles']:,} distinct articles once "
        f"({text['seconds']:,.1f} s, {1000 * text['seconds'] / max(text['articles'], 1):.1f} ms an article); "
        "copies reuse the analysed text.",
        f"Analysis (`index_terms`) on the corpus's {analysis['texts']:,} distinct texts ({analysis['words']:,} "
        f"words, {analysis['words_per_story']} per story): {analysis['cold_words_per_s']:,} words/s with a cold "
        f"stem cache, {analysis['warm_words_per_s']:,} words/s warm.",
    ]


def cell(figures):
    return " / ".join(f"{figures[f'p{p}_ms']:.1f}" for p in (50, 95, 99))
