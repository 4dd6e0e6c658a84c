"""The home page: the landing page for visitors, the couple's dashboard for members."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from accounts import linking
from practices import daily, guided, journal, selectors
from practices.content import PRACTICES
from practices.display import path_to, same_day_in
from practices.models import Gesture, Plan, ProgramStep
from practices.presenters import PlanCard, Viewer, plan_card
from practices.programs import PROGRAMS_BY_SLUG
from practices.progress import PracticeProgress, progress


@dataclass(frozen=True)
class Remembered:
    pk: int
    text: str
    author_name: str
    created_label: str


# How far ahead the anniversary is counted down to, gently.
ANNIVERSARY_SHOWN_DAYS_AHEAD = 45


@dataclass(frozen=True)
class Us:
    """The two of them, at the top of their home page."""

    names: str
    couple_name: str
    days: int
    # Counted from the anniversary they set, else from the day they linked on Bond.
    since: dt.date
    from_anniversary: bool
    # Their next anniversary, when it is near: in how many days (0: today), and which.
    anniversary_in: int | None
    anniversary_years: int
    next_date: PlanCard | None


def us_of(viewer: Viewer, next_date: PlanCard | None, today: dt.date) -> Us:
    couple = viewer.couple
    since = couple.anniversary or timezone.localtime(couple.linked_at).date()
    anniversary_in, years = None, 0
    if couple.anniversary:
        upcoming = same_day_in(couple.anniversary, today.year)
        if upcoming < today:
            upcoming = same_day_in(couple.anniversary, today.year + 1)
        if (upcoming - today).days <= ANNIVERSARY_SHOWN_DAYS_AHEAD:
            anniversary_in, years = (upcoming - today).days, upcoming.year - couple.anniversary.year
    return Us(
        names=f"{viewer.user.display_name} & {viewer.partner_label}",
        couple_name=couple.name,
        days=(today - since).days,
        since=since,
        from_anniversary=couple.anniversary is not None,
        anniversary_in=anniversary_in,
        anniversary_years=years,
        next_date=next_date,
    )


@dataclass(frozen=True)
class ProgramCard:
    """The guided program under way, as the viewer is in it."""

    title: str
    url: str
    next_day: int | None
    day_title: str
    is_open: bool
    paused: bool


def program_card(viewer: Viewer, today: dt.date) -> ProgramCard | None:
    run = guided.current_run(viewer.couple)
    if run is None:
        return None
    content = PROGRAMS_BY_SLUG[run.program]
    where = guided.position(run, list(ProgramStep.objects.filter(run=run)), viewer.user.pk, today)
    return ProgramCard(
        title=content.title,
        url=path_to("practices:program", run.program),
        next_day=where.next_day,
        day_title=content.days[where.next_day - 1].title if where.next_day else "",
        is_open=where.is_open,
        paused=run.paused_at is not None,
    )


@dataclass(frozen=True)
class Dashboard:
    us: Us
    program: ProgramCard | None
    upcoming: list[PlanCard]
    # Plans made, done or let go, when none is coming up: "No plans yet" would be untrue.
    has_past_plans: bool
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
    coming = [plan_card(plan, viewer) for plan in upcoming.order_by("day", "starts_at")[:3]]
    return Dashboard(
        us=us_of(viewer, coming[0] if coming else None, today),
        program=program_card(viewer, today) if viewer.can_write else None,
        upcoming=coming,
        has_past_plans=not coming and Plan.objects.for_couple(couple).exists(),
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
