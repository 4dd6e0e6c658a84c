"""Guided programs: their list, each program's page with the viewer's day, and starting,
pausing, resuming or stopping the one the couple is doing (practices.guided)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from accounts.couples import active_couple_required, couple_required
from practices import guided
from practices.display import action_path
from practices.fragments import waiting_count
from practices.models import Notification, ProgramRun, ProgramStep
from practices.notifications import settle_on_view
from practices.programs import ACTIONS, PROGRAMS, PROGRAMS_BY_SLUG, Program, ProgramDay


def program_or_404(slug: str) -> Program:
    program = PROGRAMS_BY_SLUG.get(slug)
    if program is None:
        raise Http404("No such program.")
    return program


def action_url(day: ProgramDay) -> str:
    """Where the day's action is done."""
    if day.action == "plan":
        suggestion = f"?idea={day.idea}" if day.idea else ""
        return reverse("practices:plan_create") + suggestion
    return {
        "note": reverse("practices:note_create"),
        "question": reverse("practices:question"),
        "check_in": action_path("well-being"),
        "reflect_back": action_path("empathy"),
        "idea": reverse("practices:idea_list"),
        "affection": action_path("affection"),
        "sign": reverse("home") + "#signs",
    }[day.action]


@dataclass(frozen=True)
class DayLine:
    number: int
    title: str
    done_by_me: bool
    done_by_partner: bool


def running(request: HttpRequest) -> tuple[ProgramRun | None, list[ProgramStep]]:
    run = guided.current_run(request.couple)
    return run, list(ProgramStep.objects.filter(run=run)) if run else []


@couple_required
@require_GET
def program_list(request: HttpRequest) -> HttpResponse:
    run, steps = running(request)
    if waiting_count(request):
        # The page says what is under way, so news of a program stopped is seen here.
        settle_on_view(
            couple=request.couple,
            recipient=request.user,
            kinds=[Notification.Kind.PROGRAM_STOPPED],
        )
    context = {"programs": PROGRAMS, "run": run}
    if run:
        today = timezone.localdate()
        context["mine"] = guided.position(run, steps, request.user.pk, today)
        if request.partner:
            context["theirs"] = guided.position(run, steps, request.partner.pk, today)
        context["running"] = PROGRAMS_BY_SLUG[run.program]
    return render(request, "practices/program_list.html", context)


@couple_required
@require_GET
def program(request: HttpRequest, slug: str) -> HttpResponse:
    content = program_or_404(slug)
    run, steps = running(request)
    context: dict = {"program": content, "run": run if run and run.program == slug else None}
    if context["run"]:
        if waiting_count(request):
            settle_on_view(
                couple=request.couple,
                recipient=request.user,
                kinds=[Notification.Kind.PROGRAM],
                program_run=run,
            )
        today = timezone.localdate()
        mine = guided.position(run, steps, request.user.pk, today)
        partner = request.partner
        theirs = guided.position(run, steps, partner.pk, today) if partner else None
        done = {(step.user_id, step.day) for step in steps}
        context.update(
            mine=mine,
            theirs=theirs,
            days=[
                DayLine(
                    number=number,
                    title=day.title,
                    done_by_me=(request.user.pk, number) in done,
                    done_by_partner=partner is not None and (partner.pk, number) in done,
                )
                for number, day in enumerate(content.days, start=1)
            ],
        )
        if mine.next_day:
            today_day = content.days[mine.next_day - 1]
            context.update(
                day=today_day,
                day_action=ACTIONS[today_day.action],
                day_action_url=action_url(today_day),
            )
    else:
        context["other_run"] = run
    return render(request, "practices/program.html", context)


@active_couple_required
@require_POST
def program_start(request: HttpRequest, slug: str) -> HttpResponse:
    content = program_or_404(slug)
    try:
        guided.start(couple=request.couple, user=request.user, program=content)
    except guided.ProgramError as error:
        messages.info(request, str(error))
    else:
        partner = request.partner.display_name if request.partner else "Your partner"
        messages.success(request, f"Started. Day 1 is open, for you and for {partner}.")
    return redirect("practices:program", slug=slug)


def run_of(request: HttpRequest, slug: str) -> ProgramRun | None:
    """The couple's run of this program if it is the one under way; a button from a page
    of another (or of one since stopped) must not change the one under way now."""
    program_or_404(slug)
    run = guided.current_run(request.couple)
    if run is None or run.program != slug:
        messages.info(request, "This program is not the one under way: nothing was changed.")
        return None
    return run


def change_run(request: HttpRequest, slug: str, change, said: str) -> HttpResponse:
    run = run_of(request, slug)
    if run is not None:
        change(run)
        messages.success(request, said)
    return redirect("practices:program", slug=slug)


@active_couple_required
@require_POST
def program_pause(request: HttpRequest, slug: str) -> HttpResponse:
    return change_run(
        request,
        slug,
        lambda run: guided.pause(couple=request.couple, run=run),
        "Paused. It waits for you both, as it is.",
    )


@active_couple_required
@require_POST
def program_resume(request: HttpRequest, slug: str) -> HttpResponse:
    return change_run(
        request,
        slug,
        lambda run: guided.resume(couple=request.couple, run=run),
        "Welcome back: your next day is open.",
    )


@active_couple_required
@require_POST
def program_stop(request: HttpRequest, slug: str) -> HttpResponse:
    return change_run(
        request,
        slug,
        lambda run: guided.stop(couple=request.couple, user=request.user, run=run),
        "Stopped. You can start any program again.",
    )


@active_couple_required
@require_POST
def program_day_done(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    run = run_of(request, slug)
    if run is None:
        return redirect("practices:program", slug=slug)
    try:
        day = guided.mark_day(couple=request.couple, user=request.user, run=run, day=number)
    except guided.ProgramError as error:
        messages.info(request, str(error))
    else:
        messages.success(
            request, f"Day {number}, “{day.title}”, done. The next one opens tomorrow."
        )
    return redirect("practices:program", slug=slug)
