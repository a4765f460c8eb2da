"""Soak: ten minutes of reader load at about 80 % of the app's measured capacity; errors and memory over time.

`make bench-soak`. Starts the production-like stack of bench/faults.py (var/bench/faults, its own ports),
measures capacity straight at the app (gunicorn, the edge bypassed: the part that runs out first) with closed-loop
clients for --probe seconds, then sends an open-loop --load fraction of it for --seconds, half straight at the app
and the same again through the edge, plus read pixels. Every --every seconds it records the resident memory
(RSS) of gunicorn (master and workers), the schedule worker, Redis, PostgreSQL and Varnish.

Reported: requests, errors (5xx and no answer), latency percentiles, and per process kind the memory at the start,
the end and the peak, and the growth over the second half (flat memory: growth near zero once warm).
Results: bench/results/soak.{json,md}. `--seconds 60` for a quick check.

    .venv/bin/python bench/soak.py [--seconds 600] [--load 0.8] [--keep]
"""

import argparse
import json
import logging
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.faults import PORTS, STACK_DIR, Load, Stack, reader_urls  # noqa: E402
from bench.machine import machine  # noqa: E402

RESULTS = BASE_DIR / "bench" / "results" / "soak"
PIDFILES = {
    "gunicorn": "run/gunicorn.pid",
    "schedule worker": "run/worker.pid",
    "redis": "run/redis.pid",
    "postgresql": "pg/postmaster.pid",
    "varnish": "run/varnishd.pid",
}
log = logging.getLogger("bench.soak")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600, help="soak length")
    parser.add_argument("--load", type=float, default=0.8, help="fraction of the measured capacity")
    parser.add_argument("--probe", type=float, default=30, help="seconds of the capacity measurement")
    parser.add_argument("--clients", type=int, default=8, help="closed-loop clients of the capacity measurement")
    parser.add_argument("--every", type=float, default=10, help="seconds between memory samples")
    parser.add_argument("--stories", type=int, default=30, help="corpus stories in a new stack")
    parser.add_argument("--keep", action="store_true", help="leave the stack running")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results path without extension")
    return parser.parse_args(argv)


def capacity(stack, urls, clients, seconds):
    """Requests a second the app answers with `clients` back-to-back clients cycling through `urls`."""
    deadline, done = time.monotonic() + seconds, []

    def client(offset):
        session, n = requests.Session(), offset
        while time.monotonic() < deadline:
            ok = session.get(stack.app + urls[n % len(urls)], timeout=15, allow_redirects=False).status_code < 500
            done.append(ok)
            n += 1

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))
    return sum(done) / seconds


def memory(stack):
    """{kind: total RSS in MB} of the stack's own processes: each pidfile's process and its children."""
    out = subprocess.run(["ps", "-eo", "pid=,ppid=,rss="], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607
    rows = [tuple(map(int, line.split())) for line in out.splitlines() if line.strip()]
    return {kind: round(tree_rss(rows, root_pid(stack, pidfile)) / 1024, 1) for kind, pidfile in PIDFILES.items()}


def root_pid(stack, pidfile):
    try:
        return int((STACK_DIR / pidfile).read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def tree_rss(rows, root):
    """RSS in KB of `root` and every process below it."""
    pids, grew = {root}, True
    while grew:
        grew = False
        for pid, ppid, _rss in rows:
            if ppid in pids and pid not in pids:
                pids.add(pid)
                grew = True
    return sum(rss for pid, _ppid, rss in rows if pid in pids)


def percentile(values, fraction):
    return round(sorted(values)[min(len(values) - 1, int(len(values) * fraction))] * 1000, 1) if values else None


def main(argv=None):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    args = parse_args(argv)
    stack = Stack(PORTS, args.stories)
    stack.prod_local("start")
    try:
        report = soak(stack, args)
    finally:
        if not args.keep:
            stack.prod_local("stop")
    write(report, args.out)


def soak(stack, args):
    urls, story_id = reader_urls(stack)
    capacity(stack, urls, args.clients, 5)  # warm the workers and caches
    measured = capacity(stack, urls, args.clients, args.probe)
    rate = measured * args.load
    log.info("capacity %.1f req/s straight at the app; soaking at %.1f req/s for %ss", measured, rate, args.seconds)
    load = Load(stack, urls, story_id, {"app": rate / 2, "edge": rate / 2, "pixel": 2})
    loader = threading.Thread(target=load.run)
    loader.start()
    samples = []
    try:
        while load.now() < args.seconds:
            samples.append({"at": round(load.now()), **memory(stack)})
            time.sleep(args.every)
    finally:
        load.stopping.set()
        loader.join()
    samples.append({"at": round(load.now()), **memory(stack)})
    return {
        "machine": machine(),
        "args": {k: v for k, v in vars(args).items() if k != "out"},
        "capacity_rps": round(measured, 1),
        "rate_rps": round(rate, 1),
        "urls": urls,
        "requests": requests_summary(load.samples, args.seconds),
        "memory": memory_summary(samples),
        "memory_samples": samples,
    }


def requests_summary(samples, seconds):
    summary = {}
    for target in ("app", "edge", "pixel"):
        mine = [s for s in samples if s.target == target]
        times = [s.seconds for s in mine if s.status]
        summary[target] = {
            "requests": len(mine),
            "per_second": round(len(mine) / seconds, 1),
            "5xx": sum(s.status >= 500 for s in mine),
            "no_answer": sum(s.status == 0 for s in mine),
            "p50_ms": percentile(times, 0.5),
            "p95_ms": percentile(times, 0.95),
            "p99_ms": percentile(times, 0.99),
            "mean_ms": round(statistics.fmean(times) * 1000, 1) if times else None,
        }
    return summary


def memory_summary(samples):
    half = samples[len(samples) // 2]
    return {
        kind: {
            "start_mb": samples[0][kind],
            "end_mb": samples[-1][kind],
            "peak_mb": max(s[kind] for s in samples),
            "second_half_growth_mb": round(samples[-1][kind] - half[kind], 1),
        }
        for kind in PIDFILES
    }


def write(report, out):
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(report, indent=2) + "\n")
    m = report["machine"]
    lines = [
        "# Soak (`make bench-soak`)",
        "",
        f"{m['date']}, commit {m['commit']}, {m['cpus']} cores (shared). Capacity straight at the app: "
        f"{report['capacity_rps']} req/s; soak: {report['rate_rps']} req/s ({report['args']['load']:.0%}) for "
        f"{report['args']['seconds']:.0f} s, half at the app, half through the edge, plus 2 read pixels a second.",
        "",
        "| target | requests | 5xx | no answer | p50 ms | p95 ms | p99 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for target, r in report["requests"].items():
        figures = [r["requests"], r["5xx"], r["no_answer"], r["p50_ms"], r["p95_ms"], r["p99_ms"]]
        lines.append(f"| {target} | " + " | ".join(map(str, figures)) + " |")
    lines += ["", "| process (RSS, MB) | start | end | peak | growth over the second half |", "|---|---|---|---|---|"]
    for kind, mem in report["memory"].items():
        lines.append(
            f"| {kind} | {mem['start_mb']} | {mem['end_mb']} | {mem['peak_mb']} | {mem['second_half_growth_mb']} |"
        )
    out.with_suffix(".md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
