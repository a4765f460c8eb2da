"""`make prod-local` for real: tools/prod-local.sh starts its own stack on free ports, serves, and stops clean.

Independent of the test database: the stack has its own PostgreSQL cluster, Redis, gunicorn and Varnish.
"""

import gzip
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from redaksi.core.tests.edge import free_port

pytestmark = [pytest.mark.slow, pytest.mark.stack]

SCRIPT = settings.BASE_DIR / "tools" / "prod-local.sh"
ONE_YEAR = 365 * 24 * 3600
# The test run's own configuration must not leak into the stack: it writes and reads its own env file.
OWN_VARIABLES = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "EDGE_CACHE_URL", "REDAKSI_VAR_DIR")


def descendants(pids):
    """The processes started by pids, found through /proc."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), list(pids)
    while todo:
        pid = todo.pop()
        found.add(pid)
        todo.extend(children.get(pid, []))
    return found


def running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"


class Stack:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="redaksi-prod-local-"))
        self.dir.chmod(0o755)  # PostgreSQL and Varnish drop root for their own users: they must reach it
        self.ports = {name: free_port() for name in ("EDGE", "APP", "PG", "REDIS")}
        self.env = {key: value for key, value in os.environ.items() if key not in OWN_VARIABLES}
        self.env.update({f"PROD_LOCAL_{name}_PORT": str(port) for name, port in self.ports.items()})
        self.env.update(PROD_LOCAL_DIR=str(self.dir), PROD_LOCAL_DEMO_STORIES="0", WEB_CONCURRENCY="2")

    def run(self, command):
        return subprocess.run(
            [str(SCRIPT), command], env=self.env, capture_output=True, text=True, timeout=240, check=False
        )

    def url(self, name, path):
        return f"http://127.0.0.1:{self.ports[name]}{path}"

    def pids(self):
        pidfiles = [*self.dir.glob("run/*.pid"), self.dir / "pg" / "postmaster.pid"]
        return {int(path.read_text().split()[0]) for path in pidfiles if path.exists()}


def get(url, **headers):
    """One GET, redirects not followed: status, headers (lower-case names), body bytes."""
    address = urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        connection.request("GET", address.path, headers=headers)
        answer = connection.getresponse()
        return answer.status, {name.lower(): value for name, value in answer.getheaders()}, answer.read()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def stack():
    stack = Stack()
    try:
        stack.started = stack.run("start")
        assert stack.started.returncode == 0, stack.started.stdout + stack.started.stderr
        yield stack
    finally:
        stack.run("stop")
        shutil.rmtree(stack.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def seed_path(stack):
    url = re.search(r"^Seed story: (\S+)$", stack.started.stdout, re.MULTILINE).group(1)
    return url.removeprefix(stack.url("EDGE", ""))


def test_a_port_in_use_stops_start_naming_the_variable_to_change():
    other = Stack()
    try:
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", other.ports["PG"]))
            taken.listen()
            started = other.run("start")
        assert started.returncode == 1
        assert f"127.0.0.1:{other.ports['PG']} is taken" in started.stderr
        assert "PROD_LOCAL_PG_PORT" in started.stderr
    finally:
        other.run("stop")
        shutil.rmtree(other.dir, ignore_errors=True)


def test_start_prints_the_urls_and_the_admin_login(stack):
    out = stack.started.stdout
    assert f"readers  {stack.url('EDGE', '/')}" in out
    assert f"app      {stack.url('APP', '/')}" in out
    assert f"admin    {stack.url('EDGE', '/admin/')}  (user admin" in out
    assert "Username:   admin" in out


def test_env_file_points_manage_py_at_the_stack(stack):
    script = f"set -a; . {stack.dir}/env; set +a; env"
    env = dict(
        line.split("=", 1)
        for line in subprocess.check_output(["/bin/sh", "-c", script], env={}, text=True).splitlines()
    )
    assert env["DJANGO_SETTINGS_MODULE"] == "redaksi.settings.production"
    assert env["REDIS_URL"] == f"redis://127.0.0.1:{stack.ports['REDIS']}/0"
    assert env["EDGE_CACHE_URL"] == stack.url("EDGE", "")
    assert env["DATABASE_URL"].endswith(f"@127.0.0.1:{stack.ports['PG']}/redaksi")


def test_seed_article_is_cached_by_the_edge(stack, seed_path):
    status, headers, body = get(stack.url("EDGE", seed_path))
    assert status == 200
    assert "Alot, Rusia Bilang" in body.decode()
    status, headers, _ = get(stack.url("EDGE", seed_path))
    assert headers["x-cache"] == "HIT"


def test_seed_article_straight_from_gunicorn(stack, seed_path):
    status, headers, body = get(stack.url("APP", seed_path))
    assert status == 200
    assert "x-cache" not in headers
    assert "Alot, Rusia Bilang" in body.decode()


def test_hashed_css_is_compressed_and_cached_for_a_year(stack, seed_path):
    _, _, body = get(stack.url("APP", seed_path))
    css = re.search(r'href="(/static/redaksi/css/site\.[0-9a-f]{12}\.css)"', body.decode()).group(1)
    for server in ("APP", "EDGE"):
        status, headers, compressed = get(stack.url(server, css), **{"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["content-encoding"] == "gzip"
        max_age = int(re.search(r"max-age=(\d+)", headers["cache-control"]).group(1))
        assert max_age >= ONE_YEAR
        assert b"{" in gzip.decompress(compressed)
    _, headers, _ = get(stack.url("APP", css), **{"Accept-Encoding": "br"})
    assert headers["content-encoding"] == "br"


def test_health_is_ok_through_the_edge(stack):
    status, _, body = get(stack.url("EDGE", "/health/"))
    assert status == 200
    assert json.loads(body)["status"] == "ok"


def test_start_again_says_it_is_running(stack):
    again = stack.run("start")
    assert again.returncode == 0
    assert "already running" in again.stdout
    status = stack.run("status").stdout
    assert status.count(" running (pid ") == 5


def test_stop_leaves_no_process_behind(stack):
    processes = descendants(stack.pids())
    assert len(processes) >= 5 + 2  # the five services, gunicorn's two workers and more
    stopped = stack.run("stop")
    assert stopped.returncode == 0, stopped.stderr
    assert [pid for pid in processes if running(pid)] == []
    assert stack.run("status").stdout.count(" stopped") == 5
