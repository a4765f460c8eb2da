"""Reader pages under load: Redaksi uncached and through Varnish, WordPress and nginx static, in one run.

`make bench-http`. Sets up the WordPress/nginx anchors of ../shared/bench (classic theme), starts the
production-like stack (tools/prod-local.sh, state in var/bench/prod-local), copies Redaksi's article, home,
section and Indeks HTML into an nginx of its own as static files, then lets the kit's anchors-run.sh measure
every target in the same interleaved rounds: Redaksi straight from gunicorn (the edge bypassed), the same
pages through Varnish, their static copies, and WordPress's article, home and category. Then times
publish-to-visible through the edge (bench/publish_visible.py) and, unless --no-block-theme, measures
WordPress's block theme in a second, shorter kit run. Stops everything it started, also on failure.

Results: bench/results/http-load.{json,md}; the kit's raw wrk output stays in var/bench/http-load/.
The kit's knobs (WRK_DURATION, ANCHORS_REPS, ...) and prod-local's ports pass through the environment.

    .venv/bin/python bench/http_load.py [--publish-reps 10] [--no-block-theme]
"""

import argparse
import gzip
import json
import logging
import os
import shlex
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path

import requests

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench import load_results  # noqa: E402
from bench.machine import machine  # noqa: E402

KIT = BASE_DIR.parent / "shared" / "bench"
WORK_DIR = BASE_DIR / "var" / "bench" / "http-load"
STACK_DIR = BASE_DIR / "var" / "bench" / "prod-local"
RESULTS = BASE_DIR / "bench" / "results" / "http-load"
CLASSIC, BLOCK = "twentytwentyone", "twentytwentythree"
SERVER_COMMS = "nginx,php-fpm8.2,mariadbd,wrk,gunicorn,postgres,varnishd,cache-main,redis-server"
WP = "http://127.0.0.1:8081"
log = logging.getLogger("bench.http_load")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--publish-reps", type=int, default=10, help="publishes timed per kind")
    parser.add_argument("--static-port", type=int, default=8084, help="loopback port of the static copies' nginx")
    parser.add_argument("--no-block-theme", action="store_true", help="skip the WordPress block-theme run")
    parser.add_argument("--no-gzip-run", action="store_true", help="skip the edge-vs-static run accepting gzip")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results path without extension")
    return parser.parse_args(argv)


def ports():
    """The stack's loopback addresses, as tools/prod-local.sh chooses them."""
    return {
        "uncached": f"http://127.0.0.1:{os.environ.get('PROD_LOCAL_APP_PORT', '8001')}",
        "edge": f"http://127.0.0.1:{os.environ.get('PROD_LOCAL_EDGE_PORT', '8080')}",
    }


def run(command, **kwargs):
    log.info("$ %s", shlex.join(map(str, command)))
    return subprocess.run(command, check=True, **kwargs)  # noqa: S603


def kit_running():
    status = subprocess.run(["bash", KIT / "anchors-ctl.sh", "status"], capture_output=True, text=True)  # noqa: S603, S607
    return "not running" not in status.stdout


@contextmanager
def anchors(theme):
    """The kit's servers set up with `theme` on both WordPress sites; stopped at the end unless they ran before."""
    was_running = kit_running()
    try:
        with open(WORK_DIR / f"anchors-setup-{theme}.log", "w") as setup_log:
            run(["bash", KIT / "anchors-setup.sh"], env={**os.environ, "ANCHORS_THEME": theme}, stdout=setup_log)
        yield (Path(os.environ.get("ANCHORS_STATE", "/var/lib/wp-anchors")) / "article-path").read_text().strip()
    finally:
        if not was_running:
            run(["bash", KIT / "anchors-ctl.sh", "stop"])


@contextmanager
def stack():
    """tools/prod-local.sh on its own state folder; stopped at the end unless every part of it ran before."""
    env = {**os.environ, "PROD_LOCAL_DIR": str(STACK_DIR)}
    status = subprocess.run(["tools/prod-local.sh", "status"], cwd=BASE_DIR, env=env, capture_output=True, text=True)  # noqa: S603, S607
    was_running = STACK_DIR.exists() and "stopped" not in status.stdout
    try:
        run(["tools/prod-local.sh", "start"], cwd=BASE_DIR, env=env)
        yield
    finally:
        if not was_running:
            run(["tools/prod-local.sh", "stop"], cwd=BASE_DIR, env=env)


def parse_env_file(text):
    """The variables a prod-local env file exports (`export NAME='value'` lines)."""
    exported = {}
    for line in text.splitlines():
        if line.startswith("export "):
            name, _sep, value = shlex.split(line.removeprefix("export "))[0].partition("=")
            exported[name] = value
    return exported


