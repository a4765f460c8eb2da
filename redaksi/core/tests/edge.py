"""A real Varnish in front of the test server, with the project's VCL: `edge_cache(app_url)` and `Edge.get`.

Each edge runs its own varnishd on a free loopback port with its own -n folder, removed when it stops.
"""

import http.client
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

VCL_DIR = Path(__file__).resolve().parents[3] / "deploy" / "varnish"
START_SECONDS = 20


@dataclass
class Response:
    status: int
    headers: dict
    body: str

    @property
    def cache(self):
        return self.headers.get("x-cache")


@dataclass
class Edge:
    url: str
    port: int

    def get(self, path, method="GET", **headers):
        """One request through the edge, redirects not followed; header names come back lower-case."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, headers=headers)
            answer = connection.getresponse()
            body = answer.read().decode("utf-8", "replace")
            return Response(answer.status, {k.lower(): v for k, v in answer.getheaders()}, body)
        finally:
            connection.close()

    @property
    def frontend_cache(self):
        """The WAGTAILFRONTENDCACHE setting that purges this edge."""
        return {"edge": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": self.url}}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process):
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"varnishd exited with {process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"varnishd did not listen on {port} within {START_SECONDS} s")


@contextmanager
def edge_cache(app_url):
    """Run varnishd with deploy/varnish/redaksi.vcl in front of the app at `app_url`; yield an Edge."""
    app = urlsplit(app_url)
    run = Path(tempfile.mkdtemp(prefix="redaksi-edge-"))
    run.chmod(0o755)  # varnishd compiles the VCL as its own unprivileged user
    (run / "backend.vcl").write_text(f'backend default {{ .host = "127.0.0.1"; .port = "{app.port}"; }}\n')
    port = free_port()
    command = ["varnishd", "-F", "-n", str(run / "n"), "-a", f"127.0.0.1:{port}", "-s", "malloc,64m"]
    command += ["-f", str(VCL_DIR / "redaksi.vcl"), "-p", f"vcl_path={run}:{VCL_DIR}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(port, process)
        yield Edge(f"http://127.0.0.1:{port}", port)
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(run, ignore_errors=True)
