"""The pool of daily questions for Bond.

Every day each couple gets one question from this pool. Both partners answer it
privately, in a few sentences, and then see each other's answer, so every
question is written to start a small exchange: an answer, a memory, some thanks.

Why at least 365: a couple should be able to use Bond every day for a whole
year without meeting the same question twice. The pool is larger than that so
the seven practices stay balanced and light days can outnumber deep ones
(roughly two light questions for every deep one).

How the order works: each couple walks through the pool in their own shuffled
order, and that order is derived from the *positions* of the questions in
QUESTIONS. Moving or removing an entry would silently change which question
every couple sees next, and could repeat or skip ones they have already had.

How to add questions:
- Append new entries at the end of QUESTIONS. Never reorder, delete or
  insert in the middle. To retire a question, talk to a developer first.
- Fixing a typo in place is fine; changing a question's meaning is not.
- practice is one of the seven practice slugs; depth is "light" or "deep".
- deck is one of the keys in DECKS, chosen by what the question is about,
  not by its practice: "fun" for light, playful, everyday things; "memories"
  for the past, yours or the two of you together; "dreams" for plans, hopes,
  growth and the future; "feelings" for moods, needs, support and gratitude;
  "affection" for touch, closeness and how love is shown; "hard" only for
  conflict, misunderstanding, stress between the two of you and difficult
  topics such as asking for help. Every question is in exactly one deck, and
  every deck keeps at least 30 questions.
- Keep text to one question, at most 200 characters, ending with "?".
- Ask about the partner's present (today, this week, lately), keep it open
  and positive-first, and never ask for a score.
- Make no assumptions about gender, children, money, religion, alcohol or
  whether the couple lives together.
- Both partners see the same question, so speak to the reader: "you" for the
  reader, "your partner" (they, them) for the other, "the two of you" or
  "you two" for both. Never "I", "me", "my", "we", "us" or "our", as if one
  partner were asking the other (tests/test_questions.py checks this).
"""

from __future__ import annotations

from dataclasses import dataclass

# The themed decks a couple can draw questions from, as (key, title). Each question
# names one deck by key (see "How to add questions" above); keep the keys stable.
DECKS: tuple[tuple[str, str], ...] = (
    ("fun", "Fun and light"),
    ("memories", "Memories"),
    ("dreams", "Dreams and the future"),
    ("feelings", "Feelings"),
    ("affection", "Intimacy and affection"),
    ("hard", "Hard conversations"),
)


@dataclass(frozen=True)
class Question:
    """One daily question, answered privately by each partner."""

    practice: str  # one of the seven practice slugs
    depth: str  # "light" or "deep"
    text: str  # one question, at most 200 characters, ends with "?"
    deck: str  # one of the keys in DECKS, by what the question is about


