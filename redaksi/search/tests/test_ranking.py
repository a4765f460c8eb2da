"""How "relevan" ranks: BM25 over every match, most query words, exact words, compounds, typos, recency."""

import datetime

import pytest
import time_machine

from redaksi.search.models import SearchSettings
from redaksi.search.query import RELEVANT, plan_query, search_stories

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 10, 5, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def ranked(words, **filters):
    return search_stories(plan_query(words), order=RELEVANT, **filters).story_ids


def test_an_old_strong_match_outranks_newer_weak_ones_beyond_the_result_cap(indexed_story, monkeypatch):
    """Every match is ranked: the old ranking scored only the newest MAX_RESULTS matches."""
    monkeypatch.setattr("redaksi.search.query.MAX_RESULTS", 4)
    weak = [
        indexed_story(title=f"Pasar pagi {n}", text="Harga rupiah datar.", first_published_at=days_ago(n))
        for n in range(1, 7)
    ]
    strong = indexed_story(
        title="Rupiah anjlok", standfirst="Rupiah jatuh.", text="Rupiah, rupiah.", first_published_at=days_ago(700)
    )
    found = ranked("rupiah")
    assert found[0] == strong.pk
    assert len(found) == 4 and set(found) < {strong.pk, *(s.pk for s in weak)}


def test_a_rare_word_counts_more_than_a_common_one(indexed_story):
    for n in range(8):
        indexed_story(title=f"Kabar Aceh {n}", text="Kopi dan cuaca di Aceh hari ini.")
    common = indexed_story(title="Kopi Aceh", text="Kopi Aceh dijual di pasar.")
    rare = indexed_story(title="Petani Gayo", text="Gayo di Aceh panen.")
    order = ranked("kopi gayo aceh")
    assert order[0] == rare.pk and common.pk not in order  # the common words alone fall under the score cut


def test_most_of_the_words_are_enough_but_one_of_three_is_not(indexed_story):
    story = indexed_story(title="Harga cabai naik", text="Harga cabai rawit naik di pasar.")
    indexed_story(title="Harga emas", text="Harga emas turun.")
    assert ranked("harga cabai melonjak") == [story.pk]  # "melonjak" is in no story: two of three match
    assert ranked("cabai mahal melonjak") == []  # one of three is not enough


def test_a_story_matching_only_the_weakest_word_is_no_answer(indexed_story):
    for n in range(6):
        indexed_story(title=f"Harga cabai {n}", text="Harga cabai rawit naik.")
    both = indexed_story(title="Cabai Gayo", text="Cabai dari Gayo.")
    assert ranked("gayo cabai")[0] == both.pk and len(ranked("gayo cabai")) == 1


def test_the_words_as_written_lift_a_story_over_another_form_of_them(indexed_story):
    other_form = indexed_story(title="Pemerintah membangun jalan", first_published_at=days_ago(1))
    same_words = indexed_story(title="Pembangunan jalan", first_published_at=days_ago(2))
    assert ranked("pembangunan jalan") == [same_words.pk, other_form.pk]
    assert ranked("membangun jalan") == [other_form.pk, same_words.pk]


@pytest.mark.parametrize("query", ["Gojek", "Go-Jek", "GO-JEK", "Go Jek", "gojek"])
def test_a_compound_name_matches_in_all_its_spellings(indexed_story, query):
    stories = [
        indexed_story(title="Go-Jek membuka layanan baru"),
        indexed_story(title="GO-JEK menambah mitra"),
        indexed_story(title="Gojek masuk Vietnam"),
    ]
    assert set(ranked(query)) == {story.pk for story in stories}


def test_a_misspelled_name_finds_the_stories_and_suggests_the_spelling(indexed_story):
    stories = {indexed_story(title=f"Setya Novanto diperiksa {n}") for n in range(3)}
    plan = plan_query("Setya Novato")
    assert plan.suggestion == "Setya Novanto"
    assert set(ranked("Setya Novato")) == {story.pk for story in stories}


def test_a_word_the_stories_use_is_not_corrected(indexed_story):
    for n in range(3):
        indexed_story(title=f"Harga beras {n}")
    indexed_story(title="Harga bekas mobil")
    assert plan_query("harga bekas").suggestion == ""  # "bekas" is in a story: one letter from "beras" or not


def test_a_misspelled_word_nobody_uses_and_no_neighbour_gets_no_suggestion(indexed_story):
    indexed_story(title="Harga beras")
    assert plan_query("qwertyuiop").suggestion == ""


def test_recency_breaks_ties_and_its_weight_is_the_editors(indexed_story):
    older = indexed_story(title="Inflasi Maret", text="Inflasi inflasi naik.", first_published_at=days_ago(30))
    newer = indexed_story(title="Inflasi April", text="Inflasi naik.", first_published_at=days_ago(1))
    assert ranked("inflasi") == [older.pk, newer.pk]  # the better match, 0.1 recency weight
    settings = SearchSettings.load()
    settings.recency_weight = 2
    settings.save()
    assert ranked("inflasi") == [newer.pk, older.pk]
    settings.recency_weight = 0
    settings.save()
    twin = indexed_story(
        title="Inflasi Maret", slug="inflasi-maret-lagi", text="Inflasi inflasi naik.", first_published_at=days_ago(3)
    )
    assert ranked("inflasi")[:2] == [twin.pk, older.pk]  # same text, weight 0: the newer first


def test_filters_rank_within_the_section_and_days(indexed_story, outlet):
    from redaksi.sections.tests.factories import SectionPageFactory

    sport = SectionPageFactory(title="Sport", slug="sport")
    news_story = indexed_story(title="Timnas menang", first_published_at=days_ago(1))
    sport_story = indexed_story(section=sport, title="Timnas menang lagi", first_published_at=days_ago(5))
    assert ranked("timnas", section_id=sport.pk) == [sport_story.pk]
    assert ranked("timnas", start=days_ago(2)) == [news_story.pk]
    assert ranked("timnas", end=days_ago(2)) == [sport_story.pk]
