from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = "Practices and shared journal"

    def ready(self) -> None:
        # Deleting an account removes the person's words in the journal's rows that outlive
        # them: accounts sends the signal, and never imports practices to do it.
        from accounts.deletion import account_deleting
        from practices.erasure import erase_words_of

        account_deleting.connect(erase_words_of, dispatch_uid="practices.erase_words_of")
        # A photo's files go with its row (practices.photos.delete_files).
        import practices.photos  # noqa: F401
