"""Relevance measures of a run against graded judgments, computed by ir-measures (pytrec_eval underneath).

Per topic:

- nDCG@10 (gains = grades 0/1/2), P@10 and R@50 with relevance >= 1: ir-measures on the qrels.
- judged@10: ir-measures' Judged@10, the share of the shown top ten (up to ten results) that is judged;
  unjudged@10 = 1 - judged@10.
- traps@10: Judged@10 against the grade-0 judgments only, i.e. the share of the shown top ten judged not
  relevant. Judged documents come from the pools of earlier runs, so these are lexical near-misses.
- results: how many results the run has for the topic (up to its depth).

Runs are scored in their rank order: each document gets score depth - rank + 1, so pytrec_eval's own order
(score, then document id) cannot reorder ties. Averages: nDCG, P and R over the topics with at least one
relevant judgment (a topic nobody judged relevant has nothing to find); traps and unjudged over the topics
with results; the zero-hit rate over all topics; mean results over the "no-answer" topics.
"""

import statistics

import ir_measures
from ir_measures import Judged, P, R, nDCG

RANKING = {"nDCG@10": nDCG @ 10, "P@10": P(rel=1) @ 10, "R@50": R(rel=1) @ 50}
NO_ANSWER = "no-answer"  # the topics' kind for a need the corpus does not answer
SHOWN = 10


def scored_docs(ranked):
    """ir-measures' run from {qid: [docid, ...]}: scores that keep the rank order."""
    return [
        ir_measures.ScoredDoc(qid, docid, float(len(docids) - rank))
        for qid, docids in ranked.items()
        for rank, docid in enumerate(docids)
    ]


def qrel_list(qrels, grade=None):
    """ir-measures' qrels from {qid: {docid: grade}}; with `grade`, only the judgments of that grade (as 1)."""
    return [
        ir_measures.Qrel(qid, docid, 1 if grade is not None else value)
        for qid, judged in qrels.items()
        for docid, value in judged.items()
        if grade is None or value == grade
    ]


def calc(measures, qrels, run):
    """{qid: {measure name: value}} for the named measures; topics absent from the qrels are left out."""
    if not qrels or not run:
        return {}
    names = {measure: name for name, measure in measures.items()}
    values = {}
    for metric in ir_measures.iter_calc(list(measures.values()), qrels, run):
        values.setdefault(metric.query_id, {})[names[metric.measure]] = metric.value
    return values


def per_topic(topics, qrels, ranked):
    """{qid: measures} for every topic: ranking measures where it has a relevant judgment, shares where results."""
    run = scored_docs({qid: docids for qid, docids in ranked.items() if docids})
    ranking = calc(RANKING, qrel_list(qrels), run)
    judged = calc({"judged": Judged @ SHOWN}, qrel_list(qrels), run)
    traps = calc({"traps": Judged @ SHOWN}, qrel_list(qrels, grade=0), run)
    result = {}
    for topic in topics:
        found = ranked.get(topic.qid, [])
        values = {"results": len(found)}
        if any(grade >= 1 for grade in qrels.get(topic.qid, {}).values()):
            values.update({name: ranking.get(topic.qid, {}).get(name, 0.0) for name in RANKING})
        if found:
            values["traps@10"] = traps.get(topic.qid, {}).get("traps", 0.0)
            values["unjudged@10"] = 1.0 - judged.get(topic.qid, {}).get("judged", 0.0)
        result[topic.qid] = values
    return result


def summary(topics, values):
    """Averages over `topics` (see the module's docstring for which topics each one averages)."""

    def mean(name, chosen):
        found = [values[topic.qid][name] for topic in chosen if name in values[topic.qid]]
        return round(statistics.fmean(found), 4) if found else None

    no_answer = [topic for topic in topics if topic.kind == NO_ANSWER]
    averages = {name: mean(name, topics) for name in [*RANKING, "traps@10", "unjudged@10"]}
    return {
        "topics": len(topics),
        "judged_relevant": sum(1 for topic in topics if "nDCG@10" in values[topic.qid]),
        **averages,
        "zero_hit_rate": round(sum(1 for t in topics if not values[t.qid]["results"]) / len(topics), 4),
        "no_answer_mean_results": mean("results", no_answer),
    }


def summaries(topics, values):
    """{split: {"overall": summary, "kinds": {kind: summary}}}, splits and kinds in the topics' order."""
    result = {}
    for split in dict.fromkeys(topic.split for topic in topics):
        chosen = [topic for topic in topics if topic.split == split]
        kinds = {kind: summary([t for t in chosen if t.kind == kind], values) for kind in kinds_of(chosen)}
        result[split or "unsplit"] = {"overall": summary(chosen, values), "kinds": kinds}
    return result


def kinds_of(topics):
    return list(dict.fromkeys(topic.kind for topic in topics))
