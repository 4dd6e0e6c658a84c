"""The shared journal: notes, plans, ideas and the timeline.

Every view reaches data through request.couple (see accounts.couples). A view that
serves HTMX returns a partial for `request.htmx` and the whole page otherwise.
"""

from __future__ import annotations

import math
import zoneinfo

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from accounts.couples import active_couple_required, couple_required
from accounts.views import latest_invite_of
from practices import daily, journal
from practices.content import PRACTICES
from practices.display import day_label, moment_label, path_to
from practices.forms import (
    CustomIdeaForm,
    NoteForm,
    PlanForm,
    ReactionForm,
    ReflectionForm,
    StatusForm,
)
from practices.fragments import FRAGMENT_SECONDS, Fragment, render_cached, unread_count
from practices.ideas import CATEGORIES, IDEAS, IDEAS_BY_SLUG
from practices.journal import StalePlan, When
from practices.models import CustomIdea, DailyQuestion, Entry, Note, Plan, Reaction
from practices.practice_views import check_in_context
from practices.progress import progress
from practices.questions import QUESTIONS
from practices.timeline import FILTERS, BadCursor, attach_reactions, timeline_page

# Our own 24×24 line icons (no emoji font or icon font is assumed on the device).
REACTION_ICONS = {
    "heart": "M12 20s-7-4.4-8.7-8.8C2.1 7.9 4.2 5 7.2 5c1.9 0 3.2 1 4.8 2.9C13.6 6 14.9 5 16.8 5"
    "c3 0 5.1 2.9 3.9 6.2C19 15.6 12 20 12 20z",
    "hug": "M8 4.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z"
    " M16 4.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z"
    " M3 20c0-3.5 2.2-6 5-6c1.6 0 3 .8 4 2c1-1.2 2.4-2 4-2c2.8 0 5 2.5 5 6",
    "smile": "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M8 14c1 1.6 2.4 2.4 4 2.4s3-.8 4-2.4"
    " M9 9.5v.5 M15 9.5v.5",
    "thanks": "M12 3l2.2 6.3L20.5 11l-6.3 2.2L12 19.5l-2.2-6.3L3.5 11l6.3-1.7z",
}


def name_of(user_id: int | None, request: HttpRequest) -> str:
    if user_id == request.user.pk:
        return "You"
    if request.partner and user_id == request.partner.pk:
        return request.partner.display_name
    return "Your former partner"


def decorate_note(note: Note, request: HttpRequest) -> Note:
    """Attach what the note templates show, so that they decide nothing themselves."""
    note.from_me = note.author_id == request.user.pk
    note.author_name = name_of(note.author_id, request)
    note.recipient_name = name_of(note.recipient_id, request)
    note.is_new = note.recipient_id == request.user.pk and note.read_at is None
    note.can_edit = journal.can_edit_note(note, request.user)
    note.can_react = note.recipient_id == request.user.pk and request.couple.is_active
    reacted = note.reacted_kinds
    note.reaction_buttons = [
        {"kind": kind, "label": label, "icon": REACTION_ICONS[kind], "on": kind in reacted}
        for kind, label in Reaction.Kind.choices
        if note.can_react or kind in reacted
    ]
    note.detail_url = path_to("practices:note_detail", note.pk)
    note.react_url = path_to("practices:note_react", note.pk)
    note.star_url = path_to("practices:note_star", note.pk)
    note.edit_url = path_to("practices:note_edit", note.pk)
    note.created_label = moment_label(note.created_at)
    return note


def decorate_plan(plan: Plan, request: HttpRequest) -> Plan:
    plan.creator_name = name_of(plan.created_by_id, request)
    plan.updater_name = name_of(plan.updated_by_id, request)
    plan.local_start = timezone.localtime(plan.starts_at) if plan.starts_at else None
    plan.detail_url = path_to("practices:plan_detail", plan.pk)
    if plan.starts_at:
        plan.when_label = moment_label(plan.starts_at)
    else:
        plan.when_label = day_label(plan.day) if plan.day else "No date yet"
    plan.created_label = day_label(timezone.localtime(plan.created_at).date())
    return plan


