"""Guided programs for Bond, written out as content.

A program is a short run of days, two to four weeks, that draws on the seven
practices. Each day is one small exercise of a few minutes, and it ends in a
real action in the journal: a thank-you, today's question, a check-in, a plan.

Both partners follow the same day on their own, so a day speaks to one reader
("you", and "your partner" for the other) and never assumes the partner has
already done it. People skip days and the program simply waits for them, so
each day must make sense on its own, without yesterday. Day 1 is always an
easy start.

Writing notes: as in practices.content. Warm, calm and personal; short
sentences; plain text only. No scolding, no guilt, no streaks or scores. Make
no assumptions about gender, children, money, religion, alcohol or whether the
couple lives together. When a finding from research appears, keep it honest
and say "studies suggest" where the source is a summary. Keep slugs stable:
saved progress refers to them.
"""

from __future__ import annotations

from dataclasses import dataclass

# What a day ends in: a real action in the journal, by name.
ACTIONS: dict[str, str] = {
    "note": "Write your partner a thank-you",
    "question": "Answer today's question",
    "check_in": "Check in with your partner",
    "reflect_back": "Reflect back what you heard",
    "plan": "Plan some time together",
    "idea": "Add an idea to your library",
    "affection": "Note a moment of closeness",
    "sign": "Send a sign that you are thinking of them",
}


@dataclass(frozen=True)
class ProgramDay:
    """One day of a program: a small exercise that ends in an action."""

    title: str  # a few words, e.g. "Notice one small thing"
    text: str  # 2-4 sentences, at most 600 characters: what to do today, and why
    practice: str  # one of the seven practice slugs
    action: str  # a key of ACTIONS: the day ends in that action in the journal
    idea: str = ""  # for action "plan": optionally a slug of practices.ideas.IDEAS


@dataclass(frozen=True)
class Program:
    """A guided program of 14 to 28 days."""

    slug: str
    title: str
    summary: str  # 1-2 sentences: what it is for, how long
    days: tuple[ProgramDay, ...]


