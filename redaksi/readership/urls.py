from django.urls import path

from . import views

urlpatterns = [path("baca/<int:article_id>.gif", views.count_read, name="count_read")]
