"""The editor's form as a browser posts it, the StreamField as Wagtail's editor names it, and the timing summary."""

from wagtail import blocks

from bench import publish_visible

EDIT_PAGE = """<html><body>
<form id="page-edit-form" method="post">
  <input type="hidden" name="csrfmiddlewaretoken" value="tok">
  <input type="text" name="title" value="Menteri baru">
  <textarea name="standfirst">Dua kalimat.</textarea>
  <select name="editor"><option value="">---</option><option value="7" selected>Ani</option></select>
  <select name="kind"><option value="correction">Ralat</option><option value="update">Pembaruan</option></select>
  <select name="sections" multiple><option value="1" selected>A</option><option value="2" selected>B</option></select>
  <input type="checkbox" name="show_in_menus">
  <input type="checkbox" name="locked" checked>
  <input type="submit" name="action-publish" value="Publish">
  <input type="file" name="upload">
  <input type="hidden" name="corrections-TOTAL_FORMS" value="1">
  <template><input name="corrections-__prefix__-text" value=""></template>
  <input name="corrections-__prefix__-kind" value="correction">
</form>
<form id="other"><input name="q" value="x"></form>
</body></html>"""


def test_form_fields_are_what_the_browser_submits():
    fields = publish_visible.form_fields(EDIT_PAGE)

    assert fields == {
        "csrfmiddlewaretoken": "tok",
        "title": "Menteri baru",
        "standfirst": "Dua kalimat.",
        "editor": "7",
        "kind": "correction",
        "sections": ["1", "2"],
        "locked": "on",
        "corrections-TOTAL_FORMS": "1",
    }


def test_a_missing_form_is_named():
    try:
        publish_visible.form_fields("<html><body><p>Login</p></body></html>")
    except ValueError as error:
        assert "page-edit-form" in str(error)
    else:
        raise AssertionError("no error for a page without the form")


def test_a_new_inline_form_copies_the_panel_empty_form():
    fields = publish_visible.new_form_fields(EDIT_PAGE, "corrections", 1)

    assert fields == {"corrections-1-text": "", "corrections-1-kind": "correction"}


class Quote(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)


class Body(blocks.StreamBlock):
    heading = blocks.CharBlock()
    quote = Quote()
    points = blocks.ListBlock(blocks.CharBlock())


def test_stream_values_get_the_field_names_of_the_block_editor():
    body = Body()
    value = body.to_python(
        [
            {"type": "heading", "value": "Judul", "id": "h1"},
            {"type": "quote", "value": {"text": "Kata", "attribution": "Ani"}, "id": "q1"},
            {"type": "points", "value": [{"type": "item", "value": "satu", "id": "p1"}], "id": "l1"},
        ]
    )

    fields = publish_visible.block_fields(body, value, "body")

    assert fields == {
        "body-count": 3,
        **{f"body-{i}-deleted": "" for i in range(3)},
        **{f"body-{i}-order": i for i in range(3)},
        "body-0-type": "heading",
        "body-0-id": "h1",
        "body-0-value": "Judul",
        "body-1-type": "quote",
        "body-1-id": "q1",
        "body-1-value-text": "Kata",
        "body-1-value-attribution": "Ani",
        "body-2-type": "points",
        "body-2-id": "l1",
        "body-2-value-count": 1,
        "body-2-value-0-deleted": "",
        "body-2-value-0-order": 0,
        "body-2-value-0-id": "p1",
        "body-2-value-0-value": "satu",
    }


def test_the_headline_loses_a_suffix_an_interrupted_run_left():
    assert publish_visible.strip_marker("Menteri baru (uji 1a2b3c4d)") == "Menteri baru"
    assert publish_visible.strip_marker("Menteri (baru) dilantik") == "Menteri (baru) dilantik"


def test_reps_summarise_to_p50_and_max_per_page():
    reps = [
        {"post_ms": 400.0, "visible_ms": {"/a": 450.0, "/": 500.0}, "cached_before": True},
        {"post_ms": 600.0, "visible_ms": {"/a": 650.0, "/": None}, "cached_before": False},
        {"post_ms": 500.0, "visible_ms": {"/a": 550.0, "/": 520.0}, "cached_before": True},
    ]

    summary = publish_visible.summarize_reps(reps)

    assert summary["post"] == {"p50_ms": 500.0, "max_ms": 600.0}
    assert summary["visible"] == {"/a": {"p50_ms": 550.0, "max_ms": 650.0}, "/": {"p50_ms": 510.0, "max_ms": 520.0}}
    assert (summary["reps"], summary["not_visible"], summary["not_cached_before"]) == (3, 1, 1)
    assert publish_visible.percentiles([]) == {"p50_ms": None, "max_ms": None}
