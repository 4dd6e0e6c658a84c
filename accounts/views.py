from __future__ import annotations

import contextlib

from allauth.account.adapter import get_adapter
from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts import linking
from accounts.couples import couple_required
from accounts.deletion import delete_account
from accounts.devices import add_device, device_label
from accounts.forms import (
    CoupleForm,
    DeleteAccountForm,
    DeviceRemoveForm,
    InviteCodeForm,
    InviteDecisionForm,
    LeaveForm,
    NotificationSettingsForm,
    ProfileForm,
    PushDeviceForm,
)
from accounts.linking import LinkError
from accounts.models import Couple, Invite, NotificationSettings, calendar_token_hash
from accounts.unsubscribe import read_token, turn_off

# Wrong invite codes allowed per user and per IP address in one hour.
CODE_GUESSES_PER_HOUR = 10
GUESS_WINDOW = 60 * 60  # seconds
# A calendar address just made, held until the settings page has shown it once.
NEW_CALENDAR_TOKEN_SESSION_KEY = "new_calendar_token"  # noqa: S105 (a session key)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your settings are saved.")
        return redirect("accounts:profile")
    couple = request.couple
    context = {"form": form}
    if couple is not None and couple.is_active:
        context["calendar_feed"] = True
        # Only a hash of the feed's token is kept: its address is shown once, right after
        # it was made (calendar_regenerate), unless the couple has made another since.
        token = request.session.pop(NEW_CALENDAR_TOKEN_SESSION_KEY, None)
        if token and calendar_token_hash(token) == couple.calendar_token_hash:
            context["calendar_url"] = request.build_absolute_uri(
                reverse("practices:calendar_feed", args=[token])
            )
    status = 422 if form.errors else 200
    return render(request, "accounts/profile.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    """How the person hears of their partner outside the app, and their devices."""
    current = NotificationSettings.objects.filter(user=request.user).first()
    form = NotificationSettingsForm(
        request.POST if request.method == "POST" else None,
        instance=current or NotificationSettings(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.save(commit=False)
        if chosen.digest_sent_at is None:
            # The first digest covers what comes from now on, at its next time.
            chosen.digest_sent_at = timezone.now()
        chosen.save()
        messages.success(request, "Saved: you will hear of what you chose.")
        return redirect("accounts:notifications")
    context = {
        "form": form,
        "devices": request.user.push_subscriptions.order_by("created_at"),
        "push_key": settings.VAPID_PUBLIC_KEY,
    }
    return render(
        request, "accounts/notifications.html", context, status=422 if form.errors else 200
    )


@login_required
@require_POST
def device_add(request: HttpRequest) -> HttpResponse:
    """This browser's push subscription, sent by static/js/bond.js once the person allowed
    notifications; answers 201, or 422 with what was wrong."""
    form = PushDeviceForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(error for errors in form.errors.values() for error in errors)
        return HttpResponse(errors, status=422, content_type="text/plain")
    add_device(
        user=request.user,
        label=device_label(request.headers.get("User-Agent", "")),
        **form.cleaned_data,
    )
    return HttpResponse(
        "Notifications are on for this device.", status=201, content_type="text/plain"
    )


@login_required
@require_POST
def device_remove(request: HttpRequest) -> HttpResponse:
    form = DeviceRemoveForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose a device to remove.", status=400)
    # Only the person's own: another's device is not found. Its notifications not yet sent
    # go with it.
    removed, _ = request.user.push_subscriptions.filter(pk=form.cleaned_data["device"]).delete()
    if removed:
        messages.success(request, "That device will get no more notifications.")
    else:
        messages.info(request, "That device was removed already.")
    return redirect("accounts:notifications")


@login_required
@require_http_methods(["GET", "POST"])
def partner(request: HttpRequest) -> HttpResponse:
    """Linking and the couple's own settings: what shows depends on the couple's state."""
    couple = request.couple
    if couple is not None and couple.is_active:
        form = CoupleForm(request.POST if request.method == "POST" else None, instance=couple)
        status = 200
        if request.method == "POST" and form.is_valid():
            changes, shown = form.changes()
            try:
                linking.update_details(couple=couple, changes=changes, shown=shown)
            except LinkError as error:
                messages.error(request, error.message)
                form, status = CoupleForm(instance=Couple.objects.get(pk=couple.pk)), 409
            else:
                messages.success(request, "Saved.")
                return redirect("accounts:partner")
        context = {"couple_form": form, "partner": request.partner}
        status = 422 if form.errors else status
        return render(request, "accounts/partner.html", context, status=status)
    context = {
        "invite": linking.latest_invite_of(request.user),
        "code_form": InviteCodeForm(),
        "former_partner": request.partner,
    }
    if request.method == "POST":
        messages.error(request, "Link with your partner before changing your couple's settings.")
        return render(request, "accounts/partner.html", context, status=409)
    return render(request, "accounts/partner.html", context)


@login_required
@require_POST
def invite_create(request: HttpRequest) -> HttpResponse:
    try:
        linking.create_invite(inviter=request.user)
    except LinkError as error:
        messages.error(request, error.message)
        return redirect("home")
    messages.success(request, "Your invite is ready. Send the link or read out the code.")
    return redirect("home")


@login_required
@require_POST
def invite_revoke(request: HttpRequest) -> HttpResponse:
    if linking.revoke_invite(inviter=request.user):
        messages.success(request, "The invite is cancelled. Its link and code no longer work.")
    return redirect("home")


def _guess_keys(request: HttpRequest) -> list[str]:
    return [
        f"invite-code-guesses:user:{request.user.pk}",
        f"invite-code-guesses:ip:{get_adapter(request).get_client_ip(request)}",
    ]


def _count(key: str) -> int:
    """Add one to this counter and return the new count, atomically (Redis INCR)."""
    cache.add(key, 0, timeout=GUESS_WINDOW)  # only if absent: starts the hour
    try:
        return cache.incr(key)
    except ValueError:  # the hour ended between the two calls
        cache.add(key, 0, timeout=GUESS_WINDOW)
        return cache.incr(key)


def _count_guess(request: HttpRequest) -> bool:
    """Count this guess; False if it is over the limit and must not be looked up.

    Counted before the lookup and decided on the count the increment returned: checking
    first and counting after would let a burst of parallel guesses all pass the check.
    """
    counts = [_count(key) for key in _guess_keys(request)]
    return all(count <= CODE_GUESSES_PER_HOUR for count in counts)


def _uncount_guess(request: HttpRequest) -> None:
    """A right code is not a wrong guess: give its count back."""
    for key in _guess_keys(request):
        with contextlib.suppress(ValueError):  # the hour has ended meanwhile
            cache.decr(key)


@login_required
@require_http_methods(["GET", "POST"])
def invite_code(request: HttpRequest) -> HttpResponse:
    form = InviteCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "GET":
        return render(request, "accounts/invite_code.html", {"form": form})
    if not form.is_valid():  # not a code at all: it cannot match one, so it is not counted
        return render(request, "accounts/invite_code.html", {"form": form}, status=422)
    if not _count_guess(request):
        form.add_error(None, "Too many wrong codes. Please wait an hour, or ask for the link.")
        return render(request, "accounts/invite_code.html", {"form": form}, status=429)
    invite = Invite.objects.filter(code=form.cleaned_data["code"]).first()
    # A used, expired, revoked or declined code is answered like one that never existed:
    # telling them apart would tell a guesser which codes were real (and whose).
    if invite is None or invite.state != Invite.State.PENDING:
        form.add_error(
            "code",
            "We don't know this code, or it no longer works. Check it with your partner: "
            "they can make a new invite.",
        )
        return render(request, "accounts/invite_code.html", {"form": form}, status=404)
    _uncount_guess(request)
    return redirect("accounts:invite_accept", token=invite.token)


@require_http_methods(["GET", "POST"])
def invite_accept(request: HttpRequest, token: str) -> HttpResponse:
    invite = get_object_or_404(Invite.objects.select_related("inviter"), token=token)
    user = request.user if request.user.is_authenticated else None
    try:
        linking.check_invite(invite, user=user)
    except LinkError as error:
        request.session.pop(linking.PENDING_INVITE_SESSION_KEY, None)
        context = {"error": error.message, "invite": invite}
        return render(request, "accounts/invite_error.html", context, status=error.status)

    if user is None:
        if request.method == "POST":
            return redirect(f"{reverse('account_login')}?next={request.path}")
        # Remembered through sign-up and email confirmation, even in another tab.
        request.session[linking.PENDING_INVITE_SESSION_KEY] = token
        return render(request, "accounts/invite_welcome.html", {"invite": invite})

    form = InviteDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "GET" or not form.is_valid():
        status = 200 if request.method == "GET" else 400
        return render(
            request, "accounts/invite_accept.html", {"invite": invite, "form": form}, status=status
        )
    request.session.pop(linking.PENDING_INVITE_SESSION_KEY, None)
    try:
        if form.cleaned_data["decision"] == "decline":
            linking.decline_invite(invite=invite, user=user)
            messages.info(request, f"You declined {invite.inviter.display_name}'s invite.")
            return redirect("home")
        linking.accept_invite(invite=invite, user=user)
    except LinkError as error:
        context = {"error": error.message, "invite": invite}
        return render(request, "accounts/invite_error.html", context, status=error.status)
    messages.success(request, f"You and {invite.inviter.display_name} are linked. Welcome!")
    return redirect("home")


@couple_required
@reauthentication_required
@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest) -> HttpResponse:
    couple = request.couple
    if not couple.is_active:
        return redirect("accounts:partner")
    form = LeaveForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "partner": request.partner}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "accounts/leave.html", context, status=422)
        try:
            linking.end_couple(couple=couple, user=request.user)
        except LinkError as error:
            messages.error(request, error.message)
            return redirect("accounts:partner")
        messages.success(request, "Your link has ended. Your journal is kept as an archive.")
        return redirect("home")
    return render(request, "accounts/leave.html", context)


@login_required
@require_POST
def calendar_regenerate(request: HttpRequest) -> HttpResponse:
    couple = request.couple
    if couple is None or not couple.is_active:
        messages.error(request, "A calendar feed belongs to a linked couple.")
        return redirect("accounts:profile")
    request.session[NEW_CALENDAR_TOKEN_SESSION_KEY] = linking.new_calendar_address(couple=couple)
    messages.success(
        request,
        "Your calendar has a new address. Copy it now: it is shown only this once. "
        "Any earlier address no longer works.",
    )
    return redirect("accounts:profile")


@login_required
@reauthentication_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "accounts/delete.html", {"form": form}, status=422)
        user = request.user
        logout(request)
        delete_account(user=user)
        messages.success(request, "Your account and everything you wrote are deleted.")
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})


# Mail clients send RFC 8058 one-click unsubscribes as a bare POST: the signed token is
# the proof, and there is no session or form to carry a CSRF token.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    found = read_token(token)
    if found is None:
        return render(request, "accounts/unsubscribe.html", {"invalid": True}, status=404)
    user, kind = found
    if request.method == "POST":
        turn_off(user, kind)
        return render(request, "accounts/unsubscribe.html", {"done": True, "kind": kind})
    return render(request, "accounts/unsubscribe.html", {"kind": kind})
