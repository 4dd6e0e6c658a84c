"""The seven practices of Bond, written out as content.

Bond is built around seven small practices that help two people stay close:
talking openly, understanding each other, making time, saying thank you,
staying physically close, looking after each other and growing together.
Each practice has a short promise, a few lines on why it matters, a handful of
guided steps, and one action the couple can take in the app at the end.

This module exists so that all of those words live in one place. Writers edit
the copy here; views, templates and forms only read from it and never hold
copy of their own. Keep the slugs stable: URLs, saved plans and daily
questions refer to them.

Writing notes: warm, calm and personal, like a shared notebook. Short
sentences. No scolding, no guilt, no streaks. Plain text only (no HTML, no
markdown). When a number from research appears, keep it honest and say
"studies suggest" where the source is a summary.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One guided step on a practice page."""

    title: str  # short, at most 60 characters
    body: str  # 1-4 sentences, at most 450 characters, plain text


@dataclass(frozen=True)
class Practice:
    """One of the seven practices, from its promise to its closing action."""

    number: int  # 1..7
    slug: str
    title: str  # short, e.g. "Talk openly"
    promise: str  # one line, at most 110 characters
    why: str  # 2-4 sentences, at most 600 characters
    steps: tuple[Step, ...]  # 3 to 5 guided steps leading up to the action
    action_title: str  # what the couple does at the last step
    action_intro: str  # 1-2 sentences introducing that action
    related: tuple[str, ...]  # 2 slugs of related practices

    @property
    def icon(self) -> str:
        """The template of its own drawing (templates/illustrations/)."""
        return f"illustrations/practice-{self.slug}.svg"


@dataclass(frozen=True)
class FaqEntry:
    """A common question and a short, kind answer."""

    question: str
    answer: str  # 2-4 sentences


