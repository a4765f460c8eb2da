"""Faults under load: Redis, PostgreSQL, one app worker and the schedule worker stopped and restarted in turn.

`make bench-faults`. Starts the production-like stack (tools/prod-local.sh) in var/bench/faults on ports of its
own, then sends steady load on loopback: reader pages through the edge (Varnish) and straight at the app
(gunicorn), and read pixels from a new address each (so every one should count). For each fault: a quiet
baseline, the fault, the restart, an observation window. Reported per fault: 5xx and failed requests (edge,
app), stale pages the edge served (Age past the page's s-maxage), recovery time (restart to the last failed
request, and to /health/ 200), and at the end the data: reads answered 200 against reads counted in the
database, scheduled stories (due during the PostgreSQL and schedule-worker faults) published exactly once.

Results: bench/results/faults.{json,md}. Stops the stack at the end unless --keep.

    .venv/bin/python bench/faults.py [--fault-seconds 17] [--observe 30] [--rate 8] [--keep]
"""

import argparse
import json
import logging
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.machine import machine  # noqa: E402

STACK_DIR = BASE_DIR / "var" / "bench" / "faults"
RESULTS = BASE_DIR / "bench" / "results" / "faults"
PORTS = {"PROD_LOCAL_EDGE_PORT": 18080, "PROD_LOCAL_APP_PORT": 18001, "PROD_LOCAL_PG_PORT": 15433}
PORTS["PROD_LOCAL_REDIS_PORT"] = 16380
READER = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)
SCHEDULED_PER_FAULT = 3
log = logging.getLogger("bench.faults")


@dataclass
class Sample:
    """One request of the load: when it started (seconds into the run), where, and how it ended."""

    at: float
    target: str
    status: int  # 0: no answer (refused, reset, timed out)
    x_cache: str = ""
    stale: bool = False
    seconds: float = 0.0


@dataclass
class Load:
    """Steady open-loop load on loopback: `rates` requests a second per target, a thread pool sends them."""

    stack: "Stack"
    urls: list
    story_id: int
    rates: dict
    samples: list = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    started: float = field(default_factory=time.monotonic)
    addresses: iter = None

    def run(self):
        start = random.randrange(2**24 - 2**20)  # noqa: S311 - a reader remembered from an earlier run would not count
        self.addresses = (f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}" for n in range(start, 2**24))
        lock = threading.Lock()
        with ThreadPoolExecutor(max_workers=48) as pool:
            tickers = [
                threading.Thread(target=self.tick, args=(pool, target, rate, lock), daemon=True)
                for target, rate in self.rates.items()
                if rate
            ]
            for ticker in tickers:
                ticker.start()
            for ticker in tickers:
                ticker.join()

    def tick(self, pool, target, rate, lock):
        session = requests.Session()
        session.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=48))
        next_at = time.monotonic()
        while not self.stopping.is_set():
            pool.submit(self.one, session, target, lock)
            next_at += 1 / rate
            time.sleep(max(0.0, next_at - time.monotonic()))

    def one(self, session, target, lock):
        at = time.monotonic() - self.started
        headers, base = {"User-Agent": READER}, self.stack.edge if target == "edge" else self.stack.app
        if target == "pixel":
            url = f"/baca/{self.story_id}.gif"
            with lock:
                headers["X-Forwarded-For"] = next(self.addresses)
        else:
            url = random.choice(self.urls)  # noqa: S311 - load, not secrets
        try:
            response = session.get(base + url, headers=headers, timeout=15, allow_redirects=False)
            sample = Sample(at, target, response.status_code, response.headers.get("X-Cache", ""), is_stale(response))
        except requests.RequestException:
            sample = Sample(at, target, 0)
        sample.seconds = time.monotonic() - self.started - at
        with lock:
            self.samples.append(sample)

    def now(self):
        return time.monotonic() - self.started


def is_stale(response):
    """Whether the edge answered with a copy older than its s-maxage (grace: stale-while-revalidate/-if-error)."""
    match = re.search(r"s-maxage=(\d+)", response.headers.get("Cache-Control", ""))
    return bool(match) and int(response.headers.get("Age", "0") or 0) > int(match.group(1))