def connect_django():
    """Django in this process, configured as the stack's app servers are (its env file)."""
    os.environ.update(parse_env_file((STACK_DIR / "env").read_text()))
    import django

    django.setup()
    logging.getLogger().setLevel(logging.WARNING)
    logging.getLogger("bench").setLevel(logging.INFO)


def redaksi_paths():
    """Path (with query) of the seed story, its section, home and the Indeks of the seed's day."""
    from bench.reader_pages import page_urls

    urls = page_urls()
    return {"article": urls["article"], "home": urls["home"], "section": urls["section"], "indeks": urls["Indeks"]}


def static_copies(app_url, paths, root):
    """Save each page as the app renders it under `root`, where nginx finds it by path (query ignored).

    A gzip -6 copy sits next to each file: nginx sends it to clients accepting gzip (gzip_static), as
    Varnish sends its stored gzipped copy.
    """
    for path in paths.values():
        response = requests.get(f"{app_url}{path}", timeout=30)
        response.raise_for_status()
        file = root / static_file(path)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(response.content)
        file.with_name(f"{file.name}.gz").write_bytes(gzip.compress(response.content, 6))
    root.chmod(0o755)


def static_file(path):
    """Relative file for a URL path: a trailing slash means index.html, the query string is dropped."""
    path = path.split("?", 1)[0].lstrip("/")
    return f"{path}index.html" if path == "" or path.endswith("/") else path