PRACTICES: tuple[Practice, ...] = (
    Practice(
        number=1,
        slug="communication",
        title="Talk openly",
        promise="A safe, unhurried place to say what you think, feel and need.",
        why=(
            "How a hard conversation begins often shapes how it ends. In one study of "
            "newlyweds, the first three minutes of a disagreement predicted whether couples "
            "were still together six years later. A gentle start and a listening ear give "
            "you both room to be honest, and a small daily question keeps that habit warm."
        ),
        steps=(
            Step(
                title="Pick a calm moment",
                body=(
                    "Choose a time when neither of you is rushed, tired or hungry. A few "
                    "quiet minutes are plenty. Put your phones face down if you can."
                ),
            ),
            Step(
                title="Start gently, with “I”",
                body=(
                    "Open with how you feel and what you need, rather than what your partner "
                    "did wrong. “I felt a bit left out tonight” lands far softer than “You "
                    "never include me.” It's a small shift that changes the whole talk."
                ),
            ),
            Step(
                title="Listen without interrupting",
                body=(
                    "Let your partner finish before you reply. Then say back, in a sentence, "
                    "what you heard. You don't have to agree in order to understand, and "
                    "nobody needs to be judged for how they feel."
                ),
            ),
            Step(
                title="Take a break when it gets too much",
                body=(
                    "If your heart is racing or you feel flooded, say so kindly and pause for "
                    "at least 20 minutes. Do something soothing rather than rehearsing your "
                    "reply. Then come back and carry on where you left off."
                ),
            ),
        ),
        action_title="Answer today's question together",
        action_intro=(
            "Each of you answers today's question on your own, then you see each other's "
            "answers. Reply with a thought, a follow-up question or a simple thank-you."
        ),
        related=("empathy", "well-being"),
    ),
    Practice(
        number=2,
        slug="empathy",
        title="Understand each other",
        promise="Step into each other's shoes, and let each other know you're trying.",
        why=(
            "Closeness grows when one of you shares a feeling and the other responds with "
            "care. Studies suggest that sensing your partner is really trying to understand "
            "you matters more than whether they always get you exactly right. So nobody needs to "
            "be a mind reader. Keep asking, keep listening, and check what you heard."
        ),
        steps=(
            Step(
                title="Share a feeling, not only the facts",
                body=(
                    "One of you talks about something from your day or your week. Try to "
                    "name how it felt, not just what happened. A word or two is enough: "
                    "tired, proud, uneasy, relieved."
                ),
            ),
            Step(
                title="Listen for what's underneath",
                body=(
                    "The other listens without fixing, judging or comparing. Wonder quietly "
                    "what this was like from the inside. Notice the feeling behind the words."
                ),
            ),
            Step(
                title="Say it back in your own words",
                body=(
                    "Put what you heard into a sentence, such as “It sounds like that meeting "
                    "left you feeling unseen.” If your guess is off, that's fine. The trying "
                    "is what counts."
                ),
            ),
            Step(
                title="Let what you hear change you a little",
                body=(
                    "Being open to your partner's point of view is a quiet form of respect. "
                    "You don't have to give up your own. Understanding each other usually "
                    "matters more than being right."
                ),
            ),
        ),
        action_title="Reflect back what you heard",
        action_intro=(
            "One of you writes down the feeling you heard from the other. Your partner "
            "replies “yes, that's it” or gently adds what was missed."
        ),
        related=("communication", "well-being"),
    ),
    Practice(
        number=3,
        slug="quality-time",
        title="Make time together",
        promise="Regular, unhurried time for just the two of you, with the screens set aside.",
        why=(
            "Time together is where you keep getting to know each other. Studies suggest "
            "that trying new, slightly exciting things as a pair lifts closeness more than "
            "sticking to what's merely pleasant. Phones quietly pull attention away, so time "
            "without them tends to feel fuller. It doesn't need to be long or fancy."
        ),
        steps=(
            Step(
                title="Find a regular slot",
                body=(
                    "Look at your weeks and choose a time you can both protect, even a short "
                    "one. Once a week is a lovely rhythm, but any rhythm that fits your lives "
                    "is a good one."
                ),
            ),
            Step(
                title="Put the phones away",
                body=(
                    "Agree on a tech-free stretch: phones in a bag, a drawer or another room. "
                    "If one buzzes, let it wait. Your full attention is the gift."
                ),
            ),
            Step(
                title="Try something a little new",
                body=(
                    "Mix the familiar with something fresh: a walk you haven't done, a recipe "
                    "neither of you has cooked, a hobby to try side by side. A bit of novelty "
                    "tends to draw couples closer."
                ),
            ),
            Step(
                title="Notice the small moments too",
                body=(
                    "Between plans, watch for the little ways your partner reaches for you: a "
                    "comment, a sigh, a joke. Turning toward them, even briefly, is quality "
                    "time as well."
                ),
            ),
        ),
        action_title="Plan a tech-free time together",
        action_intro=(
            "Browse the ideas library and pick something that suits you both. It becomes a "
            "shared plan you can give a date."
        ),
        related=("affection", "enrichment"),
    ),
    Practice(
        number=4,
        slug="appreciation",
        title="Say thank you",
        promise="Notice the good in each other, and say it out loud.",
        why=(
            "Gratitude helps you notice, and keep choosing, the person beside you. In "
            "studies where couples kept daily diaries, feeling grateful to a partner went "
            "with feeling more connected the next day, for both people. Thanks that name "
            "who your partner is, not only what you gained, tend to land most warmly."
        ),
        steps=(
            Step(
                title="Notice one thing",
                body=(
                    "Over the day, look for one thing your partner did, tried or simply is. "
                    "Small things count: a warm drink, a patient answer, a message that made "
                    "you smile."
                ),
            ),
            Step(
                title="Be specific",
                body=(
                    "Say exactly what you noticed. “Thank you for listening when I was grumpy "
                    "last night” means more than “thanks for everything.”"
                ),
            ),
            Step(
                title="Name the quality behind it",
                body=(
                    "Add what it shows about them: kind, thoughtful, brave, funny, steady. "
                    "Praise for who they are helps your partner feel seen and loved."
                ),
            ),
            Step(
                title="Let thanks land",
                body=(
                    "When appreciation comes your way, take it in. A simple “that means a "
                    "lot” is enough. There's no need to wave it away."
                ),
            ),
        ),
        action_title="Write an appreciation note",
        action_intro=(
            "Write a short note about one action, trait or effort you appreciate in your "
            "partner. It will be waiting for them when they next look."
        ),
        related=("communication", "affection"),
    ),
    Practice(
        number=5,
        slug="affection",
        title="Stay close",
        promise="Small, everyday touch that says “I'm here” without a word.",
        why=(
            "Hugging, kissing, holding hands and cuddling release oxytocin, often called the "
            "“love hormone”, which helps two people feel bonded. In one study, couples who "
            "practised warm touch for four weeks showed more oxytocin and lower signs of "
            "stress. A touch doesn't have to be long to matter."
        ),
        steps=(
            Step(
                title="Talk about what feels good",
                body=(
                    "Share the kinds of touch you each enjoy, and any you'd rather skip. "
                    "Comfort comes first. Either of you can always say “not right now”."
                ),
            ),
            Step(
                title="Make a hello and goodbye ritual",
                body=(
                    "Greet and part with a small gesture: a hug, a kiss, a squeeze of the "
                    "hand. A twenty-second hug is a lovely place to start."
                ),
            ),
            Step(
                title="Reach out during the day",
                body=(
                    "Hold hands on a walk, lean into each other on the sofa, rest a hand on a "
                    "shoulder. Light, everyday touch adds up, even when it only lasts a moment."
                ),
            ),
            Step(
                title="Hold on when things are hard",
                body=(
                    "On a stressful day, hold your partner's hand for a while. Studies suggest "
                    "the hand of someone you love can help calm the body's stress response."
                ),
            ),
        ),
        action_title="Note today's moment of closeness",
        action_intro=(
            "A gentle tick for today: did you share a hug, a kiss, or hold hands? Only you "
            "see it, and it is never a score."
        ),
        related=("quality-time", "well-being"),
    ),
    Practice(
        number=6,
        slug="well-being",
        title="Look after each other",
        promise="Be a soft place to land, on the hard days and the good ones.",
        why=(
            "Looking after each other starts with listening, so your partner feels understood "
            "before any advice arrives. Studies suggest that meeting good news with real "
            "interest and delight matters a great deal, perhaps even more than how you respond "
            "to bad news. A quick daily check-in makes it easier to say what you need."
        ),
        steps=(
            Step(
                title="Ask, and wait for the answer",
                body=(
                    "Ask how your partner is really doing, then give them time. “Fine” is "
                    "allowed, and so is “not great today.” Either answer is welcome here."
                ),
            ),
            Step(
                title="Understand before you advise",
                body=(
                    "Before offering solutions, show that you get it. You can ask whether they "
                    "would like ideas or just a listening ear. Often the ear is enough."
                ),
            ),
            Step(
                title="Be on their side",
                body=(
                    "When stress comes from outside, from work, family or anywhere else, be "
                    "on your partner's team. Other points of view can wait for another day, "
                    "if they're needed at all."
                ),
            ),
            Step(
                title="Celebrate the good news too",
                body=(
                    "When something goes well for them, lean in. Ask questions, share the joy, "
                    "let them tell the story twice. Being glad together is support as well."
                ),
            ),
        ),
        action_title="Share today's check-in",
        action_intro=(
            "Pick one of five words for how today feels, from heavy to bright, and say what "
            "you need from your partner. They can answer with a short, kind message."
        ),
        related=("empathy", "affection"),
    ),
    Practice(
        number=7,
        slug="enrichment",
        title="Grow together",
        promise="Keep learning as a couple, with a little outside help whenever you'd like it.",
        why=(
            "Even happy couples can pick up new ways of talking and listening. Studies "
            "suggest that relationship courses and workshops help couples communicate better "
            "and feel better about their relationship. Couples' therapy is a sign of care, "
            "not failure, and reaching out early is often the kindest choice."
        ),
        steps=(
            Step(
                title="Talk about what you'd like to grow",
                body=(
                    "Is there something you'd both like to get better at? Listening, handling "
                    "disagreements, finding time, or simply knowing each other more deeply."
                ),
            ),
            Step(
                title="Look at the options",
                body=(
                    "Growing together can take many shapes: a workshop on communication, a "
                    "weekend retreat, a course online, a relationship book you read side by "
                    "side, or sessions with a couples' counsellor."
                ),
            ),
            Step(
                title="See counselling as care",
                body=(
                    "Couples' therapy isn't only for relationships in trouble. Choosing it "
                    "shows that you value each other and your future. Many couples wait years "
                    "before asking for help, and many wish they had gone sooner."
                ),
            ),
            Step(
                title="Choose together, at your own pace",
                body=(
                    "Pick something that feels right for both of you, not a test one of you "
                    "has to pass. Start small if you like: one chapter, one evening, one "
                    "session."
                ),
            ),
        ),
        action_title="Add a plan to grow together",
        action_intro=(
            "Choose an enrichment activity, such as a workshop, a retreat, counselling, or a "
            "book or course to share, and add it as a plan for the two of you."
        ),
        related=("communication", "quality-time"),
    ),
)