def decorate_entries(entries: list[Entry], request: HttpRequest) -> list[Entry]:
    for entry in entries:
        if entry.note:
            decorate_note(entry.note, request)
            entry.note.starred = entry.note_starred
        elif entry.plan:
            decorate_plan(entry.plan, request)
        elif entry.reflection:
            reflection = entry.reflection
            reflection.author_name = name_of(reflection.author_id, request)
            reflection.visible = reflection.author_id == request.user.pk or entry.viewer_reflected
            reflection.plan_url = path_to("practices:plan_detail", reflection.plan_id)
            reflection.created_label = day_label(timezone.localtime(reflection.created_at).date())
        elif entry.question:
            decorate_question(entry.question, request)
        elif entry.exchange:
            exchange = entry.exchange
            exchange.listener_name = name_of(exchange.listener_id, request)
            exchange.speaker_name = name_of(exchange.speaker_id, request)
            exchange.created_label = day_label(timezone.localtime(exchange.created_at).date())
    return entries


def decorate_question(pinned: DailyQuestion, request: HttpRequest) -> None:
    pinned.text = QUESTIONS[pinned.question_index].text
    by_author = dict(pinned.answer_rows)
    pinned.mine = by_author.pop(request.user.pk, None)
    theirs = next(iter(by_author.values()), None)
    pinned.partner_answered = theirs is not None
    # The partner's words are handed to the template only once both have answered.
    pinned.theirs = theirs if pinned.mine else None
    pinned.day_url = path_to("practices:question_day", pinned.day.isoformat())
    pinned.day_label = f"{pinned.day.day} {pinned.day:%b}"


def redirect_back(request: HttpRequest) -> HttpResponse:
    """Back to the page the form was on (a path on this site only), else the journal."""
    target = request.POST.get("next", "")
    # A bare word would be taken for a URL name by redirect(): only absolute paths pass.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return HttpResponseRedirect(target)
    return redirect("practices:timeline")


# The dashboard ------------------------------------------------------------


def dashboard(request: HttpRequest) -> HttpResponse:
    """The signed-in home page (bond.views.home sends signed-in people here)."""

    def build() -> Fragment:
        return Fragment("bond/_dashboard.html", dashboard_context(request))

    if request.couple is not None and request.couple.is_active:
        content = render_cached(request, "dashboard", build)
    else:  # the invite's state shows too, and it is not the couple's data
        content = build().render(request)
    return render(request, "bond/dashboard.html", {"content": content})


def dashboard_context(request: HttpRequest) -> dict:
    couple = request.couple
    context: dict = {"practices": PRACTICES, "couple": couple}
    if couple is None or not couple.is_active:
        context["invite"] = latest_invite_of(request.user)
    if couple is not None:
        upcoming = Plan.objects.for_couple(couple).filter(
            status=Plan.Status.PLANNED, day__gte=timezone.localdate()
        )
        context["upcoming"] = [
            decorate_plan(plan, request) for plan in upcoming.order_by("day", "starts_at")[:3]
        ]
        remembered = journal.remember_when(couple)
        if remembered:
            remembered.author_name = name_of(remembered.author_id, request)
        context["remembered"] = remembered
        context["marks"], context["suggestion"] = progress(couple=couple, user=request.user)
        context["suggestion_url"] = path_to("practices:practice", context["suggestion"].slug)
        if couple.is_active:
            context["today"] = daily.day_question(
                couple=couple, user=request.user, day=timezone.localdate()
            )
            context.update(check_in_context(request))
    return context


# The timeline ------------------------------------------------------------


def seconds_until_edits_close(entries: list[Entry]) -> int:
    """How long a rendered page of entries stays true: until its first Edit link lapses."""
    closing = [
        entry.note.created_at + journal.NOTE_EDIT_WINDOW
        for entry in entries
        if entry.note_id and entry.note.can_edit
    ]
    if not closing:
        return FRAGMENT_SECONDS
    return max(1, math.ceil((min(closing) - timezone.now()).total_seconds()))


