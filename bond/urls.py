from django.contrib import admin
from django.urls import include, path

from bond import views
from bond.admin import secure_admin
from practices.views import dashboard

# Staff sign in through allauth (rate limits, two-step sign-in), never the admin's own form.
secure_admin(admin.site)

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("offline/", views.offline, name="offline"),
    path("", include("accounts.urls")),
    path("", include("practices.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "bond.views.permission_denied"
handler404 = "bond.views.page_not_found"
handler429 = "bond.views.too_many_requests"
handler500 = "bond.views.server_error"
