from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils import timezone

from accounts.deletion import delete_account
from accounts.delivery import deliver_email
from accounts.models import OutgoingEmail, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_staff", "date_joined"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["display_name", "time_zone"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "display_name", "password1", "password2"]},
        ),
    ]

    # Through the one deletion there is: it ends the couple, erases the person's words in
    # their partner's rows and ends their sessions, which a plain delete would skip.
    def delete_model(self, request, obj: User) -> None:
        delete_account(user=obj)

    def delete_queryset(self, request, queryset) -> None:
        for user in queryset:
            delete_account(user=user)


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """What the worker sent, is sending and gave up on; never what an email says (it can
    hold a sign-in link or a plan's title)."""

    list_display = ["kind", "status", "attempts", "last_error", "created_at", "sent_at"]
    list_filter = ["status", "kind"]
    fields = [
        "kind",
        "user",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
    ]
    readonly_fields = fields
    actions = ["try_again"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description="Try the selected emails that gave up again")
    def try_again(self, request, queryset) -> None:
        failed = list(queryset.filter(status=OutgoingEmail.Status.FAILED))
        for email in failed:
            OutgoingEmail.objects.filter(pk=email.pk).update(
                status=OutgoingEmail.Status.PENDING, attempts=0, next_attempt_at=timezone.now()
            )
            deliver_email.enqueue(email.pk)
        self.message_user(request, f"{len(failed)} email(s) queued again.")
