"""Without its data files the demo stops with an error naming them, and saves nothing."""

from pathlib import Path

import pytest
from django.core.management import CommandError
from wagtail.models import Page

from redaksi.demo import services

from .conftest import load_demo

pytestmark = pytest.mark.django_db


def test_missing_corpus_file_is_named(home, monkeypatch, tmp_path):
    missing = tmp_path / "indosum-subset.jsonl"
    monkeypatch.setattr(services, "SUBSET", missing)
    with pytest.raises(CommandError, match=str(missing)):
        load_demo()
    assert Page.objects.count() == 2


def test_a_failure_midway_rolls_everything_back(home, monkeypatch):
    def broken_import(stdout):
        raise RuntimeError("importer failed")

    monkeypatch.setattr(services, "import_seed", broken_import)
    with pytest.raises(RuntimeError):
        load_demo()
    assert Page.objects.count() == 2


def test_negative_story_count_is_refused(home):
    with pytest.raises(CommandError, match="--stories"):
        load_demo("--stories", "-1")


def test_data_files_ship_with_the_package():
    data = Path(services.__file__).parent / "data"
    assert (data / "LICENSE-indosum.md").read_text().count("CC BY-SA 4.0") >= 1
    services.check_data_files()
