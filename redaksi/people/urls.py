from django.urls import path

from . import views

urlpatterns = [path("profil/<slug:slug>/", views.person, name="person")]
