from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and couples"

    def ready(self) -> None:
        from allauth.account.signals import user_logged_in

        from accounts import checks  # noqa: F401  (registers the system checks)
        from accounts.notices import notify_sign_in

        user_logged_in.connect(notify_sign_in, dispatch_uid="bond-sign-in-notice")
