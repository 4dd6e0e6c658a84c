from django.contrib import admin
from django.urls import include, path

from bond import views
from practices.views import dashboard

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("", include("accounts.urls")),
    path("", include("practices.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "bond.views.permission_denied"
handler404 = "bond.views.page_not_found"
handler500 = "bond.views.server_error"