RECONNECTING = Program(
    slug="reconnecting",
    title="Reconnecting after a busy season",
    summary=(
        "Three weeks of small steps back toward each other after a stretch when life took "
        "most of your time. A few minutes a day: first small contact, then time together, "
        "then a little more depth."
    ),
    days=(
        # Week 1: small contact and noticing.
        ProgramDay(
            title="Send a small hello",
            text=(
                "Start small. Sometime today, send your partner a sign that you are thinking "
                "of them, no words needed. After a full stretch of weeks, tiny moments of "
                "contact are an easy way back toward each other."
            ),
            practice="affection",
            action="sign",
        ),
        ProgramDay(
            title="Say how today feels",
            text=(
                "Busy seasons leave little room to say how you really are. Pick the word "
                "closest to how today feels, and add one small thing that would help. A quick "
                "check-in lets your partner know what you need, without either of you having "
                "to guess."
            ),
            practice="well-being",
            action="check_in",
        ),
        ProgramDay(
            title="Notice one thing",
            text=(
                "Look back over the last few days for one thing your partner did, tried or "
                "simply is. Write a short thank-you that names it. Studies suggest that "
                "feeling grateful to a partner goes with feeling more connected the next day, "
                "for both people."
            ),
            practice="appreciation",
            action="note",
        ),
        ProgramDay(
            title="Turn toward a small bid",
            text=(
                "Today, watch for the small ways your partner reaches for you: a comment, a "
                "joke, a message, a sigh. Turn toward one of them, even for a moment, and "
                "answer today's question as a small bid of your own. Studies suggest that "
                "couples who stay together turn toward these little moments far more often "
                "than couples who part."
            ),
            practice="quality-time",
            action="question",
        ),
        ProgramDay(
            title="Ask about their week",
            text=(
                "Ask your partner how their week has really been, and listen for the feeling "
                "under the facts. Then say back, in a sentence, what you heard. Studies "
                "suggest that sensing someone is trying to understand you matters more than "
                "getting every detail right."
            ),
            practice="empathy",
            action="reflect_back",
        ),
        ProgramDay(
            title="Share a long hug",
            text=(
                "The next time you are together, offer a long hug, about twenty seconds, if "
                "it feels good to you both. In one study, ten minutes of holding hands "
                "and a long hug before a stressful task softened the body's stress response. "
                "Afterwards, note the moment of closeness."
            ),
            practice="affection",
            action="affection",
        ),
        ProgramDay(
            title="Save one small idea",
            text=(
                "Think of one small thing the two of you would enjoy once life eases a "
                "little: a walk, a dish, a film, a game. Add it to your ideas library, so it "
                "is waiting when a free evening comes. It doesn't need to be big; it only "
                "needs to sound like the two of you."
            ),
            practice="quality-time",
            action="idea",
        ),
        # Week 2: making time again.
        ProgramDay(
            title="Find a pocket of time",
            text=(
                "Look at the coming week and find one slot you could both protect, even half "
                "an hour. Couples who make time for each other at least weekly tend to report "
                "being happier together, and short, regular time counts. Plan it, and agree "
                "to leave the phones aside."
            ),
            practice="quality-time",
            action="plan",
        ),
        ProgramDay(
            title="Ten undivided minutes",
            text=(
                "Spend ten minutes with your partner today, in person or on a call, with "
                "other screens out of reach. Ask about one thing on their mind, listen, and "
                "reflect back what you heard. Studies suggest that interruptions from phones "
                "quietly add up to more friction and less closeness."
            ),
            practice="quality-time",
            action="reflect_back",
        ),
        ProgramDay(
            title="Try one new thing",
            text=(
                "Plan something neither of you has done before, however small. Studies "
                "suggest that new, slightly exciting things shared as a pair lift closeness "
                "more than what is merely pleasant. Letting a coin choose your route on a "
                "walk is one easy way in."
            ),
            practice="quality-time",
            action="plan",
            idea="coin-toss-walk",
        ),
        ProgramDay(
            title="Thank them for an effort",
            text=(
                "A busy season asks a lot of both of you. Write your partner a thank-you for "
                "one effort they made through it, even one that didn't quite work out. "
                "Noticing the trying, not only the results, helps your partner feel seen."
            ),
            practice="appreciation",
            action="note",
        ),
        ProgramDay(
            title="Warmer hellos and goodbyes",
            text=(
                "Make your next hello or goodbye a little longer: a hug, a kiss, a squeeze of "
                "the hand, whatever suits you both. Studies suggest that small, everyday "
                "touch can lift a partner's mood through a sense of closeness. Note the "
                "moment when it happens."
            ),
            practice="affection",
            action="affection",
        ),
        ProgramDay(
            title="Be glad together",
            text=(
                "Answer today's question, and if your partner shares something good today, "
                "lean in: ask a question, enjoy it with them. Studies suggest that how "
                "partners respond to each other's good news matters a great deal. Being glad "
                "together is support too."
            ),
            practice="well-being",
            action="question",
        ),
        ProgramDay(
            title="Reach out midday",
            text=(
                "Pick a moment in the middle of your day and send your partner a sign that "
                "you are thinking of them. It takes a second, and it says you are turning "
                "toward them even while life is full."
            ),
            practice="quality-time",
            action="sign",
        ),
        # Week 3: a little more depth, and looking ahead.
        ProgramDay(
            title="Say what you'd like more of",
            text=(
                "Check in with a word for how today feels, and one thing you'd like more of "
                "as things settle. Start from your own side, with what you need rather than "
                "what has been missing. How a conversation starts often shapes how it ends."
            ),
            practice="communication",
            action="check_in",
        ),
        ProgramDay(
            title="Go back to an early day",
            text=(
                "Think of one of your early days together: a place, a meal, a walk. Plan to "
                "revisit it, or to recreate it wherever you are. Swapping what you each "
                "remember is a gentle way to feel like a pair again."
            ),
            practice="quality-time",
            action="plan",
            idea="revisit-an-early-date",
        ),
        ProgramDay(
            title="Thank them for who they are",
            text=(
                "Write your partner a thank-you that names a quality, not only a deed: kind, "
                "steady, funny, brave. In one study, thanks that praised a partner's "
                "qualities helped them feel understood and loved. One true sentence is "
                "plenty."
            ),
            practice="appreciation",
            action="note",
        ),
        ProgramDay(
            title="Let today's answer go deeper",
            text=(
                "Answer today's question as openly as feels right, and add one thing about "
                "the last few months your partner might not know. Closeness tends to grow "
                "when feelings are shared and met with care. A few sentences are plenty."
            ),
            practice="empathy",
            action="question",
        ),
        ProgramDay(
            title="Hold hands for a while",
            text=(
                "Find a few quiet minutes to hold hands with your partner, on a walk or side "
                "by side. Studies suggest that the hand of someone you love can help calm the "
                "body's response to stress. Note the moment of closeness afterwards."
            ),
            practice="affection",
            action="affection",
        ),
        ProgramDay(
            title="Pick something to learn",
            text=(
                "Think of one thing you'd like the two of you to learn or explore in the "
                "coming months: a class, a language, a book to read side by side. Add it to "
                "your ideas library. Studies suggest that new things shared as a pair tend to "
                "draw couples closer."
            ),
            practice="enrichment",
            action="idea",
        ),
        ProgramDay(
            title="Choose your rhythm",
            text=(
                "Look ahead at the next few weeks and choose a rhythm for time together that "
                "fits your lives. Once a week is lovely, but any rhythm you can keep is a "
                "good one. Plan the next time now, so it is already waiting."
            ),
            practice="quality-time",
            action="plan",
        ),
    ),
)


