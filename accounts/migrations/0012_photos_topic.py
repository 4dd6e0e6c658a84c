from django.db import migrations


def hear_of_photos_where_notes(apps, schema_editor):
    """A new topic, photos: heard of by whoever hears of their partner's notes, as a photo is
    most often on one; anyone who turned notes off keeps their quiet."""
    settings = apps.get_model("accounts", "NotificationSettings")
    for row in settings.objects.all().only("pk", "push_topics"):
        if "notes" in row.push_topics and "photos" not in row.push_topics:
            row.push_topics = [*row.push_topics, "photos"]
            row.save(update_fields=["push_topics"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0011_couple_restored_at"),
    ]

    operations = [
        migrations.RunPython(hear_of_photos_where_notes, migrations.RunPython.noop),
    ]
