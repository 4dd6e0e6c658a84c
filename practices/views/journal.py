"""The journal: the timeline, notes, reactions and keepsakes.

Pages render through `{% couple_cache %}` fragments: the data they need is handed over
lazily, so a cached fragment costs no query. An HTMX request gets the page's partial.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from accounts.couples import (
    active_couple_required,
    couple_required,
    get_for_reading,
    get_for_writing,
)
from practices import journal, selectors
from practices.forms import KeepForm, NoteForm, PhotoForm, ReactionForm
from practices.fragments import unread_count, waiting_count
from practices.journal import NOTE_EDIT_WINDOW
from practices.models import Note, Notification
from practices.notifications import settle_on_view
from practices.presenters import NoteCard, Viewer, note_card
from practices.timeline import FILTERS, BadCursor, attach_reactions, decode_cursor

ONLY_THE_AUTHOR = "Only the person who wrote a note can change or delete it."
ONLY_THE_RECIPIENT = "Only the person a note was written to can react to it."
EDIT_MINUTES = NOTE_EDIT_WINDOW // dt.timedelta(minutes=1)
EDIT_WINDOW_CLOSED = (
    f"Notes can be edited for {EDIT_MINUTES} minutes after they are written. "
    "You can still delete it."
)


def redirect_back(request: HttpRequest) -> HttpResponse:
    """Back to the page the form was on (a path on this site only), else the journal."""
    target = request.POST.get("next", "")
    # A bare word would be taken for a URL name by redirect(): only absolute paths pass.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return HttpResponseRedirect(target)
    return redirect("practices:timeline")


@couple_required
@require_GET
def timeline(request: HttpRequest) -> HttpResponse:
    show = request.GET.get("show", "all")
    if show not in FILTERS:
        return HttpResponseBadRequest("Unknown filter: choose all, notes or plans.")
    before = request.GET.get("before")
    try:
        if before:
            decode_cursor(before)
    except BadCursor:
        return HttpResponseBadRequest("That page link is broken. Start again from the journal.")
    viewer = Viewer.of(request)
    page = SimpleLazyObject(
        lambda: selectors.journal_page(viewer=viewer, kind=FILTERS[show], before=before)
    )
    more = bool(request.htmx and before)
    context = {"page": page, "show": show, "before": before, "note_form": NoteForm()}
    if not more and unread_count(request):
        # Opening the journal reads the notes on this page: they show as new this once,
        # so this rendering is not kept.
        shown = [row.card for row in page.rows] + [page.newest_received]
        new_ids = [card.pk for card in shown if isinstance(card, NoteCard) and card.is_new]
        if new_ids:
            journal.mark_notes_read(recipient=request.user, couple=request.couple, note_ids=new_ids)
            context["shows_new"] = True
    template = "practices/timeline.html#entries-page" if more else "practices/timeline.html"
    return render(request, template, context)


@active_couple_required
@require_http_methods(["GET", "POST"])
def note_create(request: HttpRequest) -> HttpResponse:
    form = NoteForm(request.POST if request.method == "POST" else None)
    if request.method == "GET":
        return render(request, "practices/note_form.html", {"form": form})
    if request.partner is None:
        messages.error(request, "There is nobody to send a note to.")
        return redirect("practices:timeline")
    if not form.is_valid():
        if request.htmx:
            response = render(
                request, "practices/timeline.html#note-form", {"note_form": form}, status=422
            )
            return reswap(retarget(response, "#note-form"), "outerHTML")
        return render(request, "practices/note_form.html", {"form": form}, status=422)
    note = journal.write_note(
        couple=request.couple,
        author=request.user,
        recipient=request.partner,
        text=form.cleaned_data["text"],
        category=form.cleaned_data["category"],
    )
    if request.htmx:
        card = note_card(note, Viewer.of(request), starred=False, reacted=set())
        context = {"note": card, "note_form": NoteForm()}
        return render(request, "practices/timeline.html#note-created", context)
    messages.success(request, f"Your note is on its way to {request.partner.display_name}.")
    return redirect("practices:timeline")


@couple_required
@require_GET
def note_detail(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_for_reading(request, Note.objects, pk)
    card = selectors.note_for(viewer=Viewer.of(request), note=note)
    if card.is_new:
        journal.mark_notes_read(recipient=request.user, couple=request.couple, note_ids=[note.pk])
    if waiting_count(request):
        # Its photos are on this page: news of them is seen.
        settle_on_view(
            couple=request.couple,
            recipient=request.user,
            kinds=[Notification.Kind.PHOTO],
            note=note,
        )
    # Its author adds photos to it, while the couple's journal is open to changes.
    photo_form = PhotoForm() if card.from_me and request.couple.is_active else None
    return render(request, "practices/note_detail.html", {"note": card, "photo_form": photo_form})


@couple_required
@require_http_methods(["GET", "POST"])
def note_edit(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_for_writing(request, Note.objects, pk, owner="author", refusal=ONLY_THE_AUTHOR)
    if not journal.can_edit_note(note, request.user):
        raise PermissionDenied(EDIT_WINDOW_CLOSED)
    form = NoteForm(request.POST if request.method == "POST" else None, instance=note)
    if request.method == "POST" and form.is_valid():
        journal.edit_note(
            couple=request.couple,
            note=note,
            text=form.cleaned_data["text"],
            category=form.cleaned_data["category"],
        )
        messages.success(request, "Your note is updated.")
        return redirect("practices:note_detail", pk=note.pk)
    context = {"form": form, "note": note, "edit_minutes": EDIT_MINUTES}
    return render(request, "practices/note_edit.html", context, status=422 if form.errors else 200)


@couple_required
@require_http_methods(["GET", "POST"])
def note_delete(request: HttpRequest, pk: int) -> HttpResponse:
    # Deleting your own words stays possible after the link ended: they are yours.
    note = get_for_writing(
        request, Note.objects, pk, owner="author", refusal=ONLY_THE_AUTHOR, in_archive=True
    )
    if request.method == "POST":
        journal.delete_note(couple=request.couple, note=note)
        messages.success(request, "Your note is deleted.")
        return redirect("practices:timeline")
    return render(request, "practices/note_delete.html", {"note": note})


@couple_required
@require_POST
def note_react(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_for_writing(request, Note.objects, pk, owner="recipient", refusal=ONLY_THE_RECIPIENT)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Unknown reaction: choose one to add or to take back.")
    journal.set_reaction(
        couple=request.couple, note=note, user=request.user, kind=form.kind, on=form.on
    )
    if request.htmx:
        return note_card_response(request, note)
    return redirect_back(request)


@couple_required
@require_POST
def note_star(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_for_writing(request, Note.objects, pk)
    form = KeepForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Choose to keep the note or to let it go.")
    journal.set_star(
        couple=request.couple, note=note, user=request.user, on=form.cleaned_data["keep"]
    )
    if request.htmx:
        return note_card_response(request, note)
    return redirect_back(request)


def note_card_response(request: HttpRequest, note: Note) -> HttpResponse:
    """The note as it is now, for htmx to swap in place of the one that was clicked."""
    card = selectors.note_for(viewer=Viewer.of(request), note=note)
    context = {"note": card, "back_to": request.htmx.current_url_abs_path}
    return render(request, "practices/_note.html", context)


@couple_required
@require_GET
def keepsakes(request: HttpRequest) -> HttpResponse:
    kept = Note.objects.for_couple(request.couple)
    notes = list(kept.filter(stars__isnull=False).distinct().order_by("-created_at")[:100])
    attach_reactions(notes)
    starred_by_me = set(kept.filter(stars__user=request.user).values_list("pk", flat=True))
    viewer = Viewer.of(request)
    cards = [
        note_card(note, viewer, starred=note.pk in starred_by_me, reacted=note.reacted_kinds)
        for note in notes
    ]
    return render(request, "practices/keepsakes.html", {"notes": cards})