APPRECIATION = Program(
    slug="appreciation-fortnight",
    title="A fortnight of appreciation",
    summary=(
        "Two weeks of noticing the good in each other and saying it out loud. Each day "
        "takes a few minutes, from a one-line thank-you to a little time together."
    ),
    days=(
        # Week 1: noticing, and saying thanks.
        ProgramDay(
            title="Notice one small thing",
            text=(
                "Over today, look for one small thing your partner did, tried or simply is: "
                "a warm drink, a patient answer, a message that made you smile. Write a "
                "one-line thank-you about it. Small things count, and that is the whole of "
                "today."
            ),
            practice="appreciation",
            action="note",
        ),
        ProgramDay(
            title="Notice what helped",
            text=(
                "Check in with a word for how today feels, and name one thing your partner "
                "did lately that made your days easier. Gratitude helps people notice, and "
                "keep choosing, the partner beside them. Noticing is the first half of saying "
                "thank you."
            ),
            practice="well-being",
            action="check_in",
        ),
        ProgramDay(
            title="Be specific",
            text=(
                "Write your partner a thank-you for one exact thing, with the when and the "
                "what. “Thank you for listening last night” means more than “thanks for "
                "everything”. The detail shows you were paying attention."
            ),
            practice="appreciation",
            action="note",
        ),
        ProgramDay(
            title="Thank them without words",
            text=(
                "Some thanks need no words at all. The next time something your partner does "
                "makes you glad, send a sign that you are thinking of them. It is small, "
                "quick and easy to receive."
            ),
            practice="affection",
            action="sign",
        ),
        ProgramDay(
            title="Name the quality it shows",
            text=(
                "Think of something your partner did lately and ask what it shows about "
                "them: kind, patient, brave, funny, steady. Write a thank-you that names that "
                "quality. In one study, thanks that praised a partner's qualities helped them "
                "feel understood and loved."
            ),
            practice="appreciation",
            action="note",
        ),
        ProgramDay(
            title="See the effort",
            text=(
                "Ask your partner about something they have been working hard at lately. "
                "Listen, then reflect back what you heard, including the effort it has "
                "taken. Feeling seen in the trying, not only in the results, is a quiet kind "
                "of thanks."
            ),
            practice="empathy",
            action="reflect_back",
        ),
        ProgramDay(
            title="Meet good news warmly",
            text=(
                "Answer today's question, and look for one good thing in your partner's day "
                "or week to ask about. When good news comes your way, meet it with real "
                "interest: a question, a smile, a second telling. Studies suggest that how "
                "partners meet each other's good news matters a great deal."
            ),
            practice="well-being",
            action="question",
        ),
        # Week 2: letting thanks land, and showing it in other ways.
        ProgramDay(
            title="Let thanks land",
            text=(
                "Think of a kind word your partner said to you lately, one you kept. Write "
                "them a thank-you for it. Taking appreciation in, rather than waving it away, "
                "lets it count for both of you."
            ),
            practice="appreciation",
            action="note",
        ),
        ProgramDay(
            title="Thanks you can feel",
            text=(
                "Gratitude can be said with a touch: a hand on the shoulder, a hug, holding "
                "hands for a moment, if it is welcome. Studies suggest that everyday touch "
                "can lift a partner's mood through a sense of closeness. Note the moment when "
                "it happens."
            ),
            practice="affection",
            action="affection",
        ),
        ProgramDay(
            title="Thank them with time",
            text=(
                "Time and attention are a kind of thanks. Plan a short time together, perhaps "
                "making a playlist for each other and explaining one song each. Full "
                "attention, with the phones set aside, tells your partner they matter."
            ),
            practice="quality-time",
            action="plan",
            idea="swap-playlists",
        ),
        ProgramDay(
            title="Notice what's easy to miss",
            text=(
                "Some of what your partner does goes unseen: the planning, the remembering, "
                "the patience, the worry carried quietly. Write a thank-you for one of those "
                "quiet things. Studies suggest that appreciative partners tend to be more "
                "responsive and more committed."
            ),
            practice="appreciation",
            action="note",
        ),
        ProgramDay(
            title="Save a small kindness",
            text=(
                "Think of something your partner would enjoy doing with you: a favourite "
                "walk, a dish they love, a game they like to play. Add it to your ideas "
                "library, so it is ready on an ordinary day. Remembering what they love is "
                "appreciation too."
            ),
            practice="quality-time",
            action="idea",
        ),
        ProgramDay(
            title="Answer with thanks in mind",
            text=(
                "Answer today's question, whatever it is, with your partner's good side in "
                "mind. If the question allows, mention one thing you have noticed about them "
                "these past two weeks. Small, regular words of thanks tend to help both "
                "people feel more connected."
            ),
            practice="communication",
            action="question",
        ),
        ProgramDay(
            title="Celebrate a little",
            text=(
                "Plan a slow evening together to enjoy each other, with nothing to achieve. A "
                "few candles and the phones set aside are plenty. Thanks don't need a special "
                "day, but it is lovely to give them one now and then."
            ),
            practice="quality-time",
            action="plan",
            idea="candlelit-evening",
        ),
    ),
)