class Stack:
    """tools/prod-local.sh's stack in STACK_DIR, and the commands that stop and start its parts."""

    def __init__(self, ports, stories):
        self.env = {**os.environ, "PROD_LOCAL_DIR": str(STACK_DIR), "PROD_LOCAL_DEMO_STORIES": str(stories)}
        self.env.update({name: str(port) for name, port in ports.items()})
        self.env.setdefault("SECURE_SSL_REDIRECT", "false")  # plain HTTP on loopback, as the load generator speaks
        self.edge = f"http://127.0.0.1:{ports['PROD_LOCAL_EDGE_PORT']}"
        self.app = f"http://127.0.0.1:{ports['PROD_LOCAL_APP_PORT']}"
        self.redis_port = ports["PROD_LOCAL_REDIS_PORT"]
        self.run_dir, self.log_dir = STACK_DIR / "run", STACK_DIR / "log"

    def prod_local(self, action):
        subprocess.run(["tools/prod-local.sh", action], cwd=BASE_DIR, env=self.env, check=True)  # noqa: S603, S607
        if action == "start":
            for line in (STACK_DIR / "env").read_text().splitlines():
                name, _, value = line.partition("=")
                if name and not name.startswith("#"):
                    self.env[name.removeprefix("export ").strip()] = value.strip().strip("'\"")

    def manage(self, *args, code=None):
        command = [str(BASE_DIR / ".venv/bin/python"), "manage.py", *args] + (["-v", "0", "-c", code] if code else [])
        result = subprocess.run(command, cwd=BASE_DIR, env=self.env, check=True, capture_output=True, text=True)  # noqa: S603
        return result.stdout.strip().splitlines()[-1] if code else result.stdout  # the code's line, not the logs

    def pid(self, name):
        return int((self.run_dir / f"{name}.pid").read_text().split()[0])

    def stop_redis(self):
        os.kill(self.pid("redis"), signal.SIGTERM)
        wait_until(lambda: not self.redis_answers())

    def redis_answers(self):
        ping = ["redis-cli", "-p", str(self.redis_port), "ping"]
        return subprocess.run(ping, capture_output=True, check=False).returncode == 0  # noqa: S603, S607

    def start_redis(self):
        subprocess.run(  # noqa: S603 - as tools/prod-local.sh starts it
            [  # noqa: S607
                "redis-server",
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--daemonize",
                "yes",
                "--dir",
                str(STACK_DIR / "redis"),
                "--pidfile",
                str(self.run_dir / "redis.pid"),
                "--logfile",
                str(self.log_dir / "redis.log"),
                "--save",
                "3600 1 300 100 60 10000",
                "--appendonly",
                "no",
            ],
            check=True,
        )

    def pg_ctl(self, *args):
        pgbin = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
        command = [str(pgbin / "pg_ctl"), "-D", str(STACK_DIR / "pg"), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, cwd=STACK_DIR, check=True, capture_output=True)  # noqa: S603

    def restart_postgres(self):
        port = self.env["PROD_LOCAL_PG_PORT"]
        self.pg_ctl("-l", str(self.log_dir / "postgresql.log"), "-w", "-m", "fast", "-o", f"-p {port}", "restart")

    def kill_app_worker(self):
        """SIGKILL one gunicorn worker (a crash): the master starts another."""
        children = subprocess.run(["pgrep", "-P", str(self.pid("gunicorn"))], capture_output=True, text=True)  # noqa: S603, S607
        os.kill(int(children.stdout.split()[0]), signal.SIGKILL)

    def stop_worker(self):
        os.kill(self.pid("worker"), signal.SIGTERM)
        wait_until(lambda: not alive(self.pid("worker")), timeout=30)

    def start_worker(self):
        with open(self.log_dir / "worker.log", "ab") as worker_log:
            worker = subprocess.Popen(  # noqa: S603
                [str(BASE_DIR / ".venv/bin/python"), "manage.py", "run_schedule"],
                cwd=BASE_DIR,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=worker_log,
                stderr=worker_log,
                start_new_session=True,
            )
        (self.run_dir / "worker.pid").write_text(f"{worker.pid}\n")

    def health(self):
        try:
            return requests.get(self.app + "/health/", timeout=3).status_code
        except requests.RequestException:
            return 0


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_until(condition, timeout=20):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        time.sleep(0.1)


