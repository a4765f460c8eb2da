"""A cache-busting flood against the edge: does a real reader still get uncached pages?

`make bench-cache-busting`. Starts the production-like stack (tools/prod-local.sh, state in
var/bench/cache-busting-stack, its own ports) and two varnishd of its own in front of the same gunicorn: one
with the VCL before hardening (git history, `--before`), one with deploy/varnish as it is now. For each edge,
in the same run, a real reader (from 127.0.0.3, two connections) fetches distinct stories, each a miss after a
`PURGE /*`, for `--seconds`: alone, during a flood of unique `?utm_source=N` story URLs, and during a flood of
unique searches (`/cari/?q=N`, which no normalisation can merge) from 127.0.0.2. Reports the reader's success
rate and latency and what the flood got. Results: bench/results/cache-busting.{json,md}.

    .venv/bin/python bench/cache_busting.py [--seconds 15] [--flood-connections 24]
"""

import argparse
import http.client
import itertools
import json
import logging
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.machine import machine  # noqa: E402

VCL_DIR = BASE_DIR / "deploy" / "varnish"
WORK_DIR = BASE_DIR / "var" / "bench" / "cache-busting"
STACK_DIR = BASE_DIR / "var" / "bench" / "cache-busting-stack"
RESULTS = BASE_DIR / "bench" / "results" / "cache-busting"
STACK_PORTS = {"EDGE": "8180", "APP": "8181", "PG": "5533", "REDIS": "6480"}
EDGE_PORTS = {"before": 8182, "after": 8183}
BEFORE = "249bb2d^"  # the commit before hardening.vcl
READER, FLOODER = "127.0.0.3", "127.0.0.2"
log = logging.getLogger("bench.cache_busting")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15, help="length of each phase")
    parser.add_argument("--flood-connections", type=int, default=24, help="the flooder's concurrent connections")
    parser.add_argument(
        "--flood-rate", type=float, default=150, help="the flood's requests a second (app saturates ~120)"
    )
    parser.add_argument("--reader-connections", type=int, default=2)
    parser.add_argument("--before", default=BEFORE, help="git revision of the VCL without hardening")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results path without extension")
    return parser.parse_args(argv)


def stack_env():
    return {
        **os.environ,
        "PROD_LOCAL_DIR": str(STACK_DIR),
        **{f"PROD_LOCAL_{k}_PORT": v for k, v in STACK_PORTS.items()},
    }


@contextmanager
def stack():
    """tools/prod-local.sh on its own folder and ports; stopped at the end unless it ran before."""
    status = subprocess.run(["tools/prod-local.sh", "status"], cwd=BASE_DIR, env=stack_env(), capture_output=True)  # noqa: S603, S607
    was_running = STACK_DIR.exists() and b"stopped" not in status.stdout
    try:
        subprocess.run(["tools/prod-local.sh", "start"], cwd=BASE_DIR, env=stack_env(), check=True)  # noqa: S603, S607
        yield f"127.0.0.1:{STACK_PORTS['APP']}"
    finally:
        if not was_running:
            subprocess.run(["tools/prod-local.sh", "stop"], cwd=BASE_DIR, env=stack_env(), check=False)  # noqa: S603, S607


@contextmanager
def varnishd(name, vcl_text, port):
    """A varnishd on 127.0.0.1:`port` running `vcl_text` (its includes from deploy/varnish) in front of the app."""
    run = WORK_DIR / name
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    run.chmod(0o755)
    (run / "backend.vcl").write_text(f'backend default {{ .host = "127.0.0.1"; .port = "{STACK_PORTS["APP"]}"; }}\n')
    (run / "main.vcl").write_text(vcl_text)
    command = ["varnishd", "-F", "-n", str(run / "n"), "-a", f"127.0.0.1:{port}", "-s", "malloc,256m"]
    command += ["-f", str(run / "main.vcl"), "-p", f"vcl_path={run}:{VCL_DIR}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    try:
        for _attempt in range(200):
            if answers(port):
                break
            time.sleep(0.1)
        else:
            raise RuntimeError(f"varnishd {name} did not answer on {port}")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def answers(port):
    try:
        return request(port, "/health/", "127.0.0.1")[0] == 200
    except OSError:
        return False


def request(port, path, source, method="GET", connection=None):
    """(status, seconds) of one request from `source`; reuses `connection` when given."""
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    started = time.perf_counter()
    try:
        connection.request(method, path)
        answer = connection.getresponse()
        answer.read()
        return answer.status, time.perf_counter() - started
    finally:
        if own:
            connection.close()


def story_paths(port):
    """Every public story's address, from the API (through the edge, so the app's own links)."""
    paths, query = [], "/api/v1/stories?limit=100"
    while query:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", query)
        page = json.loads(connection.getresponse().read())
        connection.close()
        paths += [urlsplit(row["url"]).path for row in page["results"]]
        query = page["next"] and page["next"].split(f":{port}", 1)[1]
    return paths


def read(port, paths, seconds, connections):
    """A real reader: `connections` loops over distinct `paths` for `seconds`; every answer's status and time."""
    results, pending, deadline = [], iter(itertools.cycle(paths)), time.monotonic() + seconds
    lock = threading.Lock()

    def loop():
        while time.monotonic() < deadline:
            with lock:
                path = next(pending)
            try:
                outcome = request(port, path, READER)
            except OSError:
                outcome = (0, 30.0)
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=loop) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def flood_worker(port, pattern, offset, stop, counts, interval):
    connection, due = None, time.monotonic()
    for n in itertools.count(offset, 1000):
        if stop.is_set():
            return
        due += interval
        time.sleep(max(0, due - time.monotonic()))
        try:
            connection = connection or http.client.HTTPConnection(
                "127.0.0.1", port, timeout=30, source_address=(FLOODER, 0)
            )
            status, _seconds = request(port, pattern.format(n=n), FLOODER, connection=connection)
        except (OSError, http.client.HTTPException):
            connection, status = None, 0
        counts[status] = counts.get(status, 0) + 1


