from django.urls import path

from . import views

urlpatterns = [
    path("read<int:article_id>", views.article, name="article_by_id"),
    path("read<int:article_id>/", views.article, name="article_by_id_slash"),
    path("read<int:article_id>/<str:slug>", views.article, name="article"),
]
