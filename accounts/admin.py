from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils import timezone

from accounts.deletion import delete_account
from accounts.delivery import TASK_OF
from accounts.models import Delivery, OutgoingEmail, OutgoingPush, User


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


class DeliveryAdmin(admin.ModelAdmin):
    """What the worker sent, is sending and gave up on; never what a message says (it can
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

    @admin.action(description="Try the selected ones that gave up again")
    def try_again(self, request, queryset) -> None:
        failed = list(queryset.filter(status=Delivery.Status.FAILED).values_list("pk", flat=True))
        queryset.filter(pk__in=failed).update(
            status=Delivery.Status.PENDING, attempts=0, next_attempt_at=timezone.now()
        )
        for pk in failed:
            TASK_OF[self.model].enqueue(pk)
        self.message_user(request, f"{len(failed)} queued again.")


admin.site.register(OutgoingEmail, DeliveryAdmin)
admin.site.register(OutgoingPush, DeliveryAdmin)