HARD_TIME = Program(
    slug="hard-time",
    title="Through a hard time together",
    summary=(
        "Three gentle weeks for when life feels heavy, whether the weight comes from outside "
        "or sits between the two of you. Each day is small and kind, and any day can wait "
        "until you are ready."
    ),
    days=(
        # Week 1: steadying, and staying in touch.
        ProgramDay(
            title="Say how you are",
            text=(
                "There is no right way to feel in a hard time. Pick the word closest to "
                "today, and, if you can, add one small thing that would help. That is enough "
                "for today."
            ),
            practice="well-being",
            action="check_in",
        ),
        ProgramDay(
            title="Send a small sign",
            text=(
                "Let your partner know you are thinking of them, with one tap and no words "
                "needed. On heavy days, a small sign of company can be easier to give, and to "
                "receive, than a long message."
            ),
            practice="affection",
            action="sign",
        ),
        ProgramDay(
            title="Ask what would help",
            text=(
                "Ask your partner what would help most right now: ideas, company or simply a "
                "listening ear. Listen without trying to fix anything, then reflect back what "
                "you heard. Understanding usually helps before advice does, and sometimes "
                "instead of it."
            ),
            practice="well-being",
            action="reflect_back",
        ),
        ProgramDay(
            title="Hold on a little",
            text=(
                "If touch feels good to you both today, hold hands for a while or share a "
                "long hug; either of you can say “not right now”. In one study, holding a "
                "loved partner's hand calmed the brain's response to threat more than a "
                "stranger's hand did. Note the moment afterwards, however brief."
            ),
            practice="affection",
            action="affection",
        ),
        ProgramDay(
            title="Notice what's still good",
            text=(
                "Hard times make it easy to miss what is still good. Write your partner a "
                "short thank-you for one way they have been there lately, however small. "
                "Gratitude helps people notice, and hold on to, a partner who cares."
            ),
            practice="appreciation",
            action="note",
        ),
        ProgramDay(
            title="Share one feeling",
            text=(
                "Answer today's question in your own time, and if it fits, add one feeling "
                "from this week, not only the facts. Closeness grows when feelings are shared "
                "and met with care. A word or two is enough."
            ),
            practice="empathy",
            action="question",
        ),
        ProgramDay(
            title="Plan some rest",
            text=(
                "Hard weeks need rest as much as effort. Plan a slow, easy hour with your "
                "partner: a short walk, a film, sitting side by side with nothing to solve. "
                "Time together doesn't need to fix anything to help."
            ),
            practice="quality-time",
            action="plan",
        ),
        # Week 2: listening, and being on the same side.
        ProgramDay(
            title="Help quietly",
            text=(
                "Do one small, quiet thing to lighten your partner's load today, without "
                "making a fuss of it. In one study, support the other person barely noticed "
                "helped most during a very stressful time. Then send a sign that you are thinking "
                "of them."
            ),
            practice="well-being",
            action="sign",
        ),
        ProgramDay(
            title="Start gently",
            text=(
                "If something between the two of you feels tender, start from your own side: "
                "how you feel and what you need, rather than what went wrong. How a hard "
                "conversation begins often shapes how it ends. Share it in today's check-in, "
                "in a word and a sentence."
            ),
            practice="communication",
            action="check_in",
        ),
        ProgramDay(
            title="Find a way to pause",
            text=(
                "When a talk gets heated, a pause of at least twenty minutes, spent on "
                "something soothing, helps you both come back calmer. Think of one gentle "
                "thing the two of you could do once things feel quieter: a walk, a song, a "
                "cup of tea. Add it to your ideas library, so it is ready when you need it."
            ),
            practice="communication",
            action="idea",
        ),
        ProgramDay(
            title="Make room for good news",
            text=(
                "Good things still happen in hard times. If your partner shares something "
                "good today, lean in: ask about it, and enjoy it with them. Studies suggest "
                "that how partners meet each other's good news matters a great deal. Reflect "
                "back what you heard."
            ),
            practice="well-being",
            action="reflect_back",
        ),
        ProgramDay(
            title="Ten minutes close",
            text=(
                "Find ten minutes to sit close and hold hands, if it is welcome to you both. "
                "In one study, holding hands and a long hug before a stressful task softened "
                "the rise in blood pressure and heart rate. Note the moment of closeness "
                "afterwards."
            ),
            practice="affection",
            action="affection",
        ),
        ProgramDay(
            title="Thank them for their patience",
            text=(
                "Hard times ask for patience from both of you. Write your partner a "
                "thank-you for one moment when they were patient, steady or kind. Naming the "
                "quality, not only the deed, helps thanks land."
            ),
            practice="appreciation",
            action="note",
        ),
        ProgramDay(
            title="A gentle evening",
            text=(
                "Plan a gentle time together with nothing to solve, such as reading a story "
                "aloud to each other, a chapter at a time. Shared, unhurried time is a quiet "
                "way of saying you are in this together. Keep it short if energy is low."
            ),
            practice="quality-time",
            action="plan",
            idea="read-aloud-night",
        ),
        # Week 3: support from outside, repair, and a little hope.
        ProgramDay(
            title="Look at outside help",
            text=(
                "Support can come from friends, family, a doctor or a couples' counsellor. "
                "Studies suggest many couples wait years before asking for help, and asking "
                "early is a sign of care. If it feels right to you both, plan a first step; "
                "if not, the idea will keep. If things ever feel too heavy to carry, a doctor "
                "or a local helpline can help straight away."
            ),
            practice="enrichment",
            action="plan",
            idea="couples-counselling",
        ),
        ProgramDay(
            title="Answer at your own pace",
            text=(
                "Today's question may fit your mood or not. Answer it in your own words and "
                "at your own pace: a short answer is welcome, and so is a light one. Small, "
                "regular exchanges keep you in touch with each other's inner world, even in a "
                "hard season."
            ),
            practice="communication",
            action="question",
        ),
        ProgramDay(
            title="Remember what helped before",
            text=(
                "Think of another hard time you came through, together or on your own, and "
                "what helped you then. Write your partner a thank-you for one way they have "
                "helped, then or now. Studies suggest that couples who face stress as a team "
                "tend to feel better about their relationship."
            ),
            practice="appreciation",
            action="note",
        ),
        ProgramDay(
            title="A small repair",
            text=(
                "Hard weeks bring sharp moments. If there has been one, a small repair often "
                "does more than a long talk: a kind word, a touch, a bit of humour, an "
                "apology. Studies suggest that repairing early and often matters more than "
                "never disagreeing. Send a sign that you are thinking of them, as a first "
                "small step."
            ),
            practice="communication",
            action="sign",
        ),
        ProgramDay(
            title="Lean in close",
            text=(
                "Sometime today, offer a small touch: a hand on the arm, a lean on the "
                "shoulder, a hug hello, if it is welcome. In one study, everyday touch lifted a "
                "partner's mood and went with greater well-being six months later. "
                "Note the moment of closeness."
            ),
            practice="affection",
            action="affection",
        ),
        ProgramDay(
            title="Something to look forward to",
            text=(
                "Plan one small, easy thing to look forward to together, such as sitting by "
                "the water and inventing stories about the people passing by. Something light "
                "ahead gives you both a little room to breathe."
            ),
            practice="quality-time",
            action="plan",
            idea="waterside-story-swap",
        ),
        ProgramDay(
            title="Say what has helped",
            text=(
                "Look back over these weeks at what has helped you most, from your partner or "
                "anywhere else. Share it in today's check-in, with a word for how today "
                "feels. Knowing what helps makes it easier to ask for next time, and any of "
                "these days is here to come back to."
            ),
            practice="well-being",
            action="check_in",
        ),
    ),
)


