"""A real redis-server for tests and benchmarks: Debian's, on a free loopback port, nothing saved to disk.

`tools/system-deps.sh test` installs it on a fresh machine.
"""

import shutil
import signal
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
    with restartable_redis() as server:
        yield server.url


class RedisServer:
    """A redis-server on one loopback port that can be stopped and started again there (an outage)."""

    def __init__(self, binary, folder):
        self.binary, self.folder, self.process, self.port = binary, folder, None, None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        """Start on self.port, or on a free port the first time; raise if it does not answer."""
        for attempt in range(ATTEMPTS):
            port = self.port or free_port()
            self.process = subprocess.Popen(  # noqa: S603 - Debian's binary, fixed arguments
                [self.binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", self.folder]
                + ["--save", "", "--appendonly", "no"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if wait_until_ready(self.process, f"redis://127.0.0.1:{port}/0"):
                self.port = port
                return
            stop(self.process)
            if attempt == ATTEMPTS - 1 or self.port:
                raise RuntimeError(f"redis-server did not start on 127.0.0.1:{port}")

    def pause(self):
        """Freeze the server (SIGSTOP): clients time out, as with a hung Redis; its data stays."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        if self.process is not None:
            self.resume()
            stop(self.process)
            self.process = None


@contextmanager
def restartable_redis():
    """Start a RedisServer on a free port in a temporary folder, yield it, then shut it down."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is not installed: run tools/system-deps.sh test")
    with tempfile.TemporaryDirectory(prefix="redaksi-redis-") as folder:
        server = RedisServer(binary, folder)
        server.start()
        try:
            yield server
        finally:
            server.stop()


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
