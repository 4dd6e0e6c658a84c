"""Photos: added to a note, a plan or a daily answer; served only through the couple door;
described, deleted, and seen together as the couple's memories.

A photo's file never has an address of its own. `photo_file` finds it by its random key
among the photos the viewer may see (practices.models.PhotoQuerySet.visible_to) and
answers 404 to anybody else, signed-out visitors included, without saying whether it
exists.
"""

from __future__ import annotations

import datetime as dt
import mimetypes

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import FileSystemStorage
from django.db.models import Q
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from accounts.couples import active_couple_required, couple_required, get_for_writing
from practices import photos, selectors
from practices.display import path_to
from practices.forms import PhotoDescriptionForm, PhotoForm
from practices.models import Answer, Note, Photo, Plan
from practices.presenters import Viewer, photo_card
from practices.timeline import BadCursor, cursor_at, decode_cursor

ONLY_THE_AUTHOR = "Only the person who wrote a note can add photos to it."
ONLY_WHO_ADDED = "Only the person who added a photo can describe or delete it."
# Days in the browser's cache: the file behind a key never changes (a new photo gets a new
# key), and "private" keeps it out of every shared cache.
CACHE_SECONDS = 7 * 24 * 60 * 60
# Photos a page of memories shows.
MEMORIES_PAGE = 60


def visible_photos(request: HttpRequest):
    return selectors.photos_seen_by(Viewer.of(request))


@require_GET
def photo_file(request: HttpRequest, key: str, size: str) -> HttpResponse:
    # No couple_required: a signed-out visitor gets the same 404 as a stranger, not a
    # login page that would confirm the address leads somewhere.
    if not request.user.is_authenticated or request.couple is None:
        raise Http404("No such photo.")
    photo = get_object_or_404(visible_photos(request), key=key)
    stored = getattr(photo, size)
    # Until the worker made the sizes, every size is the original, for now only.
    cache_control = f"private, max-age={CACHE_SECONDS}" if stored else "private, no-cache"
    stored = stored or photo.original
    if not isinstance(stored.storage, FileSystemStorage):
        # Object storage: a URL signed for PHOTO_URL_SECONDS, issued to a member only.
        response = HttpResponseRedirect(stored.storage.url(stored.name))
        response["Cache-Control"] = "private, no-store"
        return response
    etag = f'"{stored.name.rsplit("/", 1)[-1]}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        content_type = mimetypes.guess_type(stored.name)[0]
        if settings.PHOTO_SEND_HEADER == "X-Accel-Redirect":
            response = HttpResponse(content_type=content_type)
            response["X-Accel-Redirect"] = settings.PHOTO_ACCEL_PREFIX + stored.name
        elif settings.PHOTO_SEND_HEADER:
            response = HttpResponse(content_type=content_type)
            response[settings.PHOTO_SEND_HEADER] = stored.path
        else:
            response = FileResponse(stored.open("rb"), content_type=content_type)
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    return response


def what_it_shows(photo: Photo) -> tuple[str, str]:
    """Where the photo belongs: (the page's path, what a link back to it says)."""
    if photo.note_id:
        return path_to("practices:note_detail", photo.note_id), "the note"
    if photo.plan_id:
        return path_to("practices:plan_detail", photo.plan_id), "the plan"
    day = photo.answer.question.day.isoformat()
    return path_to("practices:question_day", day), "the day's question"


def photo_page(
    request: HttpRequest, found: Photo, form: PhotoDescriptionForm | None = None, status: int = 200
) -> HttpResponse:
    """The photo's page; for who added it, the form to describe it (as sent, if refused)."""
    back_url, back_label = what_it_shows(found)
    card = photo_card(found, Viewer.of(request))
    if form is None and card.mine:
        form = PhotoDescriptionForm(initial={"alt_text": found.alt_text})
    context = {
        "photo": card,
        "back_url": back_url,
        "back_label": back_label,
        "form": form,
    }
    return render(request, "practices/photo.html", context, status=status)


@couple_required
@require_GET
def photo(request: HttpRequest, key: str) -> HttpResponse:
    found = get_object_or_404(visible_photos(request).select_related("answer__question"), key=key)
    return photo_page(request, found)


