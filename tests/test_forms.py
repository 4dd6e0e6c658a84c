"""One-line fields take one line of visible text, on every form that has them.

A line break in a plan's title once went on into an email subject (and stopped the
reminder run for everyone after it) and into an .ics line (a 500); the fix is one
validator, accounts.validators.single_line, on every single-line field of every form.
"""

from __future__ import annotations

import inspect

import pytest
from django import forms
from django.core.exceptions import ValidationError

from accounts import forms as account_forms
from accounts.models import Couple, User
from accounts.validators import SINGLE_LINE_MESSAGE, single_line
from practices import forms as practice_forms
from tests.conftest import PASSWORD

REFUSED = {
    "newline": "Lake\nwalk",
    "carriage-return": "Lake\rwalk",
    "crlf-header": "Lake walk\r\nBcc: someone@example.org",
    "tab": "Lake\twalk",
    "escape": "Lake\x1b[31mwalk",
    "next-line": "Lake\x85walk",
    "line-separator": "Lake\u2028walk",
    "paragraph-separator": "Lake\u2029walk",
    "right-to-left-override": "Lake\u202eklaw",
    "left-to-right-isolate": "Lake\u2066walk",
    "right-to-left-mark": "Lake\u200fwalk",
    "zero-width-space": "Lake\u200bwalk",
    "byte-order-mark": "\ufeffLake walk",
    "soft-hyphen": "Lake\xadwalk",
}
KEPT = {
    "plain": "Lake walk",
    "accents": "Crêpes à Noël",
    "combining-mark": "Cafe\u0301",
    "emoji": "Picnic 🧺",
    "emoji-with-joiners": "👩🏽‍❤️‍💋‍👨🏿",
    "rainbow-flag": "🏳️‍🌈",
    "scotland-flag": "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    "persian-with-non-joiner": "می\u200cخواهم",
    "hindi": "क्षमा",
    "hebrew": "טיול באגם",
    "ideographic-space": "湖\u3000散歩",
}


@pytest.mark.parametrize("value", REFUSED.values(), ids=REFUSED.keys())
def test_the_validator_refuses_control_and_format_characters(value):
    with pytest.raises(ValidationError) as error:
        single_line(value)
    assert error.value.messages == [SINGLE_LINE_MESSAGE]


@pytest.mark.parametrize("value", KEPT.values(), ids=KEPT.keys())
def test_the_validator_keeps_what_people_write(value):
    single_line(value)


# Every single-line field of every form ------------------------------------------

# Text inputs that may do without the validator, and why.
EXEMPT = {
    # Reduced to its letters and digits before anything else sees it (linking.normalise_code).
    ("InviteCodeForm", "code"),
}


def form_classes() -> list[type[forms.BaseForm]]:
    return [
        cls
        for module in (account_forms, practice_forms)
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__
    ]


def single_line_fields() -> list[tuple[str, str, forms.Field]]:
    found = []
    for cls in form_classes():
        for name, field in cls().fields.items():
            # A text input (not a textarea, a choice, a date or a hidden field).
            if isinstance(field, forms.CharField) and type(field.widget) is forms.TextInput:
                found.append((cls.__name__, name, field))
    return found


def test_every_single_line_field_of_every_form_refuses_a_line_break():
    fields = {(form, name): field for form, name, field in single_line_fields()}
    # The walk finds the fields it is about (it would pass on nothing otherwise).
    assert {
        ("SignupForm", "display_name"),
        ("ProfileForm", "display_name"),
        ("CoupleForm", "name"),
        ("PlanForm", "title"),
        ("PlanForm", "place"),
        ("CustomIdeaForm", "title"),
    } <= set(fields)
    missing = [
        f"{form}.{name}"
        for (form, name), field in fields.items()
        if (form, name) not in EXEMPT and single_line not in field.validators
    ]
    assert not missing, f"single-line fields without accounts.validators.single_line: {missing}"


# Through the pages --------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value", ["Ali\nce", "Ali\tce", "\u202eecilA"], ids=["newline", "tab", "rlo"]
)
def test_settings_refuse_a_name_of_more_than_one_line(alice, alice_client, value):
    response = alice_client.post("/account/settings/", {"display_name": value, "time_zone": "UTC"})
    assert response.status_code == 422
    assert SINGLE_LINE_MESSAGE in response.content.decode()
    alice.refresh_from_db()
    assert alice.display_name == "Alice"


@pytest.mark.django_db
def test_a_name_with_spaces_around_is_trimmed_not_refused(alice, alice_client):
    response = alice_client.post(
        "/account/settings/", {"display_name": " Alice 🌻\n", "time_zone": "UTC"}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.display_name == "Alice 🌻"


@pytest.mark.django_db
def test_sign_up_refuses_a_name_of_more_than_one_line(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "nora@example.com",
            "display_name": "No\r\nra",
            "time_zone": "UTC",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 200  # allauth shows the form again
    assert SINGLE_LINE_MESSAGE in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_the_couples_name_is_one_line(couple, alice_client):
    response = alice_client.post("/account/partner/", {"name": "The\nRivers", "anniversary": ""})
    assert response.status_code == 422
    assert SINGLE_LINE_MESSAGE in response.content.decode()
    assert Couple.objects.get(pk=couple.pk).name == ""
