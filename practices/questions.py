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


@dataclass(frozen=True)
class Question:
    """One daily question, answered privately by each partner."""

    practice: str  # one of the seven practice slugs
    depth: str  # "light" or "deep"
    text: str  # one question, at most 200 characters, ends with "?"


QUESTIONS: tuple[Question, ...] = (
    # 1. Talk openly (communication)
    Question("communication", "light", "What was the best part of your day so far?"),
    Question("communication", "light", "What's something small that made you laugh this week?"),
    Question(
        "communication",
        "light",
        "What's one thing on your mind today that you haven't mentioned yet?",
    ),
    Question("communication", "light", "What are you looking forward to this week?"),
    Question(
        "communication",
        "light",
        "What's a song that's been stuck in your head lately, and why do you think it stuck?",
    ),
    Question("communication", "light", "What's a topic you could happily talk about for an hour?"),
    Question("communication", "light", "What did you learn this week that surprised you?"),
    Question(
        "communication",
        "light",
        "Which conversation with your partner lately felt really easy?",
    ),
    Question(
        "communication",
        "light",
        "What colour or kind of weather matches your week so far, and why?",
    ),
    Question(
        "communication",
        "light",
        "What's something you'd like to tell your partner more about when you two have time?",
    ),
    Question("communication", "light", "When today did you feel most like yourself?"),
    Question(
        "communication",
        "light",
        "What's a story from when you were little that you don't think your partner has heard?",
    ),
    Question("communication", "light", "If today had a title, what would it be?"),
    Question(
        "communication",
        "light",
        "What's something you read, watched or heard lately that stayed with you?",
    ),
    Question(
        "communication",
        "light",
        "What's a question you'd love your partner to ask you more often?",
    ),
    Question(
        "communication",
        "light",
        "How do you like to hear good news: straight away, or saved for a quiet moment?",
    ),
    Question("communication", "light", "What time of day do you feel most like chatting?"),
    Question(
        "communication",
        "light",
        "What's one thing you'd like to plan with your partner in the next few weeks?",
    ),
    Question("communication", "light", "What's a small win from this week you'd like to share?"),
    Question("communication", "light", "What's a silly opinion you hold very firmly?"),
    Question(
        "communication",
        "light",
        (
            "Where do you find it easiest to talk with your partner: on a walk, over food,"
            " somewhere else?"
        ),
    ),
    Question(
        "communication",
        "light",
        "What's one thing you noticed today that most people would miss?",
    ),
    Question(
        "communication",
        "light",
        "What's a phrase or saying from the people who raised you that you still use?",
    ),
    Question("communication", "light", "What made you curious this week?"),
    Question(
        "communication",
        "light",
        "Could you send your partner a photo of something that caught your eye today, and say why?",
    ),
    Question("communication", "light", "What's something you've changed your mind about recently?"),
    Question(
        "communication",
        "light",
        "What would you like more of in the conversations you two have?",
    ),
    Question("communication", "light", "What do you like to talk about on a slow, lazy day?"),
    Question(
        "communication",
        "light",
        "What's a recent conversation, with anyone, that left you feeling good?",
    ),
    Question(
        "communication",
        "light",
        "What's a phrase of your partner's you'd recognise anywhere?",
    ),
    Question("communication", "light", "When do you feel most listened to by your partner?"),
    Question(
        "communication",
        "light",
        "What's something you've been wondering about lately, big or small?",
    ),
    Question(
        "communication",
        "light",
        "What's the best advice anyone has given you, and who was it?",
    ),
    Question(
        "communication",
        "light",
        "What's a word or inside joke the two of you share that you love?",
    ),
    Question("communication", "light", "What would you tell your younger self about this week?"),
    Question(
        "communication",
        "light",
        "What's a small moment from today you'd like to describe to your partner in detail?",
    ),
    Question(
        "communication",
        "light",
        "What's a long talk with your partner that you still treasure?",
    ),
    Question(
        "communication",
        "light",
        "When something bothers you, do you prefer to talk right away or at a set time?",
    ),
    Question("communication", "light", "What's something you're proud of that you rarely mention?"),
    Question(
        "communication",
        "light",
        "What's a plan, however tiny, that you're excited about right now?",
    ),
    Question("communication", "light", "What's the nicest thing someone said to you recently?"),
    Question(
        "communication",
        "deep",
        "What's something you find hard to say out loud, even to your partner?",
    ),
    Question(
        "communication",
        "deep",
        "When you and your partner disagree, what helps you feel safe enough to keep talking?",
    ),
    Question(
        "communication",
        "deep",
        "What could your partner do to make it easier for you to bring up something difficult?",
    ),
    Question(
        "communication",
        "deep",
        (
            "How do you know when you need a pause in a hard talk, and how would you like to "
            "ask for one?"
        ),
    ),
    Question(
        "communication",
        "deep",
        "What's a topic you'd like the two of you to talk about more openly?",
    ),
    Question(
        "communication",
        "deep",
        "What did disagreements look like where you grew up, and how has that shaped you?",
    ),
    Question(
        "communication",
        "deep",
        "What's a way of starting a tricky conversation that feels gentle to you?",
    ),
    Question(
        "communication",
        "deep",
        "Is there something you've held back lately, and what would help you share it?",
    ),
    Question(
        "communication",
        "deep",
        (
            "What's a recent moment when you felt misunderstood, and what did you wish your"
            " partner had known?"
        ),
    ),
    Question(
        "communication",
        "deep",
        "How would you like the two of you to make up after a disagreement?",
    ),
    Question(
        "communication",
        "deep",
        "What's a need of yours that sometimes gets lost when you're both busy?",
    ),
    Question("communication", "deep", "Which of your feelings is hardest to put into words?"),
    Question(
        "communication",
        "deep",
        "What have you learned about how you and your partner talk to each other since you met?",
    ),
    Question(
        "communication",
        "deep",
        "Could you finish this thought with something true: you feel close to your partner when…?",
    ),
    Question(
        "communication",
        "deep",
        (
            "What's something your partner does after tension, like a joke or a touch, that helps"
            " you two reconnect?"
        ),
    ),
    Question("communication", "deep", "What does honesty mean to you in a relationship?"),
    Question(
        "communication",
        "deep",
        "What's a worry about your relationship you'd like to say gently, so it feels smaller?",
    ),
    Question(
        "communication",
        "deep",
        "When you're upset, what's the first thing you'd like your partner to say or do?",
    ),
    Question(
        "communication",
        "deep",
        (
            "What's a disagreement between the two of you that keeps coming back, and how could"
            " you both live with it kindly?"
        ),
    ),
    Question(
        "communication",
        "deep",
        "When you bring up something hard, what do you most hope your partner will hear?",
    ),
    # 2. Understand each other (empathy)
    Question("empathy", "light", "What's one feeling you had today, and what sparked it?"),
    Question(
        "empathy",
        "light",
        "What's been on your plate this week that your partner might not see?",
    ),
    Question(
        "empathy",
        "light",
        "What's a small annoyance from lately that you'd like to get off your chest?",
    ),
    Question("empathy", "light", "When this week did you feel quietly brave?"),
    Question(
        "empathy",
        "light",
        "Which part of your week was more tiring than it looked from the outside?",
    ),
    Question(
        "empathy",
        "light",
        "What's something you love that you wish your partner understood better?",
    ),
    Question("empathy", "light", "How are you feeling right now, in one or two words?"),
    Question(
        "empathy",
        "light",
        "What's your guess about how your partner's day went, before you ask them?",
    ),
    Question("empathy", "light", "When this week would you have liked someone in your corner?"),
    Question(
        "empathy",
        "light",
        "What do you think your partner is most looking forward to right now?",
    ),
    Question("empathy", "light", "What's a small worry you've carried around this week?"),
    Question("empathy", "light", "What gave you energy lately, and what drained it?"),
    Question(
        "empathy",
        "light",
        "Which of your partner's moods do you find easiest to read, and which is trickiest?",
    ),
    Question(
        "empathy",
        "light",
        "What have you noticed about how your partner has been feeling lately?",
    ),
    Question(
        "empathy",
        "light",
        "Which character from a film or book feels like you right now, and why?",
    ),
    Question("empathy", "light", "What kind of day would feel kind to you tomorrow?"),
    Question(
        "empathy",
        "light",
        "What's one thing you'd like your partner to know about your week before it ends?",
    ),
    Question(
        "empathy",
        "light",
        "What felt bigger to you this week than it might have seemed to others?",
    ),
    Question("empathy", "light", "How can your partner tell when you're tired but not saying so?"),
    Question(
        "empathy",
        "light",
        "What's a place you'd like to show your partner so they understand you better?",
    ),
    Question("empathy", "light", "What's a habit of yours that has a story behind it?"),
    Question("empathy", "light", "What did you need today that you didn't quite get?"),
    Question("empathy", "light", "What's a compliment you got that surprised you?"),
    Question("empathy", "light", "Who did you think about today, and why?"),
    Question("empathy", "light", "Where did you find a tiny moment of calm today?"),
    Question(
        "empathy",
        "light",
        "What's an interest of your partner's you'd like to understand better?",
    ),
    Question(
        "empathy",
        "light",
        "How did you feel when you woke up today, and has it changed since?",
    ),
    Question("empathy", "light", "What's one feeling you'd like to have more of this week?"),
    Question(
        "empathy",
        "light",
        "What do you guess your partner would call the highlight of their week?",
    ),
    Question(
        "empathy",
        "light",
        "When did you last feel understood by someone besides your partner?",
    ),
    Question(
        "empathy",
        "light",
        "What are you curious about in the way your partner sees the world?",
    ),
    Question(
        "empathy",
        "light",
        "What's a sound, smell or taste that brings back a happy feeling?",
    ),
    Question(
        "empathy",
        "light",
        "What's a phrase that helps you when everything feels like a lot?",
    ),
    Question(
        "empathy",
        "light",
        "What does a grey day feel like for you, and what makes it a little brighter?",
    ),
    Question(
        "empathy",
        "light",
        "What's something exciting for you that you'd love your partner to share in?",
    ),
    Question("empathy", "light", "Was there a moment this week when you felt a little left out?"),
    Question(
        "empathy",
        "light",
        "What's a recent change in your life that you're still getting used to?",
    ),
    Question(
        "empathy",
        "light",
        "Is something coming up this week that you'd like your partner to remember and ask about?",
    ),
    Question("empathy", "light", "What's a memory that shaped how you see kindness?"),
    Question(
        "empathy",
        "light",
        "What's something that's easy for you but hard for your partner, or the other way round?",
    ),
    Question(
        "empathy",
        "deep",
        "What's a feeling you've had lately that you haven't quite found words for?",
    ),
    Question(
        "empathy",
        "deep",
        "When did you last feel truly seen by your partner, and what did they do?",
    ),
    Question(
        "empathy",
        "deep",
        "What's something from your past that still affects how you react today?",
    ),
    Question("empathy", "deep", "What's a side of you that you think few people see?"),
    Question(
        "empathy",
        "deep",
        "Think of a time your partner didn't understand you: what was really going on for you?",
    ),
    Question("empathy", "deep", "What do you think your partner needs most from you right now?"),
    Question(
        "empathy",
        "deep",
        (
            "What's a belief of yours you'd like your partner to understand, even if they see it"
            " differently?"
        ),
    ),
    Question("empathy", "deep", "What's it like to be you on a hard day?"),
    Question(
        "empathy",
        "deep",
        "What's a part of your story you'd like your partner to know more about?",
    ),
    Question(
        "empathy",
        "deep",
        (
            "What helps you feel that your partner is trying to understand you, even when they get"
            " it wrong?"
        ),
    ),
    Question("empathy", "deep", "When you go quiet or pull back, what's usually happening inside?"),
    Question("empathy", "deep", "What's a hope you carry quietly?"),
    Question(
        "empathy",
        "deep",
        "When did something your partner said change the way you saw things?",
    ),
    Question("empathy", "deep", "What's a fear you've grown out of, and what helped?"),
    Question(
        "empathy",
        "deep",
        "What do you wish people understood about you without you having to explain?",
    ),
    Question(
        "empathy",
        "deep",
        "Which of your partner's reactions would you like to understand better?",
    ),
    Question("empathy", "deep", "How has your idea of love changed over the years?"),
    Question(
        "empathy",
        "deep",
        (
            "What's something you've lived through that you feel your partner understands well,"
            " and something they don't yet?"
        ),
    ),
    Question("empathy", "deep", "What's a quiet struggle you've been carrying lately?"),
    Question(
        "empathy",
        "deep",
        "Could you describe a recent moment from your partner's point of view, as you imagine it?",
    ),
    # 3. Make time together (quality-time)
    Question("quality-time", "light", "What's a walk you'd love to take with your partner soon?"),
    Question("quality-time", "light", "What's a meal you'd like the two of you to cook together?"),
    Question(
        "quality-time",
        "light",
        (
            "What's something simple you and your partner did together that you'd happily repeat"
            " this week?"
        ),
    ),
    Question("quality-time", "light", "What's a hobby you'd like to try with your partner?"),
    Question("quality-time", "light", "What's your idea of a perfect lazy afternoon together?"),
    Question(
        "quality-time",
        "light",
        "If you two had one free hour tomorrow, how would you like to spend it together?",
    ),
    Question("quality-time", "light", "What's a game you'd like the two of you to play soon?"),
    Question(
        "quality-time",
        "light",
        "What's a place you've always wanted to visit with your partner?",
    ),
    Question("quality-time", "light", "What's a favourite memory of a day out together?"),
    Question(
        "quality-time",
        "light",
        "What's something new the two of you could try together this month?",
    ),
    Question(
        "quality-time",
        "light",
        "Could the two of you pick a phone-free hour this week, and when would suit you?",
    ),
    Question(
        "quality-time",
        "light",
        "What's a show, film or book you'd like to share with your partner?",
    ),
    Question(
        "quality-time",
        "light",
        "What's a small ritual the two of you share that you'd miss if it stopped?",
    ),
    Question(
        "quality-time",
        "light",
        "What's something you loved doing as a child that you'd enjoy doing with your partner?",
    ),
    Question(
        "quality-time",
        "light",
        "What would make an ordinary evening together feel a little special?",
    ),
    Question("quality-time", "light", "What's an event or spot nearby you've been curious about?"),
    Question(
        "quality-time",
        "light",
        "What's something about this time of year you'd like the two of you to enjoy together?",
    ),
    Question(
        "quality-time",
        "light",
        "What's a skill you could teach your partner in an afternoon?",
    ),
    Question("quality-time", "light", "What's something you'd like your partner to teach you?"),
    Question(
        "quality-time",
        "light",
        "What's a song or playlist you'd like to listen to with your partner, properly?",
    ),
    Question(
        "quality-time",
        "light",
        "What's the best date you two have had, and what made it good?",
    ),
    Question(
        "quality-time",
        "light",
        "What's something you two used to do together that you'd like to bring back?",
    ),
    Question("quality-time", "light", "What's an adventure you'd like to plan, big or tiny?"),
    Question(
        "quality-time",
        "light",
        "What's a picnic spot or view you'd like to share with your partner?",
    ),
    Question(
        "quality-time",
        "light",
        "Would you rather take a sunrise walk or a sunset walk with your partner, and why?",
    ),
    Question("quality-time", "light", "What would an ideal tech-free evening look like for you?"),
    Question(
        "quality-time",
        "light",
        "What could the two of you do together in ten minutes today?",
    ),
    Question(
        "quality-time",
        "light",
        "What's a puzzle, craft or project the two of you could start together?",
    ),
    Question(
        "quality-time",
        "light",
        "What's a café, park or corner of town you'd like to explore with your partner?",
    ),
    Question(
        "quality-time",
        "light",
        "What's a card game, board game or silly challenge you'd like to try?",
    ),
    Question("quality-time", "light", "When lately did you feel really present with your partner?"),
    Question("quality-time", "light", "What's a new recipe you've been wanting to try?"),
    Question(
        "quality-time",
        "light",
        "What's a sport or way of moving the two of you could try together for fun?",
    ),
    Question(
        "quality-time",
        "light",
        "What's a trip you two have taken, or could take, that you think about often?",
    ),
    Question(
        "quality-time",
        "light",
        "What could the two of you do this weekend that would feel like a mini holiday?",
    ),
    Question("quality-time", "light", "Where would you like to go on your next day out together?"),
    Question(
        "quality-time",
        "light",
        "What's a cosy thing you'd like to do together when the weather turns?",
    ),
    Question(
        "quality-time",
        "light",
        "What's a memory of you two laughing together that you love?",
    ),
    Question("quality-time", "light", "When do you feel most relaxed with your partner?"),
    Question(
        "quality-time",
        "light",
        "What's a little tradition you'd like the two of you to start?",
    ),
    Question(
        "quality-time",
        "light",
        "Which evening this week could you two keep free for each other?",
    ),
    Question(
        "quality-time",
        "deep",
        "What does quality time with your partner mean to you, in your own words?",
    ),
    Question(
        "quality-time",
        "deep",
        "When do you feel closest to your partner while you're spending time together?",
    ),
    Question(
        "quality-time",
        "deep",
        "What gets in the way of your time together, and what might help?",
    ),
    Question(
        "quality-time",
        "deep",
        "How do phones or screens affect your time together, from your side?",
    ),
    Question(
        "quality-time",
        "deep",
        "Can you remember a moment when you reached out to your partner and they missed it?",
    ),
    Question(
        "quality-time",
        "deep",
        "What's a shared dream for the coming year that the two of you could start on now?",
    ),
    Question("quality-time", "deep", "What kind of time together helps you feel most seen?"),
    Question(
        "quality-time",
        "deep",
        "What's a place that holds a special memory of the two of you, and why?",
    ),
    Question(
        "quality-time",
        "deep",
        "What would you like your time together to feel like a year from now?",
    ),
    Question(
        "quality-time",
        "deep",
        (
            "What might your partner discover about you if you two tried something completely new"
            " together?"
        ),
    ),
    Question(
        "quality-time",
        "deep",
        "After a hectic week, what helps you feel like you two are back in step?",
    ),
    Question(
        "quality-time",
        "deep",
        "How could the two of you protect your time together when life gets full?",
    ),
    Question(
        "quality-time",
        "deep",
        "What's a moment with your partner you'd like to remember when you're very old?",
    ),
    Question(
        "quality-time",
        "deep",
        (
            "What did the couples around you growing up do together, and what would you keep "
            "or change?"
        ),
    ),
    Question("quality-time", "deep", "What kind of adventure would stretch you both a little?"),
    Question(
        "quality-time",
        "deep",
        "How can you tell when the two of you need more time together?",
    ),
    Question(
        "quality-time",
        "deep",
        "What would a perfect day with your partner include, from start to finish?",
    ),
    Question(
        "quality-time",
        "deep",
        "What's a small way your partner could turn toward you more during the day?",
    ),
    Question(
        "quality-time",
        "deep",
        "What's one experience you'd love to share with your partner before the year is out?",
    ),
    Question("quality-time", "deep", "How do you feel after time together with no plans at all?"),
    # 4. Say thank you (appreciation)
    Question(
        "appreciation",
        "light",
        "What's one thing your partner did this week that you appreciated?",
    ),
    Question(
        "appreciation",
        "light",
        "What's a small kindness from your partner you noticed lately?",
    ),
    Question(
        "appreciation",
        "light",
        "What's something about your partner that made you smile today?",
    ),
    Question(
        "appreciation",
        "light",
        "What's a quality of your partner's you're grateful for right now?",
    ),
    Question(
        "appreciation",
        "light",
        "Could you thank your partner for one specific thing from this week?",
    ),
    Question(
        "appreciation",
        "light",
        "What's an effort of your partner's you noticed lately, even if it didn't work out?",
    ),
    Question("appreciation", "light", "When today did you feel lucky to have your partner?"),
    Question("appreciation", "light", "What's a habit of your partner's you secretly love?"),
    Question("appreciation", "light", "How has your partner made your week a little easier?"),
    Question(
        "appreciation",
        "light",
        "What's something your partner is good at that they might not realise?",
    ),
    Question("appreciation", "light", "What's a message from your partner you were glad to get?"),
    Question(
        "appreciation",
        "light",
        "What do you admire about the way your partner treats other people?",
    ),
    Question(
        "appreciation",
        "light",
        "What's one word you'd use to describe your partner this week, and why?",
    ),
    Question(
        "appreciation",
        "light",
        "What's a tiny thing your partner does that makes an ordinary day better?",
    ),
    Question(
        "appreciation",
        "light",
        "What did you admire about how your partner handled something lately?",
    ),
    Question(
        "appreciation",
        "light",
        "What's something your partner said recently that stayed with you in a good way?",
    ),
    Question(
        "appreciation",
        "light",
        "What's a moment from your past together you're thankful for?",
    ),
    Question(
        "appreciation",
        "light",
        "What's a strength of your partner's you'd like to tell them about?",
    ),
    Question("appreciation", "light", "How did your partner make you feel cared for lately?"),
    Question("appreciation", "light", "What do you appreciate about how you two work as a team?"),
    Question(
        "appreciation",
        "light",
        "What's a funny thing your partner does that always cheers you up?",
    ),
    Question("appreciation", "light", "What's a choice your partner made that you respect?"),
    Question("appreciation", "light", "What's something you've learned from your partner?"),
    Question(
        "appreciation",
        "light",
        "What's one thing you'd like to thank your partner for that you've never said?",
    ),
    Question(
        "appreciation",
        "light",
        "What part of your life together are you grateful for today?",
    ),
    Question(
        "appreciation",
        "light",
        "Could you write your partner one line about something you love in the way they are?",
    ),
    Question(
        "appreciation",
        "light",
        "What's a gesture of your partner's you'd like them to keep doing?",
    ),
    Question("appreciation", "light", "When did your partner surprise you in a good way?"),
    Question(
        "appreciation",
        "light",
        "What's something about your partner's character that makes you feel safe?",
    ),
    Question(
        "appreciation",
        "light",
        "What's a small thing your partner did that you didn't mention at the time?",
    ),
    Question(
        "appreciation",
        "light",
        "What's something your partner remembered that made you feel thought of?",
    ),
    Question(
        "appreciation",
        "light",
        "What's something your partner does for others that you find lovely?",
    ),
    Question(
        "appreciation",
        "light",
        "Who else in your life would you like to thank this week, and for what?",
    ),
    Question(
        "appreciation",
        "light",
        "What's a little thing about your days together you never want to take for granted?",
    ),
    Question("appreciation", "light", "What's a way your partner has grown that you've noticed?"),
    Question(
        "appreciation",
        "light",
        "What's something your partner made, cooked or chose that you enjoyed?",
    ),
    Question("appreciation", "light", "When was your partner patient with you this week?"),
    Question(
        "appreciation",
        "light",
        "What's something about the way your partner speaks to you that you appreciate?",
    ),
    Question(
        "appreciation",
        "light",
        "What's one good thing about the two of you that you'd happily tell a friend?",
    ),
    Question(
        "appreciation",
        "light",
        "What's a compliment you've been meaning to give your partner?",
    ),
    Question(
        "appreciation",
        "deep",
        "What's something your partner does that you think they don't get enough credit for?",
    ),
    Question("appreciation", "deep", "How has being with your partner changed you for the better?"),
    Question(
        "appreciation",
        "deep",
        "What's a hard time when your partner's support meant a lot to you?",
    ),
    Question(
        "appreciation",
        "deep",
        "Which of your partner's qualities do you hope never changes?",
    ),
    Question(
        "appreciation",
        "deep",
        "What's something about your partner you've come to appreciate more over time?",
    ),
    Question(
        "appreciation",
        "deep",
        "What's an effort or sacrifice of your partner's that you've seen and valued?",
    ),
    Question(
        "appreciation",
        "deep",
        "How do you most like to be thanked, and is it different from how your partner likes it?",
    ),
    Question("appreciation", "deep", "When have you felt proud to be with your partner?"),
    Question(
        "appreciation",
        "deep",
        "What about your relationship are you most deeply grateful for?",
    ),
    Question(
        "appreciation",
        "deep",
        "When is it hardest for you to notice the good in your relationship, and what helps?",
    ),
    Question(
        "appreciation",
        "deep",
        "What's a way your partner shows love that you've only recently noticed?",
    ),
    Question(
        "appreciation",
        "deep",
        "What quality of your partner's took you by surprise when you first met?",
    ),
    Question(
        "appreciation",
        "deep",
        "Which thank-you from your partner has meant the most to you, and why?",
    ),
    Question(
        "appreciation",
        "deep",
        "What's a feeling your partner gave you once that you still carry with you?",
    ),
    Question(
        "appreciation",
        "deep",
        "What would you like to thank your past self for, when it comes to your relationship?",
    ),
    Question("appreciation", "deep", "How has your partner helped you become more yourself?"),
    Question(
        "appreciation",
        "deep",
        "What do you admire about how you two get through tough times?",
    ),
    Question(
        "appreciation",
        "deep",
        "What's one thing your partner could thank you for more often?",
    ),
    Question(
        "appreciation",
        "deep",
        "What do you appreciate about the way your partner loves you, in your own words?",
    ),
    Question(
        "appreciation",
        "deep",
        "What's something about your partner you'd like to honour more often?",
    ),
    # 5. Stay close (affection)
    Question(
        "affection",
        "light",
        "What kind of hug do you like best: quick, long, or a gentle sway?",
    ),
    Question(
        "affection",
        "light",
        "Could you and your partner share a twenty-second hug today, and when would suit you?",
    ),
    Question("affection", "light", "What's your favourite way to say hello with a touch?"),
    Question("affection", "light", "When do you most enjoy holding hands?"),
    Question(
        "affection",
        "light",
        "What's a small touch of your partner's that always feels comforting?",
    ),
    Question("affection", "light", "What's a cosy memory of you two cuddling that you love?"),
    Question("affection", "light", "Would you like more hugs this week, or are things just right?"),
    Question("affection", "light", "What kind of touch helps you relax after a long day?"),
    Question("affection", "light", "What's your favourite way for the two of you to say goodbye?"),
    Question(
        "affection",
        "light",
        "When did a hug from your partner come at exactly the right moment?",
    ),
    Question(
        "affection",
        "light",
        "Would you like to hold your partner's hand on your next walk together?",
    ),
    Question(
        "affection",
        "light",
        "What's a playful way you'd like your partner to show affection?",
    ),
    Question("affection", "light", "Where do you love sitting close to your partner?"),
    Question(
        "affection",
        "light",
        "What do you still remember about your first hug or first kiss with your partner?",
    ),
    Question(
        "affection",
        "light",
        "When you're stressed, would a hand on your shoulder or a hug feel better?",
    ),
    Question(
        "affection",
        "light",
        "What's a little affectionate gesture you'd like the two of you to try this week?",
    ),
    Question("affection", "light", "What's the warmest hug you remember, from anyone?"),
    Question("affection", "light", "What's a song that makes you want to hold your partner close?"),
    Question("affection", "light", "What nickname or phrase feels most affectionate to you?"),
    Question(
        "affection",
        "light",
        "Could you give your partner a hug right now, or the next time you see them?",
    ),
    Question(
        "affection",
        "light",
        "What's a way your partner shows affection that you'd like more of?",
    ),
    Question(
        "affection",
        "light",
        "What's a kind of affection that isn't touch, but feels just as close?",
    ),
    Question("affection", "light", "When do you most feel like cuddling?"),
    Question("affection", "light", "What's a favourite photo of you two being close?"),
    Question(
        "affection",
        "light",
        "What's a gentle way the two of you could say “not right now” about touch?",
    ),
    Question("affection", "light", "When today would a kiss have been perfect?"),
    Question(
        "affection",
        "light",
        "How could you two be close while doing something ordinary, like reading?",
    ),
    Question("affection", "light", "Would you like to slow dance to one song together soon?"),
    Question("affection", "light", "What kind of touch feels like home to you?"),
    Question(
        "affection",
        "light",
        "What's an affectionate habit from your early days together that you miss?",
    ),
    Question("affection", "light", "Do you prefer affection in private, in public, or both?"),
    Question(
        "affection",
        "light",
        "What's a moment of holding hands with your partner that you remember well?",
    ),
    Question("affection", "light", "How could the two of you add one more hug to your day?"),
    Question(
        "affection",
        "light",
        (
            "What's something cosy the two of you could do next time you're together, like sharing"
            " a blanket?"
        ),
    ),
    Question("affection", "light", "How could your partner show you affection when you're apart?"),
    Question(
        "affection",
        "light",
        "What's a touch from your partner that tells you they're proud of you?",
    ),
    Question("affection", "light", "What kind of closeness helps you on a busy day?"),
    Question(
        "affection",
        "light",
        "What's a gesture that made you feel loved when you were growing up?",
    ),
    Question("affection", "light", "When did you last feel calm just by being near your partner?"),
    Question("affection", "light", "What would make your goodbyes a little sweeter?"),
    Question(
        "affection",
        "deep",
        "What does physical closeness mean to you, beyond the touch itself?",
    ),
    Question(
        "affection",
        "deep",
        "How did the people who raised you show affection, and how has that shaped you?",
    ),
    Question("affection", "deep", "When do you feel most wanted by your partner?"),
    Question(
        "affection",
        "deep",
        "Is there a kind of touch you'd like more of but find hard to ask for?",
    ),
    Question("affection", "deep", "How does affection help you when you're worried?"),
    Question("affection", "deep", "When did a touch from your partner say more than words could?"),
    Question("affection", "deep", "How has the way you two show affection changed since you met?"),
    Question(
        "affection",
        "deep",
        "What helps you feel comfortable saying what you'd like when the two of you are close?",
    ),
    Question(
        "affection",
        "deep",
        "When have you felt physically distant from your partner, and what helped close the gap?",
    ),
    Question("affection", "deep", "How could your partner comfort you without using any words?"),
    Question(
        "affection",
        "deep",
        "How do you like affection to feel on a hard day, compared with a good one?",
    ),
    Question(
        "affection",
        "deep",
        "Is there a shyness or worry about closeness you'd like your partner to understand?",
    ),
    Question("affection", "deep", "What's the difference for you between affection and intimacy?"),
    Question("affection", "deep", "What makes a kiss feel meaningful to you?"),
    Question(
        "affection",
        "deep",
        "How would you like the two of you to keep closeness alive when life gets busy?",
    ),
    Question("affection", "deep", "What's a memory of being held that still comforts you?"),
    Question("affection", "deep", "What helps you feel safe when you two are close?"),
    Question(
        "affection",
        "deep",
        "How can your partner tell when you need a hug but won't ask for one?",
    ),
    Question(
        "affection",
        "deep",
        "What's a small ritual of touch you'd like the two of you to keep for years?",
    ),
    Question(
        "affection",
        "deep",
        "What would you like your partner to know about how you best receive love?",
    ),
    # 6. Look after each other (well-being)
    Question("well-being", "light", "How's your energy today, in a few words?"),
    Question("well-being", "light", "What's one thing that would make your day a little lighter?"),
    Question("well-being", "light", "What helped you feel calm this week?"),
    Question("well-being", "light", "What's a small act of self-care you enjoyed lately?"),
    Question(
        "well-being",
        "light",
        "What's one thing your partner could take off your mind today?",
    ),
    Question(
        "well-being",
        "light",
        "What's a bit of good news, yours or someone else's, that lifted you lately?",
    ),
    Question("well-being", "light", "How did you sleep, and how do you feel about the day ahead?"),
    Question(
        "well-being",
        "light",
        "What's one small thing you can look forward to tomorrow, or could you two plan one?",
    ),
    Question(
        "well-being",
        "light",
        "What's a comfort food, song or place that helps on a low day?",
    ),
    Question("well-being", "light", "What helps you unwind after a busy day?"),
    Question("well-being", "light", "What would a gentle evening look like for you tonight?"),
    Question(
        "well-being",
        "light",
        "What's something your partner did lately that helped you feel better?",
    ),
    Question(
        "well-being",
        "light",
        "What's a tiny goal you'd like a little support with this week?",
    ),
    Question("well-being", "light", "How can your partner cheer you on today?"),
    Question("well-being", "light", "What made you feel good about yourself recently?"),
    Question(
        "well-being",
        "light",
        (
            "Could you take a short walk, stretch or rest today, and would you like your partner"
            " along?"
        ),
    ),
    Question(
        "well-being",
        "light",
        "Is there a worry you'd like to hand over to your partner for a moment?",
    ),
    Question(
        "well-being",
        "light",
        "How would you like your partner to celebrate a good day with you?",
    ),
    Question("well-being", "light", "Who lifted your mood lately, and how?"),
    Question(
        "well-being",
        "light",
        "What's a sign that you're running low, one your partner could watch for?",
    ),
    Question(
        "well-being",
        "light",
        "Would you like advice, company or just a listening ear from your partner today?",
    ),
    Question(
        "well-being",
        "light",
        "What's one thing you did this week that deserves a little applause?",
    ),
    Question("well-being", "light", "What's a small treat that brightens your week?"),
    Question("well-being", "light", "What's a sound, view or place that helps you breathe easier?"),
    Question(
        "well-being",
        "light",
        "What did your body ask for today: movement, rest, or something else?",
    ),
    Question(
        "well-being",
        "light",
        "When in your day could a kind message from your partner help most?",
    ),
    Question("well-being", "light", "What's something you're handling well right now?"),
    Question(
        "well-being",
        "light",
        "What could you say no to this week to give yourself some space?",
    ),
    Question(
        "well-being",
        "light",
        (
            "Which happy moment from lately would you like to relive by telling your partner about"
            " it slowly?"
        ),
    ),
    Question("well-being", "light", "How do you like to mark the end of a good week?"),
    Question(
        "well-being",
        "light",
        "What's a gentle way your partner could check in when you're busy?",
    ),
    Question(
        "well-being",
        "light",
        "What's one kind thing you'd like to do for yourself this week?",
    ),
    Question("well-being", "light", "What's a saying or thought that steadies you?"),
    Question("well-being", "light", "What's a pastime that helps you feel like yourself again?"),
    Question("well-being", "light", "What made you laugh when you really needed it?"),
    Question(
        "well-being",
        "light",
        "What's a good thing that happened to you that you haven't told anyone yet?",
    ),
    Question("well-being", "light", "How could the two of you rest together this week?"),
    Question("well-being", "light", "How are you, really, underneath the busy?"),
    Question("well-being", "light", "What's a comforting ritual you'd like to keep this season?"),
    Question("well-being", "light", "What's going better than you expected lately?"),
    Question(
        "well-being",
        "deep",
        "What's been weighing on you lately that you haven't fully shared?",
    ),
    Question(
        "well-being",
        "deep",
        "When you're struggling, what's the most helpful thing your partner can do?",
    ),
    Question(
        "well-being",
        "deep",
        "What do you need from your partner right now that feels hard to ask for?",
    ),
    Question(
        "well-being",
        "deep",
        "How do you usually notice you're stressed, and how does it show?",
    ),
    Question(
        "well-being",
        "deep",
        "What's a hard time from your past when support made a real difference?",
    ),
    Question(
        "well-being",
        "deep",
        "How would you like your partner to respond when you share good news?",
    ),
    Question(
        "well-being",
        "deep",
        (
            "When stress comes from outside your relationship, how can your partner show they're"
            " on your side?"
        ),
    ),
    Question(
        "well-being",
        "deep",
        "What's a feeling you'd like to give yourself permission to feel more freely?",
    ),
    Question("well-being", "deep", "What does a safe place to be vulnerable look like for you?"),
    Question(
        "well-being",
        "deep",
        "What are you going through that you'd like your partner to understand better?",
    ),
    Question(
        "well-being",
        "deep",
        "How can you two look after each other when you're both low at the same time?",
    ),
    Question(
        "well-being",
        "deep",
        "What kind of support feels helpful to you, and what kind doesn't?",
    ),
    Question("well-being", "deep", "How would you like to grow in looking after yourself?"),
    Question("well-being", "deep", "When have you felt most supported by your partner?"),
    Question(
        "well-being",
        "deep",
        "What's a dream of yours that your partner could support more actively?",
    ),
    Question(
        "well-being",
        "deep",
        "What's a goal you're chasing, and how could your partner back you without taking over?",
    ),
    Question("well-being", "deep", "How do you like to be comforted when you're sad?"),
    Question(
        "well-being",
        "deep",
        "What's a thought that keeps coming back lately, and how does it feel?",
    ),
    Question("well-being", "deep", "What would help you feel more at ease in your life right now?"),
    Question(
        "well-being",
        "deep",
        "What does feeling emotionally safe with your partner mean to you?",
    ),
    # 7. Grow together (enrichment)
    Question(
        "enrichment",
        "light",
        "What's a relationship book or podcast you'd be curious to explore together?",
    ),
    Question(
        "enrichment",
        "light",
        "What's one skill as a couple that you'd like to get better at together?",
    ),
    Question(
        "enrichment",
        "light",
        (
            "What's a class you'd enjoy taking together, about your relationship or about anything"
            " at all?"
        ),
    ),
    Question(
        "enrichment",
        "light",
        "What's something new you've learned about the two of you this month?",
    ),
    Question("enrichment", "light", "What's one thing you two are already doing well as a couple?"),
    Question(
        "enrichment",
        "light",
        "If you two read one chapter of something together, what would you like it to be about?",
    ),
    Question(
        "enrichment",
        "light",
        "Is there a couple you admire, and what could the two of you learn from them?",
    ),
    Question(
        "enrichment",
        "light",
        "What's one new habit you'd like the two of you to try for a week?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a question about relationships you've always wondered about?",
    ),
    Question(
        "enrichment",
        "light",
        "What kind of retreat or getaway sounds restful and connecting to you?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a topic you'd like the two of you to learn more about?",
    ),
    Question(
        "enrichment",
        "deep",
        "What's an idea about love you grew up with that you'd like to rethink?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a small experiment the two of you could try to listen to each other better?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a talk, course or video you'd like to watch with your partner and then discuss?",
    ),
    Question("enrichment", "light", "What's one thing you two learned from a past disagreement?"),
    Question(
        "enrichment",
        "light",
        "What's a new ritual the two of you could try this month to grow closer?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a value you'd like the two of you to keep building on together?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a strength the two of you have as a team that you could use more?",
    ),
    Question(
        "enrichment",
        "light",
        "What's something you'd like to learn about your partner's world?",
    ),
    Question("enrichment", "light", "What's a tiny goal for you two as a couple this month?"),
    Question("enrichment", "light", "How have you two grown together this year?"),
    Question(
        "enrichment",
        "light",
        "What's a language, skill or craft you'd love to learn with your partner?",
    ),
    Question(
        "enrichment",
        "light",
        (
            "If you two joined a couples' workshop, which theme would you pick: talking,"
            " listening, fun or dreams?"
        ),
    ),
    Question(
        "enrichment",
        "light",
        "How could the two of you keep learning about each other as the years go by?",
    ),
    Question(
        "enrichment",
        "light",
        "What kind of help or advice would you be open to as a couple?",
    ),
    Question("enrichment", "light", "What's a quote about love or friendship that you like?"),
    Question(
        "enrichment",
        "light",
        "What's a relationship idea you'd like the two of you to test together, just for fun?",
    ),
    Question(
        "enrichment",
        "light",
        "What would you hope to get from a weekend away focused on your relationship?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a lesson from a friend's relationship you've quietly taken on board?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a habit the two of you share that you'd like to keep for the long run?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a question you'd like the two of you to answer together once a year?",
    ),
    Question(
        "enrichment",
        "light",
        "What's one thing you'd like the two of you to do differently this season?",
    ),
    Question(
        "enrichment",
        "light",
        (
            "What's a book that changed how you see people, and would you like your partner to"
            " read it too?"
        ),
    ),
    Question("enrichment", "light", "How could the two of you celebrate how far you've come?"),
    Question(
        "enrichment",
        "light",
        "What would make your check-ins with each other more useful to you?",
    ),
    Question(
        "enrichment",
        "light",
        (
            "What's a topic you'd like the two of you to understand better before it ever becomes"
            " a problem?"
        ),
    ),
    Question(
        "enrichment",
        "light",
        "How could the two of you practise being a bit kinder to each other in busy weeks?",
    ),
    Question(
        "enrichment",
        "light",
        "What's one thing about how you two handle stress that you'd like to improve together?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a piece of relationship advice you've heard and would like to try?",
    ),
    Question("enrichment", "light", "What can the two of you learn from the way you met?"),
    Question(
        "enrichment",
        "deep",
        "How would you feel about seeing a couples' counsellor one day, simply to grow?",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a pattern between you and your partner that you'd like to understand better?",
    ),
    Question(
        "enrichment",
        "deep",
        "What kind of couple do you hope you two will be in five years?",
    ),
    Question(
        "enrichment",
        "deep",
        "What's something about your relationship you'd like help with, even if it feels small?",
    ),
    Question(
        "enrichment",
        "deep",
        "How did the people around you growing up feel about asking for help?",
    ),
    Question(
        "enrichment",
        "deep",
        "What would make trying couples' therapy feel safe and comfortable for you?",
    ),
    Question(
        "enrichment",
        "deep",
        (
            "What's a moment that keeps repeating between the two of you that you'd like to handle"
            " differently?"
        ),
    ),
    Question(
        "enrichment",
        "deep",
        "Is there something you'd like the two of you to learn before your next big change?",
    ),
    Question(
        "enrichment",
        "deep",
        "What do you think keeps a relationship growing over many years?",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a dream for the two of you that would need you both to grow a little?",
    ),
    Question(
        "enrichment",
        "deep",
        "What did an earlier chapter of your life teach you that you bring to your relationship?",
    ),
    Question(
        "enrichment",
        "deep",
        "What would you want a good counsellor to understand about the two of you?",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a value you two share that you'd like to live out more fully together?",
    ),
    Question(
        "enrichment",
        "deep",
        "What would help you feel more open and responsive with your partner?",
    ),
    Question(
        "enrichment",
        "deep",
        "How can the two of you keep choosing each other as you both change?",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a hard season you two have come through, and what did it teach you?",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a shared goal that would give your relationship more meaning?",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a blind spot you think each of you might have, said kindly?",
    ),
    Question(
        "enrichment",
        "deep",
        "How would you like the two of you to handle it if you ever feel stuck?",
    ),
    Question("enrichment", "deep", "What does growing together mean to you?"),
)
