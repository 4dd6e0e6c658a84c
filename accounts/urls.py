from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("account/settings/", views.profile, name="profile"),
    path("account/delete/", views.delete, name="delete"),
    path("account/notifications/", views.notifications, name="notifications"),
    path("account/notifications/devices/", views.device_add, name="device_add"),
    path("account/notifications/devices/remove/", views.device_remove, name="device_remove"),
    path("account/calendar/new-address/", views.calendar_regenerate, name="calendar_regenerate"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("account/partner/", views.partner, name="partner"),
    path("account/partner/leave/", views.leave, name="leave"),
    path("account/invite/", views.invite_create, name="invite_create"),
    path("account/invite/revoke/", views.invite_revoke, name="invite_revoke"),
    path("invite/code/", views.invite_code, name="invite_code"),
    path("invite/<slug:token>/", views.invite_accept, name="invite_accept"),
]
