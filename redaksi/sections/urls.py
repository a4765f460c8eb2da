from django.urls import path

from . import views

urlpatterns = [path("tag/<slug:slug>/", views.tag, name="tag")]
