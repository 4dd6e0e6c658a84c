from __future__ import annotations

from django import forms

from practices.models import NOTE_MAX_LENGTH, CustomIdea, Note, Plan, Reaction, Reflection

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
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)


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

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("time") and not cleaned.get("day"):
            self.add_error("day", "Pick a date to go with the time.")
        return cleaned


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Plan.Status.choices)


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