@couple_required
@require_GET
def timeline(request: HttpRequest) -> HttpResponse:
    show = request.GET.get("show", "all")
    if show not in FILTERS:
        return HttpResponseBadRequest("Unknown filter: choose all, notes or plans.")
    before = request.GET.get("before")
    more = bool(request.htmx and before)
    template = "practices/_entries_page.html" if more else "practices/_timeline.html"

    def build() -> Fragment:
        page = timeline_page(
            couple=request.couple, viewer=request.user, kind=FILTERS[show], before=before
        )
        decorate_entries(page.entries, request)
        context = {"page": page, "show": show}
        if not more:
            context["note_form"] = NoteForm()
        return Fragment(template, context, seconds_until_edits_close(page.entries))

    try:
        if more or not unread_count(request):
            content = render_cached(request, "timeline", build, show, before, more)
        else:
            # Opening the journal reads the notes on this page; they show as new this once.
            fragment = build()
            page = fragment.context["page"]
            new_ids = [e.note_id for e in page.entries if e.note_id and e.note.is_new]
            if new_ids:
                journal.mark_notes_read(
                    recipient=request.user, couple=request.couple, note_ids=new_ids
                )
            content = fragment.render(request)
    except BadCursor:
        return HttpResponseBadRequest("That page link is broken. Start again from the journal.")
    if more:
        return HttpResponse(content)
    return render(request, "practices/timeline.html", {"content": content})


