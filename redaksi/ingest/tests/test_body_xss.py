"""Every XSS payload in the shared test data comes out of the body converter harmless, as stored and as rendered."""

from pathlib import Path

import lxml.html
import pytest

from redaksi.articles.blocks import ArticleBodyBlock
from redaksi.ingest.body import html_to_body

PAYLOADS = Path(__file__).parent / "data" / "payloads" / "xss"
ALLOWED = {"div", "p", "b", "i", "a", "br", "h2", "blockquote", "cite", "figure", "figcaption", "span", "aside"}


def payloads(path):
    return [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]


def dangers(rendered):
    """Return what in rendered HTML could run script: unknown tags, event or style attributes, non-web links."""
    found = []
    for element in lxml.html.fragment_fromstring(rendered, create_parent="div").iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag not in ALLOWED:
            found.append(f"<{element.tag}>")
        for name, value in element.attrib.items():
            if name.startswith("on") or name in {"style", "src", "srcdoc", "formaction", "data"}:
                found.append(f"{element.tag}[{name}]")
            if name == "href" and not value.startswith(("http://", "https://", "mailto:")):
                found.append(f"href={value!r}")
    return found


def render(blocks):
    return ArticleBodyBlock().render(ArticleBodyBlock().normalize(blocks)) if blocks else ""


@pytest.mark.parametrize("path", sorted(PAYLOADS.glob("*.txt")), ids=lambda path: path.name)
@pytest.mark.parametrize("autop", [True, False], ids=["wordpress", "markup"])
def test_payloads_come_out_harmless(path, autop):
    lines = payloads(path)
    problems = {}
    for line in lines:
        for source in (line, f"<!-- wp:paragraph --><p>{line}</p><!-- /wp:paragraph -->", f"[caption]{line}[/caption]"):
            conversion = html_to_body(source, autop=autop)
            if found := dangers(render(conversion.blocks)):
                problems[source] = found
    assert problems == {}
    assert len(lines) > 5


def test_dangers_finds_what_it_looks_for():
    assert dangers('<p><a href="javascript:x">a</a><img src=x onerror=y><script></script></p>') == [
        "href='javascript:x'",
        "<img>",
        "img[src]",
        "img[onerror]",
        "<script>",
    ]
