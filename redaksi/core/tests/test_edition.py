from django.core.cache import cache

from redaksi.core.edition import EDITION_KEY, cached_for_edition, current_edition, new_edition


def test_a_new_edition_is_a_higher_number():
    before = current_edition()
    assert new_edition() > before
    assert current_edition() > before


def test_a_lost_edition_restarts_above_every_number_handed_out():
    cache.set(EDITION_KEY, 5, None)
    handed_out = new_edition()
    cache.delete(EDITION_KEY)
    assert current_edition() > handed_out
    cache.delete(EDITION_KEY)
    assert new_edition() > handed_out


def test_a_value_is_computed_once_an_edition_and_per_variant():
    calls = []

    def compute(label):
        calls.append(label)
        return label.upper()

    assert cached_for_edition("greeting", lambda: compute("halo"), "id") == "HALO"
    assert cached_for_edition("greeting", lambda: compute("halo"), "id") == "HALO"
    assert cached_for_edition("greeting", lambda: compute("hello"), "en") == "HELLO"
    assert calls == ["halo", "hello"]
    new_edition()
    assert cached_for_edition("greeting", lambda: compute("halo lagi"), "id") == "HALO LAGI"