NGINX_CONF = """# bench/http_load.py: Redaksi's pages as static files, with the anchor kit's nginx settings.
worker_processes auto;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type text/html;
    sendfile on;
    gzip_static on;
    tcp_nopush on;
    keepalive_timeout 65;
    server_tokens off;
    access_log off;
    client_body_temp_path {dir}/tmp-body;
    proxy_temp_path {dir}/tmp-proxy;
    fastcgi_temp_path {dir}/tmp-fastcgi;
    uwsgi_temp_path {dir}/tmp-uwsgi;
    scgi_temp_path {dir}/tmp-scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""


@contextmanager
def static_nginx(root, port):
    """An nginx of our own serving `root` on 127.0.0.1:`port`, stopped by its pid file at the end."""
    folder = WORK_DIR / "nginx"
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(dir=folder, port=port, root=root))
    run(["/usr/sbin/nginx", "-c", conf])
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        pid = folder / "nginx.pid"
        if pid.exists():
            os.kill(int(pid.read_text()), 15)


def targets(paths, urls, wordpress_article):
    """name -> URL of every load target in the main run: WordPress, its static copy, Redaksi three ways."""
    found = {
        "wp_article": f"{WP}{wordpress_article}",
        "wp_home": f"{WP}/",
        "wp_category": f"{WP}/category/news/",
        "static_article": f"http://127.0.0.1:8082{wordpress_article}",
    }
    for page, path in paths.items():
        names = load_results.target_names(page)
        found |= {names[way]: f"{urls[way]}{path}" for way in ("uncached", "edge", "static")}
    return found


def kit_run(label, named_urls):
    """anchors-run.sh over `named_urls` (due WP-Cron events run first); return its results folder."""
    folder = WORK_DIR / f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{label}"
    for config, url in (("anchors-wp31", WP), ("anchors-wp10k", "http://127.0.0.1:8083")):
        run(["runuser", "-u", "www-data", "--", "php", KIT / "lib" / "wp-cron-run.php", config, url])
    env = {
        **os.environ,
        "ANCHORS_TARGETS": " ".join(f"{name}|{url}" for name, url in named_urls.items()),
        "ANCHORS_OUT": str(folder),
        "ANCHORS_SERVER_COMMS": SERVER_COMMS,
    }
    run(["bash", KIT / "anchors-run.sh"], env=env)
    return folder


def gzip_run(main_targets):
    """The edge and the static copies again as browsers ask, accepting gzip: the kit's wrk wrapper, same settings.

    The kit's anchors-run.sh sends no Accept-Encoding, so Varnish gunzips its stored copy for every request
    there; readers' browsers take the gzipped bytes as stored. Interleaved rounds, order rotated, as the kit.
    """
    folder = WORK_DIR / f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-gzip"
    folder.mkdir(parents=True)
    named = {f"{name}_gzip": url for name, url in main_targets.items() if name.startswith(("edge_", "static_redaksi_"))}
    knobs = wrk_settings()
    wrk = [f"-t{knobs['wrk_threads']}", f"-c{knobs['wrk_conns']}", f"-d{knobs['wrk_duration']}", "--latency"]
    wrk += ["--timeout", os.environ.get("WRK_TIMEOUT", "10s"), "-H", "Accept-Encoding: gzip"]
    names = list(named)
    for rep in range(1, int(knobs["anchors_reps"]) + 1):
        for k in range(len(names)):
            name = names[(k + rep - 1) % len(names)]
            command = [KIT / "lib" / "wrk_run.py", name, named[name], "run", str(rep), folder / "results.jsonl", "--"]
            run(["/usr/bin/python3", *command, *wrk])
            time.sleep(2)
    return folder


def summarize_run(folder):
    rows, pages = load_results.read_run(folder)
    return {"folder": str(folder), "targets": load_results.summarize(rows, pages, set(SERVER_COMMS.split(",")))}


def edge_states(named_urls):
    """X-Cache of a second request to each through-Varnish target: HIT shows the edge really caches it."""
    states = {}
    for name, url in named_urls.items():
        if name.startswith("edge_"):
            requests.get(url, timeout=30)
            states[name] = requests.get(url, timeout=30).headers.get("X-Cache")
    return states


def measure_publish(edge_url, reps):
    from bench.publish_visible import PublishBench
    from bench.reader_pages import SEED_GUID
    from redaksi.articles.models import ArticlePage

    bench = PublishBench(edge_url, ArticlePage.objects.get(guid=SEED_GUID))
    try:
        return bench.measure(reps)
    finally:
        bench.restore()


def measure(args, result):
    """Every measurement, with each server started here stopped again however it ends."""
    with ExitStack() as started:
        wordpress_article = started.enter_context(anchors(CLASSIC))
        started.enter_context(stack())
        connect_django()
        paths, urls = redaksi_paths(), ports()
        static_copies(urls["uncached"], paths, WORK_DIR / "static")
        urls["static"] = started.enter_context(static_nginx(WORK_DIR / "static", args.static_port))
        main_targets = targets(paths, urls, wordpress_article)
        result["pages"] = paths
        result["edge_cache_before"] = edge_states(main_targets)
        result["runs"]["classic"] = summarize_run(kit_run("classic", main_targets))
        if not args.no_gzip_run:
            result["runs"]["gzip"] = summarize_run(gzip_run(main_targets))
        result["publish_to_visible"] = measure_publish(urls["edge"], args.publish_reps)
        if not args.no_block_theme:
            result["runs"]["block"] = block_theme_run(main_targets, wordpress_article)


def block_theme_run(main_targets, wordpress_article):
    """WordPress's default block theme next to Redaksi's uncached article, in a second kit run."""
    with anchors(BLOCK):
        named = {f"{name}_block": main_targets[name] for name in ("wp_article", "wp_home", "wp_category")}
        named["redaksi_article_block"] = main_targets["redaksi_article"]  # its own name: the runs' targets merge
        return summarize_run(kit_run("block", named))


def main(argv=None):
    logging.basicConfig(format="%(message)s", stream=sys.stdout, level=logging.INFO)
    args = parse_args(argv)
    if not (KIT / "anchors-run.sh").exists():
        raise SystemExit(f"the anchor kit is missing: {KIT} (see docs/performance.md)")
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    result = {"machine": machine(), "wrk": wrk_settings(), "wordpress_theme": CLASSIC, "runs": {}}
    started = time.monotonic()
    measure(args, result)
    gzip_targets = result["runs"].get("gzip", {}).get("targets")
    result["comparisons"] = load_results.comparisons(result["runs"]["classic"]["targets"], gzip_targets)
    if "block" in result["runs"]:
        result["comparisons"].append(block_comparison(result["runs"]["block"]["targets"]))
    result["duration_s"] = round(time.monotonic() - started)
    args.out.with_suffix(".json").write_text(json.dumps(result, indent=1) + "\n")
    table = load_results.render(result)
    args.out.with_suffix(".md").write_text(table + "\n")
    log.info("%s\nwritten %s.{json,md}", table, args.out)


def block_comparison(block_targets):
    return load_results.compare(
        block_targets, "article uncached ÷ WordPress block theme", "redaksi_article_block", "wp_article_block", None
    )


def wrk_settings():
    """The kit's load settings this run used (its environment knobs, else its defaults)."""
    defaults = {"WRK_THREADS": "2", "WRK_CONNS": "16", "WRK_DURATION": "15s", "ANCHORS_REPS": "3"}
    return {name.lower(): os.environ.get(name, default) for name, default in defaults.items()}


if __name__ == "__main__":
    main()