@require_GET
def unread_badge(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        # 286 tells htmx to stop polling: a signed-out page has nothing to refresh.
        return HttpResponse(status=286)
    return render(request, "practices/_unread_badge.html")


# Notes ------------------------------------------------------------


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
            response = render(request, "practices/_note_form.html", {"form": form}, status=422)
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
        note.starred = False
        note.reacted_kinds = set()
        context = {"note": decorate_note(note, request), "form": NoteForm()}
        return render(request, "practices/_note_created.html", context)
    messages.success(request, f"Your note is on its way to {request.partner.display_name}.")
    return redirect("practices:timeline")


def couple_note(request: HttpRequest, pk: int) -> Note:
    note = get_object_or_404(Note.objects.for_couple(request.couple), pk=pk)
    attach_reactions([note])
    return note


@couple_required
@require_GET
def note_detail(request: HttpRequest, pk: int) -> HttpResponse:
    note = couple_note(request, pk)
    note.starred = note.stars.filter(user=request.user).exists()
    decorate_note(note, request)
    if note.is_new:
        journal.mark_notes_read(recipient=request.user, couple=request.couple, note_ids=[note.pk])
    return render(request, "practices/note_detail.html", {"note": note})


@active_couple_required
@require_http_methods(["GET", "POST"])
def note_edit(request: HttpRequest, pk: int) -> HttpResponse:
    note = couple_note(request, pk)
    if note.author_id != request.user.pk:
        return render(request, "practices/note_locked.html", {"note": note}, status=403)
    if not journal.can_edit_note(note, request.user):
        return render(request, "practices/note_locked.html", {"note": note}, status=403)
    form = NoteForm(request.POST if request.method == "POST" else None, instance=note)
    if request.method == "POST":
        if form.is_valid():
            journal.edit_note(
                note=note, text=form.cleaned_data["text"], category=form.cleaned_data["category"]
            )
            messages.success(request, "Your note is updated.")
            return redirect("practices:note_detail", pk=note.pk)
        return render(request, "practices/note_edit.html", {"form": form, "note": note}, status=422)
    return render(request, "practices/note_edit.html", {"form": form, "note": note})


@couple_required
@require_http_methods(["GET", "POST"])
def note_delete(request: HttpRequest, pk: int) -> HttpResponse:
    # Deleting your own words stays possible after the link ended: they are yours.
    note = couple_note(request, pk)
    if note.author_id != request.user.pk:
        return render(request, "practices/note_locked.html", {"note": note}, status=403)
    if request.method == "POST":
        journal.delete_note(note)
        messages.success(request, "Your note is deleted.")
        return redirect("practices:timeline")
    return render(request, "practices/note_delete.html", {"note": decorate_note(note, request)})


@active_couple_required
@require_POST
def note_react(request: HttpRequest, pk: int) -> HttpResponse:
    note = couple_note(request, pk)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Unknown reaction.")
    if note.recipient_id != request.user.pk:
        return HttpResponse("Only the person a note was written to can react to it.", status=403)
    journal.toggle_reaction(note=note, user=request.user, kind=form.cleaned_data["kind"])
    if request.htmx:
        return note_card(request, pk)
    return redirect_back(request)


@couple_required
@require_POST
def note_star(request: HttpRequest, pk: int) -> HttpResponse:
    note = couple_note(request, pk)
    journal.toggle_star(note=note, user=request.user)
    if request.htmx:
        return note_card(request, pk)
    return redirect_back(request)


def note_card(request: HttpRequest, pk: int) -> HttpResponse:
    """The note as it is now, for htmx to swap in place of the one that was clicked."""
    note = couple_note(request, pk)
    note.starred = note.stars.filter(user=request.user).exists()
    context = {"note": decorate_note(note, request), "back_to": request.htmx.current_url_abs_path}
    return render(request, "practices/_note.html", context)


@couple_required
@require_GET
def keepsakes(request: HttpRequest) -> HttpResponse:
    notes = list(
        Note.objects.for_couple(request.couple)
        .filter(stars__isnull=False)
        .distinct()
        .order_by("-created_at")[:100]
    )
    attach_reactions(notes)
    starred_by_me = set(
        Note.objects.for_couple(request.couple)
        .filter(stars__user=request.user)
        .values_list("pk", flat=True)
    )
    for note in notes:
        note.starred = note.pk in starred_by_me
        decorate_note(note, request)
    return render(request, "practices/keepsakes.html", {"notes": notes})


# Plans ------------------------------------------------------------


def editor_zone(request: HttpRequest) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(request.user.time_zone)


def plan_fields(form: PlanForm) -> dict:
    return {field: form.cleaned_data[field] for field in PlanForm.Meta.fields}


def when_of(form: PlanForm) -> When:
    return When(day=form.cleaned_data["day"], time=form.cleaned_data["time"])


@couple_required
@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    def build() -> Fragment:
        today = timezone.localdate()
        plans = Plan.objects.for_couple(request.couple)
        planned = plans.filter(status=Plan.Status.PLANNED, day__gte=today)
        upcoming = list(planned.order_by("day", "starts_at")[:50])
        ideas = list(plans.filter(status=Plan.Status.IDEA).order_by("day", "-created_at")[:50])
        past = list(
            plans.exclude(status=Plan.Status.IDEA)
            .exclude(status=Plan.Status.PLANNED, day__gte=today)
            .order_by("-day", "-created_at")[:30]
        )
        for plan in [*upcoming, *ideas, *past]:
            decorate_plan(plan, request)
        sections = [
            ("upcoming", "Coming up", upcoming),
            ("ideas", "Ideas for later", ideas),
            ("past", "Past plans", past),
        ]
        return Fragment("practices/_plan_list.html", {"sections": sections})

    content = render_cached(request, "plans", build)
    return render(request, "practices/plan_list.html", {"content": content})


def library_slug(raw: str) -> str:
    """The ideas-library slug a plan came from, if it names one (the field is hidden,
    not trusted)."""
    return raw if raw in IDEAS_BY_SLUG else ""


def idea_initial(request: HttpRequest) -> dict:
    """Pre-fill a new plan from the ideas library ("plan this")."""
    if slug := request.GET.get("idea"):
        idea = IDEAS_BY_SLUG.get(slug)
        if idea:
            return {
                "title": idea.title,
                "description": idea.description,
                "tech_free": idea.tech_free,
                "status": Plan.Status.PLANNED,
            }
    try:
        custom = int(request.GET.get("custom", ""))
    except ValueError:
        return {}
    idea = CustomIdea.objects.for_couple(request.couple).filter(pk=custom).first()
    if idea:
        return {"title": idea.title, "description": idea.description}
    return {}


@active_couple_required
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        initial = {"status": Plan.Status.PLANNED, "tech_free": True, **idea_initial(request)}
        return render(request, "practices/plan_form.html", {"form": PlanForm(initial=initial)})
    form = PlanForm(request.POST)
    if not form.is_valid():
        return render(request, "practices/plan_form.html", {"form": form}, status=422)
    plan = journal.create_plan(
        couple=request.couple,
        user=request.user,
        fields={**plan_fields(form), "idea_slug": library_slug(request.POST.get("idea_slug", ""))},
        when=when_of(form),
        tz=editor_zone(request),
    )
    messages.success(request, "Your plan is saved. Your partner can see and change it too.")
    return redirect("practices:plan_detail", pk=plan.pk)


def couple_plan(request: HttpRequest, pk: int) -> Plan:
    return get_object_or_404(Plan.objects.for_couple(request.couple), pk=pk)


def reflection_context(plan: Plan, request: HttpRequest) -> dict:
    reflections = {r.author_id: r for r in plan.reflections.all()}
    mine = reflections.pop(request.user.pk, None)
    theirs = next(iter(reflections.values()), None)
    can_reflect = plan.status == Plan.Status.DONE and mine is None and request.couple.is_active
    return {
        "my_reflection": mine,
        "their_reflection": theirs if mine else None,
        "they_reflected": theirs is not None,
        "reflection_form": ReflectionForm() if can_reflect else None,
    }


@couple_required
@require_GET
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = decorate_plan(couple_plan(request, pk), request)
    context = {
        "plan": plan,
        "status_choices": Plan.Status.choices,
        **reflection_context(plan, request),
    }
    return render(request, "practices/plan_detail.html", context)


def plan_form_initial(plan: Plan) -> dict:
    local_start = timezone.localtime(plan.starts_at) if plan.starts_at else None
    return {
        "day": local_start.date() if local_start else plan.day,
        "time": local_start.time() if local_start else None,
        "version": plan.version,
    }


@active_couple_required
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = couple_plan(request, pk)
    if request.method == "GET":
        form = PlanForm(instance=plan, initial=plan_form_initial(plan))
        return render(request, "practices/plan_edit.html", {"form": form, "plan": plan})
    form = PlanForm(request.POST, instance=plan)
    if not form.is_valid() or form.cleaned_data["version"] is None:
        if form.is_valid():
            form.add_error(None, "This form is missing its version. Reload the page and try again.")
        return render(request, "practices/plan_edit.html", {"form": form, "plan": plan}, status=422)
    try:
        journal.update_plan(
            plan=plan,
            user=request.user,
            version=form.cleaned_data["version"],
            fields=plan_fields(form),
            when=when_of(form),
            tz=editor_zone(request),
        )
    except StalePlan as stale:
        # Keep every word they typed; the next save, knowingly, replaces the newer version.
        data = request.POST.copy()
        data["version"] = stale.current.version
        context = {
            "form": PlanForm(data, instance=stale.current),
            "plan": plan,
            "current": decorate_plan(stale.current, request),
        }
        return render(request, "practices/plan_edit.html", context, status=409)
    messages.success(request, "Plan updated.")
    return redirect("practices:plan_detail", pk=plan.pk)


@active_couple_required
@require_POST
def plan_status(request: HttpRequest, pk: int) -> HttpResponse:
    plan = couple_plan(request, pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Unknown status: choose idea, planned, done or cancelled.")
    journal.set_plan_status(plan=plan, user=request.user, status=form.cleaned_data["status"])
    if request.htmx:
        plan = decorate_plan(couple_plan(request, pk), request)
        context = {"plan": plan, "status_choices": Plan.Status.choices}
        return render(request, "practices/_plan_status.html", context)
    return redirect("practices:plan_detail", pk=plan.pk)


@active_couple_required
@require_POST
def plan_reflect(request: HttpRequest, pk: int) -> HttpResponse:
    plan = couple_plan(request, pk)
    if plan.status != Plan.Status.DONE:
        messages.error(request, "Reflections open once the plan is marked done.")
        return redirect("practices:plan_detail", pk=plan.pk)
    form = ReflectionForm(request.POST)
    if not form.is_valid():
        plan = decorate_plan(plan, request)
        context = {"plan": plan, "status_choices": Plan.Status.choices}
        context.update(reflection_context(plan, request))
        context["reflection_form"] = form
        return render(request, "practices/plan_detail.html", context, status=422)
    try:
        journal.reflect(plan=plan, author=request.user, **form.cleaned_data)
    except IntegrityError:
        messages.info(request, "You already wrote your reflection on this plan.")
    return redirect("practices:plan_detail", pk=plan.pk)


# Ideas ------------------------------------------------------------


@couple_required
@require_http_methods(["GET", "POST"])
def idea_list(request: HttpRequest) -> HttpResponse:
    form = CustomIdeaForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not request.couple.is_active:
            return render(request, "accounts/archive_read_only.html", status=403)
        if form.is_valid():
            journal.add_custom_idea(
                couple=request.couple, user=request.user, idea=form.save(commit=False)
            )
            messages.success(request, "Your idea is in your library.")
            return redirect("practices:idea_list")
    grouped = [
        (key, label, [idea for idea in IDEAS if idea.category == key]) for key, label in CATEGORIES
    ]
    custom = CustomIdea.objects.for_couple(request.couple).order_by("-created_at")[:100]
    status = 422 if form.errors else 200
    context = {"grouped": grouped, "custom_ideas": custom, "form": form}
    return render(request, "practices/idea_list.html", context, status=status)
