"""The home page: the landing page for visitors, the couple's dashboard for members."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from accounts import linking
from practices import daily, journal, selectors
from practices.content import PRACTICES
from practices.display import path_to
from practices.models import Gesture, Plan
from practices.presenters import PlanCard, Viewer, plan_card
from practices.progress import PracticeProgress, progress


@dataclass(frozen=True)
class Remembered:
    pk: int
    text: str
    author_name: str
    created_label: str


@dataclass(frozen=True)
class Dashboard:
    upcoming: list[PlanCard]
    remembered: Remembered | None
    marks: list[PracticeProgress]
    suggestion_title: str
    suggestion_url: str
    today: daily.DayQuestion | None
    check_ins: dict


def dashboard_of(viewer: Viewer) -> Dashboard:
    couple, user = viewer.couple, viewer.user
    upcoming = Plan.objects.for_couple(couple).filter(
        status=Plan.Status.PLANNED, day__gte=timezone.localdate()
    )
    note = journal.remember_when(couple)
    remembered = None
    if note is not None:
        written = timezone.localtime(note.created_at)
        remembered = Remembered(
            pk=note.pk,
            text=note.text,
            author_name=viewer.name_of(note.author_id),
            created_label=f"{written.day} {written:%B %Y}",
        )
    marks, suggestion = progress(couple=couple, user=user)
    today = timezone.localdate()
    return Dashboard(
        upcoming=[plan_card(plan, viewer) for plan in upcoming.order_by("day", "starts_at")[:3]],
        remembered=remembered,
        marks=marks,
        suggestion_title=suggestion.title,
        suggestion_url=path_to("practices:practice", suggestion.slug),
        today=daily.day_question(couple=couple, user=user, day=today) if viewer.can_write else None,
        check_ins=selectors.check_in_panel(couple=couple, user=user, today=today)
        if viewer.can_write
        else {},
    )


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "bond/landing.html", {"practices": PRACTICES})
    couple = request.couple
    context: dict = {"practices": PRACTICES}
    if couple is None or not couple.is_active:
        # Someone who opened a partner's invite before signing up continues there.
        invite_url = linking.pending_invite_url(request)
        if invite_url:
            return redirect(invite_url)
        context["invite"] = linking.latest_invite_of(request.user)
    if couple is not None:
        viewer = Viewer.of(request)
        context["board"] = SimpleLazyObject(lambda: dashboard_of(viewer))
        context["for_you"] = SimpleLazyObject(lambda: selectors.for_you(viewer))
        context["signs_left"] = SimpleLazyObject(
            lambda: journal.gestures_left_today(couple=couple, user=request.user)
        )
        context["sign_kinds"] = Gesture.Kind.choices
    return render(request, "bond/dashboard.html", context)
