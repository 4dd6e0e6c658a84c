"""The seven practices as guided pages and the practices' actions.

A practice page is a sequence of steps, each at its own URL (so that everything works
without JavaScript); with htmx the next and previous links swap the step in place.
The last step is the practice's action, which writes into the couple's journal; an
action whose form fails shows that step again, with what was typed and the errors.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts.couples import (
    active_couple_required,
    couple_required,
    get_for_writing,
)
from practices import daily, exercises, selectors
from practices.content import FAQ, PRACTICES_BY_SLUG, Practice
from practices.display import action_path
from practices.forms import (
    AffectionForm,
    AnswerForm,
    CheckInForm,
    CheckInReplyForm,
    ExchangeForm,
    ExchangeReplyForm,
    NoteForm,
)
from practices.fragments import waiting_count
from practices.ideas import IDEAS
from practices.models import AffectionDay, CheckIn, Exchange, Notification
from practices.notifications import settle_on_view
from practices.progress import progress

# The affection ideas shown beside the daily tick.
AFFECTION_IDEAS = (
    "A twenty-second hug when one of you comes home.",
    "Hold hands on a walk, or for a minute on the sofa.",
    "A kiss goodbye and a kiss hello, every day.",
    "Sit close while you read or watch something.",
)


def practice_or_404(slug: str) -> Practice:
    practice = PRACTICES_BY_SLUG.get(slug)
    if practice is None:
        raise Http404("No such practice.")
    return practice


@couple_required
@require_GET
def practice_list(request: HttpRequest) -> HttpResponse:
    marks, suggestion = progress(couple=request.couple, user=request.user)
    return render(
        request, "practices/practice_list.html", {"marks": marks, "suggestion": suggestion}
    )


@require_GET
def faq(request: HttpRequest) -> HttpResponse:
    return render(request, "practices/faq.html", {"faq": FAQ})


def action_context(practice: Practice, request: HttpRequest) -> dict:
    """What the last step of each practice needs: its forms and the couple's latest."""
    couple, user = request.couple, request.user
    today = timezone.localdate()
    if practice.slug == "communication":
        return {
            "day": daily.day_question(couple=couple, user=user, day=today),
            "answer_form": AnswerForm(),
        }
    if practice.slug == "empathy":
        exchanges = Exchange.objects.for_couple(couple).order_by("-created_at")[:5]
        return {
            "exchanges": [
                (exchange, exchange.speaker_id == user.pk and not exchange.reply)
                for exchange in exchanges
            ],
            "exchange_form": ExchangeForm(),
            "reply_form": ExchangeReplyForm(),
        }
    if practice.slug == "quality-time":
        shown = [idea for idea in IDEAS if idea.tech_free and idea.category != "enrichment"]
        return {"ideas": shown[:8]}
    if practice.slug == "appreciation":
        return {"form": NoteForm()}
    if practice.slug == "affection":
        tick = AffectionDay.objects.for_couple(couple).filter(user=user, day=today).first()
        return {"affection_form": AffectionForm(instance=tick), "affection_ideas": AFFECTION_IDEAS}
    if practice.slug == "well-being":
        return selectors.check_in_panel(couple=couple, user=user, today=today)
    return {"ideas": [idea for idea in IDEAS if idea.category == "enrichment"]}


def step_context(request: HttpRequest, practice: Practice, number: int) -> dict:
    last = len(practice.steps) + 1  # the steps, then the action
    if not 1 <= number <= last:
        raise Http404("No such step.")
    context = {
        "practice": practice,
        "number": number,
        "last": last,
        "step": practice.steps[number - 1] if number < last else None,
        "related": [PRACTICES_BY_SLUG[s] for s in practice.related],
    }
    if number == last:
        context["action"] = SimpleLazyObject(lambda: action_context(practice, request))
    return context


# Opening a practice's action step shows these replies to the viewer's own: seen.
REPLIES_SHOWN = {
    "empathy": [Notification.Kind.EXCHANGE_REPLY],
    "well-being": [Notification.Kind.CHECK_IN_REPLY],
}


@couple_required
@vary_on_headers("HX-Request")
@require_GET
def practice_step(request: HttpRequest, slug: str, number: int = 1) -> HttpResponse:
    practice = practice_or_404(slug)
    context = step_context(request, practice, number)
    if number == context["last"] and slug in REPLIES_SHOWN and waiting_count(request):
        settle_on_view(couple=request.couple, recipient=request.user, kinds=REPLIES_SHOWN[slug])
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "practices/practice.html#step", context)
    return render(request, "practices/practice.html", context)


