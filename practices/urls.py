from django.urls import path

from practices import views

app_name = "practices"

urlpatterns = [
    path("journal/", views.timeline, name="timeline"),
    path("journal/unread/", views.unread_badge, name="unread_badge"),
    path("journal/keepsakes/", views.keepsakes, name="keepsakes"),
    path("journal/notes/new/", views.note_create, name="note_create"),
    path("journal/notes/<int:pk>/", views.note_detail, name="note_detail"),
    path("journal/notes/<int:pk>/edit/", views.note_edit, name="note_edit"),
    path("journal/notes/<int:pk>/delete/", views.note_delete, name="note_delete"),
    path("journal/notes/<int:pk>/react/", views.note_react, name="note_react"),
    path("journal/notes/<int:pk>/star/", views.note_star, name="note_star"),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/ideas/", views.idea_list, name="idea_list"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/status/", views.plan_status, name="plan_status"),
    path("plans/<int:pk>/reflect/", views.plan_reflect, name="plan_reflect"),
]