def own_photo(request: HttpRequest, key: str) -> Photo:
    return get_for_writing(
        request,
        Photo.objects.select_related("answer__question"),
        key=key,
        owner="uploaded_by",
        refusal=ONLY_WHO_ADDED,
    )


@active_couple_required
@require_POST
def photo_describe(request: HttpRequest, key: str) -> HttpResponse:
    found = own_photo(request, key)
    form = PhotoDescriptionForm(request.POST)
    if not form.is_valid():
        return photo_page(request, found, form, status=422)
    photos.describe(couple=request.couple, photo=found, alt_text=form.cleaned_data["alt_text"])
    messages.success(request, "The description is saved.")
    return redirect("practices:photo", key=found.key)


@active_couple_required
@require_POST
def photo_delete(request: HttpRequest, key: str) -> HttpResponse:
    found = own_photo(request, key)
    back_url, _ = what_it_shows(found)
    photos.remove(couple=request.couple, photo=found)
    messages.success(request, "The photo is deleted, from every size Bond kept.")
    return HttpResponseRedirect(back_url)


def add_photo(request: HttpRequest, target: photos.Target, back_url: str) -> HttpResponse:
    """Keep the posted photo on `target`, then go back to its page; a refusal shows the
    form again, with why, on a page of its own (the upload itself cannot be shown again:
    a browser never refills a file field)."""
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            photos.attach(
                couple=request.couple,
                user=request.user,
                target=target,
                cleaned=form.cleaned_data["photo"],
                alt_text=form.cleaned_data["alt_text"],
            )
        except photos.PhotoRefused as refused:
            form.add_error("photo", str(refused))
        else:
            messages.success(request, "Photo added. Its smaller sizes are on their way.")
            # The upload script (static/js/bond.js) asks as htmx does: it navigates itself,
            # so that the message is left for the page it opens.
            if request.htmx:
                return HttpResponseClientRedirect(back_url)
            return HttpResponseRedirect(back_url)
    context = {"form": form, "action": request.path, "back_url": back_url}
    return render(request, "practices/photo_add.html", context, status=422)


@active_couple_required
@require_POST
def note_photo_add(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_for_writing(request, Note.objects, pk, owner="author", refusal=ONLY_THE_AUTHOR)
    return add_photo(request, note, path_to("practices:note_detail", note.pk))


@active_couple_required
@require_POST
def plan_photo_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_for_writing(request, Plan.objects, pk)
    return add_photo(request, plan, path_to("practices:plan_detail", plan.pk))


@active_couple_required
@require_POST
def answer_photo_add(request: HttpRequest, day: str) -> HttpResponse:
    try:
        the_day = dt.date.fromisoformat(day)
    except ValueError:
        raise Http404("Not a date.") from None
    answer = (
        Answer.objects.for_couple(request.couple)
        .filter(question__day=the_day, author=request.user)
        .first()
    )
    if answer is None:
        raise PermissionDenied("Answer the question first: a photo goes with your answer.")
    return add_photo(request, answer, path_to("practices:question_day", day))


@couple_required
@require_GET
def memories(request: HttpRequest) -> HttpResponse:
    """The couple's photos by month, newest first, a page of MEMORIES_PAGE at a time."""
    viewer = Viewer.of(request)
    shown = selectors.photos_seen_by(viewer).order_by("-created_at", "-pk")
    before = request.GET.get("before", "")
    if before:
        try:
            moment, pk = decode_cursor(before)
        except BadCursor:
            raise Http404("Not a place in the memories.") from None
        shown = shown.filter(Q(created_at__lt=moment) | Q(created_at=moment, pk__lt=pk))
    rows = list(shown[: MEMORIES_PAGE + 1])
    last = rows[MEMORIES_PAGE - 1] if len(rows) > MEMORIES_PAGE else None
    more = cursor_at(last.created_at, last.pk) if last else ""
    months: list[tuple[str, list]] = []
    for row in rows[:MEMORIES_PAGE]:
        label = f"{timezone.localtime(row.created_at):%B %Y}"
        if not months or months[-1][0] != label:
            months.append((label, []))
        months[-1][1].append(photo_card(row, viewer))
    return render(request, "practices/memories.html", {"months": months, "more": more})