def flood_process(port, pattern, connections, rate, stop, queue):
    """`connections` threads asking for unique `pattern` URLs, `rate` a second in all, until `stop`; puts counts."""
    counts = [{} for _ in range(connections)]
    arguments = [(port, pattern, n, stop, counts[n], connections / rate) for n in range(connections)]
    threads = [threading.Thread(target=flood_worker, args=one) for one in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = {}
    for one in counts:
        for status, count in one.items():
            total[status] = total.get(status, 0) + count
    queue.put(total)


def phase(port, paths, args, flood=None):
    """The reader during `flood` (a URL pattern, or None), after emptying the edge."""
    request(port, "/*", "127.0.0.1", method="PURGE")
    time.sleep(1)
    stop, queue, flooder = multiprocessing.Event(), multiprocessing.Queue(), None
    if flood:
        flooder = multiprocessing.Process(
            target=flood_process, args=(port, flood, args.flood_connections, args.flood_rate, stop, queue)
        )
        flooder.start()
        time.sleep(2)  # the flood is at full speed before the reader starts
    reader = read(port, paths, args.seconds, args.reader_connections)
    flood_counts = {}
    if flooder:
        stop.set()
        flood_counts = queue.get(timeout=60)
        flooder.join()
    return summary(reader, flood_counts, args.seconds + 2)


def summary(reader, flood_counts, flood_seconds):
    times = sorted(seconds for status, seconds in reader if status == 200)
    ok = len(times)
    return {
        "reader_requests": len(reader),
        "reader_success": round(ok / len(reader), 4) if reader else 0,
        "reader_pages_per_s": None,
        "reader_median_ms": round(statistics.median(times) * 1000, 1) if times else None,
        "reader_p95_ms": round(times[int(0.95 * (ok - 1))] * 1000, 1) if times else None,
        "reader_statuses": count_statuses(status for status, _s in reader),
        "flood_requests_per_s": round(sum(flood_counts.values()) / flood_seconds, 1) if flood_counts else None,
        "flood_statuses": {str(k): v for k, v in sorted(flood_counts.items())},
    }


def count_statuses(statuses):
    counts = {}
    for status in statuses:
        counts[str(status)] = counts.get(str(status), 0) + 1
    return dict(sorted(counts.items()))


FLOODS = {"alone": None, "utm flood": "{story}?utm_source={{n}}", "search flood": "/cari/?q=busting{{n}}"}


def measure(args, paths):
    results = {}
    git_show = ["git", "show", f"{args.before}:deploy/varnish/redaksi.vcl"]
    before_vcl = subprocess.run(git_show, cwd=BASE_DIR, capture_output=True, check=True).stdout.decode()  # noqa: S603, S607
    with ExitStack() as stack_:
        stack_.enter_context(varnishd("before", before_vcl, EDGE_PORTS["before"]))
        stack_.enter_context(varnishd("after", (VCL_DIR / "redaksi.vcl").read_text(), EDGE_PORTS["after"]))
        for edge, port in EDGE_PORTS.items():
            read(port, paths[:20], 5, args.reader_connections)  # warm the app's workers and fragment caches
            for name, pattern in FLOODS.items():
                flood = pattern and pattern.format(story=paths[-1])
                log.info("%s edge, %s", edge, name)
                result = phase(port, paths, args, flood)
                result["reader_pages_per_s"] = round(result["reader_requests"] / args.seconds, 1)
                results[f"{edge}: {name}"] = result
                log.info("%s", result)
                time.sleep(12)  # the flooder's bucket refills before the next phase
    return results


def markdown(result):
    lines = [
        "# Cache-busting flood vs a real reader",
        "",
        f"Measured {result['measured_at']} at commit {result['machine']['commit']} on {result['machine']['cpus']} CPUs "
        f"(load average {result['machine']['load_average']}, shared with other work); `make bench-cache-busting` "
        f"({result['seconds']} s per phase, flood {result['flood_rate']}/s on {result['flood_connections']} "
        f"connections from {FLOODER}, "
        f"reader {result['reader_connections']} connections from {READER} over {result['stories']} distinct "
        "stories, each a miss after `PURGE /*`).",
        "",
        "| edge: phase | reader OK | reader pages/s | median ms | p95 ms | flood req/s | flood answers |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, row in result["phases"].items():
        flood = ", ".join(f"{k}: {v}" for k, v in row["flood_statuses"].items()) or "-"
        lines.append(
            f"| {name} | {row['reader_success']:.1%} | {row['reader_pages_per_s']} | {row['reader_median_ms']} "
            f"| {row['reader_p95_ms']} | {row['flood_requests_per_s'] or '-'} | {flood} |"
        )
    lines += ["", "`before` is the VCL without hardening.vcl (`--before`), `after` the VCL as it is now.", ""]
    return "\n".join(lines)


def main(argv=None):
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = parse_args(argv)
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    with stack():
        paths = story_paths(int(STACK_PORTS["EDGE"]))
        result = {
            "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": machine(),
            "seconds": args.seconds,
            "flood_connections": args.flood_connections,
            "flood_rate": args.flood_rate,
            "reader_connections": args.reader_connections,
            "stories": len(paths),
            "phases": measure(args, paths),
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n")
    args.out.with_suffix(".md").write_text(markdown(result))
    log.info("%s", markdown(result))


if __name__ == "__main__":
    main()