QUESTIONS: tuple[Question, ...] = (
    # 1. Talk openly (communication)
    Question("communication", "light", "What was the best part of your day so far?", "fun"),
    Question(
        "communication", "light", "What's something small that made you laugh this week?", "fun"
    ),
    Question(
        "communication",
        "light",
        "What's one thing on your mind today that you haven't mentioned yet?",
        "feelings",
    ),
    Question("communication", "light", "What are you looking forward to this week?", "fun"),
    Question(
        "communication",
        "light",
        "What's a song that's been stuck in your head lately, and why do you think it stuck?",
        "fun",
    ),
    Question(
        "communication", "light", "What's a topic you could happily talk about for an hour?", "fun"
    ),
    Question("communication", "light", "What did you learn this week that surprised you?", "fun"),
    Question(
        "communication",
        "light",
        "Which conversation with your partner lately felt really easy?",
        "fun",
    ),
    Question(
        "communication",
        "light",
        "What colour or kind of weather matches your week so far, and why?",
        "fun",
    ),
    Question(
        "communication",
        "light",
        "What's something you'd like to tell your partner more about when you two have time?",
        "fun",
    ),
    Question("communication", "light", "When today did you feel most like yourself?", "feelings"),
    Question(
        "communication",
        "light",
        "What's a story from when you were little that you don't think your partner has heard?",
        "memories",
    ),
    Question("communication", "light", "If today had a title, what would it be?", "fun"),
    Question(
        "communication",
        "light",
        "What's something you read, watched or heard lately that stayed with you?",
        "fun",
    ),
    Question(
        "communication",
        "light",
        "What's a question you'd love your partner to ask you more often?",
        "feelings",
    ),
    Question(
        "communication",
        "light",
        "How do you like to hear good news: straight away, or saved for a quiet moment?",
        "fun",
    ),
    Question("communication", "light", "What time of day do you feel most like chatting?", "fun"),
    Question(
        "communication",
        "light",
        "What's one thing you'd like to plan with your partner in the next few weeks?",
        "dreams",
    ),
    Question(
        "communication", "light", "What's a small win from this week you'd like to share?", "fun"
    ),
    Question("communication", "light", "What's a silly opinion you hold very firmly?", "fun"),
    Question(
        "communication",
        "light",
        (
            "Where do you find it easiest to talk with your partner: on a walk, over food,"
            " somewhere else?"
        ),
        "fun",
    ),
    Question(
        "communication",
        "light",
        "What's one thing you noticed today that most people would miss?",
        "fun",
    ),
    Question(
        "communication",
        "light",
        "What's a phrase or saying from the people who raised you that you still use?",
        "memories",
    ),
    Question("communication", "light", "What made you curious this week?", "fun"),
    Question(
        "communication",
        "light",
        "Could you send your partner a photo of something that caught your eye today, and say why?",
        "fun",
    ),
    Question(
        "communication", "light", "What's something you've changed your mind about recently?", "fun"
    ),
    Question(
        "communication",
        "light",
        "What would you like more of in the conversations you two have?",
        "feelings",
    ),
    Question(
        "communication", "light", "What do you like to talk about on a slow, lazy day?", "fun"
    ),
    Question(
        "communication",
        "light",
        "What's a recent conversation, with anyone, that left you feeling good?",
        "feelings",
    ),
    Question(
        "communication",
        "light",
        "What's a phrase of your partner's you'd recognise anywhere?",
        "fun",
    ),
    Question(
        "communication", "light", "When do you feel most listened to by your partner?", "feelings"
    ),
    Question(
        "communication",
        "light",
        "What's something you've been wondering about lately, big or small?",
        "fun",
    ),
    Question(
        "communication",
        "light",
        "What's the best advice anyone has given you, and who was it?",
        "memories",
    ),
    Question(
        "communication",
        "light",
        "What's a word or inside joke the two of you share that you love?",
        "fun",
    ),
    Question(
        "communication",
        "light",
        "What would you tell your younger self about this week?",
        "feelings",
    ),
    Question(
        "communication",
        "light",
        "What's a small moment from today you'd like to describe to your partner in detail?",
        "fun",
    ),
    Question(
        "communication",
        "light",
        "What's a long talk with your partner that you still treasure?",
        "memories",
    ),
    Question(
        "communication",
        "light",
        "When something bothers you, do you prefer to talk right away or at a set time?",
        "hard",
    ),
    Question(
        "communication",
        "light",
        "What's something you're proud of that you rarely mention?",
        "feelings",
    ),
    Question(
        "communication",
        "light",
        "What's a plan, however tiny, that you're excited about right now?",
        "dreams",
    ),
    Question(
        "communication",
        "light",
        "What's the nicest thing someone said to you recently?",
        "feelings",
    ),
    Question(
        "communication",
        "deep",
        "What's something you find hard to say out loud, even to your partner?",
        "hard",
    ),
    Question(
        "communication",
        "deep",
        "When you and your partner disagree, what helps you feel safe enough to keep talking?",
        "hard",
    ),
    Question(
        "communication",
        "deep",
        "What could your partner do to make it easier for you to bring up something difficult?",
        "hard",
    ),
    Question(
        "communication",
        "deep",
        (
            "How do you know when you need a pause in a hard talk, and how would you like to "
            "ask for one?"
        ),
        "hard",
    ),
    Question(
        "communication",
        "deep",
        "What's a topic you'd like the two of you to talk about more openly?",
        "hard",
    ),
    Question(
        "communication",
        "deep",
        "What did disagreements look like where you grew up, and how has that shaped you?",
        "hard",
    ),
    Question(
        "communication",
        "deep",
        "What's a way of starting a tricky conversation that feels gentle to you?",
        "hard",
    ),
    Question(
        "communication",
        "deep",
        "Is there something you've held back lately, and what would help you share it?",
        "hard",
    ),
    Question(
        "communication",
        "deep",
        (
            "What's a recent moment when you felt misunderstood, and what did you wish your"
            " partner had known?"
        ),
        "hard",
    ),
    Question(
        "communication",
        "deep",
        "How would you like the two of you to make up after a disagreement?",
        "hard",
    ),
    Question(
        "communication",
        "deep",
        "What's a need of yours that sometimes gets lost when you're both busy?",
        "feelings",
    ),
    Question(
        "communication", "deep", "Which of your feelings is hardest to put into words?", "feelings"
    ),
    Question(
        "communication",
        "deep",
        "What have you learned about how you and your partner talk to each other since you met?",
        "memories",
    ),
    Question(
        "communication",
        "deep",
        "Could you finish this thought with something true: you feel close to your partner when…?",
        "affection",
    ),
    Question(
        "communication",
        "deep",
        (
            "What's something your partner does after tension, like a joke or a touch, that helps"
            " you two reconnect?"
        ),
        "hard",
    ),
    Question(
        "communication", "deep", "What does honesty mean to you in a relationship?", "feelings"
    ),
    Question(
        "communication",
        "deep",
        "What's a worry about your relationship you'd like to say gently, so it feels smaller?",
        "hard",
    ),
    Question(
        "communication",
        "deep",
        "When you're upset, what's the first thing you'd like your partner to say or do?",
        "feelings",
    ),
    Question(
        "communication",
        "deep",
        (
            "What's a disagreement between the two of you that keeps coming back, and how could"
            " you both live with it kindly?"
        ),
        "hard",
    ),
    Question(
        "communication",
        "deep",
        "When you bring up something hard, what do you most hope your partner will hear?",
        "hard",
    ),
    # 2. Understand each other (empathy)
    Question(
        "empathy", "light", "What's one feeling you had today, and what sparked it?", "feelings"
    ),
    Question(
        "empathy",
        "light",
        "What's been on your plate this week that your partner might not see?",
        "feelings",
    ),
    Question(
        "empathy",
        "light",
        "What's a small annoyance from lately that you'd like to get off your chest?",
        "feelings",
    ),
    Question("empathy", "light", "When this week did you feel quietly brave?", "feelings"),
    Question(
        "empathy",
        "light",
        "Which part of your week was more tiring than it looked from the outside?",
        "feelings",
    ),
    Question(
        "empathy",
        "light",
        "What's something you love that you wish your partner understood better?",
        "feelings",
    ),
    Question("empathy", "light", "How are you feeling right now, in one or two words?", "feelings"),
    Question(
        "empathy",
        "light",
        "What's your guess about how your partner's day went, before you ask them?",
        "fun",
    ),
    Question(
        "empathy",
        "light",
        "When this week would you have liked someone in your corner?",
        "feelings",
    ),
    Question(
        "empathy",
        "light",
        "What do you think your partner is most looking forward to right now?",
        "fun",
    ),
    Question(
        "empathy", "light", "What's a small worry you've carried around this week?", "feelings"
    ),
    Question("empathy", "light", "What gave you energy lately, and what drained it?", "feelings"),
    Question(
        "empathy",
        "light",
        "Which of your partner's moods do you find easiest to read, and which is trickiest?",
        "feelings",
    ),
    Question(
        "empathy",
        "light",
        "What have you noticed about how your partner has been feeling lately?",
        "feelings",
    ),
    Question(
        "empathy",
        "light",
        "Which character from a film or book feels like you right now, and why?",
        "fun",
    ),
    Question("empathy", "light", "What kind of day would feel kind to you tomorrow?", "feelings"),
    Question(
        "empathy",
        "light",
        "What's one thing you'd like your partner to know about your week before it ends?",
        "feelings",
    ),
    Question(
        "empathy",
        "light",
        "What felt bigger to you this week than it might have seemed to others?",
        "feelings",
    ),
    Question(
        "empathy",
        "light",
        "How can your partner tell when you're tired but not saying so?",
        "feelings",
    ),
    Question(
        "empathy",
        "light",
        "What's a place you'd like to show your partner so they understand you better?",
        "memories",
    ),
    Question("empathy", "light", "What's a habit of yours that has a story behind it?", "memories"),
    Question("empathy", "light", "What did you need today that you didn't quite get?", "feelings"),
    Question("empathy", "light", "What's a compliment you got that surprised you?", "feelings"),
    Question("empathy", "light", "Who did you think about today, and why?", "fun"),
    Question("empathy", "light", "Where did you find a tiny moment of calm today?", "feelings"),
    Question(
        "empathy",
        "light",
        "What's an interest of your partner's you'd like to understand better?",
        "fun",
    ),
    Question(
        "empathy",
        "light",
        "How did you feel when you woke up today, and has it changed since?",
        "feelings",
    ),
    Question(
        "empathy", "light", "What's one feeling you'd like to have more of this week?", "feelings"
    ),
    Question(
        "empathy",
        "light",
        "What do you guess your partner would call the highlight of their week?",
        "fun",
    ),
    Question(
        "empathy",
        "light",
        "When did you last feel understood by someone besides your partner?",
        "feelings",
    ),
    Question(
        "empathy",
        "light",
        "What are you curious about in the way your partner sees the world?",
        "fun",
    ),
    Question(
        "empathy",
        "light",
        "What's a sound, smell or taste that brings back a happy feeling?",
        "memories",
    ),
    Question(
        "empathy",
        "light",
        "What's a phrase that helps you when everything feels like a lot?",
        "feelings",
    ),
    Question(
        "empathy",
        "light",
        "What does a grey day feel like for you, and what makes it a little brighter?",
        "feelings",
    ),
    Question(
        "empathy",
        "light",
        "What's something exciting for you that you'd love your partner to share in?",
        "fun",
    ),
    Question(
        "empathy",
        "light",
        "Was there a moment this week when you felt a little left out?",
        "feelings",
    ),
    Question(
        "empathy",
        "light",
        "What's a recent change in your life that you're still getting used to?",
        "feelings",
    ),
    Question(
        "empathy",
        "light",
        "Is something coming up this week that you'd like your partner to remember and ask about?",
        "fun",
    ),
    Question("empathy", "light", "What's a memory that shaped how you see kindness?", "memories"),
    Question(
        "empathy",
        "light",
        "What's something that's easy for you but hard for your partner, or the other way round?",
        "fun",
    ),
    Question(
        "empathy",
        "deep",
        "What's a feeling you've had lately that you haven't quite found words for?",
        "feelings",
    ),
    Question(
        "empathy",
        "deep",
        "When did you last feel truly seen by your partner, and what did they do?",
        "feelings",
    ),
    Question(
        "empathy",
        "deep",
        "What's something from your past that still affects how you react today?",
        "memories",
    ),
    Question("empathy", "deep", "What's a side of you that you think few people see?", "feelings"),
    Question(
        "empathy",
        "deep",
        "Think of a time your partner didn't understand you: what was really going on for you?",
        "hard",
    ),
    Question(
        "empathy",
        "deep",
        "What do you think your partner needs most from you right now?",
        "feelings",
    ),
    Question(
        "empathy",
        "deep",
        (
            "What's a belief of yours you'd like your partner to understand, even if they see it"
            " differently?"
        ),
        "hard",
    ),
    Question("empathy", "deep", "What's it like to be you on a hard day?", "feelings"),
    Question(
        "empathy",
        "deep",
        "What's a part of your story you'd like your partner to know more about?",
        "memories",
    ),
    Question(
        "empathy",
        "deep",
        (
            "What helps you feel that your partner is trying to understand you, even when they get"
            " it wrong?"
        ),
        "feelings",
    ),
    Question(
        "empathy",
        "deep",
        "When you go quiet or pull back, what's usually happening inside?",
        "hard",
    ),
    Question("empathy", "deep", "What's a hope you carry quietly?", "dreams"),
    Question(
        "empathy",
        "deep",
        "When did something your partner said change the way you saw things?",
        "memories",
    ),
    Question("empathy", "deep", "What's a fear you've grown out of, and what helped?", "memories"),
    Question(
        "empathy",
        "deep",
        "What do you wish people understood about you without you having to explain?",
        "feelings",
    ),
    Question(
        "empathy",
        "deep",
        "Which of your partner's reactions would you like to understand better?",
        "hard",
    ),
    Question("empathy", "deep", "How has your idea of love changed over the years?", "memories"),
    Question(
        "empathy",
        "deep",
        (
            "What's something you've lived through that you feel your partner understands well,"
            " and something they don't yet?"
        ),
        "memories",
    ),
    Question("empathy", "deep", "What's a quiet struggle you've been carrying lately?", "feelings"),
    Question(
        "empathy",
        "deep",
        "Could you describe a recent moment from your partner's point of view, as you imagine it?",
        "feelings",
    ),
    # 3. Make time together (quality-time)
    Question(
        "quality-time", "light", "What's a walk you'd love to take with your partner soon?", "fun"
    ),
    Question(
        "quality-time", "light", "What's a meal you'd like the two of you to cook together?", "fun"
    ),
    Question(
        "quality-time",
        "light",
        (
            "What's something simple you and your partner did together that you'd happily repeat"
            " this week?"
        ),
        "fun",
    ),
    Question("quality-time", "light", "What's a hobby you'd like to try with your partner?", "fun"),
    Question(
        "quality-time", "light", "What's your idea of a perfect lazy afternoon together?", "fun"
    ),
    Question(
        "quality-time",
        "light",
        "If you two had one free hour tomorrow, how would you like to spend it together?",
        "fun",
    ),
    Question(
        "quality-time", "light", "What's a game you'd like the two of you to play soon?", "fun"
    ),
    Question(
        "quality-time",
        "light",
        "What's a place you've always wanted to visit with your partner?",
        "dreams",
    ),
    Question(
        "quality-time", "light", "What's a favourite memory of a day out together?", "memories"
    ),
    Question(
        "quality-time",
        "light",
        "What's something new the two of you could try together this month?",
        "fun",
    ),
    Question(
        "quality-time",
        "light",
        "Could the two of you pick a phone-free hour this week, and when would suit you?",
        "fun",
    ),
    Question(
        "quality-time",
        "light",
        "What's a show, film or book you'd like to share with your partner?",
        "fun",
    ),
    Question(
        "quality-time",
        "light",
        "What's a small ritual the two of you share that you'd miss if it stopped?",
        "fun",
    ),
    Question(
        "quality-time",
        "light",
        "What's something you loved doing as a child that you'd enjoy doing with your partner?",
        "memories",
    ),
    Question(
        "quality-time",
        "light",
        "What would make an ordinary evening together feel a little special?",
        "fun",
    ),
    Question(
        "quality-time", "light", "What's an event or spot nearby you've been curious about?", "fun"
    ),
    Question(
        "quality-time",
        "light",
        "What's something about this time of year you'd like the two of you to enjoy together?",
        "fun",
    ),
    Question(
        "quality-time",
        "light",
        "What's a skill you could teach your partner in an afternoon?",
        "fun",
    ),
    Question(
        "quality-time", "light", "What's something you'd like your partner to teach you?", "fun"
    ),
    Question(
        "quality-time",
        "light",
        "What's a song or playlist you'd like to listen to with your partner, properly?",
        "fun",
    ),
    Question(
        "quality-time",
        "light",
        "What's the best date you two have had, and what made it good?",
        "memories",
    ),
    Question(
        "quality-time",
        "light",
        "What's something you two used to do together that you'd like to bring back?",
        "memories",
    ),
    Question(
        "quality-time", "light", "What's an adventure you'd like to plan, big or tiny?", "dreams"
    ),
    Question(
        "quality-time",
        "light",
        "What's a picnic spot or view you'd like to share with your partner?",
        "fun",
    ),
    Question(
        "quality-time",
        "light",
        "Would you rather take a sunrise walk or a sunset walk with your partner, and why?",
        "fun",
    ),
    Question(
        "quality-time", "light", "What would an ideal tech-free evening look like for you?", "fun"
    ),
    Question(
        "quality-time",
        "light",
        "What could the two of you do together in ten minutes today?",
        "fun",
    ),
    Question(
        "quality-time",
        "light",
        "What's a puzzle, craft or project the two of you could start together?",
        "fun",
    ),
    Question(
        "quality-time",
        "light",
        "What's a café, park or corner of town you'd like to explore with your partner?",
        "fun",
    ),
    Question(
        "quality-time",
        "light",
        "What's a card game, board game or silly challenge you'd like to try?",
        "fun",
    ),
    Question(
        "quality-time",
        "light",
        "When lately did you feel really present with your partner?",
        "feelings",
    ),
    Question("quality-time", "light", "What's a new recipe you've been wanting to try?", "fun"),
    Question(
        "quality-time",
        "light",
        "What's a sport or way of moving the two of you could try together for fun?",
        "fun",
    ),
    Question(
        "quality-time",
        "light",
        "What's a trip you two have taken, or could take, that you think about often?",
        "memories",
    ),
    Question(
        "quality-time",
        "light",
        "What could the two of you do this weekend that would feel like a mini holiday?",
        "fun",
    ),
    Question(
        "quality-time", "light", "Where would you like to go on your next day out together?", "fun"
    ),
    Question(
        "quality-time",
        "light",
        "What's a cosy thing you'd like to do together when the weather turns?",
        "fun",
    ),
    Question(
        "quality-time",
        "light",
        "What's a memory of you two laughing together that you love?",
        "memories",
    ),
    Question(
        "quality-time", "light", "When do you feel most relaxed with your partner?", "feelings"
    ),
    Question(
        "quality-time",
        "light",
        "What's a little tradition you'd like the two of you to start?",
        "dreams",
    ),
    Question(
        "quality-time",
        "light",
        "Which evening this week could you two keep free for each other?",
        "fun",
    ),
    Question(
        "quality-time",
        "deep",
        "What does quality time with your partner mean to you, in your own words?",
        "feelings",
    ),
    Question(
        "quality-time",
        "deep",
        "When do you feel closest to your partner while you're spending time together?",
        "affection",
    ),
    Question(
        "quality-time",
        "deep",
        "What gets in the way of your time together, and what might help?",
        "hard",
    ),
    Question(
        "quality-time",
        "deep",
        "How do phones or screens affect your time together, from your side?",
        "hard",
    ),
    Question(
        "quality-time",
        "deep",
        "Can you remember a moment when you reached out to your partner and they missed it?",
        "hard",
    ),
    Question(
        "quality-time",
        "deep",
        "What's a shared dream for the coming year that the two of you could start on now?",
        "dreams",
    ),
    Question(
        "quality-time", "deep", "What kind of time together helps you feel most seen?", "feelings"
    ),
    Question(
        "quality-time",
        "deep",
        "What's a place that holds a special memory of the two of you, and why?",
        "memories",
    ),
    Question(
        "quality-time",
        "deep",
        "What would you like your time together to feel like a year from now?",
        "dreams",
    ),
    Question(
        "quality-time",
        "deep",
        (
            "What might your partner discover about you if you two tried something completely new"
            " together?"
        ),
        "dreams",
    ),
    Question(
        "quality-time",
        "deep",
        "After a hectic week, what helps you feel like you two are back in step?",
        "feelings",
    ),
    Question(
        "quality-time",
        "deep",
        "How could the two of you protect your time together when life gets full?",
        "dreams",
    ),
    Question(
        "quality-time",
        "deep",
        "What's a moment with your partner you'd like to remember when you're very old?",
        "memories",
    ),
    Question(
        "quality-time",
        "deep",
        (
            "What did the couples around you growing up do together, and what would you keep "
            "or change?"
        ),
        "memories",
    ),
    Question(
        "quality-time", "deep", "What kind of adventure would stretch you both a little?", "dreams"
    ),
    Question(
        "quality-time",
        "deep",
        "How can you tell when the two of you need more time together?",
        "feelings",
    ),
    Question(
        "quality-time",
        "deep",
        "What would a perfect day with your partner include, from start to finish?",
        "dreams",
    ),
    Question(
        "quality-time",
        "deep",
        "What's a small way your partner could turn toward you more during the day?",
        "affection",
    ),
    Question(
        "quality-time",
        "deep",
        "What's one experience you'd love to share with your partner before the year is out?",
        "dreams",
    ),
    Question(
        "quality-time",
        "deep",
        "How do you feel after time together with no plans at all?",
        "feelings",
    ),
    # 4. Say thank you (appreciation)
    Question(
        "appreciation",
        "light",
        "What's one thing your partner did this week that you appreciated?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's a small kindness from your partner you noticed lately?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's something about your partner that made you smile today?",
        "fun",
    ),
    Question(
        "appreciation",
        "light",
        "What's a quality of your partner's you're grateful for right now?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "Could you thank your partner for one specific thing from this week?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's an effort of your partner's you noticed lately, even if it didn't work out?",
        "feelings",
    ),
    Question(
        "appreciation", "light", "When today did you feel lucky to have your partner?", "feelings"
    ),
    Question("appreciation", "light", "What's a habit of your partner's you secretly love?", "fun"),
    Question(
        "appreciation", "light", "How has your partner made your week a little easier?", "feelings"
    ),
    Question(
        "appreciation",
        "light",
        "What's something your partner is good at that they might not realise?",
        "fun",
    ),
    Question(
        "appreciation", "light", "What's a message from your partner you were glad to get?", "fun"
    ),
    Question(
        "appreciation",
        "light",
        "What do you admire about the way your partner treats other people?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's one word you'd use to describe your partner this week, and why?",
        "fun",
    ),
    Question(
        "appreciation",
        "light",
        "What's a tiny thing your partner does that makes an ordinary day better?",
        "fun",
    ),
    Question(
        "appreciation",
        "light",
        "What did you admire about how your partner handled something lately?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's something your partner said recently that stayed with you in a good way?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's a moment from your past together you're thankful for?",
        "memories",
    ),
    Question(
        "appreciation",
        "light",
        "What's a strength of your partner's you'd like to tell them about?",
        "feelings",
    ),
    Question(
        "appreciation", "light", "How did your partner make you feel cared for lately?", "feelings"
    ),
    Question(
        "appreciation",
        "light",
        "What do you appreciate about how you two work as a team?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's a funny thing your partner does that always cheers you up?",
        "fun",
    ),
    Question(
        "appreciation", "light", "What's a choice your partner made that you respect?", "feelings"
    ),
    Question(
        "appreciation", "light", "What's something you've learned from your partner?", "feelings"
    ),
    Question(
        "appreciation",
        "light",
        "What's one thing you'd like to thank your partner for that you've never said?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What part of your life together are you grateful for today?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "Could you write your partner one line about something you love in the way they are?",
        "affection",
    ),
    Question(
        "appreciation",
        "light",
        "What's a gesture of your partner's you'd like them to keep doing?",
        "affection",
    ),
    Question(
        "appreciation", "light", "When did your partner surprise you in a good way?", "memories"
    ),
    Question(
        "appreciation",
        "light",
        "What's something about your partner's character that makes you feel safe?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's a small thing your partner did that you didn't mention at the time?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's something your partner remembered that made you feel thought of?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's something your partner does for others that you find lovely?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "Who else in your life would you like to thank this week, and for what?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's a little thing about your days together you never want to take for granted?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's a way your partner has grown that you've noticed?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's something your partner made, cooked or chose that you enjoyed?",
        "fun",
    ),
    Question(
        "appreciation", "light", "When was your partner patient with you this week?", "feelings"
    ),
    Question(
        "appreciation",
        "light",
        "What's something about the way your partner speaks to you that you appreciate?",
        "feelings",
    ),
    Question(
        "appreciation",
        "light",
        "What's one good thing about the two of you that you'd happily tell a friend?",
        "fun",
    ),
    Question(
        "appreciation",
        "light",
        "What's a compliment you've been meaning to give your partner?",
        "fun",
    ),
    Question(
        "appreciation",
        "deep",
        "What's something your partner does that you think they don't get enough credit for?",
        "feelings",
    ),
    Question(
        "appreciation",
        "deep",
        "How has being with your partner changed you for the better?",
        "feelings",
    ),
    Question(
        "appreciation",
        "deep",
        "What's a hard time when your partner's support meant a lot to you?",
        "memories",
    ),
    Question(
        "appreciation",
        "deep",
        "Which of your partner's qualities do you hope never changes?",
        "feelings",
    ),
    Question(
        "appreciation",
        "deep",
        "What's something about your partner you've come to appreciate more over time?",
        "feelings",
    ),
    Question(
        "appreciation",
        "deep",
        "What's an effort or sacrifice of your partner's that you've seen and valued?",
        "feelings",
    ),
    Question(
        "appreciation",
        "deep",
        "How do you most like to be thanked, and is it different from how your partner likes it?",
        "feelings",
    ),
    Question(
        "appreciation", "deep", "When have you felt proud to be with your partner?", "feelings"
    ),
    Question(
        "appreciation",
        "deep",
        "What about your relationship are you most deeply grateful for?",
        "feelings",
    ),
    Question(
        "appreciation",
        "deep",
        "When is it hardest for you to notice the good in your relationship, and what helps?",
        "hard",
    ),
    Question(
        "appreciation",
        "deep",
        "What's a way your partner shows love that you've only recently noticed?",
        "affection",
    ),
    Question(
        "appreciation",
        "deep",
        "What quality of your partner's took you by surprise when you first met?",
        "memories",
    ),
    Question(
        "appreciation",
        "deep",
        "Which thank-you from your partner has meant the most to you, and why?",
        "memories",
    ),
    Question(
        "appreciation",
        "deep",
        "What's a feeling your partner gave you once that you still carry with you?",
        "memories",
    ),
    Question(
        "appreciation",
        "deep",
        "What would you like to thank your past self for, when it comes to your relationship?",
        "memories",
    ),
    Question(
        "appreciation", "deep", "How has your partner helped you become more yourself?", "feelings"
    ),
    Question(
        "appreciation",
        "deep",
        "What do you admire about how you two get through tough times?",
        "feelings",
    ),
    Question(
        "appreciation",
        "deep",
        "What's one thing your partner could thank you for more often?",
        "feelings",
    ),
    Question(
        "appreciation",
        "deep",
        "What do you appreciate about the way your partner loves you, in your own words?",
        "affection",
    ),
    Question(
        "appreciation",
        "deep",
        "What's something about your partner you'd like to honour more often?",
        "feelings",
    ),
    # 5. Stay close (affection)
    Question(
        "affection",
        "light",
        "What kind of hug do you like best: quick, long, or a gentle sway?",
        "affection",
    ),
    Question(
        "affection",
        "light",
        "Could you and your partner share a twenty-second hug today, and when would suit you?",
        "affection",
    ),
    Question(
        "affection", "light", "What's your favourite way to say hello with a touch?", "affection"
    ),
    Question("affection", "light", "When do you most enjoy holding hands?", "affection"),
    Question(
        "affection",
        "light",
        "What's a small touch of your partner's that always feels comforting?",
        "affection",
    ),
    Question(
        "affection", "light", "What's a cosy memory of you two cuddling that you love?", "memories"
    ),
    Question(
        "affection",
        "light",
        "Would you like more hugs this week, or are things just right?",
        "affection",
    ),
    Question(
        "affection", "light", "What kind of touch helps you relax after a long day?", "affection"
    ),
    Question(
        "affection",
        "light",
        "What's your favourite way for the two of you to say goodbye?",
        "affection",
    ),
    Question(
        "affection",
        "light",
        "When did a hug from your partner come at exactly the right moment?",
        "memories",
    ),
    Question(
        "affection",
        "light",
        "Would you like to hold your partner's hand on your next walk together?",
        "affection",
    ),
    Question(
        "affection",
        "light",
        "What's a playful way you'd like your partner to show affection?",
        "affection",
    ),
    Question("affection", "light", "Where do you love sitting close to your partner?", "affection"),
    Question(
        "affection",
        "light",
        "What do you still remember about your first hug or first kiss with your partner?",
        "memories",
    ),
    Question(
        "affection",
        "light",
        "When you're stressed, would a hand on your shoulder or a hug feel better?",
        "affection",
    ),
    Question(
        "affection",
        "light",
        "What's a little affectionate gesture you'd like the two of you to try this week?",
        "affection",
    ),
    Question("affection", "light", "What's the warmest hug you remember, from anyone?", "memories"),
    Question(
        "affection", "light", "What's a song that makes you want to hold your partner close?", "fun"
    ),
    Question(
        "affection", "light", "What nickname or phrase feels most affectionate to you?", "affection"
    ),
    Question(
        "affection",
        "light",
        "Could you give your partner a hug right now, or the next time you see them?",
        "affection",
    ),
    Question(
        "affection",
        "light",
        "What's a way your partner shows affection that you'd like more of?",
        "affection",
    ),
    Question(
        "affection",
        "light",
        "What's a kind of affection that isn't touch, but feels just as close?",
        "affection",
    ),
    Question("affection", "light", "When do you most feel like cuddling?", "affection"),
    Question("affection", "light", "What's a favourite photo of you two being close?", "memories"),
    Question(
        "affection",
        "light",
        "What's a gentle way the two of you could say “not right now” about touch?",
        "affection",
    ),
    Question("affection", "light", "When today would a kiss have been perfect?", "affection"),
    Question(
        "affection",
        "light",
        "How could you two be close while doing something ordinary, like reading?",
        "affection",
    ),
    Question(
        "affection", "light", "Would you like to slow dance to one song together soon?", "fun"
    ),
    Question("affection", "light", "What kind of touch feels like home to you?", "affection"),
    Question(
        "affection",
        "light",
        "What's an affectionate habit from your early days together that you miss?",
        "memories",
    ),
    Question(
        "affection", "light", "Do you prefer affection in private, in public, or both?", "affection"
    ),
    Question(
        "affection",
        "light",
        "What's a moment of holding hands with your partner that you remember well?",
        "memories",
    ),
    Question(
        "affection", "light", "How could the two of you add one more hug to your day?", "affection"
    ),
    Question(
        "affection",
        "light",
        (
            "What's something cosy the two of you could do next time you're together, like sharing"
            " a blanket?"
        ),
        "affection",
    ),
    Question(
        "affection",
        "light",
        "How could your partner show you affection when you're apart?",
        "affection",
    ),
    Question(
        "affection",
        "light",
        "What's a touch from your partner that tells you they're proud of you?",
        "affection",
    ),
    Question("affection", "light", "What kind of closeness helps you on a busy day?", "affection"),
    Question(
        "affection",
        "light",
        "What's a gesture that made you feel loved when you were growing up?",
        "memories",
    ),
    Question(
        "affection",
        "light",
        "When did you last feel calm just by being near your partner?",
        "affection",
    ),
    Question("affection", "light", "What would make your goodbyes a little sweeter?", "affection"),
    Question(
        "affection",
        "deep",
        "What does physical closeness mean to you, beyond the touch itself?",
        "affection",
    ),
    Question(
        "affection",
        "deep",
        "How did the people who raised you show affection, and how has that shaped you?",
        "memories",
    ),
    Question("affection", "deep", "When do you feel most wanted by your partner?", "affection"),
    Question(
        "affection",
        "deep",
        "Is there a kind of touch you'd like more of but find hard to ask for?",
        "affection",
    ),
    Question("affection", "deep", "How does affection help you when you're worried?", "affection"),
    Question(
        "affection",
        "deep",
        "When did a touch from your partner say more than words could?",
        "affection",
    ),
    Question(
        "affection",
        "deep",
        "How has the way you two show affection changed since you met?",
        "affection",
    ),
    Question(
        "affection",
        "deep",
        "What helps you feel comfortable saying what you'd like when the two of you are close?",
        "affection",
    ),
    Question(
        "affection",
        "deep",
        "When have you felt physically distant from your partner, and what helped close the gap?",
        "hard",
    ),
    Question(
        "affection",
        "deep",
        "How could your partner comfort you without using any words?",
        "affection",
    ),
    Question(
        "affection",
        "deep",
        "How do you like affection to feel on a hard day, compared with a good one?",
        "affection",
    ),
    Question(
        "affection",
        "deep",
        "Is there a shyness or worry about closeness you'd like your partner to understand?",
        "affection",
    ),
    Question(
        "affection",
        "deep",
        "What's the difference for you between affection and intimacy?",
        "affection",
    ),
    Question("affection", "deep", "What makes a kiss feel meaningful to you?", "affection"),
    Question(
        "affection",
        "deep",
        "How would you like the two of you to keep closeness alive when life gets busy?",
        "affection",
    ),
    Question(
        "affection", "deep", "What's a memory of being held that still comforts you?", "memories"
    ),
    Question("affection", "deep", "What helps you feel safe when you two are close?", "affection"),
    Question(
        "affection",
        "deep",
        "How can your partner tell when you need a hug but won't ask for one?",
        "affection",
    ),
    Question(
        "affection",
        "deep",
        "What's a small ritual of touch you'd like the two of you to keep for years?",
        "affection",
    ),
    Question(
        "affection",
        "deep",
        "What would you like your partner to know about how you best receive love?",
        "affection",
    ),
    # 6. Look after each other (well-being)
    Question("well-being", "light", "How's your energy today, in a few words?", "feelings"),
    Question(
        "well-being",
        "light",
        "What's one thing that would make your day a little lighter?",
        "feelings",
    ),
    Question("well-being", "light", "What helped you feel calm this week?", "feelings"),
    Question(
        "well-being", "light", "What's a small act of self-care you enjoyed lately?", "feelings"
    ),
    Question(
        "well-being",
        "light",
        "What's one thing your partner could take off your mind today?",
        "feelings",
    ),
    Question(
        "well-being",
        "light",
        "What's a bit of good news, yours or someone else's, that lifted you lately?",
        "fun",
    ),
    Question(
        "well-being",
        "light",
        "How did you sleep, and how do you feel about the day ahead?",
        "feelings",
    ),
    Question(
        "well-being",
        "light",
        "What's one small thing you can look forward to tomorrow, or could you two plan one?",
        "fun",
    ),
    Question(
        "well-being",
        "light",
        "What's a comfort food, song or place that helps on a low day?",
        "feelings",
    ),
    Question("well-being", "light", "What helps you unwind after a busy day?", "feelings"),
    Question(
        "well-being", "light", "What would a gentle evening look like for you tonight?", "feelings"
    ),
    Question(
        "well-being",
        "light",
        "What's something your partner did lately that helped you feel better?",
        "feelings",
    ),
    Question(
        "well-being",
        "light",
        "What's a tiny goal you'd like a little support with this week?",
        "dreams",
    ),
    Question("well-being", "light", "How can your partner cheer you on today?", "feelings"),
    Question("well-being", "light", "What made you feel good about yourself recently?", "feelings"),
    Question(
        "well-being",
        "light",
        (
            "Could you take a short walk, stretch or rest today, and would you like your partner"
            " along?"
        ),
        "fun",
    ),
    Question(
        "well-being",
        "light",
        "Is there a worry you'd like to hand over to your partner for a moment?",
        "feelings",
    ),
    Question(
        "well-being",
        "light",
        "How would you like your partner to celebrate a good day with you?",
        "fun",
    ),
    Question("well-being", "light", "Who lifted your mood lately, and how?", "fun"),
    Question(
        "well-being",
        "light",
        "What's a sign that you're running low, one your partner could watch for?",
        "feelings",
    ),
    Question(
        "well-being",
        "light",
        "Would you like advice, company or just a listening ear from your partner today?",
        "feelings",
    ),
    Question(
        "well-being",
        "light",
        "What's one thing you did this week that deserves a little applause?",
        "fun",
    ),
    Question("well-being", "light", "What's a small treat that brightens your week?", "fun"),
    Question(
        "well-being",
        "light",
        "What's a sound, view or place that helps you breathe easier?",
        "feelings",
    ),
    Question(
        "well-being",
        "light",
        "What did your body ask for today: movement, rest, or something else?",
        "feelings",
    ),
    Question(
        "well-being",
        "light",
        "When in your day could a kind message from your partner help most?",
        "feelings",
    ),
    Question("well-being", "light", "What's something you're handling well right now?", "feelings"),
    Question(
        "well-being",
        "light",
        "What could you say no to this week to give yourself some space?",
        "feelings",
    ),
    Question(
        "well-being",
        "light",
        (
            "Which happy moment from lately would you like to relive by telling your partner about"
            " it slowly?"
        ),
        "fun",
    ),
    Question("well-being", "light", "How do you like to mark the end of a good week?", "fun"),
    Question(
        "well-being",
        "light",
        "What's a gentle way your partner could check in when you're busy?",
        "feelings",
    ),
    Question(
        "well-being",
        "light",
        "What's one kind thing you'd like to do for yourself this week?",
        "feelings",
    ),
    Question("well-being", "light", "What's a saying or thought that steadies you?", "feelings"),
    Question(
        "well-being", "light", "What's a pastime that helps you feel like yourself again?", "fun"
    ),
    Question("well-being", "light", "What made you laugh when you really needed it?", "fun"),
    Question(
        "well-being",
        "light",
        "What's a good thing that happened to you that you haven't told anyone yet?",
        "fun",
    ),
    Question(
        "well-being", "light", "How could the two of you rest together this week?", "feelings"
    ),
    Question("well-being", "light", "How are you, really, underneath the busy?", "feelings"),
    Question(
        "well-being",
        "light",
        "What's a comforting ritual you'd like to keep this season?",
        "feelings",
    ),
    Question("well-being", "light", "What's going better than you expected lately?", "fun"),
    Question(
        "well-being",
        "deep",
        "What's been weighing on you lately that you haven't fully shared?",
        "feelings",
    ),
    Question(
        "well-being",
        "deep",
        "When you're struggling, what's the most helpful thing your partner can do?",
        "feelings",
    ),
    Question(
        "well-being",
        "deep",
        "What do you need from your partner right now that feels hard to ask for?",
        "feelings",
    ),
    Question(
        "well-being",
        "deep",
        "How do you usually notice you're stressed, and how does it show?",
        "feelings",
    ),
    Question(
        "well-being",
        "deep",
        "What's a hard time from your past when support made a real difference?",
        "memories",
    ),
    Question(
        "well-being",
        "deep",
        "How would you like your partner to respond when you share good news?",
        "feelings",
    ),
    Question(
        "well-being",
        "deep",
        (
            "When stress comes from outside your relationship, how can your partner show they're"
            " on your side?"
        ),
        "feelings",
    ),
    Question(
        "well-being",
        "deep",
        "What's a feeling you'd like to give yourself permission to feel more freely?",
        "feelings",
    ),
    Question(
        "well-being",
        "deep",
        "What does a safe place to be vulnerable look like for you?",
        "feelings",
    ),
    Question(
        "well-being",
        "deep",
        "What are you going through that you'd like your partner to understand better?",
        "feelings",
    ),
    Question(
        "well-being",
        "deep",
        "How can you two look after each other when you're both low at the same time?",
        "hard",
    ),
    Question(
        "well-being",
        "deep",
        "What kind of support feels helpful to you, and what kind doesn't?",
        "feelings",
    ),
    Question(
        "well-being", "deep", "How would you like to grow in looking after yourself?", "dreams"
    ),
    Question(
        "well-being", "deep", "When have you felt most supported by your partner?", "feelings"
    ),
    Question(
        "well-being",
        "deep",
        "What's a dream of yours that your partner could support more actively?",
        "dreams",
    ),
    Question(
        "well-being",
        "deep",
        "What's a goal you're chasing, and how could your partner back you without taking over?",
        "dreams",
    ),
    Question("well-being", "deep", "How do you like to be comforted when you're sad?", "feelings"),
    Question(
        "well-being",
        "deep",
        "What's a thought that keeps coming back lately, and how does it feel?",
        "feelings",
    ),
    Question(
        "well-being",
        "deep",
        "What would help you feel more at ease in your life right now?",
        "feelings",
    ),
    Question(
        "well-being",
        "deep",
        "What does feeling emotionally safe with your partner mean to you?",
        "feelings",
    ),
    # 7. Grow together (enrichment)
    Question(
        "enrichment",
        "light",
        "What's a relationship book or podcast you'd be curious to explore together?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        "What's one skill as a couple that you'd like to get better at together?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        (
            "What's a class you'd enjoy taking together, about your relationship or about anything"
            " at all?"
        ),
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        "What's something new you've learned about the two of you this month?",
        "feelings",
    ),
    Question(
        "enrichment",
        "light",
        "What's one thing you two are already doing well as a couple?",
        "feelings",
    ),
    Question(
        "enrichment",
        "light",
        "If you two read one chapter of something together, what would you like it to be about?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        "Is there a couple you admire, and what could the two of you learn from them?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        "What's one new habit you'd like the two of you to try for a week?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        "What's a question about relationships you've always wondered about?",
        "fun",
    ),
    Question(
        "enrichment",
        "light",
        "What kind of retreat or getaway sounds restful and connecting to you?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        "What's a topic you'd like the two of you to learn more about?",
        "dreams",
    ),
    Question(
        "enrichment",
        "deep",
        "What's an idea about love you grew up with that you'd like to rethink?",
        "memories",
    ),
    Question(
        "enrichment",
        "light",
        "What's a small experiment the two of you could try to listen to each other better?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        "What's a talk, course or video you'd like to watch with your partner and then discuss?",
        "dreams",
    ),
    Question(
        "enrichment", "light", "What's one thing you two learned from a past disagreement?", "hard"
    ),
    Question(
        "enrichment",
        "light",
        "What's a new ritual the two of you could try this month to grow closer?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        "What's a value you'd like the two of you to keep building on together?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        "What's a strength the two of you have as a team that you could use more?",
        "feelings",
    ),
    Question(
        "enrichment",
        "light",
        "What's something you'd like to learn about your partner's world?",
        "dreams",
    ),
    Question(
        "enrichment", "light", "What's a tiny goal for you two as a couple this month?", "dreams"
    ),
    Question("enrichment", "light", "How have you two grown together this year?", "memories"),
    Question(
        "enrichment",
        "light",
        "What's a language, skill or craft you'd love to learn with your partner?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        (
            "If you two joined a couples' workshop, which theme would you pick: talking,"
            " listening, fun or dreams?"
        ),
        "fun",
    ),
    Question(
        "enrichment",
        "light",
        "How could the two of you keep learning about each other as the years go by?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        "What kind of help or advice would you be open to as a couple?",
        "hard",
    ),
    Question(
        "enrichment", "light", "What's a quote about love or friendship that you like?", "fun"
    ),
    Question(
        "enrichment",
        "light",
        "What's a relationship idea you'd like the two of you to test together, just for fun?",
        "fun",
    ),
    Question(
        "enrichment",
        "light",
        "What would you hope to get from a weekend away focused on your relationship?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        "What's a lesson from a friend's relationship you've quietly taken on board?",
        "memories",
    ),
    Question(
        "enrichment",
        "light",
        "What's a habit the two of you share that you'd like to keep for the long run?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        "What's a question you'd like the two of you to answer together once a year?",
        "fun",
    ),
    Question(
        "enrichment",
        "light",
        "What's one thing you'd like the two of you to do differently this season?",
        "dreams",
    ),
    Question(
        "enrichment",
        "light",
        (
            "What's a book that changed how you see people, and would you like your partner to"
            " read it too?"
        ),
        "memories",
    ),
    Question(
        "enrichment", "light", "How could the two of you celebrate how far you've come?", "dreams"
    ),
    Question(
        "enrichment",
        "light",
        "What would make your check-ins with each other more useful to you?",
        "feelings",
    ),
    Question(
        "enrichment",
        "light",
        (
            "What's a topic you'd like the two of you to understand better before it ever becomes"
            " a problem?"
        ),
        "hard",
    ),
    Question(
        "enrichment",
        "light",
        "How could the two of you practise being a bit kinder to each other in busy weeks?",
        "hard",
    ),
    Question(
        "enrichment",
        "light",
        "What's one thing about how you two handle stress that you'd like to improve together?",
        "hard",
    ),
    Question(
        "enrichment",
        "light",
        "What's a piece of relationship advice you've heard and would like to try?",
        "dreams",
    ),
    Question(
        "enrichment", "light", "What can the two of you learn from the way you met?", "memories"
    ),
    Question(
        "enrichment",
        "deep",
        "How would you feel about seeing a couples' counsellor one day, simply to grow?",
        "hard",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a pattern between you and your partner that you'd like to understand better?",
        "hard",
    ),
    Question(
        "enrichment",
        "deep",
        "What kind of couple do you hope you two will be in five years?",
        "dreams",
    ),
    Question(
        "enrichment",
        "deep",
        "What's something about your relationship you'd like help with, even if it feels small?",
        "hard",
    ),
    Question(
        "enrichment",
        "deep",
        "How did the people around you growing up feel about asking for help?",
        "hard",
    ),
    Question(
        "enrichment",
        "deep",
        "What would make trying couples' therapy feel safe and comfortable for you?",
        "hard",
    ),
    Question(
        "enrichment",
        "deep",
        (
            "What's a moment that keeps repeating between the two of you that you'd like to handle"
            " differently?"
        ),
        "hard",
    ),
    Question(
        "enrichment",
        "deep",
        "Is there something you'd like the two of you to learn before your next big change?",
        "dreams",
    ),
    Question(
        "enrichment",
        "deep",
        "What do you think keeps a relationship growing over many years?",
        "dreams",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a dream for the two of you that would need you both to grow a little?",
        "dreams",
    ),
    Question(
        "enrichment",
        "deep",
        "What did an earlier chapter of your life teach you that you bring to your relationship?",
        "memories",
    ),
    Question(
        "enrichment",
        "deep",
        "What would you want a good counsellor to understand about the two of you?",
        "hard",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a value you two share that you'd like to live out more fully together?",
        "dreams",
    ),
    Question(
        "enrichment",
        "deep",
        "What would help you feel more open and responsive with your partner?",
        "feelings",
    ),
    Question(
        "enrichment",
        "deep",
        "How can the two of you keep choosing each other as you both change?",
        "dreams",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a hard season you two have come through, and what did it teach you?",
        "memories",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a shared goal that would give your relationship more meaning?",
        "dreams",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a blind spot you think each of you might have, said kindly?",
        "hard",
    ),
    Question(
        "enrichment",
        "deep",
        "How would you like the two of you to handle it if you ever feel stuck?",
        "hard",
    ),
    Question("enrichment", "deep", "What does growing together mean to you?", "dreams"),
)
