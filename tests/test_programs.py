"""The guided programs: every day is small, complete, and ends in a real action.

Content only, no database needed.
"""

from __future__ import annotations

import re

import pytest

from practices.content import PRACTICES_BY_SLUG
from practices.ideas import IDEAS_BY_SLUG
from practices.programs import ACTIONS, PROGRAMS, PROGRAMS_BY_SLUG, Program

# A sentence ends in . ! ? or …, perhaps followed by a closing quote or bracket, then a
# space or the end of the text. Quoted phrases without an end mark stay inside their sentence.
SENTENCE_END = re.compile(r"[.!?…]+[”’\"')]?(?=\s|$)")
# "I" and its contractions match on the bare "I" (case-sensitive); "me" and "my" in any case.
FIRST_PERSON_I = re.compile(r"\bI\b")
FIRST_PERSON_OTHERS = re.compile(r"\b(?:me|my|mine|myself)\b", re.IGNORECASE)
# Bond keeps no tally: words of streaks, scores or falling short have no place in a day.
TALLY_WORDS = re.compile(r"streak|score|fail|behind", re.IGNORECASE)
# Both partners read the same day, so neither speaks for the two of them.
FIRST_PERSON_PLURAL = re.compile(r"\b(?:we|us|our|ours|ourselves|let's)\b", re.IGNORECASE)

IDS = [program.slug for program in PROGRAMS]


def sentences(text: str) -> int:
    return len(SENTENCE_END.findall(text))


def first_person_singular(text: str) -> list[str]:
    return FIRST_PERSON_I.findall(text) + FIRST_PERSON_OTHERS.findall(text)


def test_the_word_checks_catch_what_they_should_and_nothing_else():
    assert sentences("One. Two? “Three,” said nobody. Four!") == 4
    assert sentences("Say “thanks for everything” and mean it.") == 1
    assert first_person_singular("Tell them how I feel.")
    assert first_person_singular("It's my turn.")
    assert first_person_singular("Give me a minute.")
    assert not first_person_singular("In Iceland, some meme, mind or myth.")
    assert TALLY_WORDS.search("Keep your streak going")
    assert TALLY_WORDS.search("No failure here")
    assert TALLY_WORDS.search("Falling behind")
    assert not TALLY_WORDS.search("Notice one small thing")


def test_at_least_three_programs_with_unique_slugs():
    assert len(PROGRAMS) >= 3
    slugs = [program.slug for program in PROGRAMS]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) for slug in slugs)
    assert {program.slug: program for program in PROGRAMS} == PROGRAMS_BY_SLUG


def test_the_asked_for_programs_are_there():
    titles = {program.title for program in PROGRAMS}
    assert {
        "Reconnecting after a busy season",
        "A fortnight of appreciation",
        "Through a hard time together",
    } <= titles
    fortnight = next(p for p in PROGRAMS if p.title == "A fortnight of appreciation")
    assert len(fortnight.days) == 14


@pytest.mark.parametrize("program", PROGRAMS, ids=IDS)
def test_a_program_has_a_title_a_summary_and_14_to_28_days(program: Program):
    assert program.title
    assert 1 <= sentences(program.summary) <= 2, program.summary
    assert 14 <= len(program.days) <= 28


@pytest.mark.parametrize("program", PROGRAMS, ids=IDS)
def test_every_day_is_complete(program: Program):
    for number, day in enumerate(program.days, start=1):
        where = f"{program.slug} day {number}: {day.title}"
        assert day.title.strip(), where
        assert day.title == day.title.strip(), where
        assert len(day.title) <= 60, where
        assert 2 <= sentences(day.text) <= 4, where
        assert len(day.text) <= 600, where
        assert day.text == day.text.strip(), where
        assert day.practice in PRACTICES_BY_SLUG, where
        assert day.action in ACTIONS, where
        if day.idea:
            assert day.action == "plan", where
            assert day.idea in IDEAS_BY_SLUG, where


@pytest.mark.parametrize("program", PROGRAMS, ids=IDS)
def test_day_titles_are_unique_within_a_program(program: Program):
    titles = [day.title.lower() for day in program.days]
    assert len(set(titles)) == len(titles)


@pytest.mark.parametrize("program", PROGRAMS, ids=IDS)
def test_days_speak_to_the_reader_and_keep_no_tally(program: Program):
    for number, day in enumerate(program.days, start=1):
        for words in (day.title, day.text):
            where = f"{program.slug} day {number}: {words}"
            assert first_person_singular(words) == [], where
            assert not FIRST_PERSON_PLURAL.search(words), where
            assert not TALLY_WORDS.search(words), where
    for words in (program.title, program.summary):
        assert first_person_singular(words) == [], words
        assert not TALLY_WORDS.search(words), words


@pytest.mark.parametrize("program", PROGRAMS, ids=IDS)
def test_a_program_draws_on_several_practices_and_actions(program: Program):
    assert len({day.practice for day in program.days}) >= 4
    assert len({day.action for day in program.days}) >= 4


@pytest.mark.parametrize("program", PROGRAMS, ids=IDS)
def test_no_action_three_days_running(program: Program):
    # Variety: the same action three days running would feel like a chore.
    actions = [day.action for day in program.days]
    for a, b, c in zip(actions, actions[1:], actions[2:], strict=False):
        assert not (a == b == c), actions
