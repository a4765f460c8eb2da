"""manage.py import_wxr: a dry run's plan, a summary with pace, a progress bar on terminals only, clear errors."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .wxr_support import NEWSROOM, newsroom_run_options, rows, uploads_folder  # noqa: F401 (fixtures)


class Terminal(StringIO):
    def isatty(self):
        return True


def run(*args, stderr=None):
    out, err = StringIO(), stderr or StringIO()
    call_command("import_wxr", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_dry_run_prints_the_plan_and_writes_nothing(news):
    before = rows()

    out, _err = run(NEWSROOM, "--dry-run", "--section-default", "news")

    assert rows() == before
    assert "wxr:https://lama.example.co.id, WXR 1.2" in out
    assert "post: 7 to create, 0 to update, 0 to skip" in out
    assert "not imported: 1 nav_menu_item (publish)" in out


def test_an_import_reports_what_it_did_and_its_pace(news, uploads):
    out, err = run(NEWSROOM, "--uploads", uploads, "--category", "berita=section:news", "--section-default", "umum")

    assert "post: 7 create" in out and "attachment: 1 create" in out
    assert "warnings (body): 2" in out
    assert "comments kept: 2; redirects: 17" in out
    assert "8 posts and pages in" in out and "/s)" in out
    assert "warning (body): post 11: script dropped" in err
    assert "\r[" not in err  # not a terminal: no progress bar


def test_a_second_run_skips_everything(news, uploads):
    run(NEWSROOM, "--uploads", uploads, "--section-default", "news")

    out, _err = run(NEWSROOM, "--uploads", uploads, "--section-default", "news", "--dry-run")

    assert "post: 0 to create, 0 to update, 7 to skip" in out


def test_a_terminal_gets_a_progress_bar(news, uploads):
    _out, err = run(NEWSROOM, "--uploads", uploads, "--section-default", "news", "--batch-size", "3", stderr=Terminal())

    assert err.count("\r[") == 4  # one draw per batch: 6 authors and terms, then 9 photos, posts, pages by 3
    assert "] 15/15\n" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--category", "berita"], "use SLUG=tag or SLUG=section:<section-slug>"),
        (["--category", "nope=tag"], "--category nope: no such category"),
        (["--section-default", "Not a slug"], "is not a slug"),
    ],
)
def test_bad_options_are_command_errors(news, args, message):
    with pytest.raises(CommandError, match=message):
        run(NEWSROOM, *args)


def test_a_broken_file_is_a_command_error_naming_file_and_line(news, tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text(NEWSROOM.read_text().replace("</channel>", ""))
    before = rows()

    with pytest.raises(CommandError, match=rf"{broken}:\d+: not well-formed XML"):
        run(broken)

    assert rows() == before