def action_failed(request: HttpRequest, slug: str, **forms: Form) -> HttpResponse:
    """The practice's action step again, with the forms as they were sent."""
    practice = PRACTICES_BY_SLUG[slug]
    context = step_context(request, practice, len(practice.steps) + 1)
    context["action"] = {**action_context(practice, request), **forms}
    context["fresh"] = True  # errors and typed words are this request's alone: not cached
    return render(request, "practices/practice.html", context, status=422)


# Practice actions ----------------------------------------------------------------


@active_couple_required
@require_POST
def exchange_create(request: HttpRequest) -> HttpResponse:
    form = ExchangeForm(request.POST)
    if request.partner is None or not form.is_valid():
        return action_failed(request, "empathy", exchange_form=form)
    exercises.reflect_back(
        couple=request.couple,
        listener=request.user,
        speaker=request.partner,
        heard=form.cleaned_data["heard"],
    )
    messages.success(request, f"Sent. {request.partner.display_name} can say if that's it.")
    return redirect(action_path("empathy"))


@active_couple_required
@require_POST
def exchange_reply(request: HttpRequest, pk: int) -> HttpResponse:
    exchange = get_for_writing(
        request,
        Exchange.objects,
        pk,
        owner="speaker",
        refusal="Only the partner who was heard can answer this.",
    )
    form = ExchangeReplyForm(request.POST)
    if not form.is_valid():
        return action_failed(request, "empathy", reply_form=form)
    answered = exercises.answer_exchange(
        couple=request.couple, exchange=exchange, user=request.user, **form.cleaned_data
    )
    if not answered:
        messages.info(request, "You already answered this one.")
    return redirect(action_path("empathy"))


@active_couple_required
@require_POST
def affection_tick(request: HttpRequest) -> HttpResponse:
    form = AffectionForm(request.POST)
    if not form.is_valid():  # only booleans: nothing a person can get wrong
        return HttpResponse("That did not look like the affection form.", status=400)
    kinds = {name for name, ticked in form.cleaned_data.items() if ticked}
    exercises.tick_affection(couple=request.couple, user=request.user, kinds=kinds)
    messages.success(request, "Noted. Only you can see it." if kinds else "Saved.")
    return redirect(action_path("affection"))


@active_couple_required
@require_POST
def check_in(request: HttpRequest) -> HttpResponse:
    form = CheckInForm(request.POST)
    if not form.is_valid():
        return action_failed(request, "well-being", check_in_form=form)
    exercises.check_in(
        couple=request.couple,
        user=request.user,
        mood=form.cleaned_data["mood"],
        need=form.cleaned_data["need"],
    )
    partner = request.partner.display_name if request.partner else "Your partner"
    messages.success(request, f"Thank you for sharing. {partner} will see it on their home page.")
    return redirect(action_path("well-being"))


@active_couple_required
@require_POST
def check_in_reply(request: HttpRequest, pk: int) -> HttpResponse:
    check = get_for_writing(request, CheckIn.objects, pk)
    if check.author_id == request.user.pk:
        raise PermissionDenied("A reply is for your partner's check-in.")
    form = CheckInReplyForm(request.POST)
    if not check.reply:
        if not form.is_valid():
            return action_failed(request, "well-being", check_in_reply_form=form)
        reply = form.cleaned_data["reply"]
        if exercises.reply_to_check_in(
            couple=request.couple, check=check, user=request.user, reply=reply
        ):
            messages.success(request, "Your reply is on its way.")
            return redirect("home")
        check.refresh_from_db(fields=["reply"])  # sent from another tab a moment ago
    # A reply is written once (from an older tab, say): the one that stands is shown, and
    # the words just typed too, so that nothing is lost. The step is what a GET shows, so
    # it may be served from (and kept in) the cache; the message is outside it.
    typed = form.cleaned_data["reply"] if form.is_valid() else ""
    not_sent = f" This one was not sent: “{typed}”." if typed and typed != check.reply else ""
    messages.info(request, f"You already replied: “{check.reply}”.{not_sent}")
    practice = PRACTICES_BY_SLUG["well-being"]
    context = step_context(request, practice, len(practice.steps) + 1)
    return render(request, "practices/practice.html", context, status=409)
