import secrets

from django.db import migrations, models

import accounts.models


def give_each_user_a_token(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.filter(email_links_token__isnull=True).only("pk").iterator():
        User.objects.filter(pk=user.pk).update(email_links_token=secrets.token_urlsafe(24))


class Migration(migrations.Migration):
    """Email links name a user by a random token of theirs, no longer by their id.

    Added empty, filled row by row, then made unique: a callable default would give every
    existing row the same value. Links sent before this stop working (they named the id);
    their page says so and points to the settings.
    """

    dependencies = [
        ("accounts", "0006_deleted_partner_note"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="email_links_token",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(give_each_user_a_token, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="email_links_token",
            field=models.CharField(
                default=accounts.models.new_email_links_token,
                editable=False,
                max_length=64,
                unique=True,
            ),
        ),
    ]
