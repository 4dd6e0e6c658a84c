"""Mail in tests: delivered by the worker, never inside a request."""

from __future__ import annotations

import threading

from django.core.mail.backends import locmem, smtp
from django.core.signals import request_finished, request_started

_state = threading.local()
# Every attempt to send inside a request, whoever caught the error it raised.
sent_inside_requests: list[str] = []


def _request_started(**kwargs) -> None:
    _state.in_request = True


def _request_finished(**kwargs) -> None:
    _state.in_request = False


request_started.connect(_request_started, dispatch_uid="tests.outbox.started")
request_finished.connect(_request_finished, dispatch_uid="tests.outbox.finished")


class OutsideRequests:
    """An email backend that refuses to send while a request is being handled: a request
    never waits on, or fails because of, the mail server."""

    def send_messages(self, messages) -> int:
        if getattr(_state, "in_request", False):
            sent_inside_requests.extend(message.subject for message in messages)
            raise AssertionError("An email was sent inside a request, not by the worker.")
        return super().send_messages(messages)


class OutsideRequestsBackend(OutsideRequests, locmem.EmailBackend):
    """Django's test mailbox (mail.outbox), for every test."""


class OutsideRequestsSMTPBackend(OutsideRequests, smtp.EmailBackend):
    """A real SMTP connection, for the tests with a mail server on 127.0.0.1."""
