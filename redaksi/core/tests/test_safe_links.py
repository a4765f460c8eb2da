"""Links editors type reach readers only as web addresses, this site's paths or anchors; nothing a browser runs."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from redaksi.core.models import MenuItem, SiteSettings
from redaksi.core.validators import validate_link
from redaksi.media.models import Video

SAFE = ["https://www.wartaekonomi.co.id/", "http://example.com/a?b=c#d", "/indeks/", "/en/news/", "#sosial-media"]
UNSAFE = [
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.com/",
    "//evil.example/",
    "/\\evil.example/",
    "indeks",
]


@pytest.mark.parametrize("link", SAFE)
def test_web_addresses_paths_and_anchors_are_accepted(link):
    validate_link(link)


@pytest.mark.parametrize("link", UNSAFE)
def test_scripts_other_schemes_and_other_hosts_in_disguise_are_refused(link):
    with pytest.raises(ValidationError) as refused:
        validate_link(link)
    assert refused.value.code == "unsafe_link"


@pytest.mark.django_db
def test_the_settings_form_refuses_a_script_menu_link_and_a_non_web_social_link(admin_client, outlet, site):
    settings = SiteSettings.for_site(site)
    menu = [
        {"id": item.pk, "label": item.label, "link_page": item.link_page_id or "", "link_url": item.link_url}
        for item in settings.menu_items.all()
    ]
    menu[-1]["link_url"] = "javascript:alert(document.domain)"
    data = nested_form_data(
        {
            "outlet_name": settings.outlet_name,
            "brand_colour": settings.brand_colour,
            "menu_items": inline_formset(menu, initial=len(menu)),
            "facebook_url": "ftp://example.com/",
        }
    )
    response = admin_client.post(reverse("wagtailsettings:edit", args=("core", "sitesettings", site.pk)), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "alamat web (https://…), jalur di situs ini" in page  # the menu link's message, in Indonesian
    assert "facebook_url" in response.context["form"].errors
    assert not MenuItem.objects.filter(link_url__startswith="javascript").exists()
    assert SiteSettings.for_site(site).facebook_url == settings.facebook_url


@pytest.mark.django_db
def test_a_script_link_saved_before_the_check_is_not_rendered(client, outlet, site, home):
    MenuItem.objects.create(
        settings=SiteSettings.for_site(site), label="Jebakan", link_url="javascript:alert(1)", sort_order=9
    )
    page = client.get(home.url).content.decode()
    assert "Jebakan" in page
    assert "javascript:" not in page


@pytest.mark.django_db
def test_a_video_link_must_be_a_web_address_even_on_an_allowed_host():
    video = Video(title="Pasar", slug="pasar", url="ftp://www.youtube.com/watch?v=abc")
    with pytest.raises(ValidationError) as refused:
        video.full_clean()
    assert "url" in refused.value.message_dict
