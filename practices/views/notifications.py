"""The partner loop in the app: the nav's count of what waits for you, the "for you" list
on the home page (practices.notifications tells, practices.selectors.for_you lists), and
the one-tap "thinking of you"."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_POST

from accounts.couples import active_couple_required, couple_change, couple_required, get_for_writing
from practices import journal, selectors
from practices.forms import GestureForm
from practices.journal import TooManyGestures
from practices.models import Notification
from practices.notifications import settle
from practices.presenters import Viewer

# htmx stops polling when told 286: a signed-out page has nothing to refresh.
STOP_POLLING = 286


def on_home_page(request: HttpRequest) -> bool:
    return bool(request.htmx) and request.htmx.current_url_abs_path == "/"


def for_you_context(request: HttpRequest) -> dict:
    viewer = Viewer.of(request)
    return {"for_you": SimpleLazyObject(lambda: selectors.for_you(viewer))}


@require_GET
def waiting(request: HttpRequest) -> HttpResponse:
    """The nav's count, polled while the page is in view. Nothing changed since the page
    had it (the couple's revision it was given): 204, and not one more query."""
    if not request.user.is_authenticated:
        return HttpResponse(status=STOP_POLLING)
    couple = request.couple
    if couple is None or request.GET.get("rev") == str(couple.revision):
        return HttpResponse(status=204)
    context = {"on_home_page": on_home_page(request)}
    if context["on_home_page"]:
        context.update(for_you_context(request))
    return render(request, "bond/dashboard.html#waiting-update", context)


@couple_required
@require_POST
def dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_for_writing(request, Notification.objects.filter(recipient=request.user), pk)
    with couple_change(request.couple):
        settle(recipient=request.user, pk=item.pk)
    if request.htmx:
        return render(request, "bond/dashboard.html#for-you-update", for_you_context(request))
    return redirect("home")


@active_couple_required
@require_POST
def gesture_send(request: HttpRequest) -> HttpResponse:
    form = GestureForm(request.POST)
    if request.partner is None or not form.is_valid():
        return HttpResponse("Choose one of the signs to send.", status=400)
    status = 200
    try:
        gesture = journal.send_gesture(
            couple=request.couple,
            user=request.user,
            recipient=request.partner,
            kind=form.cleaned_data["kind"],
        )
    except TooManyGestures:
        sent = (
            f"That's today's {journal.GESTURES_PER_DAY} signs sent: "
            f"{request.partner.display_name} will see them."
        )
        status = 429
    else:
        sent = f"Sent: “{gesture.get_kind_display()}”. {request.partner.display_name} will see it."
    if request.htmx:
        context = {
            **for_you_context(request),
            "signs_left": journal.gestures_left_today(couple=request.couple, user=request.user),
            "signs_sent": sent,
        }
        return render(request, "bond/dashboard.html#signs-update", context, status=status)
    (messages.success if status == 200 else messages.info)(request, sent)
    return redirect("home")