SCHEDULE_CODE = """
import datetime as dt, sys
from django.utils import timezone
from redaksi.articles.models import ArticlePage
source = ArticlePage.objects.live().order_by("pk").first()
ids = []
for n, delay in enumerate([{delays}]):
    attrs = {{"slug": f"fault-{{timezone.now():%H%M%S}}-{{n}}", "title": f"Fault story {{n}}"}}
    draft = source.copy(update_attrs=attrs, keep_live=False, copy_revisions=False, log_action=None)
    draft.go_live_at = timezone.now() + dt.timedelta(seconds=delay)
    draft.save_revision().publish()
    ids.append(draft.pk)
sys.stdout.write(" ".join(map(str, ids)))
"""

CHECK_CODE = """
import json, sys
from wagtail.models import PageLogEntry
from redaksi.articles.models import ArticlePage
ids = [{ids}]
live = dict(ArticlePage.objects.filter(pk__in=ids).values_list("pk", "live"))
actions = ("wagtail.publish", "wagtail.publish.scheduled")  # by hand, by the schedule worker
published = {{pk: PageLogEntry.objects.filter(page_id=pk, action__in=actions).count() for pk in ids}}
sys.stdout.write(json.dumps({{"live": live, "published": published}}))
"""

READS_CODE = """
import sys
from django.db.models import Sum
from redaksi.readership.models import HourlyReads
sys.stdout.write(str(HourlyReads.objects.filter(article_id={story}).aggregate(total=Sum("reads"))["total"] or 0))
"""


def schedule_stories(stack, delays):
    return [
        int(pk) for pk in stack.manage("shell", code=SCHEDULE_CODE.format(delays=", ".join(map(str, delays)))).split()
    ]


FAULTS = {
    # name: (stop, start or None: the stop is the whole fault, whether scheduled stories are due during it)
    "redis": ("stop_redis", "start_redis", False),
    "postgresql": ("restart_postgres", None, True),
    "app worker": ("kill_app_worker", None, False),
    "schedule worker": ("stop_worker", "start_worker", True),
}


def run_fault(stack, load, name, args):
    """Baseline, the fault (held args.fault_seconds when it has a restart step), observation; the figures."""
    stop, start, scheduled = FAULTS[name]
    stories = (
        schedule_stories(stack, [args.baseline + 2 + n * 4 for n in range(SCHEDULED_PER_FAULT)]) if scheduled else []
    )
    time.sleep(args.baseline)
    began = load.now()
    log.info("fault %s: %s", name, stop)
    getattr(stack, stop)()
    if start:
        time.sleep(args.fault_seconds)
        getattr(stack, start)()
    restarted = load.now()
    healthy = None
    deadline = time.monotonic() + args.observe
    while time.monotonic() < deadline:
        if healthy is None and stack.health() == 200:
            healthy = load.now() - restarted
        time.sleep(0.5)
    return {
        "name": name,
        "began": began,
        "restarted": restarted,
        "ended": load.now(),
        "stories": stories,
        "health_200_after_restart_s": None if healthy is None else round(healthy, 1),
    }


def summarise(fault, samples):
    """The fault's window (its start to the end of observation): failures per target, stale pages, recovery."""
    window = [s for s in samples if fault["began"] <= s.at < fault["ended"]]
    summary = {
        "name": fault["name"],
        "fault_s": round(fault["restarted"] - fault["began"], 1),
        "health_200_after_restart_s": fault["health_200_after_restart_s"],
    }
    for target in ("edge", "app", "pixel"):
        mine = [s for s in window if s.target == target]
        summary[target] = {
            "requests": len(mine),
            "5xx": sum(500 <= s.status < 600 for s in mine),
            "no_answer": sum(s.status == 0 for s in mine),
            "stale": sum(s.stale for s in mine),
            "hits": sum(s.x_cache == "HIT" for s in mine),
        }
    failed = [s.at + s.seconds for s in window if s.status == 0 or s.status >= 500]
    summary["recovery_s"] = round(max(0.0, max(failed) - fault["restarted"]), 1) if failed else 0.0
    return summary


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fault-seconds", type=float, default=17, help="how long a stopped part stays down")
    parser.add_argument("--baseline", type=float, default=10, help="seconds of load before each fault")
    parser.add_argument("--observe", type=float, default=30, help="seconds of load after each restart")
    parser.add_argument("--rate", type=float, default=8, help="requests a second to the app; the edge gets 2x")
    parser.add_argument("--pixels", type=float, default=4, help="read pixels a second, each from a new address")
    parser.add_argument("--stories", type=int, default=30, help="corpus stories in a new stack")
    parser.add_argument("--only", nargs="*", choices=list(FAULTS), help="run these faults only")
    parser.add_argument("--keep", action="store_true", help="leave the stack running")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results path without extension")
    return parser.parse_args(argv)