PLAYFUL = Program(
    slug="playful-again",
    title="Playful again: new things together",
    summary=(
        "Two weeks of small, new and slightly silly things to try as a pair, for when life "
        "has started to feel a bit the same. A few light minutes a day, and bigger plans only "
        "when you want them."
    ),
    days=(
        # Week 1: small surprises and a first adventure.
        ProgramDay(
            title="Send a playful hello",
            text=(
                "Start light. Send your partner a sign that you are thinking of them, at a "
                "moment they won't expect. Play often begins with something tiny and a little "
                "surprising."
            ),
            practice="affection",
            action="sign",
        ),
        ProgramDay(
            title="Answer lightly",
            text=(
                "Answer today's question with the lightest true thing you can think of. If "
                "something in it makes you smile, say why. A shared smile is an easy way to "
                "feel close."
            ),
            practice="communication",
            action="question",
        ),
        ProgramDay(
            title="Save something new",
            text=(
                "Think of one thing neither of you has tried: a dish, a game, a walk, a "
                "class. Add it to your ideas library. Studies suggest that new, slightly "
                "exciting things shared as a pair lift closeness more than what is merely "
                "pleasant."
            ),
            practice="quality-time",
            action="idea",
        ),
        ProgramDay(
            title="Plan a tiny adventure",
            text=(
                "Plan a short walk where a coin chooses every turn. It takes no preparation, "
                "and the not knowing is the fun. Even a small dose of the unfamiliar can "
                "make time together feel fresh."
            ),
            practice="quality-time",
            action="plan",
            idea="coin-toss-walk",
        ),
        ProgramDay(
            title="Thank them for a laugh",
            text=(
                "Think of something your partner does that always makes you laugh: a face, a "
                "phrase, a silly habit. Write them a thank-you for it. Naming what you love "
                "about them, not only what they did, tends to land warmly."
            ),
            practice="appreciation",
            action="note",
        ),
        ProgramDay(
            title="One song, close together",
            text=(
                "The next time you are together, put on one song and sway, standing or "
                "seated, whatever suits you both. Holding hands or a hug counts too, if it is "
                "welcome. Note the moment of closeness afterwards."
            ),
            practice="affection",
            action="affection",
        ),
        ProgramDay(
            title="Swap playlists",
            text=(
                "Plan a time to swap playlists: ten songs each that say something about you, "
                "or about the two of you. Listen together and explain one choice each. It is "
                "a playful way to learn something new about someone you know well."
            ),
            practice="quality-time",
            action="plan",
            idea="swap-playlists",
        ),
        # Week 2: learning, curiosity and a shared challenge.
        ProgramDay(
            title="Ask about their world",
            text=(
                "Ask your partner about something they enjoy that you know little about, and "
                "let them explain it properly. Then reflect back what you heard, including "
                "what seems to light them up. Curiosity about each other's worlds keeps you "
                "learning about each other."
            ),
            practice="empathy",
            action="reflect_back",
        ),
        ProgramDay(
            title="Ask for a small joy",
            text=(
                "Check in with a word for how today feels, and one light thing that would "
                "make it better: a walk, a call, a silly film. Asking for small joys is as "
                "welcome as asking for help."
            ),
            practice="well-being",
            action="check_in",
        ),
        ProgramDay(
            title="Teach each other something",
            text=(
                "Plan half an hour where you each teach the other a small skill: a knot, a "
                "card trick, a chord, a stretch. Being patient students together is part of "
                "the fun. Learning side by side is one of the easiest new things to share."
            ),
            practice="enrichment",
            action="plan",
            idea="teach-each-other-a-skill",
        ),
        ProgramDay(
            title="Cheer them on",
            text=(
                "Think of something your partner has coming up, big or small. Send a sign "
                "that you are thinking of them, as a little cheer from the sidelines. Knowing "
                "someone is on your side can make a good day brighter."
            ),
            practice="well-being",
            action="sign",
        ),
        ProgramDay(
            title="Guess their answer",
            text=(
                "Before you see your partner's answer to today's question, guess what they "
                "might say. Nobody keeps count; the fun is in the surprises. Each guess shows "
                "you something you know about them, or something you are about to learn."
            ),
            practice="empathy",
            action="question",
        ),
        ProgramDay(
            title="Cook something new",
            text=(
                "Plan to cook a dish neither of you has tried, from a cuisine new to you "
                "both. Split the tasks, and enjoy it whether it turns out perfect or not. "
                "Trying something new side by side is a lovely way to feel like a team."
            ),
            practice="quality-time",
            action="plan",
            idea="cook-something-new",
        ),
        ProgramDay(
            title="Keep a little play",
            text=(
                "Look back over these two weeks: what made you both laugh, or feel like a "
                "team? Add one new idea to your library for the month ahead. Play doesn't "
                "need a plan for every day; it only needs a little room."
            ),
            practice="quality-time",
            action="idea",
        ),
    ),
)


PROGRAMS: tuple[Program, ...] = (RECONNECTING, APPRECIATION, HARD_TIME, PLAYFUL)

PROGRAMS_BY_SLUG: dict[str, Program] = {program.slug: program for program in PROGRAMS}
