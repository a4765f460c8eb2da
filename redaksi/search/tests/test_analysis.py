import pytest
from django.core.exceptions import ValidationError

from redaksi.search.analysis import analyse, analyse_query, fold, query_terms, words
from redaksi.search.models import SearchSynonym


def test_derived_words_stem_to_their_root():
    assert analyse("Pembicaraan damai") == ["bicara", "damai"]
    assert analyse("mengatakan diberitakan perekonomian") == ["kata", "berita", "ekonomi"]


def test_menteri_is_never_teri():
    assert analyse("Menteri Perhubungan") == ["menteri", "hubung"]
    assert "teri" not in analyse("para menteri dan kementerian")


def test_stopwords_drop_but_content_words_chosen_to_stay_do_not():
    assert analyse("yang dengan di para bahwa") == []
    assert analyse("usaha kecil deteksi dini") == ["usaha", "kecil", "deteksi", "dini"]


def test_case_width_accents_and_punctuation_fold():
    assert fold("ＥＫＯＮＯＭＩ Café") == "ekonomi cafe"
    assert analyse("«Ekonomi!», (ekonomi)... EKONOMI?") == ["ekonomi", "ekonomi", "ekonomi"]


def test_numbers_with_inner_punctuation_stay_whole():
    assert analyse("tumbuh 5,2 persen, naik 1.000 unit") == ["tumbuh", "5,2", "persen", "naik", "1.000", "unit"]


def test_reduplications_stem_and_other_compounds_split():
    assert analyse("anak-anak orang-orang") == ["anak", "orang"]
    assert (
        analyse("Go-Jek, covid-19, U-19")
        == analyse("Go Jek, covid 19, U 19")
        == ["go", "jek", "covid", "19", "u", "19"]
    )


def test_words_whose_stem_means_something_else_stay_as_written():
    assert analyse("Kementerian Keuangan, pengacara, pelaku, Asian Games") == [
        "menteri", "keuangan", "pengacara", "pelaku", "asian", "games",
    ]  # fmt: skip


def test_currency_sign_splits_from_the_amount():
    assert analyse("Rp5.000") == ["rp", "5.000"]


def test_acronyms_are_not_stemmed_but_shouted_words_are():
    assert analyse("OJK BI") == ["ojk", "bi"]
    assert analyse("PEMBICARAAN") == ["bicara"]


def test_words_give_positions_of_the_original_text():
    text = "Pembicaraan yang alot"
    assert [(text[start:end], found) for start, end, found in words(text)] == [
        ("Pembicaraan", "bicara"), ("yang", None), ("alot", "alot"),
    ]  # fmt: skip


@pytest.mark.django_db
def test_query_expands_the_starter_synonyms_both_ways():
    assert analyse_query("IHSG") == analyse_query("indeks harga saham gabungan")
    assert set(analyse_query("IHSG")[0]) == {("ihsg",), ("indeks", "harga", "saham", "gabung")}
    assert set(analyse_query("rupiah melemah")[0]) == {("rp",), ("rupiah",)}
    assert analyse_query("rupiah melemah")[1] == (("lemah",),)
    assert ("bi",) in analyse_query("Bank Indonesia")[0]


@pytest.mark.django_db
def test_editors_synonyms_apply_at_once():
    assert analyse_query("Danantara") == [(("danantara",),)]
    synonym = SearchSynonym.objects.create(term="Danantara", equivalents="Daya Anagata Nusantara")
    assert ("daya", "anagata", "nusantara") in analyse_query("Danantara")[0]
    synonym.delete()
    assert analyse_query("Danantara") == [(("danantara",),)]


@pytest.mark.django_db
def test_query_of_stopwords_only_has_no_groups_and_long_queries_are_capped():
    assert analyse_query("yang di dan") == []
    assert len(analyse_query(" ".join(f"kata{n}" for n in range(100)))) == 12


@pytest.mark.django_db
def test_query_terms_flatten_every_alternative():
    assert query_terms(analyse_query("OJK")) == {"ojk", "otoritas", "jasa", "keuangan"}


@pytest.mark.django_db
def test_synonym_of_only_stopwords_is_refused():
    synonym = SearchSynonym(term="yang", equivalents="dengan")
    with pytest.raises(ValidationError, match="tidak memuat kata yang bisa dicari"):
        synonym.full_clean()


@pytest.mark.django_db
def test_quoted_words_form_one_phrase_group_without_synonyms():
    assert analyse_query('"harga minyak" BI') == [(("harga", "minyak"),), analyse_query("BI")[0]]
    assert analyse_query('"BI"') == [(("bi",),)]
