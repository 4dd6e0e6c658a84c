"""The seven practices, as content.

Writers edit this module; templates and views only read it. Each practice
keeps the idea of one section of the source article, in our own words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PracticeSummary:
    slug: str
    title: str
    promise: str


PRACTICE_SUMMARIES: tuple[PracticeSummary, ...] = (
    PracticeSummary(
        "communication",
        "Talk openly",
        "Make a safe, judgment-free place to say what you think, feel and need.",
    ),
    PracticeSummary(
        "empathy",
        "Understand each other",
        "Step into your partner's shoes and show them you heard how they feel.",
    ),
    PracticeSummary(
        "quality-time",
        "Make time together",
        "Set aside regular, phone-free time for walks, cooking or a shared hobby.",
    ),
    PracticeSummary(
        "appreciation",
        "Say thank you",
        "Notice the good things your partner does and is, and tell them specifically.",
    ),
    PracticeSummary(
        "affection",
        "Stay close",
        "A hug, a kiss, holding hands: small touches every day that bring you closer.",
    ),
    PracticeSummary(
        "well-being",
        "Look after each other",
        "Be a comfort in hard times and a listening ear without judgment.",
    ),
    PracticeSummary(
        "enrichment",
        "Grow together",
        "A workshop, a retreat, a book or counselling: learning together is a sign of care.",
    ),
)
