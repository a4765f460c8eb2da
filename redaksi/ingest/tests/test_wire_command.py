"""manage.py ingest_wire polls sources on demand and reports per source."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ..models import WireItem
from .wiredata import drop, folder_source, ninjs_item

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("ingest_wire", *args, stdout=out)
    return out.getvalue()


def test_polls_every_enabled_source_and_reports_it(tmp_path):
    source = folder_source(tmp_path / "antara")
    drop(source.folder, "1.json", ninjs_item())
    folder_source(tmp_path / "off", name="Mati", enabled=False)

    output = run()

    assert "Antara (folder): 1 new, 0 updated, 0 withdrawn, 0 ignored" in output
    assert "Mati" not in output
    assert WireItem.objects.count() == 1
    assert "0 new, 0 updated, 0 withdrawn, 1 ignored" in run("Antara (folder)")


def test_an_unknown_name_is_refused_with_the_known_ones(tmp_path):
    folder_source(tmp_path / "antara")
    with pytest.raises(CommandError, match=r"unknown wire source\(s\): Reuters; sources: Antara \(folder\)"):
        run("Reuters")


def test_a_source_error_fails_the_command_after_reporting_it(tmp_path):
    source = folder_source(tmp_path / "antara")
    drop(source.folder, "rusak.json", b"{not json")
    with pytest.raises(CommandError, match="some sources reported errors"):
        run()
    source.refresh_from_db()
    assert "rusak.json" in source.last_error