def reader_urls(stack):
    """The home page, its sections and the stories it links to: what readers ask for."""
    html = requests.get(stack.app + "/", timeout=120).text  # a cold first render on a busy machine
    stories = sorted(set(re.findall(r'href="(/read\d+/[^"#?]+)"', html)))[:20]
    sections = sorted(set(re.findall(r'href="(/[a-z-]+/)"', html)) - {"/cari/", "/admin/", "/en/"})[:5]
    return ["/", "/indeks/", *sections, *stories], int(re.search(r"/read(\d+)/", stories[0]).group(1))


def main(argv=None):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    args = parse_args(argv)
    stack = Stack(PORTS, args.stories)
    stack.prod_local("start")
    try:
        report = measure(stack, args)
    finally:
        if not args.keep:
            stack.prod_local("stop")
    write(report, args.out)


def measure(stack, args):
    urls, story_id = reader_urls(stack)
    reads_before = int(stack.manage("shell", code=READS_CODE.format(story=story_id)))
    load = Load(stack, urls, story_id, {"edge": 2 * args.rate, "app": args.rate, "pixel": args.pixels})
    loader = threading.Thread(target=load.run)
    loader.start()
    faults = []
    try:
        for name in args.only or FAULTS:
            faults.append(run_fault(stack, load, name, args))
    finally:
        load.stopping.set()
        loader.join()
    time.sleep(12)  # the worker's next pass moves the reads waiting in Redis; held reads went with the load
    stack.manage("flush_reads")
    counted = int(stack.manage("shell", code=READS_CODE.format(story=story_id))) - reads_before
    stories = [pk for fault in faults for pk in fault["stories"]]
    published = (
        json.loads(stack.manage("shell", code=CHECK_CODE.format(ids=", ".join(map(str, stories))))) if stories else {}
    )
    answered = sum(s.target == "pixel" and s.status == 200 for s in load.samples)
    sent = sum(s.target == "pixel" for s in load.samples)  # one unanswered (timed out) may still have counted
    return {
        "machine": machine(),
        "args": {k: v for k, v in vars(args).items() if k != "out"},
        "urls": urls,
        "faults": [summarise(fault, load.samples) for fault in faults],
        "whole_run": summarise(
            {"name": "whole run", "began": 0, "restarted": 0, "ended": 1e9, "health_200_after_restart_s": None},
            load.samples,
        ),
        "reads": {"sent": sent, "answered_200": answered, "counted": counted, "lost": max(0, answered - counted)},
        "scheduled": {
            "stories": len(stories),
            **published,
            "exactly_once": sum(n == 1 for n in published.get("published", {}).values()),
        },
    }


def write(report, out):
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    lines = [
        "# Faults under load (`make bench-faults`)",
        "",
        f"{report['machine']['date']}, commit {report['machine']['commit']}, {report['machine']['cpus']} cores. "
        f"Args: {report['args']}.",
        "",
        "| fault | down (s) | edge 5xx / no answer / stale / HIT | app 5xx / no answer | pixel 5xx / no answer "
        "| recovery (s) | /health/ 200 after (s) |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in [*report["faults"], report["whole_run"]]:
        edge, app, pixel = f["edge"], f["app"], f["pixel"]
        lines.append(
            f"| {f['name']} | {f['fault_s']} | {edge['5xx']} / {edge['no_answer']} / {edge['stale']} / {edge['hits']}"
            f" of {edge['requests']} | {app['5xx']} / {app['no_answer']} of {app['requests']} | {pixel['5xx']} / "
            f"{pixel['no_answer']} of {pixel['requests']} | {f['recovery_s']} | {f['health_200_after_restart_s']} |"
        )
    reads, scheduled = report["reads"], report["scheduled"]
    lines += [
        "",
        f"Reads: {reads['sent']} pixels sent, each from a new address, {reads['answered_200']} answered 200; "
        f"{reads['counted']} counted in the database; lost (answered 200, not counted): {reads['lost']}.",
        f"Scheduled stories due during the PostgreSQL and schedule-worker faults: {scheduled['stories']}, "
        f"published exactly once: {scheduled['exactly_once']}.",
        "",
    ]
    out.with_suffix(".md").write_text("\n".join(lines))


if __name__ == "__main__":
    main()
