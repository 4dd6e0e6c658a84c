import hashlib
import secrets

from django.db import migrations, models

import accounts.models


def hash_in_place(apps, schema_editor):
    """Each couple's feed keeps its address: the column now holds the token's SHA-256."""
    Couple = apps.get_model("accounts", "Couple")
    for couple in Couple.objects.only("pk", "calendar_token_hash").iterator():
        digest = hashlib.sha256(couple.calendar_token_hash.encode()).hexdigest()
        Couple.objects.filter(pk=couple.pk).update(calendar_token_hash=digest)


def new_addresses(apps, schema_editor):
    """A hash cannot be turned back into its token: going back gives every couple a new
    feed address (the old ones stop working), rather than making the hashes keys."""
    Couple = apps.get_model("accounts", "Couple")
    for couple in Couple.objects.only("pk").iterator():
        Couple.objects.filter(pk=couple.pk).update(calendar_token_hash=secrets.token_urlsafe(32))


class Migration(migrations.Migration):
    """The calendar feed's token is stored only as its hash (accounts.models.calendar_token_hash)."""

    dependencies = [
        ("accounts", "0007_user_email_links_token"),
    ]

    operations = [
        migrations.RenameField(
            model_name="couple",
            old_name="calendar_token",
            new_name="calendar_token_hash",
        ),
        migrations.AlterField(
            model_name="couple",
            name="calendar_token_hash",
            field=models.CharField(
                default=accounts.models.new_calendar_token_hash,
                editable=False,
                max_length=64,
                unique=True,
            ),
        ),
        migrations.RunPython(hash_in_place, new_addresses),
    ]
