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
    Question("communication", "light", "Which conversation with me lately felt really easy?"),
    Question(
        "communication",
        "light",
        "What colour or kind of weather matches your week so far, and why?",
    ),
    Question(
        "communication",
        "light",
        "What's something you'd like to tell me more about when we have time?",
    ),
    Question("communication", "light", "When today did you feel most like yourself?"),
    Question(
        "communication",
        "light",
        "What's a story from when you were little that you don't think I've heard?",
    ),
    Question("communication", "light", "If today had a title, what would it be?"),
    Question(
        "communication",
        "light",
        "What's something you read, watched or heard lately that stayed with you?",
    ),
    Question("communication", "light", "What's a question you'd love me to ask you more often?"),
    Question(
        "communication",
        "light",
        "How do you like to hear good news: straight away, or saved for a quiet moment?",
    ),
    Question("communication", "light", "What time of day do you feel most like chatting?"),
    Question(
        "communication",
        "light",
        "What's one thing you'd like to plan with me in the next few weeks?",
    ),
    Question("communication", "light", "What's a small win from this week you'd like to share?"),
    Question("communication", "light", "What's a silly opinion you hold very firmly?"),
    Question(
        "communication",
        "light",
        "Where do you find it easiest to talk with me: on a walk, over food, somewhere else?",
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
        "Could you send me a photo of something that caught your eye today, and say why?",
    ),
    Question("communication", "light", "What's something you've changed your mind about recently?"),
    Question("communication", "light", "What would you like more of in our conversations?"),
    Question("communication", "light", "What do you like to talk about on a slow, lazy day?"),
    Question(
        "communication",
        "light",
        "What's a recent conversation, with anyone, that left you feeling good?",
    ),
    Question("communication", "light", "What's a phrase of mine you'd recognise anywhere?"),
    Question("communication", "light", "When do you feel most listened to by me?"),
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
    Question("communication", "light", "What's a word or inside joke of ours that you love?"),
    Question("communication", "light", "What would you tell your younger self about this week?"),
    Question(
        "communication",
        "light",
        "What's a small moment from today you'd like to describe to me in detail?",
    ),
    Question("communication", "light", "What's a long talk we had that you still treasure?"),
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
        "What's something you find hard to say out loud, even to me?",
    ),
    Question(
        "communication",
        "deep",
        "When we disagree, what helps you feel safe enough to keep talking?",
    ),
    Question(
        "communication",
        "deep",
        "What could I do to make it easier for you to bring up something difficult?",
    ),
    Question(
        "communication",
        "deep",
        (
            "How do you know when you need a pause in a hard talk, and how would you like to "
            "ask for one?"
        ),
    ),
    Question("communication", "deep", "What's a topic you'd like us to talk about more openly?"),
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
        "What's a recent moment when you felt misunderstood, and what did you wish I'd known?",
    ),
    Question("communication", "deep", "How would you like us to make up after a disagreement?"),
    Question(
        "communication",
        "deep",
        "What's a need of yours that sometimes gets lost when we're busy?",
    ),
    Question("communication", "deep", "Which of your feelings is hardest to put into words?"),
    Question(
        "communication",
        "deep",
        "What have you learned about how we talk to each other since we met?",
    ),
    Question(
        "communication",
        "deep",
        "Could you finish this sentence with something true: “I feel close to you when…”?",
    ),
    Question(
        "communication",
        "deep",
        "What's something I do after tension, like a joke or a touch, that helps us reconnect?",
    ),
    Question("communication", "deep", "What does honesty mean to you in a relationship?"),
    Question(
        "communication",
        "deep",
        "What's a worry about us you'd like to say gently, so it feels smaller?",
    ),
    Question(
        "communication",
        "deep",
        "When you're upset, what's the first thing you'd like me to say or do?",
    ),
    Question(
        "communication",
        "deep",
        (
            "What's a disagreement of ours that keeps coming back, and how could we live with"
            " it kindly?"
        ),
    ),
    Question(
        "communication",
        "deep",
        "When you bring up something hard, what do you most hope I'll hear?",
    ),
    # 2. Understand each other (empathy)
    Question("empathy", "light", "What's one feeling you had today, and what sparked it?"),
    Question("empathy", "light", "What's been on your plate this week that I might not see?"),
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
    Question("empathy", "light", "What's something you love that you wish I understood better?"),
    Question("empathy", "light", "How are you feeling right now, in one or two words?"),
    Question("empathy", "light", "Before I tell you, what's your guess about how my day went?"),
    Question("empathy", "light", "When this week would you have liked someone in your corner?"),
    Question("empathy", "light", "What do you think I'm most looking forward to right now?"),
    Question("empathy", "light", "What's a small worry you've carried around this week?"),
    Question("empathy", "light", "What gave you energy lately, and what drained it?"),
    Question(
        "empathy",
        "light",
        "Which of my moods do you find easiest to read, and which is trickiest?",
    ),
    Question("empathy", "light", "What have you noticed about how I've been feeling lately?"),
    Question(
        "empathy",
        "light",
        "Which character from a film or book feels like you right now, and why?",
    ),
    Question("empathy", "light", "What kind of day would feel kind to you tomorrow?"),
    Question(
        "empathy",
        "light",
        "What's one thing you'd like me to know about your week before it ends?",
    ),
    Question(
        "empathy",
        "light",
        "What felt bigger to you this week than it might have seemed to others?",
    ),
    Question("empathy", "light", "How can I tell when you're tired but not saying so?"),
    Question(
        "empathy",
        "light",
        "What's a place you'd like to show me so I understand you better?",
    ),
    Question("empathy", "light", "What's a habit of yours that has a story behind it?"),
    Question("empathy", "light", "What did you need today that you didn't quite get?"),
    Question("empathy", "light", "What's a compliment you got that surprised you?"),
    Question("empathy", "light", "Who did you think about today, and why?"),
    Question("empathy", "light", "Where did you find a tiny moment of calm today?"),
    Question("empathy", "light", "What's an interest of mine you'd like to understand better?"),
    Question(
        "empathy",
        "light",
        "How did you feel when you woke up today, and has it changed since?",
    ),
    Question("empathy", "light", "What's one feeling you'd like to have more of this week?"),
    Question("empathy", "light", "What do you guess I'd call the highlight of my week?"),
    Question("empathy", "light", "When did you last feel understood by someone, not just me?"),
    Question("empathy", "light", "What are you curious about in the way I see the world?"),
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
        "What's something exciting for you that you'd love me to share in?",
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
        "Is something coming up this week that you'd like me to remember and ask about?",
    ),
    Question("empathy", "light", "What's a memory that shaped how you see kindness?"),
    Question(
        "empathy",
        "light",
        "What's something that's easy for you but hard for me, or the other way round?",
    ),
    Question(
        "empathy",
        "deep",
        "What's a feeling you've had lately that you haven't quite found words for?",
    ),
    Question("empathy", "deep", "When did you last feel truly seen by me, and what did I do?"),
    Question(
        "empathy",
        "deep",
        "What's something from your past that still affects how you react today?",
    ),
    Question("empathy", "deep", "What's a side of you that you think few people see?"),
    Question(
        "empathy",
        "deep",
        "Think of a time I didn't understand you: what was really going on for you?",
    ),
    Question("empathy", "deep", "What do you think I need most from you right now?"),
    Question(
        "empathy",
        "deep",
        "What's a belief of yours you'd like me to understand, even if we see it differently?",
    ),
    Question("empathy", "deep", "What's it like to be you on a hard day?"),
    Question("empathy", "deep", "What's a part of your story you'd like me to know more about?"),
    Question(
        "empathy",
        "deep",
        "What helps you feel that I'm trying to understand you, even when I get it wrong?",
    ),
    Question("empathy", "deep", "When you go quiet or pull back, what's usually happening inside?"),
    Question("empathy", "deep", "What's a hope you carry quietly?"),
    Question("empathy", "deep", "When did something I said change the way you saw things?"),
    Question("empathy", "deep", "What's a fear you've grown out of, and what helped?"),
    Question(
        "empathy",
        "deep",
        "What do you wish people understood about you without you having to explain?",
    ),
    Question("empathy", "deep", "Which of my reactions would you like to understand better?"),
    Question("empathy", "deep", "How has your idea of love changed over the years?"),
    Question(
        "empathy",
        "deep",
        (
            "What's something you've lived through that you feel I understand well, and "
            "something I don't yet?"
        ),
    ),
    Question("empathy", "deep", "What's a quiet struggle you've been carrying lately?"),
    Question(
        "empathy",
        "deep",
        "Could you describe a recent moment from my point of view, as you imagine it?",
    ),
    # 3. Make time together (quality-time)
    Question("quality-time", "light", "What's a walk you'd love us to take together soon?"),
    Question("quality-time", "light", "What's a meal you'd like us to cook together?"),
    Question(
        "quality-time",
        "light",
        "What's something simple we did together that you'd happily repeat this week?",
    ),
    Question("quality-time", "light", "What's a hobby you'd like to try with me?"),
    Question("quality-time", "light", "What's your idea of a perfect lazy afternoon together?"),
    Question(
        "quality-time",
        "light",
        "If we had one free hour tomorrow, how would you like to spend it together?",
    ),
    Question("quality-time", "light", "What's a game you'd like us to play soon?"),
    Question("quality-time", "light", "What's a place you've always wanted to visit with me?"),
    Question("quality-time", "light", "What's a favourite memory of a day out together?"),
    Question("quality-time", "light", "What's something new we could try together this month?"),
    Question(
        "quality-time",
        "light",
        "Could we pick a phone-free hour this week, and when would suit you?",
    ),
    Question("quality-time", "light", "What's a show, film or book you'd like us to share?"),
    Question("quality-time", "light", "What's a small ritual of ours you'd miss if it stopped?"),
    Question(
        "quality-time",
        "light",
        "What's something you loved doing as a child that you'd enjoy doing with me?",
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
        "What's something about this time of year you'd like us to enjoy together?",
    ),
    Question("quality-time", "light", "What's a skill you could teach me in an afternoon?"),
    Question("quality-time", "light", "What's something you'd like me to teach you?"),
    Question(
        "quality-time",
        "light",
        "What's a song or playlist you'd like us to listen to together, properly?",
    ),
    Question("quality-time", "light", "What's the best date we've had, and what made it good?"),
    Question(
        "quality-time",
        "light",
        "What's something we used to do together that you'd like to bring back?",
    ),
    Question("quality-time", "light", "What's an adventure you'd like to plan, big or tiny?"),
    Question("quality-time", "light", "What's a picnic spot or view you'd like to share with me?"),
    Question(
        "quality-time",
        "light",
        "Would you rather take a sunrise walk or a sunset walk with me, and why?",
    ),
    Question("quality-time", "light", "What would an ideal tech-free evening look like for you?"),
    Question("quality-time", "light", "What could we do together in ten minutes today?"),
    Question("quality-time", "light", "What's a puzzle, craft or project we could start together?"),
    Question(
        "quality-time",
        "light",
        "What's a café, park or corner of town you'd like to explore with me?",
    ),
    Question(
        "quality-time",
        "light",
        "What's a card game, board game or silly challenge you'd like to try?",
    ),
    Question("quality-time", "light", "When lately did you feel really present with me?"),
    Question("quality-time", "light", "What's a new recipe you've been wanting to try?"),
    Question(
        "quality-time",
        "light",
        "What's a sport or way of moving we could try together for fun?",
    ),
    Question(
        "quality-time",
        "light",
        "What's a trip we've taken, or could take, that you think about often?",
    ),
    Question(
        "quality-time",
        "light",
        "What could we do this weekend that would feel like a mini holiday?",
    ),
    Question("quality-time", "light", "Where would you like to go on our next day out?"),
    Question(
        "quality-time",
        "light",
        "What's a cosy thing you'd like us to do when the weather turns?",
    ),
    Question("quality-time", "light", "What's a memory of us laughing together that you love?"),
    Question("quality-time", "light", "When do you feel most relaxed with me?"),
    Question("quality-time", "light", "What's a little tradition you'd like us to start?"),
    Question("quality-time", "light", "Which evening this week could we keep free for each other?"),
    Question(
        "quality-time",
        "deep",
        "What does quality time with me mean to you, in your own words?",
    ),
    Question(
        "quality-time",
        "deep",
        "When do you feel closest to me while we're spending time together?",
    ),
    Question(
        "quality-time",
        "deep",
        "What gets in the way of our time together, and what might help?",
    ),
    Question(
        "quality-time",
        "deep",
        "How do phones or screens affect our time together, from your side?",
    ),
    Question(
        "quality-time",
        "deep",
        "Can you remember a moment when you reached out to me and I missed it?",
    ),
    Question(
        "quality-time",
        "deep",
        "What's a shared dream for the coming year that we could start on now?",
    ),
    Question("quality-time", "deep", "What kind of time together helps you feel most seen?"),
    Question("quality-time", "deep", "What's a place that holds a special memory of us, and why?"),
    Question(
        "quality-time",
        "deep",
        "What would you like our time together to feel like a year from now?",
    ),
    Question(
        "quality-time",
        "deep",
        "What might I discover about you if we tried something completely new together?",
    ),
    Question(
        "quality-time",
        "deep",
        "After a hectic week, what helps you feel like we're back in step?",
    ),
    Question("quality-time", "deep", "How could we protect our time together when life gets full?"),
    Question(
        "quality-time",
        "deep",
        "What's a moment with me you'd like to remember when you're very old?",
    ),
    Question(
        "quality-time",
        "deep",
        (
            "What did the couples around you growing up do together, and what would you keep "
            "or change?"
        ),
    ),
    Question("quality-time", "deep", "What kind of adventure would stretch us both a little?"),
    Question("quality-time", "deep", "How can you tell when we need more time together?"),
    Question(
        "quality-time",
        "deep",
        "What would a perfect day with me include, from start to finish?",
    ),
    Question(
        "quality-time",
        "deep",
        "What's a small way I could turn toward you more during the day?",
    ),
    Question(
        "quality-time",
        "deep",
        "What's one experience you'd love us to share before the year is out?",
    ),
    Question("quality-time", "deep", "How do you feel after time together with no plans at all?"),
    # 4. Say thank you (appreciation)
    Question("appreciation", "light", "What's one thing I did this week that you appreciated?"),
    Question("appreciation", "light", "What's a small kindness from me you noticed lately?"),
    Question("appreciation", "light", "What's something about me that made you smile today?"),
    Question("appreciation", "light", "What's a quality of mine you're grateful for right now?"),
    Question("appreciation", "light", "Could you thank me for one specific thing from this week?"),
    Question(
        "appreciation",
        "light",
        "What's an effort of mine you noticed lately, even if it didn't work out?",
    ),
    Question("appreciation", "light", "When today did you feel lucky to have me?"),
    Question("appreciation", "light", "What's a habit of mine you secretly love?"),
    Question("appreciation", "light", "How have I made your week a little easier?"),
    Question("appreciation", "light", "What's something I'm good at that I might not realise?"),
    Question("appreciation", "light", "What's a message from me you were glad to get?"),
    Question("appreciation", "light", "What do you admire about the way I treat other people?"),
    Question(
        "appreciation",
        "light",
        "What's one word you'd use to describe me this week, and why?",
    ),
    Question(
        "appreciation",
        "light",
        "What's a tiny thing I do that makes an ordinary day better?",
    ),
    Question("appreciation", "light", "What did you admire about how I handled something lately?"),
    Question(
        "appreciation",
        "light",
        "What's something I said recently that stayed with you in a good way?",
    ),
    Question("appreciation", "light", "What's a moment from our past you're thankful for?"),
    Question("appreciation", "light", "What's a strength of mine you'd like to tell me about?"),
    Question("appreciation", "light", "How did I make you feel cared for lately?"),
    Question("appreciation", "light", "What do you appreciate about how we work as a team?"),
    Question("appreciation", "light", "What's a funny thing I do that always cheers you up?"),
    Question("appreciation", "light", "What's a choice I made that you respect?"),
    Question("appreciation", "light", "What's something you've learned from me?"),
    Question(
        "appreciation",
        "light",
        "What's one thing you'd like to thank me for that you've never said?",
    ),
    Question("appreciation", "light", "What part of our life together are you grateful for today?"),
    Question(
        "appreciation",
        "light",
        "Could you write me one line that starts with “I love how you…”?",
    ),
    Question("appreciation", "light", "What's a gesture of mine you'd like me to keep doing?"),
    Question("appreciation", "light", "When did I surprise you in a good way?"),
    Question(
        "appreciation",
        "light",
        "What's something about my character that makes you feel safe?",
    ),
    Question(
        "appreciation",
        "light",
        "What's a small thing I did that you didn't mention at the time?",
    ),
    Question(
        "appreciation",
        "light",
        "What's something I remembered that made you feel thought of?",
    ),
    Question("appreciation", "light", "What's something I do for others that you find lovely?"),
    Question(
        "appreciation",
        "light",
        "Who else in your life would you like to thank this week, and for what?",
    ),
    Question(
        "appreciation",
        "light",
        "What's a little thing about our days you never want to take for granted?",
    ),
    Question("appreciation", "light", "What's a way I've grown that you've noticed?"),
    Question("appreciation", "light", "What's something I made, cooked or chose that you enjoyed?"),
    Question("appreciation", "light", "When was I patient with you this week?"),
    Question(
        "appreciation",
        "light",
        "What's something about the way I speak to you that you appreciate?",
    ),
    Question(
        "appreciation",
        "light",
        "What's one good thing about us you'd happily tell a friend?",
    ),
    Question("appreciation", "light", "What's a compliment you've been meaning to give me?"),
    Question(
        "appreciation",
        "deep",
        "What's something I do that you think I don't get enough credit for?",
    ),
    Question("appreciation", "deep", "How has being with me changed you for the better?"),
    Question("appreciation", "deep", "What's a hard time when my support meant a lot to you?"),
    Question("appreciation", "deep", "Which of my qualities do you hope never changes?"),
    Question(
        "appreciation",
        "deep",
        "What's something about me you've come to appreciate more over time?",
    ),
    Question(
        "appreciation",
        "deep",
        "What's an effort or sacrifice of mine that you've seen and valued?",
    ),
    Question(
        "appreciation",
        "deep",
        "How do you most like to be thanked, and is it different from how I like it?",
    ),
    Question("appreciation", "deep", "When have you felt proud to be with me?"),
    Question(
        "appreciation",
        "deep",
        "What about our relationship are you most deeply grateful for?",
    ),
    Question(
        "appreciation",
        "deep",
        "When is it hardest for you to notice the good in us, and what helps?",
    ),
    Question("appreciation", "deep", "What's a way I show love that you've only recently noticed?"),
    Question(
        "appreciation",
        "deep",
        "What quality of mine took you by surprise when we first met?",
    ),
    Question("appreciation", "deep", "Which thank-you from me has meant the most to you, and why?"),
    Question(
        "appreciation",
        "deep",
        "What's a feeling I gave you once that you still carry with you?",
    ),
    Question(
        "appreciation",
        "deep",
        "What would you like to thank your past self for, when it comes to us?",
    ),
    Question("appreciation", "deep", "How have I helped you become more yourself?"),
    Question("appreciation", "deep", "What do you admire about how we get through tough times?"),
    Question("appreciation", "deep", "What's one thing I could thank you for more often?"),
    Question(
        "appreciation",
        "deep",
        "What do you appreciate about the way I love you, in your own words?",
    ),
    Question("appreciation", "deep", "What's something about me you'd like to honour more often?"),
    # 5. Stay close (affection)
    Question(
        "affection",
        "light",
        "What kind of hug do you like best: quick, long, or a gentle sway?",
    ),
    Question(
        "affection",
        "light",
        "Could we share a twenty-second hug today, and when would suit you?",
    ),
    Question("affection", "light", "What's your favourite way to say hello with a touch?"),
    Question("affection", "light", "When do you most enjoy holding hands?"),
    Question("affection", "light", "What's a small touch of mine that always feels comforting?"),
    Question("affection", "light", "What's a cosy memory of us cuddling that you love?"),
    Question("affection", "light", "Would you like more hugs this week, or are things just right?"),
    Question("affection", "light", "What kind of touch helps you relax after a long day?"),
    Question("affection", "light", "What's your favourite way for us to say goodbye?"),
    Question("affection", "light", "When did a hug from me come at exactly the right moment?"),
    Question("affection", "light", "Shall we hold hands on our next walk?"),
    Question("affection", "light", "What's a playful way you'd like me to show affection?"),
    Question("affection", "light", "Where do you love sitting close to me?"),
    Question("affection", "light", "What do you still remember about our first hug or first kiss?"),
    Question(
        "affection",
        "light",
        "When you're stressed, would a hand on your shoulder or a hug feel better?",
    ),
    Question(
        "affection",
        "light",
        "What's a little affectionate gesture you'd like us to try this week?",
    ),
    Question("affection", "light", "What's the warmest hug you remember, from anyone?"),
    Question("affection", "light", "What's a song that makes you want to hold me close?"),
    Question("affection", "light", "What nickname or phrase feels most affectionate to you?"),
    Question(
        "affection",
        "light",
        "Could you give me a hug right now, or the next time you see me?",
    ),
    Question("affection", "light", "What's a way I show affection that you'd like more of?"),
    Question(
        "affection",
        "light",
        "What's a kind of affection that isn't touch, but feels just as close?",
    ),
    Question("affection", "light", "When do you most feel like cuddling?"),
    Question("affection", "light", "What's a favourite photo of us being close?"),
    Question("affection", "light", "What's a gentle way we could say “not right now” about touch?"),
    Question("affection", "light", "When today would a kiss have been perfect?"),
    Question(
        "affection",
        "light",
        "How could we be close while doing something ordinary, like reading?",
    ),
    Question("affection", "light", "Would you like to slow dance to one song together soon?"),
    Question("affection", "light", "What kind of touch feels like home to you?"),
    Question(
        "affection",
        "light",
        "What's an affectionate habit from our early days that you miss?",
    ),
    Question("affection", "light", "Do you prefer affection in private, in public, or both?"),
    Question("affection", "light", "What's a hand-holding moment of ours you remember well?"),
    Question("affection", "light", "How could we add one more hug to our day?"),
    Question(
        "affection",
        "light",
        "What's something cosy we could do next time we're together, like sharing a blanket?",
    ),
    Question("affection", "light", "How could I show you affection when we're apart?"),
    Question("affection", "light", "What's a touch that tells you “I'm proud of you”?"),
    Question("affection", "light", "What kind of closeness helps you on a busy day?"),
    Question(
        "affection",
        "light",
        "What's a gesture that made you feel loved when you were growing up?",
    ),
    Question("affection", "light", "When did you last feel calm just by being near me?"),
    Question("affection", "light", "What would make our goodbyes a little sweeter?"),
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
    Question("affection", "deep", "When do you feel most wanted by me?"),
    Question(
        "affection",
        "deep",
        "Is there a kind of touch you'd like more of but find hard to ask for?",
    ),
    Question("affection", "deep", "How does affection help you when you're worried?"),
    Question("affection", "deep", "When did a touch from me say more than words could?"),
    Question("affection", "deep", "How has the way we show affection changed since we met?"),
    Question(
        "affection",
        "deep",
        "What helps you feel comfortable saying what you'd like when we're close?",
    ),
    Question(
        "affection",
        "deep",
        "When have you felt physically distant from me, and what helped close the gap?",
    ),
    Question("affection", "deep", "How could I comfort you without using any words?"),
    Question(
        "affection",
        "deep",
        "How do you like affection to feel on a hard day, compared with a good one?",
    ),
    Question(
        "affection",
        "deep",
        "Is there a shyness or worry about closeness you'd like me to understand?",
    ),
    Question("affection", "deep", "What's the difference for you between affection and intimacy?"),
    Question("affection", "deep", "What makes a kiss feel meaningful to you?"),
    Question(
        "affection",
        "deep",
        "How would you like us to keep closeness alive when life gets busy?",
    ),
    Question("affection", "deep", "What's a memory of being held that still comforts you?"),
    Question("affection", "deep", "What helps you feel safe when we're close?"),
    Question("affection", "deep", "How can I tell when you need a hug but won't ask for one?"),
    Question(
        "affection",
        "deep",
        "What's a small ritual of touch you'd like us to keep for years?",
    ),
    Question(
        "affection",
        "deep",
        "What would you like me to know about how you best receive love?",
    ),
    # 6. Look after each other (well-being)
    Question("well-being", "light", "How's your energy today, in a few words?"),
    Question("well-being", "light", "What's one thing that would make your day a little lighter?"),
    Question("well-being", "light", "What helped you feel calm this week?"),
    Question("well-being", "light", "What's a small act of self-care you enjoyed lately?"),
    Question("well-being", "light", "What's one thing I could take off your mind today?"),
    Question(
        "well-being",
        "light",
        "What's a bit of good news, yours or someone else's, that lifted you lately?",
    ),
    Question("well-being", "light", "How did you sleep, and how do you feel about the day ahead?"),
    Question(
        "well-being",
        "light",
        "What's one small thing you can look forward to tomorrow, or could we add one?",
    ),
    Question(
        "well-being",
        "light",
        "What's a comfort food, song or place that helps on a low day?",
    ),
    Question("well-being", "light", "What helps you unwind after a busy day?"),
    Question("well-being", "light", "What would a gentle evening look like for you tonight?"),
    Question("well-being", "light", "What's something I did lately that helped you feel better?"),
    Question(
        "well-being",
        "light",
        "What's a tiny goal you'd like a little support with this week?",
    ),
    Question("well-being", "light", "How can I cheer you on today?"),
    Question("well-being", "light", "What made you feel good about yourself recently?"),
    Question(
        "well-being",
        "light",
        "Could you take a short walk, stretch or rest today, and would you like company?",
    ),
    Question("well-being", "light", "Is there a worry you'd like to hand over to me for a moment?"),
    Question("well-being", "light", "How would you like me to celebrate a good day with you?"),
    Question("well-being", "light", "Who lifted your mood lately, and how?"),
    Question(
        "well-being",
        "light",
        "What's a sign that you're running low, one I could watch for?",
    ),
    Question(
        "well-being",
        "light",
        "Would you like advice, company or just a listening ear today?",
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
    Question("well-being", "light", "When in your day could a kind message from me help most?"),
    Question("well-being", "light", "What's something you're handling well right now?"),
    Question(
        "well-being",
        "light",
        "What could you say no to this week to give yourself some space?",
    ),
    Question(
        "well-being",
        "light",
        "Which happy moment from lately would you like to relive by telling me about it slowly?",
    ),
    Question("well-being", "light", "How do you like to mark the end of a good week?"),
    Question("well-being", "light", "What's a gentle way I could check in when you're busy?"),
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
    Question("well-being", "light", "How could we rest together this week?"),
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
        "When you're struggling, what's the most helpful thing I can do?",
    ),
    Question(
        "well-being",
        "deep",
        "What do you need from me right now that feels hard to ask for?",
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
    Question("well-being", "deep", "How would you like me to respond when you share good news?"),
    Question(
        "well-being",
        "deep",
        "When stress comes from outside us, how can I show I'm on your side?",
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
        "What are you going through that you'd like me to understand better?",
    ),
    Question(
        "well-being",
        "deep",
        "How can we look after each other when we're both low at the same time?",
    ),
    Question(
        "well-being",
        "deep",
        "What kind of support feels helpful to you, and what kind doesn't?",
    ),
    Question("well-being", "deep", "How would you like to grow in looking after yourself?"),
    Question("well-being", "deep", "When have you felt most supported by me?"),
    Question("well-being", "deep", "What's a dream of yours I could support more actively?"),
    Question(
        "well-being",
        "deep",
        "What's a goal you're chasing, and how could I back you without taking over?",
    ),
    Question("well-being", "deep", "How do you like to be comforted when you're sad?"),
    Question(
        "well-being",
        "deep",
        "What's a thought that keeps coming back lately, and how does it feel?",
    ),
    Question("well-being", "deep", "What would help you feel more at ease in your life right now?"),
    Question("well-being", "deep", "What does feeling emotionally safe with me mean to you?"),
    # 7. Grow together (enrichment)
    Question(
        "enrichment",
        "light",
        "What's a relationship book or podcast you'd be curious to explore together?",
    ),
    Question("enrichment", "light", "What's one skill as a couple you'd like us to get better at?"),
    Question(
        "enrichment",
        "light",
        "What's a class you'd enjoy taking together, about us or about anything at all?",
    ),
    Question("enrichment", "light", "What's something new you've learned about us this month?"),
    Question("enrichment", "light", "What's one thing we're already doing well as a couple?"),
    Question(
        "enrichment",
        "light",
        "If we read one chapter of something together, what would you like it to be about?",
    ),
    Question(
        "enrichment",
        "light",
        "Is there a couple you admire, and what could we learn from them?",
    ),
    Question("enrichment", "light", "What's one new habit you'd like us to try for a week?"),
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
    Question("enrichment", "light", "What's a topic you'd like the two of us to learn more about?"),
    Question(
        "enrichment",
        "deep",
        "What's an idea about love you grew up with that you'd like to rethink?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a small experiment we could try to listen to each other better?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a talk, course or video you'd like us to watch and then discuss?",
    ),
    Question("enrichment", "light", "What's one thing we learned from a past disagreement?"),
    Question("enrichment", "light", "What's a new ritual we could try this month to grow closer?"),
    Question("enrichment", "light", "What's a value you'd like us to keep building on together?"),
    Question("enrichment", "light", "What's a strength of ours as a team that we could use more?"),
    Question("enrichment", "light", "What's something you'd like to learn about my world?"),
    Question("enrichment", "light", "What's a tiny goal for us as a couple this month?"),
    Question("enrichment", "light", "How have we grown together this year?"),
    Question(
        "enrichment",
        "light",
        "What's a language, skill or craft you'd love us to learn together?",
    ),
    Question(
        "enrichment",
        "light",
        (
            "If we joined a couples' workshop, which theme would you pick: talking, "
            "listening, fun or dreams?"
        ),
    ),
    Question(
        "enrichment",
        "light",
        "How could we keep learning about each other as the years go by?",
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
        "What's a relationship idea you'd like us to test together, just for fun?",
    ),
    Question(
        "enrichment",
        "light",
        "What would you hope to get from a weekend away focused on us?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a lesson from a friend's relationship you've quietly taken on board?",
    ),
    Question("enrichment", "light", "What's a habit of ours you'd like to keep for the long run?"),
    Question(
        "enrichment",
        "light",
        "What's a question you'd like us to answer together once a year?",
    ),
    Question(
        "enrichment",
        "light",
        "What's one thing you'd like us to do differently as a couple this season?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a book that changed how you see people, and would you like me to read it too?",
    ),
    Question("enrichment", "light", "How could we celebrate how far we've come?"),
    Question("enrichment", "light", "What would make our check-ins more useful to you?"),
    Question(
        "enrichment",
        "light",
        "What's a topic you'd like us to understand better before it ever becomes a problem?",
    ),
    Question(
        "enrichment",
        "light",
        "How could we practise being a bit kinder to each other in busy weeks?",
    ),
    Question(
        "enrichment",
        "light",
        "What's one thing about how we handle stress that you'd like us to improve together?",
    ),
    Question(
        "enrichment",
        "light",
        "What's a piece of relationship advice you've heard and would like to try?",
    ),
    Question("enrichment", "light", "What can we learn from the way we met?"),
    Question(
        "enrichment",
        "deep",
        "How would you feel about seeing a couples' counsellor one day, simply to grow?",
    ),
    Question("enrichment", "deep", "What's a pattern between us you'd like to understand better?"),
    Question("enrichment", "deep", "What kind of couple do you hope we'll be in five years?"),
    Question(
        "enrichment",
        "deep",
        "What's something about us you'd like help with, even if it feels small?",
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
        "What's a moment that keeps repeating between us that you'd like to handle differently?",
    ),
    Question(
        "enrichment",
        "deep",
        "Is there something you'd like us to learn before our next big change?",
    ),
    Question(
        "enrichment",
        "deep",
        "What do you think keeps a relationship growing over many years?",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a dream for us that would need us both to grow a little?",
    ),
    Question(
        "enrichment",
        "deep",
        "What did an earlier chapter of your life teach you that you bring to us?",
    ),
    Question("enrichment", "deep", "What would you want a good counsellor to understand about us?"),
    Question(
        "enrichment",
        "deep",
        "What's a value we share that you'd like us to live out more fully?",
    ),
    Question("enrichment", "deep", "What would help you feel more open and responsive with me?"),
    Question("enrichment", "deep", "How can we keep choosing each other as we both change?"),
    Question(
        "enrichment",
        "deep",
        "What's a hard season we've come through, and what did it teach us?",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a shared goal that would give our relationship more meaning?",
    ),
    Question(
        "enrichment",
        "deep",
        "What's a blind spot you think each of us might have, said kindly?",
    ),
    Question("enrichment", "deep", "How would you like us to handle it if we ever feel stuck?"),
    Question("enrichment", "deep", "What does growing together mean to you?"),
)
