"""The daily question for two: today's (and the week's) to answer, the conversation once
both answered, the decks and questions of their own that tomorrow's comes from, and the
archive of the questions before."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.couples import ARCHIVE_READ_ONLY, active_couple_required, couple_required
from accounts.models import Couple
from practices import daily, selectors
from practices.daily import AnswerLocked, CannotSkip, ReplyNotOpen
from practices.forms import (
    AnswerForm,
    AnswerReplyForm,
    ArchiveSearchForm,
    DecksForm,
    OwnQuestionForm,
    PhotoForm,
)
from practices.fragments import waiting_count
from practices.models import Notification
from practices.notifications import settle_on_view
from practices.presenters import Viewer, reply_line

ANSWER_FIXED = "Your answer is fixed now that you have both answered."
# Questions a page of the archive shows.
ARCHIVE_PAGE = 20


def day_or_404(couple: Couple, raw: str | None) -> dt.date:
    today = timezone.localdate()
    if raw is None:
        return today
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        raise Http404("Not a date.") from None
    if day not in daily.answerable_days(couple, today):
        raise Http404(f"Only the last {daily.CATCH_UP_DAYS} days' questions can be answered.")
    return day


def question_context(request: HttpRequest, the_day: dt.date) -> dict:
    today = timezone.localdate()
    current = SimpleLazyObject(
        lambda: daily.day_question(couple=request.couple, user=request.user, day=the_day)
    )

    def earlier() -> list[daily.DayQuestion]:
        if the_day != today:
            return []
        days = daily.answerable_days(request.couple, today)[1:]
        return daily.questions_for_days(
            couple=request.couple, user=request.user, days=days, with_replies=False
        )

    def answer_form() -> AnswerForm:
        return AnswerForm(initial={"text": current.mine.text if current.mine else ""})

    return {
        "day": the_day,
        "is_today": the_day == today,
        # The page it is on, or (shown again after a refused reply, deck or question of
        # their own) the page of its day.
        "answer_to": (
            request.path
            if request.resolver_match.url_name in ("question", "question_day")
            else current.url
        ),
        "current": current,
        "earlier": SimpleLazyObject(earlier),
        "form": SimpleLazyObject(answer_form),
        "reply_form": AnswerReplyForm(),
        "decks_form": SimpleLazyObject(
            lambda: DecksForm(initial={"decks": sorted(daily.chosen_decks(request.couple))})
        ),
        "own_question_form": OwnQuestionForm(),
        "replies": SimpleLazyObject(
            lambda: [reply_line(said, Viewer.of(request)) for said in current.replies]
        ),
        "answer_photos": SimpleLazyObject(
            lambda: selectors.answer_photos(Viewer.of(request), current.mine, current.theirs)
        ),
        "photo_form": PhotoForm(),
        "own_questions": SimpleLazyObject(lambda: selectors.own_questions(Viewer.of(request))),
    }


@couple_required
@require_http_methods(["GET", "POST"])
def question(request: HttpRequest, day: str | None = None) -> HttpResponse:
    the_day = day_or_404(request.couple, day)
    context = question_context(request, the_day)
    if request.method == "GET":
        if waiting_count(request):
            # Both answers, and the replies on them, are on this page once the viewer
            # answered: that news is seen.
            settle_on_view(
                couple=request.couple,
                recipient=request.user,
                kinds=[
                    Notification.Kind.ANSWER,
                    Notification.Kind.ANSWER_REPLY,
                    Notification.Kind.PHOTO,
                ],
                question__couple=request.couple,
                question__day=the_day,
                question__answers__author=request.user,
            )
        return render(request, "practices/question.html", context)
    if not request.couple.is_active:
        raise PermissionDenied(ARCHIVE_READ_ONLY)
    current = context["current"]
    form = AnswerForm(request.POST)
    if current.mine and not current.can_edit:
        form.add_error(None, ANSWER_FIXED)
        status = 409
    elif form.is_valid():
        try:
            text = form.cleaned_data["text"]
            daily.save_answer(couple=request.couple, user=request.user, day=the_day, text=text)
        except AnswerLocked:
            form.add_error(None, ANSWER_FIXED)
            status = 409
        else:
            messages.success(request, "Your answer is saved.")
            return redirect(request.path)
    else:
        status = 422
    context.update(form=form, fresh=True)
    return render(request, "practices/question.html", context, status=status)


def refused(request: HttpRequest, the_day: dt.date, status: int, **forms) -> HttpResponse:
    """The day's question page again, with the form as it was sent and why it was not."""
    context = question_context(request, the_day)
    context.update(forms, fresh=True)
    return render(request, "practices/question.html", context, status=status)


@active_couple_required
@require_POST
def answer_reply(request: HttpRequest, day: str) -> HttpResponse:
    the_day = day_or_404(request.couple, day)
    form = AnswerReplyForm(request.POST)
    if not form.is_valid():
        return refused(request, the_day, 422, reply_form=form)
    # daily.reply checks that both answered: the pinned question is all it needs.
    question = daily.pin(request.couple, the_day)
    try:
        daily.reply(
            couple=request.couple, user=request.user, question=question, **form.cleaned_data
        )
    except ReplyNotOpen as closed:
        typed = form.cleaned_data["text"]
        form.add_error(
            None, f"{closed} This one was not sent: “{typed}”." if typed else str(closed)
        )
        return refused(request, the_day, 409, reply_form=form)
    messages.success(request, f"Your reply is on its way to {request.partner.display_name}.")
    return redirect("practices:question_day", day=the_day.isoformat())


@active_couple_required
@require_POST
def skip(request: HttpRequest) -> HttpResponse:
    try:
        daily.skip(couple=request.couple, day=timezone.localdate())
    except CannotSkip as kept:
        messages.info(request, str(kept))
        return redirect("practices:question")
    messages.success(request, "Here is another question for today, for you both.")
    return redirect("practices:question")


@active_couple_required
@require_POST
def decks(request: HttpRequest) -> HttpResponse:
    form = DecksForm(request.POST)
    if not form.is_valid():
        return refused(request, timezone.localdate(), 422, decks_form=form)
    daily.choose_decks(couple=request.couple, decks=form.cleaned_data["decks"])
    messages.success(request, "Saved: the next questions come from the decks you chose.")
    return redirect("practices:question")


@active_couple_required
@require_POST
def own_question(request: HttpRequest) -> HttpResponse:
    form = OwnQuestionForm(request.POST)
    if not form.is_valid():
        return refused(request, timezone.localdate(), 422, own_question_form=form)
    daily.add_own_question(couple=request.couple, user=request.user, text=form.cleaned_data["text"])
    messages.success(request, "Your question is in your pool: it comes up on a day soon.")
    return redirect("practices:question")


@couple_required
@require_GET
def archive(request: HttpRequest) -> HttpResponse:
    search = ArchiveSearchForm(request.GET)
    if not search.is_valid():
        return HttpResponseBadRequest("Look for at most 80 letters, on one line.")
    words = search.cleaned_data["q"]
    found = selectors.past_questions(Viewer.of(request), words=words)
    page = Paginator(found, ARCHIVE_PAGE).get_page(search.cleaned_data["page"])
    context = {"search": search, "words": words, "found": page}
    context["cards"] = selectors.archive_cards(Viewer.of(request), list(page.object_list))
    return render(request, "practices/question_archive.html", context)
