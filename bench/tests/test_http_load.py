"""The pure parts of bench/http_load.py: the stack's env file, static copy paths, the target list."""

from bench import http_load


def test_env_file_exports_are_read_without_a_shell():
    text = "# Written by tools/prod-local.sh\nexport REDIS_URL='redis://127.0.0.1:6380/0'\nexport SECRET_KEY='a b=c'\n"

    assert http_load.parse_env_file(text) == {"REDIS_URL": "redis://127.0.0.1:6380/0", "SECRET_KEY": "a b=c"}


def test_static_copies_sit_where_nginx_finds_them_by_path():
    assert http_load.static_file("/") == "index.html"
    assert http_load.static_file("/global-connections/") == "global-connections/index.html"
    assert http_load.static_file("/indeks/?tanggal=2022-01-21") == "indeks/index.html"
    assert http_load.static_file("/read406/alot-rusia") == "read406/alot-rusia"


def test_every_page_is_measured_three_ways_next_to_wordpress():
    urls = {"uncached": "http://127.0.0.1:8001", "edge": "http://127.0.0.1:8080", "static": "http://127.0.0.1:8084"}

    found = http_load.targets({"article": "/read1/x", "indeks": "/indeks/?tanggal=2022-01-21"}, urls, "/alot/")

    assert found == {
        "wp_article": "http://127.0.0.1:8081/alot/",
        "wp_home": "http://127.0.0.1:8081/",
        "wp_category": "http://127.0.0.1:8081/category/news/",
        "static_article": "http://127.0.0.1:8082/alot/",
        "redaksi_article": "http://127.0.0.1:8001/read1/x",
        "edge_article": "http://127.0.0.1:8080/read1/x",
        "static_redaksi_article": "http://127.0.0.1:8084/read1/x",
        "redaksi_indeks": "http://127.0.0.1:8001/indeks/?tanggal=2022-01-21",
        "edge_indeks": "http://127.0.0.1:8080/indeks/?tanggal=2022-01-21",
        "static_redaksi_indeks": "http://127.0.0.1:8084/indeks/?tanggal=2022-01-21",
    }
