from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.http import HttpRequest

from accounts.linking import CODE_LENGTH, normalise_code
from accounts.models import (
    TIME_ZONE_CHOICES,
    Couple,
    NotificationSettings,
    NotificationTopic,
    User,
)
from accounts.validators import single_line


class SignupForm(forms.Form):
    """Extra fields for allauth's sign-up form (allauth calls `signup`)."""

    display_name = forms.CharField(
        label="Your name",
        max_length=60,
        help_text="What your partner will see, e.g. your first name.",
        validators=[single_line],
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    time_zone = forms.ChoiceField(
        label="Your time zone",
        choices=TIME_ZONE_CHOICES,
        initial="UTC",
        help_text="Dates and times are shown in this zone.",
        # static/js/bond.js preselects the browser's own zone when JavaScript is on.
        widget=forms.Select(attrs={"data-time-zone": "", "data-detect-time-zone": ""}),
    )

    def signup(self, request: HttpRequest, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.time_zone = self.cleaned_data["time_zone"]
        user.save(update_fields=["display_name", "time_zone"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "time_zone", "remind_plans", "remind_weekly_thanks"]
        labels = {
            "display_name": "Your name",
            "time_zone": "Your time zone",
            "remind_plans": "Email me the day before a planned date",
            "remind_weekly_thanks": "A gentle weekly nudge if I haven't written a thank-you",
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["display_name"].validators.append(single_line)
        # static/js/bond.js puts this device's zone on top of the list (not chosen: a
        # person who travels keeps the one they set).
        self.fields["time_zone"].widget.attrs["data-time-zone"] = ""


class InviteCodeForm(forms.Form):
    code = forms.CharField(
        label="Your partner's code",
        max_length=20,
        help_text=(
            f"{CODE_LENGTH} letters and digits, like ABCD-EFGH. Upper or lower case both work."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError(
                f"A code has {CODE_LENGTH} letters and digits, like ABCD-EFGH."
            )
        return code


class InviteDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "Accept"), ("decline", "Decline")])


class CoupleForm(forms.ModelForm):
    """The couple's name and anniversary, with what the page showed of each: a save then
    changes only what this person changed, and not what the partner changed meanwhile."""

    shown_name = forms.CharField(required=False, widget=forms.HiddenInput)
    shown_anniversary = forms.DateField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Couple
        fields = ["name", "anniversary"]
        labels = {"name": "A name for the two of you", "anniversary": "Your anniversary"}
        widgets = {"anniversary": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].validators.append(single_line)
        for name in self.Meta.fields:
            self.initial[f"shown_{name}"] = getattr(self.instance, name)

    def changes(self) -> tuple[dict, dict]:
        """(the fields this person changed, with their new values; what the page showed of
        them). A post without what it showed (not from our page) changes every field."""
        if "shown_name" not in self.data:
            return {name: self.cleaned_data[name] for name in self.Meta.fields}, {}
        changed, shown = {}, {}
        for name in self.Meta.fields:
            if self.cleaned_data[name] != self.cleaned_data[f"shown_{name}"]:
                changed[name] = self.cleaned_data[name]
                shown[name] = self.cleaned_data[f"shown_{name}"]
        return changed, shown


class LeaveForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand: we will no longer be linked, and our journal becomes an archive.",
    )


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that my account and everything I wrote will be deleted for good."
    )


class NotificationSettingsForm(forms.ModelForm):
    push_topics = forms.MultipleChoiceField(
        label="Push notifications on your devices",
        choices=NotificationTopic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    email_topics = forms.MultipleChoiceField(
        label="An email that sums them up",
        choices=NotificationTopic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only counts, never what was written, and only what you have not seen here.",
    )

    class Meta:
        model = NotificationSettings
        fields = [
            "push_topics",
            "email_topics",
            "digest",
            "digest_time",
            "quiet_hours",
            "quiet_start",
            "quiet_end",
            "hide_names",
        ]
        labels = {
            "digest": "How often",
            "digest_time": "At",
            "quiet_hours": "Quiet hours: hold notifications and emails until they end",
            "quiet_start": "From",
            "quiet_end": "Until",
            "hide_names": "Leave names out of push notifications (for a shared phone)",
        }
        widgets = {
            "digest": forms.RadioSelect,
            "digest_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_end": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }


# What a browser's push subscription hands over (the Push API): base64url, no padding.
BASE64URL = re.compile(r"\A[A-Za-z0-9_-]+={0,2}\Z")


class PushDeviceForm(forms.Form):
    """A browser's push subscription, as static/js/bond.js sends it."""

    endpoint = forms.URLField(max_length=1000, assume_scheme="https")
    # An uncompressed P-256 point (65 bytes) and a 16-byte secret, in base64url.
    p256dh = forms.CharField(min_length=86, max_length=100, validators=[single_line])
    auth = forms.CharField(min_length=22, max_length=50, validators=[single_line])

    def clean_endpoint(self) -> str:
        endpoint = self.cleaned_data["endpoint"]
        if not re.match(settings.PUSH_ENDPOINT_PATTERN, endpoint):
            raise forms.ValidationError("That is not the address of a known push service.")
        return endpoint

    def clean(self) -> dict:
        for name in ("p256dh", "auth"):
            if not BASE64URL.match(self.cleaned_data.get(name) or ""):
                self.add_error(name, "Not a key a browser makes.")
        return self.cleaned_data


class DeviceRemoveForm(forms.Form):
    device = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
