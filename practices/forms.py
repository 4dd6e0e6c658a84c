from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings

from accounts.validators import single_line
from practices import photos
from practices.ideas import CATEGORIES
from practices.models import (
    ANSWER_MAX_LENGTH,
    CHECK_IN_REPLY_MAX_LENGTH,
    EXCHANGE_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    PHOTO_ALT_MAX_LENGTH,
    AffectionDay,
    AnswerReply,
    CheckIn,
    CustomIdea,
    CustomQuestion,
    Exchange,
    Gesture,
    Note,
    Plan,
    Reaction,
    Reflection,
)
from practices.questions import DECKS

FIRST_YEAR, LAST_YEAR = 1900, 2999

RATING_CHOICES = [
    (1, "1 – It was all right"),
    (2, "2 – Nice"),
    (3, "3 – Good time"),
    (4, "4 – Really lovely"),
    (5, "5 – Unforgettable"),
]


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["text", "category"]
        labels = {"text": "Your note", "category": "What you appreciate (optional)"}
        help_texts = {
            "text": f"Be specific: what did they do, or what do you love about them? "
            f"Up to {NOTE_MAX_LENGTH:,} characters."
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4, "maxlength": NOTE_MAX_LENGTH}),
            "category": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "Just because"), *Note.Category.choices]
        self.fields["category"].required = False


