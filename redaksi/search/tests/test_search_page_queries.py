"""A results page takes the same number of queries with 3 matching stories as with 30."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("order", ["relevan", "terbaru"])
def test_results_page_query_count_does_not_grow_with_matches(outlet, indexed_story, warm_queries, order):
    for number in range(3):
        indexed_story(title=f"Rupiah kabar {number}")
    few, html = warm_queries(f"/cari/?q=rupiah&urut={order}")
    assert html.count('class="search-hit"') == 3
    for number in range(27):
        indexed_story(title=f"Rupiah kabar lagi {number}")
    many, html = warm_queries(f"/cari/?q=rupiah&urut={order}")
    assert html.count('class="search-hit"') == 10
    assert few == many