PRACTICES_BY_SLUG: dict[str, Practice] = {p.slug: p for p in PRACTICES}


FAQ: tuple[FaqEntry, ...] = (
    FaqEntry(
        question="How can we talk more openly with each other?",
        answer=(
            "Start gently, speak from your own side with “I”, and listen until your partner "
            "has finished. Try to leave judgement out of it, in both directions. The daily "
            "question is an easy way to practise on calm days."
        ),
    ),
    FaqEntry(
        question="What can we do to make our time together feel meaningful?",
        answer=(
            "Go for walks, cook together, share a hobby, keep a regular evening for each "
            "other, or plan a trip or small adventure. Set the phones aside while you do it. "
            "Something new now and then helps keep things fresh."
        ),
    ),
    FaqEntry(
        question="Why does physical affection matter so much?",
        answer=(
            "Hugs, kisses, holding hands and cuddling release oxytocin, sometimes called the "
            "love hormone, which helps you feel bonded and close. Even a brief touch in the "
            "middle of a busy day counts."
        ),
    ),
    FaqEntry(
        question="How can I support my partner when they're having a hard time?",
        answer=(
            "Listen first, and listen well. Ask what would help most: ideas, company or just "
            "a quiet ear. Take their side when stress comes from outside, and be gentle with "
            "yourself too."
        ),
    ),
    FaqEntry(
        question="What counts as relationship enrichment, and what does it give us?",
        answer=(
            "They're things you choose to do to grow as a couple: couples' therapy, or "
            "workshops and retreats that help you talk and understand each other better. A "
            "relationship book read together or a shared course fits too. They give you fresh "
            "tools and new ways of seeing each other."
        ),
    ),
    FaqEntry(
        question="What if my partner isn't interested?",
        answer=(
            "That's all right. You can start on your own with a kind note, a gentle question "
            "or a hug. Invite rather than insist, and let them join in when it feels right. "
            "Nothing in Bond is meant to be a test."
        ),
    ),
    FaqEntry(
        question="Is asking for help a sign something is wrong?",
        answer=(
            "Not at all. Seeing a counsellor or joining a workshop shows that you care about "
            "your relationship. Many couples wait years before reaching out, and going early "
            "usually makes things easier."
        ),
    ),
    FaqEntry(
        question="What happens if we miss a day?",
        answer=(
            "Nothing at all. There are no streaks here. If you like, you can still answer the "
            "questions of the last seven days; or simply start with today's."
        ),
    ),
)