class ReactionForm(forms.Form):
    """A reaction button says which state it asks for (put a heart on, or take it off), so
    that a click in an old tab never undoes the same click made elsewhere."""

    add = forms.ChoiceField(choices=Reaction.Kind.choices, required=False)
    remove = forms.ChoiceField(choices=Reaction.Kind.choices, required=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        if bool(cleaned.get("add")) == bool(cleaned.get("remove")):
            raise forms.ValidationError("Choose one reaction to add or to take back.")
        return cleaned

    @property
    def kind(self) -> str:
        return self.cleaned_data["add"] or self.cleaned_data["remove"]

    @property
    def on(self) -> bool:
        return bool(self.cleaned_data["add"])


class KeepForm(forms.Form):
    """Keep a note, or let it go: the state asked for, like a reaction."""

    keep = forms.TypedChoiceField(choices=[("yes", "Keep"), ("no", "Let go")], coerce="yes".__eq__)


class PlanForm(forms.ModelForm):
    """A plan's fields, plus the date and time as the editor sees them, plus its version."""

    day = forms.DateField(
        label="Date", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    time = forms.TimeField(
        label="Time (optional)",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput, required=False)

    class Meta:
        model = Plan
        fields = ["title", "description", "place", "status", "tech_free"]
        labels = {
            "title": "What will you do?",
            "description": "Notes (optional)",
            "place": "Where (optional)",
            "tech_free": "Tech-free: phones away for this one",
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    field_order = ["title", "day", "time", "place", "status", "tech_free", "description"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("title", "place"):
            self.fields[name].validators.append(single_line)

    def clean_day(self) -> dt.date | None:
        day = self.cleaned_data["day"]
        # Far-off years overflow when a time is moved between time zones.
        if day and not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise forms.ValidationError(f"Pick a date between {FIRST_YEAR} and {LAST_YEAR}.")
        return day

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("time") and not cleaned.get("day"):
            self.add_error("day", "Pick a date to go with the time.")
        return cleaned


class StatusForm(forms.Form):
    """One status button, with the plan's version as the page showed it: a button from a
    page opened before the partner's change is refused rather than applied over it."""

    status = forms.ChoiceField(choices=Plan.Status.choices)
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class ReflectionForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        label="How was it?", choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect
    )

    class Meta:
        model = Reflection
        fields = ["enjoyed", "rating"]
        labels = {"enjoyed": "What did you enjoy?"}
        widgets = {"enjoyed": forms.Textarea(attrs={"rows": 3})}


class CustomIdeaForm(forms.ModelForm):
    class Meta:
        model = CustomIdea
        fields = ["title", "description"]
        labels = {"title": "Your idea", "description": "A few words about it (optional)"}
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].validators.append(single_line)


class AnswerForm(forms.Form):
    text = forms.CharField(
        label="Your answer",
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only you can see it until you have both answered.",
    )


class ExchangeForm(forms.ModelForm):
    class Meta:
        model = Exchange
        fields = ["heard"]
        labels = {"heard": "What I heard you feel"}
        help_texts = {"heard": "In your own words, e.g. “It sounds like that left you worn out.”"}
        widgets = {"heard": forms.Textarea(attrs={"rows": 3})}


class ExchangeReplyForm(forms.Form):
    reply = forms.ChoiceField(
        label="Is that it?",
        choices=[("yes", "Yes, that's it"), ("added", "Partly: here is what was missed")],
        widget=forms.RadioSelect,
    )
    addition = forms.CharField(
        label="What was missed (optional if that's it)",
        max_length=EXCHANGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("reply") == "added" and not cleaned.get("addition"):
            self.add_error("addition", "Say in a few words what was missed.")
        if cleaned.get("reply") == "yes":
            cleaned["addition"] = ""
        return cleaned


class AffectionForm(forms.ModelForm):
    class Meta:
        model = AffectionDay
        fields = ["hug", "kiss", "held_hands", "cuddle"]
        labels = {
            "hug": "A hug",
            "kiss": "A kiss",
            "held_hands": "We held hands",
            "cuddle": "A cuddle",
        }

    def __init__(self, *args, **kwargs) -> None:
        # The boxes finish the sentence "Today, we shared…": no colon after each.
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class CheckInForm(forms.ModelForm):
    mood = forms.TypedChoiceField(
        label="How are you today?",
        choices=CheckIn.Mood.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = CheckIn
        fields = ["mood", "need"]
        labels = {"need": "What I need from you today (optional)"}
        widgets = {"need": forms.Textarea(attrs={"rows": 2})}


class CheckInReplyForm(forms.Form):
    reply = forms.CharField(
        label="A few kind words back",
        max_length=CHECK_IN_REPLY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class GestureForm(forms.Form):
    kind = forms.ChoiceField(choices=Gesture.Kind.choices)


YOUR_OWN = "yours"


class IdeaSearchForm(forms.Form):
    """The ideas library's filters: a category (or the couple's own), words to look for,
    and the page. A plain GET form; with htmx it searches as you type."""

    q = forms.CharField(
        label="Look for an idea",
        required=False,
        max_length=80,
        validators=[single_line],
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "picnic, cook, walk…"}),
    )
    category = forms.ChoiceField(
        required=False,
        choices=[("", "All ideas"), *CATEGORIES, (YOUR_OWN, "Your own")],
        widget=forms.HiddenInput,
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class AnswerReplyForm(forms.ModelForm):
    """A word back on the partner's answer: a few words, a reaction, or both."""

    # The answer form on the same page has its own "text".
    prefix = "reply"

    class Meta:
        model = AnswerReply
        fields = ["text", "reaction"]
        labels = {"text": "A few words back (optional)", "reaction": "Or a reaction"}
        widgets = {"reaction": forms.RadioSelect}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].validators.append(single_line)

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("text") and not cleaned.get("reaction"):
            raise forms.ValidationError("Write a few words, or choose a reaction.")
        return cleaned


class DecksForm(forms.Form):
    decks = forms.MultipleChoiceField(
        label="Where the next questions come from",
        choices=DECKS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose none, or all, for questions from every deck.",
    )


class OwnQuestionForm(forms.ModelForm):
    prefix = "own"

    class Meta:
        model = CustomQuestion
        fields = ["text"]
        labels = {"text": "A question of your own"}
        help_texts = {
            "text": "You will both answer it, on a day soon. One question, up to 200 letters."
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].validators.append(single_line)

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        # A question reads as one: "What made you laugh today" becomes "…today?"
        return text if text.endswith("?") else f"{text.rstrip('.!')}?"


class ArchiveSearchForm(forms.Form):
    q = forms.CharField(
        label="Look through your questions and answers",
        required=False,
        max_length=80,
        validators=[single_line],
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class PhotoDescriptionForm(forms.Form):
    alt_text = forms.CharField(
        validators=[single_line],
        label="Describe the photo (optional)",
        max_length=PHOTO_ALT_MAX_LENGTH,
        required=False,
        help_text="Read aloud in its place to someone who cannot see it, e.g. "
        "“Sam laughing at the pier, the sea behind”.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class PhotoForm(PhotoDescriptionForm):
    """A photo, checked and re-encoded as the form is cleaned: `cleaned_data["photo"]` is
    what Bond keeps (practices.photos.Cleaned), never the upload itself."""

    photo = forms.FileField(
        label="Photo",
        help_text="JPEG, PNG, WebP or HEIC, up to "
        f"{photos.megabytes(settings.PHOTO_MAX_UPLOAD_BYTES)}. "
        "Its location and camera details are removed.",
        widget=forms.FileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/heic,image/heif,.heic"}
        ),
    )

    field_order = ["photo", "alt_text"]

    def clean_photo(self) -> photos.Cleaned:
        try:
            return photos.clean(self.cleaned_data["photo"])
        except photos.PhotoRefused as refused:
            raise forms.ValidationError(str(refused), code="refused") from None


class ImportForm(forms.Form):
    archive = forms.FileField(
        label="Your Bond export (ZIP)",
        help_text="The file from Settings → Download everything, on the server you are leaving.",
        widget=forms.FileInput(attrs={"accept": ".zip,application/zip"}),
    )
