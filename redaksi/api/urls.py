from django.urls import path, re_path

from . import views
from .responses import not_found

urlpatterns = [
    path("v1/openapi.json", views.openapi_document, name="api_openapi"),
    path("v1/stories", views.story_list, name="api_stories"),
    path("v1/stories/<str:item_id>", views.story_detail, name="api_story"),
    path("v1/sections", views.section_list, name="api_sections"),
    path("v1/sections/<str:item_id>", views.section_detail, name="api_section"),
    path("v1/tags", views.tag_list, name="api_tags"),
    path("v1/tags/<str:item_id>", views.tag_detail, name="api_tag"),
    path("v1/people", views.person_list, name="api_people"),
    path("v1/people/<str:item_id>", views.person_detail, name="api_person"),
    path("v1/videos", views.video_list, name="api_videos"),
    path("v1/videos/<str:item_id>", views.video_detail, name="api_video"),
    re_path(r"^(?P<path>.*)$", not_found),
]
