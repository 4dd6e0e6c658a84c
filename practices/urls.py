from django.urls import path

from practices import data_views, practice_views, views

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
    path("practices/", practice_views.practice_list, name="practice_list"),
    path("practices/faq/", practice_views.faq, name="faq"),
    path("practices/empathy/reflect-back/", practice_views.exchange_create, name="exchange_create"),
    path(
        "practices/empathy/reflect-back/<int:pk>/reply/",
        practice_views.exchange_reply,
        name="exchange_reply",
    ),
    path("practices/affection/today/", practice_views.affection_tick, name="affection_tick"),
    path("practices/well-being/check-in/", practice_views.check_in, name="check_in"),
    path(
        "practices/well-being/check-in/<int:pk>/reply/",
        practice_views.check_in_reply,
        name="check_in_reply",
    ),
    path("practices/<slug:slug>/", practice_views.practice_step, name="practice"),
    path(
        "practices/<slug:slug>/step/<int:number>/",
        practice_views.practice_step,
        name="practice_step",
    ),
    path("today/", practice_views.question, name="question"),
    path("today/<str:day>/", practice_views.question, name="question_day"),
    path("journal/export.json", data_views.export_json, name="export_json"),
    path("journal/export/<slug:kind>.csv", data_views.export_csv, name="export_csv"),
    path("calendar/<slug:token>.ics", data_views.calendar_feed, name="calendar_feed"),
    path("plans/<int:pk>/event.ics", data_views.plan_event, name="plan_event"),
]
