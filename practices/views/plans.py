"""Quality time: plans, their status and reflections, and the ideas library."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.couples import (
    ARCHIVE_READ_ONLY,
    active_couple_required,
    couple_required,
    get_for_reading,
    get_for_writing,
)
from practices import journal
from practices.forms import (
    YOUR_OWN,
    CustomIdeaForm,
    IdeaSearchForm,
    PhotoForm,
    PlanForm,
    ReflectionForm,
    StatusForm,
)
from practices.fragments import waiting_count
from practices.ideas import CATEGORIES, IDEAS, IDEAS_BY_SLUG
from practices.journal import StalePlan, When
from practices.models import CustomIdea, Notification, Plan
from practices.notifications import settle_on_view
from practices.presenters import Viewer, photo_cards, plan_card
from practices.timeline import attach_photos


def editor_zone(request: HttpRequest) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(request.user.time_zone)


def plan_fields(form: PlanForm) -> dict:
    return {field: form.cleaned_data[field] for field in PlanForm.Meta.fields}


def when_of(form: PlanForm) -> When:
    return When(day=form.cleaned_data["day"], time=form.cleaned_data["time"])


def plan_sections(viewer: Viewer) -> list[tuple[str, str, list]]:
    today = timezone.localdate()
    plans = Plan.objects.for_couple(viewer.couple)
    planned = plans.filter(status=Plan.Status.PLANNED, day__gte=today)
    upcoming = planned.order_by("day", "starts_at")[:50]
    ideas = plans.filter(status=Plan.Status.IDEA).order_by("day", "-created_at")[:50]
    past = (
        plans.exclude(status=Plan.Status.IDEA)
        .exclude(status=Plan.Status.PLANNED, day__gte=today)
        .order_by("-day", "-created_at")[:30]
    )
    return [
        (key, heading, [plan_card(plan, viewer) for plan in section])
        for key, heading, section in (
            ("upcoming", "Coming up", upcoming),
            ("ideas", "Ideas for later", ideas),
            ("past", "Past plans", past),
        )
    ]


@couple_required
@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    viewer = Viewer.of(request)
    sections = SimpleLazyObject(lambda: plan_sections(viewer))
    has_plans = SimpleLazyObject(lambda: any(plans for _key, _heading, plans in sections))
    return render(
        request, "practices/plan_list.html", {"sections": sections, "has_plans": has_plans}
    )


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
        initial = {"status": Plan.Status.PLANNED, **idea_initial(request)}
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


def plan_page(request: HttpRequest, plan: Plan, **overrides: object) -> dict:
    """What the plan's page shows: the plan, its status buttons and the reflections the
    viewer may read (the partner's only once the viewer wrote theirs)."""
    viewer = Viewer.of(request)
    reflections = {r.author_id: r for r in plan.reflections.with_shown(request.user)}
    mine = reflections.pop(request.user.pk, None)
    theirs = next(iter(reflections.values()), None)
    can_reflect = plan.status == Plan.Status.DONE and mine is None and viewer.can_write
    attach_photos(plans=[plan])
    return {
        "plan": plan,
        "card": plan_card(plan, viewer, photos=photo_cards(plan.photo_rows, viewer)),
        "photo_form": PhotoForm() if viewer.can_write else None,
        "photo_label": "Add a photo of the day"
        if plan.status == Plan.Status.DONE
        else "Add a photo of the place",
        "updater_name": viewer.name_of(plan.updated_by_id),
        "status_choices": Plan.Status.choices,
        "my_reflection": mine,
        "their_reflection": theirs if theirs and theirs.shown else None,
        "they_reflected": theirs is not None,
        "reflection_form": ReflectionForm() if can_reflect else None,
        **overrides,
    }


@couple_required
@require_GET
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_for_reading(request, Plan.objects, pk)
    context = plan_page(request, plan)
    if waiting_count(request):
        # The plan is on this page, and so is the partner's reflection once the viewer
        # wrote theirs: that news is seen.
        kind = Notification.Kind
        kinds = [kind.PLAN_NEW, kind.PLAN_CHANGED, kind.DATE_TOMORROW, kind.PHOTO]
        if context["my_reflection"]:
            kinds.append(kind.REFLECTION)
        settle_on_view(couple=request.couple, recipient=request.user, kinds=kinds, plan=plan)
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
    plan = get_for_writing(request, Plan.objects, pk)
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
            couple=request.couple,
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
        viewer = Viewer.of(request)
        context = {
            "form": PlanForm(data, instance=stale.current),
            "plan": plan,
            "current": stale.current,
            "current_card": plan_card(stale.current, viewer),
            "updater_name": viewer.name_of(stale.current.updated_by_id),
        }
        return render(request, "practices/plan_edit.html", context, status=409)
    messages.success(request, "Plan updated.")
    return redirect("practices:plan_detail", pk=plan.pk)


def status_conflict(request: HttpRequest, current: Plan) -> HttpResponse:
    """A status button from a page older than the plan: nothing changed. The status as it
    is now, who set it, and fresh buttons (the partial for htmx, swapped in place on a 409
    by base.html's config; the whole page otherwise)."""
    who = Viewer.of(request).name_of(current.updated_by_id)
    where = " in another tab" if current.updated_by_id == request.user.pk else ""
    message = (
        f"{who} changed this plan{where} meanwhile: it is now "
        f"{current.get_status_display()}. Nothing was overwritten."
    )
    context = plan_page(request, current, status_conflict=message)
    template = (
        "practices/plan_detail.html#plan-status" if request.htmx else "practices/plan_detail.html"
    )
    return render(request, template, context, status=409)


@active_couple_required
@require_POST
def plan_status(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_for_writing(request, Plan.objects, pk)
    form = StatusForm(request.POST)
    if "status" in form.errors:
        return HttpResponseBadRequest("Unknown status: choose idea, planned, done or cancelled.")
    if not form.is_valid():
        return HttpResponseBadRequest("This button is missing its version. Reload the page.")
    try:
        journal.set_plan_status(
            couple=request.couple,
            plan=plan,
            user=request.user,
            version=form.cleaned_data["version"],
            status=form.cleaned_data["status"],
        )
    except StalePlan as stale:
        return status_conflict(request, stale.current)
    if request.htmx:
        plan = get_for_reading(request, Plan.objects, pk)
        return render(request, "practices/plan_detail.html#plan-status", plan_page(request, plan))
    return redirect("practices:plan_detail", pk=plan.pk)


@active_couple_required
@require_POST
def plan_reflect(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_for_writing(request, Plan.objects, pk)
    if plan.status != Plan.Status.DONE:
        messages.error(request, "Reflections open once the plan is marked done.")
        return redirect("practices:plan_detail", pk=plan.pk)
    form = ReflectionForm(request.POST)
    if not form.is_valid():
        context = plan_page(request, plan, reflection_form=form)
        return render(request, "practices/plan_detail.html", context, status=422)
    try:
        journal.reflect(couple=request.couple, plan=plan, author=request.user, **form.cleaned_data)
    except IntegrityError:
        messages.info(request, "You already wrote your reflection on this plan.")
    return redirect("practices:plan_detail", pk=plan.pk)


# Ideas a page of the library shows: a phone screen or two, not fourteen thousand pixels.
IDEAS_PER_PAGE = 8


@dataclass(frozen=True)
class IdeaCard:
    title: str
    description: str
    category_label: str
    plan_url: str


def idea_cards(couple, *, category: str, words: str) -> list[IdeaCard]:
    """The couple's own ideas first (newest first), then the library's, in its order; only
    those of `category` and holding every one of `words`, if given."""
    labels = dict(CATEGORIES)
    new_plan = reverse("practices:plan_create")
    cards = []
    if category in ("", YOUR_OWN):
        own = CustomIdea.objects.for_couple(couple).order_by("-created_at")[:100]
        cards += [
            IdeaCard(idea.title, idea.description, "Your own", f"{new_plan}?custom={idea.pk}")
            for idea in own
        ]
    if category != YOUR_OWN:
        cards += [
            IdeaCard(
                idea.title, idea.description, labels[idea.category], f"{new_plan}?idea={idea.slug}"
            )
            for idea in IDEAS
            if category in ("", idea.category)
        ]
    needles = words.lower().split()
    return [
        card
        for card in cards
        if all(needle in f"{card.title} {card.description}".lower() for needle in needles)
    ]


@couple_required
@require_http_methods(["GET", "POST"])
def idea_list(request: HttpRequest) -> HttpResponse:
    form = CustomIdeaForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not request.couple.is_active:
            raise PermissionDenied(ARCHIVE_READ_ONLY)
        if form.is_valid():
            journal.add_custom_idea(
                couple=request.couple, user=request.user, idea=form.save(commit=False)
            )
            messages.success(request, "Your idea is in your library.")
            return redirect("practices:idea_list")
    search = IdeaSearchForm(request.GET)
    if not search.is_valid():
        return HttpResponseBadRequest("Choose a category from the list, and at most 80 letters.")
    category, words = search.cleaned_data["category"], search.cleaned_data["q"]
    found = idea_cards(request.couple, category=category, words=words)
    page = Paginator(found, IDEAS_PER_PAGE).get_page(search.cleaned_data["page"])
    query = {"category": category, "q": words}
    context = {
        "form": form,
        "search": search,
        "category": category,
        "categories": [("", "All ideas"), *CATEGORIES, (YOUR_OWN, "Your own")],
        "found": page,
        "query": urlencode({key: value for key, value in query.items() if value}),
    }
    if request.htmx and request.htmx.target == "idea-results":
        return render(request, "practices/idea_list.html#idea-results", context)
    status = 422 if form.errors else 200
    return render(request, "practices/idea_list.html", context, status=status)
