import secrets

from django.db import migrations, models

import accounts.models


def give_every_couple_a_token(apps, schema_editor):
    Couple = apps.get_model("accounts", "Couple")
    for couple in Couple.objects.filter(calendar_token__isnull=True):
        couple.calendar_token = secrets.token_urlsafe(32)
        couple.save(update_fields=["calendar_token"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_couples_and_invites"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="remind_plans",
            field=models.BooleanField(
                default=True, verbose_name="email me the day before a planned date"
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="remind_weekly_thanks",
            field=models.BooleanField(
                default=False,
                verbose_name="a gentle weekly nudge if I have not written a thank-you",
            ),
        ),
        # Existing couples get a token each before the column becomes unique and required.
        migrations.AddField(
            model_name="couple",
            name="calendar_token",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.RunPython(give_every_couple_a_token, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="couple",
            name="calendar_token",
            field=models.CharField(
                default=accounts.models.new_calendar_token, max_length=64, unique=True
            ),
        ),
    ]
