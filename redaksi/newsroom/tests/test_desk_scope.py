"""Other desks are not browsable: their explorer listings, month folders and story lists are refused to desk staff."""

import pytest
from django.urls import reverse
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.newsroom import roles
from redaksi.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db
REFUSAL = "Maaf, Anda tidak memiliki izin untuk mengakses area ini."


@pytest.fixture
def olahraga(home):
    """A desk nobody on the News and EkBis desks works in, with a story in this month's folder."""
    desk = SectionPageFactory(title="Olahraga", slug="olahraga")
    ArticlePageFactory(section=desk, title="Timnas menang tipis")
    return desk


def other_desk_urls(desk):
    folder = desk.archive_month(timezone.now())
    return [
        reverse("wagtailadmin_explore", args=(desk.pk,)),
        reverse("wagtailadmin_explore", args=(folder.pk,)),
        reverse("wagtailadmin_explore", args=(desk.pk,)) + "?q=Timnas",
        reverse("newsroom_desk_stories", args=(desk.pk,)),
    ]


@pytest.mark.parametrize("role", [roles.WARTAWAN, roles.REDAKTUR])
def test_desk_staff_are_refused_another_desks_listings(client, staff, olahraga, role):
    client.force_login(staff(role, desks=("news", "ekbis")))  # two desks: the explorer's root is the home page
    for url in other_desk_urls(olahraga):
        response = client.get(url, follow=True)
        assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)], url
        assert REFUSAL in response.content.decode() and "Timnas menang tipis" not in response.content.decode()


@pytest.mark.parametrize("role", [roles.WARTAWAN, roles.REDAKTUR])
def test_one_desk_staff_are_sent_back_to_their_desk(client, staff, news, olahraga, role):
    """With one desk, Wagtail's explorer itself starts at that desk and sends them back to it."""
    client.force_login(staff(role))
    for url in other_desk_urls(olahraga):
        response = client.get(url, follow=True)
        assert "Timnas menang tipis" not in response.content.decode(), url
        assert response.redirect_chain[-1][0] in (
            reverse("wagtailadmin_explore", args=(news.pk,)),
            reverse("wagtailadmin_home"),
        )


def test_the_results_fragment_of_another_desk_is_forbidden(client, staff, olahraga):
    client.force_login(staff(roles.WARTAWAN, desks=("news", "ekbis")))
    url = reverse("wagtailadmin_explore_results", args=(olahraga.pk,))
    assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403


@pytest.mark.parametrize("role", [roles.REDAKTUR_PELAKSANA, roles.PEMIMPIN_REDAKSI, roles.ADMIN])
def test_all_desk_roles_browse_every_desk(client, staff, olahraga, role):
    client.force_login(staff(role))
    for url in other_desk_urls(olahraga):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Timnas menang tipis" in response.content.decode()


def test_a_superuser_browses_every_desk(client, django_user_model, olahraga):
    client.force_login(django_user_model.objects.create_superuser("akar", "akar@example.com", "pw"))
    for url in other_desk_urls(olahraga):
        assert client.get(url).status_code == 200, url


def test_desk_staff_still_browse_their_own_desks_and_the_way_there(client, staff, news, ekbis, home, olahraga):
    client.force_login(staff(roles.WARTAWAN, desks=("news", "ekbis")))
    ArticlePageFactory(section=news, title="Harga cabai naik")
    assert client.get(reverse("wagtailadmin_explore", args=(home.pk,))).status_code == 200
    for desk in (news, ekbis):
        assert client.get(reverse("wagtailadmin_explore", args=(desk.pk,))).status_code == 200
    folder = news.archive_month(timezone.now())
    listing = client.get(reverse("wagtailadmin_explore", args=(folder.pk,)))
    assert listing.status_code == 200 and "Harga cabai naik" in listing.content.decode()


def test_the_page_chooser_still_reaches_other_desks_stories_for_baca_juga(client, staff, olahraga):
    """ "Baca Juga" links to any desk's story through Wagtail's page chooser, which the desk scope leaves alone."""
    client.force_login(staff(roles.WARTAWAN))
    folder = olahraga.archive_month(timezone.now())
    response = client.get(reverse("wagtailadmin_choose_page_child", args=(folder.pk,)))
    assert response.status_code == 200 and "Timnas menang tipis" in response.content.decode()
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Timnas"})
    assert search.status_code == 200 and "Timnas menang tipis" in search.content.decode()
