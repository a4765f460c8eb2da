"""Draw the tuning / held-out split of the relevance topics: seeded, stratified by kind.

Reads topics.json beside this file and rewrites only each topic's "split" field. Within every kind the
qids are sorted, shuffled with a fixed seed, and the first half (rounded up) becomes "heldout", the rest
"tuning"; so the split is the same on every run and every kind sits on both sides. Standard library only.

    python3 bench/data/relevance/split.py            # write the split into topics.json
    python3 bench/data/relevance/split.py --check    # exit 1 if topics.json differs from a fresh draw
"""

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

TOPICS = Path(__file__).resolve().parent / "topics.json"
SEED = 20180301  # fixed once, before any ranking was seen; changing it changes the held-out set
HELDOUT, TUNING = "heldout", "tuning"


def draw(topics: list[dict], seed: int = SEED) -> dict[str, str]:
    """qid -> split; for each kind, ceil(n/2) of its qids (seeded shuffle) are held out."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for topic in topics:
        by_kind[topic["kind"]].append(topic["qid"])
    rng = random.Random(seed)
    split = {}
    for kind in sorted(by_kind):
        qids = sorted(by_kind[kind])
        rng.shuffle(qids)
        held = (len(qids) + 1) // 2
        for i, qid in enumerate(qids):
            split[qid] = HELDOUT if i < held else TUNING
    return split


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only verify topics.json carries the seeded split")
    args = parser.parse_args()

    doc = json.loads(TOPICS.read_text(encoding="utf-8"))
    split = draw(doc["topics"])
    if args.check:
        wrong = [t["qid"] for t in doc["topics"] if t.get("split") != split[t["qid"]]]
        sys.stdout.write(f"{len(wrong)} topics differ from the seeded split {wrong}\n")
        return 1 if wrong else 0

    for topic in doc["topics"]:
        topic["split"] = split[topic["qid"]]
    TOPICS.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    counts: dict[tuple[str, str], int] = defaultdict(int)
    for topic in doc["topics"]:
        counts[topic["kind"], topic["split"]] += 1
    for kind in sorted({k for k, _ in counts}):
        sys.stdout.write(f"{kind:12} heldout {counts[kind, HELDOUT]:3}  tuning {counts[kind, TUNING]:3}\n")
    total_held = sum(n for (_, s), n in counts.items() if s == HELDOUT)
    sys.stdout.write(f"{'total':12} heldout {total_held:3}  tuning {len(doc['topics']) - total_held:3}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
