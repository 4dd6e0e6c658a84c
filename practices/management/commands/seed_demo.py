"""Build a realistic data set for demos and the benchmark.

N couples (default 1,000) with notes, reactions, plans, reflections, daily answers,
reflect-backs and check-ins spread over the last two years, plus two named couples:
a heavy one with about 100,000 journal entries and a light one with about 1,000.
Everyone's password is the same (--password), so any of them can sign in.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts import linking
from accounts.models import Couple, User
from practices.daily import walk_from
from practices.ideas import IDEAS
from practices.models import (
    Answer,
    CheckIn,
    DailyQuestion,
    Entry,
    Exchange,
    Note,
    Plan,
    Reaction,
    Reflection,
    Star,
)

BATCH = 5000
SPAN = dt.timedelta(days=730)
PHRASES = [
    "Thank you for making coffee before I woke up.",
    "I loved how you listened when I talked about work.",
    "You were so patient with my mum on Sunday.",
    "Thanks for the walk; I needed it more than I said.",
    "You make ordinary evenings feel like something.",
    "I noticed you fixed the shelf. Thank you.",
    "Your laugh in the car today made my week.",
    "Thank you for covering for me when I was tired.",
]


@dataclass(frozen=True)
class Mix:
    """How many of each kind of entry a couple gets."""

    notes: int
    plans: int
    reflected_plans: int
    question_days: int
    exchanges: int
    check_ins: int


HEAVY = Mix(
    notes=85_000,
    plans=10_000,
    reflected_plans=2_000,
    question_days=700,
    exchanges=300,
    check_ins=700,
)
LIGHT = Mix(notes=600, plans=150, reflected_plans=50, question_days=100, exchanges=50, check_ins=60)
ORDINARY = Mix(notes=20, plans=5, reflected_plans=1, question_days=3, exchanges=1, check_ins=3)


class Command(BaseCommand):
    help = __doc__.strip().splitlines()[0]

    def add_arguments(self, parser) -> None:
        parser.add_argument("--couples", type=int, default=1000)
        parser.add_argument("--password", default="bond-demo-password")
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, couples: int, password: str, seed: int, **options) -> None:
        rng = random.Random(seed)  # noqa: S311 - demo data, reproducible on purpose
        now = timezone.now().replace(microsecond=0)
        hashed = make_password(password)  # hashed once: hashing per user would take minutes
        with transaction.atomic():
            self.make_couple("heavy", HEAVY, hashed, now, rng)
            self.make_couple("light", LIGHT, hashed, now, rng)
            for index in range(couples):
                self.make_couple(f"c{index:04d}", ORDINARY, hashed, now, rng)
        self.stdout.write(
            f"Seeded {couples} couples plus heavy@ and light@ "
            f"({Entry.objects.count():,} journal entries in all). "
            f"Sign in as heavy-a@example.com, light-a@example.com or c0000-a@example.com."
        )

    def make_couple(
        self, name: str, mix: Mix, hashed: str, now: dt.datetime, rng: random.Random
    ) -> Couple:
        users = []
        for side, display in (("a", "Sam"), ("b", "Alex")):
            email = f"{name}-{side}@example.com"
            User.objects.filter(email=email).delete()
            user = User.objects.create(email=email, display_name=display, password=hashed)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            users.append(user)
        a, b = users
        start = now - SPAN
        couple = linking.join(inviter=a, invitee=b, at=start)
        couple.name = name
        couple.save(update_fields=["name"])

        def moment() -> dt.datetime:
            return start + dt.timedelta(seconds=rng.randrange(int(SPAN.total_seconds())))

        def entries(kind: str, rows: list, field: str, when: str) -> None:
            Entry.objects.bulk_create(
                [
                    Entry(couple=couple, kind=kind, occurred_at=getattr(row, when), **{field: row})
                    for row in rows
                ],
                batch_size=BATCH,
            )

        # Notes, with hearts on about a third and keepsakes on a few.
        for offset in range(0, mix.notes, BATCH):
            batch = []
            for _ in range(min(BATCH, mix.notes - offset)):
                author, recipient = (a, b) if rng.random() < 0.5 else (b, a)
                created = moment()
                batch.append(
                    Note(
                        couple=couple,
                        author=author,
                        recipient=recipient,
                        text=rng.choice(PHRASES),
                        category=rng.choice(["", "action", "trait", "effort"]),
                        created_at=created,
                        read_at=created,
                    )
                )
            notes = Note.objects.bulk_create(batch)
            entries("note", notes, "note", "created_at")
            Reaction.objects.bulk_create(
                [
                    Reaction(note=n, user=n.recipient, kind="heart", created_at=n.created_at)
                    for n in notes
                    if rng.random() < 0.3
                ]
            )
            Star.objects.bulk_create(
                [Star(note=n, user=n.author) for n in notes if rng.random() < 0.02]
            )

        # Plans: most are past and done, a few upcoming.
        plans = []
        for index in range(mix.plans):
            created = moment()
            upcoming = index < 5
            day = (now + dt.timedelta(days=index + 1)).date() if upcoming else created.date()
            idea = rng.choice(IDEAS)
            plans.append(
                Plan(
                    couple=couple,
                    title=idea.title,
                    description=idea.description,
                    day=day,
                    status="planned" if upcoming else "done",
                    tech_free=idea.tech_free,
                    idea_slug=idea.slug,
                    created_by=a,
                    updated_by=b,
                    created_at=created,
                    updated_at=created,
                )
            )
        plans = Plan.objects.bulk_create(plans, batch_size=BATCH)
        entries("plan", plans, "plan", "created_at")
        reflections = [
            Reflection(
                couple=couple,
                plan=plan,
                author=author,
                enjoyed="Being together.",
                rating=rng.randint(3, 5),
                created_at=plan.created_at + dt.timedelta(days=1),
            )
            for plan in plans[5 : 5 + mix.reflected_plans]
            for author in (a, b)
        ]
        reflections = Reflection.objects.bulk_create(reflections, batch_size=BATCH)
        entries("reflection", reflections, "reflection", "created_at")

        # Daily questions, answered by both.
        days = sorted(rng.sample(range(1, SPAN.days), min(mix.question_days, SPAN.days - 1)))
        questions = DailyQuestion.objects.bulk_create(
            [
                DailyQuestion(
                    couple=couple,
                    day=(start + dt.timedelta(days=d)).date(),
                    # Each day's place in the couple's walk: one a day, none repeated.
                    question_index=walk_from(couple, (start + dt.timedelta(days=d)).date())[0],
                    created_at=start + dt.timedelta(days=d, hours=20),
                )
                for d in days
            ]
        )
        Answer.objects.bulk_create(
            [
                Answer(
                    couple=couple,
                    question=q,
                    author=user,
                    text="A little of both.",
                    created_at=q.created_at,
                    updated_at=q.created_at,
                )
                for q in questions
                for user in (a, b)
            ],
            batch_size=BATCH,
        )
        entries("question", questions, "question", "created_at")

        exchanges = Exchange.objects.bulk_create(
            [
                Exchange(
                    couple=couple,
                    listener=a,
                    speaker=b,
                    heard="You sounded tired but proud.",
                    reply="yes",
                    created_at=moment(),
                )
                for _ in range(mix.exchanges)
            ]
        )
        entries("exchange", exchanges, "exchange", "created_at")

        check_in_days = sorted(rng.sample(range(SPAN.days), min(mix.check_ins, SPAN.days)))
        CheckIn.objects.bulk_create(
            [
                CheckIn(
                    couple=couple,
                    author=a,
                    day=(start + dt.timedelta(days=d)).date(),
                    mood=rng.randint(1, 5),
                    need="",
                    created_at=start + dt.timedelta(days=d),
                )
                for d in check_in_days
            ]
        )
        return couple
