"""The couple's data leaving Bond, and coming back: exports, the import, the calendar feed."""

from __future__ import annotations

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from accounts import linking
from accounts.couples import couple_required
from accounts.models import Couple, calendar_token_hash
from practices import export, restore
from practices.calendar import FEED_STATUSES, calendar_of
from practices.forms import ImportForm
from practices.models import Plan


def attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def export_name(extension: str, kind: str = "journal") -> str:
    return f"bond-{kind}-{timezone.localdate().isoformat()}.{extension}"


# The whole journal in one file: asked for with the password entered again, as deleting the
# account is, so that a session left open somewhere cannot walk away with it.
@couple_required
@reauthentication_required
@require_GET
def export_json(request: HttpRequest) -> StreamingHttpResponse:
    # Also for an ended couple: the archive belongs to both former partners.
    chunks = export.json_chunks(request.couple, request.user)
    response = StreamingHttpResponse(chunks, content_type="application/json; charset=utf-8")
    return attachment(response, export_name("json"))


@couple_required
@reauthentication_required
@require_GET
def export_zip(request: HttpRequest) -> StreamingHttpResponse:
    chunks = export.zip_chunks(request.couple, request.user)
    response = StreamingHttpResponse(chunks, content_type="application/zip")
    return attachment(response, export_name("zip"))


@couple_required
@reauthentication_required
@require_GET
def export_csv(request: HttpRequest, kind: str) -> StreamingHttpResponse:
    spec = export.KINDS.get(kind)
    if spec is None:
        raise Http404("No such kind of entry.")
    lines = export.csv_lines(request.couple, request.user, spec)
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    return attachment(response, export_name("csv", kind))


# Asks for the password again, as exporting does: it makes a couple in the person's name.
@login_required
@reauthentication_required
@require_http_methods(["GET", "POST"])
def journal_import(request: HttpRequest) -> HttpResponse:
    if linking.active_membership(request.user):
        context = {"linked": True, "refusal": restore.ALREADY_LINKED}
        return render(request, "practices/journal_import.html", context, status=409)
    form = ImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                restored = restore.restore_journal(
                    user=request.user, upload=form.cleaned_data["archive"]
                )
            except restore.RestoreRefused as refusal:
                form.add_error("archive", refusal.message)
                status = refusal.status
            else:
                counts = ", ".join(f"{kind}: {n}" for kind, n in restored.counts.items() if n)
                messages.success(
                    request,
                    f"Your journal is back ({counts or 'nothing of yours in it'}). It stays "
                    "read-only until your partner joins: send them the invite below.",
                )
                return redirect("accounts:partner")
    return render(request, "practices/journal_import.html", {"form": form}, status=status)


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private feed: the token is the only key, so the URL names nobody."""
    # Only the token's hash is stored (accounts.models.calendar_token_hash).
    couple = get_object_or_404(
        Couple, calendar_token_hash=calendar_token_hash(token), ended_at__isnull=True
    )
    plans = Plan.objects.for_couple(couple).filter(status__in=FEED_STATUSES, day__isnull=False)
    body = calendar_of(plans.order_by("day", "id"), name="Bond: our plans")
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@couple_required
@require_GET
def plan_event(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.for_couple(request.couple), pk=pk, day__isnull=False)
    response = HttpResponse(
        calendar_of([plan], name=plan.title), content_type="text/calendar; charset=utf-8"
    )
    return attachment(response, f"bond-plan-{plan.pk}.ics")
