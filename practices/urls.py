from django.urls import path

from practices.views import data, journal, notifications, plans, practices

app_name = "practices"

urlpatterns = [
    path("journal/", journal.timeline, name="timeline"),
    path("journal/keepsakes/", journal.keepsakes, name="keepsakes"),
    path("journal/notes/new/", journal.note_create, name="note_create"),
    path("journal/notes/<int:pk>/", journal.note_detail, name="note_detail"),
    path("journal/notes/<int:pk>/edit/", journal.note_edit, name="note_edit"),
    path("journal/notes/<int:pk>/delete/", journal.note_delete, name="note_delete"),
    path("journal/notes/<int:pk>/react/", journal.note_react, name="note_react"),
    path("journal/notes/<int:pk>/star/", journal.note_star, name="note_star"),
    path("for-you/waiting/", notifications.waiting, name="waiting"),
    path("for-you/<int:pk>/dismiss/", notifications.dismiss, name="dismiss"),
    path("signs/", notifications.gesture_send, name="gesture_send"),
    path("plans/", plans.plan_list, name="plan_list"),
    path("plans/new/", plans.plan_create, name="plan_create"),
    path("plans/ideas/", plans.idea_list, name="idea_list"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/status/", plans.plan_status, name="plan_status"),
    path("plans/<int:pk>/reflect/", plans.plan_reflect, name="plan_reflect"),
    path("practices/", practices.practice_list, name="practice_list"),
    path("practices/faq/", practices.faq, name="faq"),
    path("practices/empathy/reflect-back/", practices.exchange_create, name="exchange_create"),
    path(
        "practices/empathy/reflect-back/<int:pk>/reply/",
        practices.exchange_reply,
        name="exchange_reply",
    ),
    path("practices/affection/today/", practices.affection_tick, name="affection_tick"),
    path("practices/well-being/check-in/", practices.check_in, name="check_in"),
    path(
        "practices/well-being/check-in/<int:pk>/reply/",
        practices.check_in_reply,
        name="check_in_reply",
    ),
    path("practices/<slug:slug>/", practices.practice_step, name="practice"),
    path(
        "practices/<slug:slug>/step/<int:number>/",
        practices.practice_step,
        name="practice_step",
    ),
    path("today/", practices.question, name="question"),
    path("today/<str:day>/", practices.question, name="question_day"),
    path("journal/export.json", data.export_json, name="export_json"),
    path("journal/export/<slug:kind>.csv", data.export_csv, name="export_csv"),
    path("calendar/<slug:token>.ics", data.calendar_feed, name="calendar_feed"),
    path("plans/<int:pk>/event.ics", data.plan_event, name="plan_event"),
]
