"""A real redis-server for tests and benchmarks: Debian's, on a free loopback port, nothing saved to disk.

`tools/system-deps.sh test` installs it on a fresh machine.
"""

import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager

import redis

from redaksi.core.tests.edge import free_port

START_TIMEOUT = 10  # seconds
ATTEMPTS = 3  # a free port found may be taken by someone else before the server binds it


@contextmanager
def running_redis():
    """Start redis-server on a free 127.0.0.1 port in a temporary folder, yield its URL, then shut it down."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is not installed: run tools/system-deps.sh test")
    with tempfile.TemporaryDirectory(prefix="redaksi-redis-") as folder:
        for attempt in range(ATTEMPTS):
            port = free_port()
            server = subprocess.Popen(  # noqa: S603 - Debian's binary, fixed arguments
                [
                    binary,
                    "--port",
                    str(port),
                    "--bind",
                    "127.0.0.1",
                    "--dir",
                    folder,
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            url = f"redis://127.0.0.1:{port}/0"
            if wait_until_ready(server, url):
                break
            stop(server)
            if attempt == ATTEMPTS - 1:
                raise RuntimeError(f"redis-server did not start on 127.0.0.1:{port}")
        try:
            yield url
        finally:
            stop(server)


def wait_until_ready(server, url):
    """Whether the server answers PING before START_TIMEOUT (False if it exited: the port was taken)."""
    deadline = time.monotonic() + START_TIMEOUT
    client = redis.Redis.from_url(url, socket_connect_timeout=0.2)
    try:
        while time.monotonic() < deadline and server.poll() is None:
            try:
                return client.ping()
            except redis.ConnectionError:
                time.sleep(0.05)
        return False
    finally:
        client.close()


def stop(server):
    server.terminate()
    try:
        server.wait(timeout=START_TIMEOUT)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
