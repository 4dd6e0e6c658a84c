"""The daily question pool reads right for whichever partner sees it.

Both partners get the same question and answer it privately, so a question may not
speak as one of them ("Which conversation with me lately felt really easy?"): it
speaks to the reader as "you" and names the other as "your partner".
No database needed.
"""

from __future__ import annotations

import re

from practices.questions import DECKS, QUESTIONS

# "I" and its contractions (I'm, I've, I'd, I'll) match on the bare "I": the apostrophe,
# straight or curly, ends the word. Case-sensitive, so the "i" inside words never counts.
FIRST_PERSON_I = re.compile(r"\bI\b")
FIRST_PERSON_OTHERS = re.compile(r"\b(?:me|my|mine|myself)\b", re.IGNORECASE)
# "we", "us" and "our" from the reader's mouth would make one partner the speaker too;
# the two of them together are "the two of you" or "you two".
FIRST_PERSON_PLURAL = re.compile(r"\b(?:we|us|our|ours|ourselves|let's)\b", re.IGNORECASE)


def first_person_singular(text: str) -> list[str]:
    return FIRST_PERSON_I.findall(text) + FIRST_PERSON_OTHERS.findall(text)


def offenders(pattern_check) -> list[str]:
    return [f"{n}: {q.text}" for n, q in enumerate(QUESTIONS) if pattern_check(q.text)]


def test_the_word_checks_catch_first_person_and_nothing_else():
    assert first_person_singular("Before I tell you, what's your guess about how my day went?")
    assert first_person_singular("What's a way I've grown that you've noticed?")
    assert first_person_singular("What’s a place I’d like to see?")
    assert first_person_singular("Which conversation with me lately felt really easy?")
    assert first_person_singular("Is this idea of MINE yours too?")
    assert first_person_singular("Myself, I wonder?")
    assert not first_person_singular("Which time of day is it in Iceland, and what's your mood?")
    assert not first_person_singular("Is there some meme, mind or myth you like?")
    assert FIRST_PERSON_PLURAL.search("What should we cook?")
    assert not FIRST_PERSON_PLURAL.search("Was your museum trip sweet, or just worth it?")


def test_no_question_speaks_as_one_partner():
    assert offenders(first_person_singular) == []


def test_no_question_says_we_us_or_our():
    assert offenders(FIRST_PERSON_PLURAL.search) == []


def test_every_question_is_short_and_ends_with_a_question_mark():
    assert offenders(lambda text: len(text) > 200) == []
    assert offenders(lambda text: not text.endswith("?")) == []
    assert offenders(lambda text: text != text.strip()) == []


def test_question_texts_are_unique():
    texts = [q.text.strip().lower() for q in QUESTIONS]
    assert len(set(texts)) == len(texts)


def test_questions_that_spoke_as_one_partner_now_name_your_partner():
    # Rewritten in place: each couple walks the pool by position, so the positions stay.
    assert QUESTIONS[7].text == "Which conversation with your partner lately felt really easy?"
    assert QUESTIONS[216].text == "What's a way your partner has grown that you've noticed?"
    assert QUESTIONS[43].text == (
        "What could your partner do to make it easier for you to bring up something difficult?"
    )
    # Once "Before I tell you, what's your guess about how my day went?": it only worked if
    # one partner spoke first; now both guess privately and the answers meet.
    assert QUESTIONS[68].text == (
        "What's your guess about how your partner's day went, before you ask them?"
    )
    for position in (7, 43, 68, 216):
        assert "your partner" in QUESTIONS[position].text


# Decks ------------------------------------------------------------------------


def test_deck_keys_are_unique_and_titled():
    keys = [key for key, _title in DECKS]
    assert len(set(keys)) == len(keys)
    assert all(key and title for key, title in DECKS)


def test_every_question_is_in_one_known_deck():
    keys = {key for key, _title in DECKS}
    unknown = [f"{n}: {q.deck!r} {q.text}" for n, q in enumerate(QUESTIONS) if q.deck not in keys]
    assert unknown == []


def test_every_deck_has_at_least_30_questions():
    counts = {key: 0 for key, _title in DECKS}
    for question in QUESTIONS:
        counts[question.deck] += 1
    assert all(count >= 30 for count in counts.values()), counts


def test_hard_conversations_are_their_own_deck():
    # Conflict and misunderstanding go to "hard"; light, everyday questions never do.
    assert QUESTIONS[59].deck == "hard"  # a disagreement that keeps coming back
    assert QUESTIONS[49].deck == "hard"  # feeling misunderstood
    assert QUESTIONS[0].deck == "fun"  # the best part of your day
    assert QUESTIONS[255].deck == "memories"  # a first hug or kiss
