"""Our month in a picture: one calm page a month, for both partners.

`/month/` is this month so far, `/month/2026-11/` any month since the two linked (an
archive's months end with its link). The page's content is a `{% couple_cache %}`
fragment: the picture and its charts are handed over lazily, so a cached visit asks the
database nothing about the month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from accounts.couples import couple_required
from practices import charts, insights
from practices.presenters import Viewer


@dataclass(frozen=True)
class MonthPage:
    picture: insights.MonthPicture
    mood_chart: charts.LineChart | None
    notes_chart: charts.BarChart | None


def month_page(viewer: Viewer, first: dt.date) -> MonthPage:
    picture = insights.month_of(viewer=viewer, year=first.year, month=first.month)
    partner = picture.partner_name
    mood_chart = None
    if picture.moods:
        mood_chart = charts.mood_chart(
            mine=[(m.day.day, m.mine) for m in picture.moods if m.mine],
            theirs=[(m.day.day, m.theirs) for m in picture.moods if m.theirs],
            days=picture.last.day,
            partner=partner,
            title=f"Check-in moods, {picture.label}",
        )
    notes_chart = None
    if picture.notes.total:
        notes_chart = charts.paired_bars(
            [(week.label, week.notes.mine, week.notes.theirs) for week in picture.weeks],
            title=f"Notes each week, {picture.label}",
            what=f"Notes you wrote to {partner}, then notes {partner} wrote to you, by week:",
        )
    return MonthPage(picture=picture, mood_chart=mood_chart, notes_chart=notes_chart)


def month_url(first: dt.date, current: dt.date) -> str:
    if first == current:
        return reverse("practices:month")
    return reverse("practices:month_of", args=[f"{first:%Y-%m}"])


@couple_required
@require_GET
def month(request: HttpRequest, ym: str | None = None) -> HttpResponse:
    today = timezone.localdate()
    earliest, latest = insights.month_span(request.couple, today)
    if ym is None:
        first = latest
    else:
        first = insights.parse_month(ym)
        if first is None:
            raise Http404("Not a month: it reads like 2026-11.")
        if not earliest <= first <= latest:
            raise Http404("No picture of that month: it is before you linked, or still ahead.")
    viewer = Viewer.of(request)
    current = today.replace(day=1)
    before, after = insights.shift_month(first, -1), insights.shift_month(first, 1)
    context = {
        "page": SimpleLazyObject(lambda: month_page(viewer, first)),
        "month_key": f"{first:%Y-%m}",
        "month_label": f"{first:%B %Y}",
        "so_far": first == current,
        "previous": (month_url(before, current), f"{before:%B %Y}") if before >= earliest else None,
        "next": (month_url(after, current), f"{after:%B %Y}") if after <= latest else None,
    }
    return render(request, "practices/month.html", context)
