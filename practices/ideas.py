"""Built-in ideas library for Bond.

This is the starter set of date-night and quality-time ideas. When a couple taps
"plan this", the new plan is pre-filled from one of these entries. Writers edit the
words here; views never hold copy of their own, they only read from this module.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Idea:
    """One idea a couple can turn into a plan."""

    slug: str  # kebab-case, unique across IDEAS
    category: str  # one of the keys in CATEGORIES
    title: str  # max 80 characters
    description: str  # 1-3 sentences, max 300 characters
    tech_free: bool  # True when the idea works best with phones away


CATEGORIES: tuple[tuple[str, str], ...] = (
    ("outdoors", "Walks and outdoors"),
    ("cooking", "Cooking together"),
    ("hobbies", "Shared hobbies"),
    ("home", "Tech-free evenings at home"),
    ("trips", "Trips and adventures"),
    ("learning", "Learning something new"),
    ("low-budget", "Low-budget"),
    # Practice 7: each of these can become a plan like any other idea.
    ("enrichment", "Growing together"),
)


IDEAS: tuple[Idea, ...] = (
    # Walks and outdoors
    Idea(
        slug="catch-a-sunrise",
        category="outdoors",
        title="Catch a sunrise together",
        description=(
            "Set one alarm, fill a flask with something warm, and find a spot that faces east. "
            "Say very little. Just watch the sky change colour."
        ),
        tech_free=True,
    ),
    Idea(
        slug="wander-a-new-neighbourhood",
        category="outdoors",
        title="Wander a neighbourhood you always pass through",
        description=(
            "Pick a part of town you only ever see from the road. Walk it with no route, and "
            "stop wherever looks interesting: a bakery, a mural, a bench in the shade."
        ),
        tech_free=True,
    ),
    Idea(
        slug="stargaze-on-a-blanket",
        category="outdoors",
        title="Stargaze from a blanket",
        description=(
            "Find the darkest spot you can easily reach and lie back side by side. Use a sky "
            "map to spot one constellation, then put the phones away and just look."
        ),
        tech_free=True,
    ),
    Idea(
        slug="go-geocaching",
        category="outdoors",
        title="Go on a geocaching hunt",
        description=(
            "Geocaches are small boxes hidden by strangers all over the world. Pick two or three "
            "near you, follow the clues together, and leave a little note in each one you find."
        ),
        tech_free=False,
    ),
    Idea(
        slug="flashlight-night-walk",
        category="outdoors",
        title="Take a night walk with a flashlight",
        description=(
            "Familiar paths feel brand new after dark. Bring a torch each, walk slowly, and "
            "listen for owls, wind and the sounds you miss in daylight."
        ),
        tech_free=True,
    ),
    Idea(
        slug="waterside-story-swap",
        category="outdoors",
        title="Sit by the water and invent stories",
        description=(
            "Find a bench by a river, lake or harbour. Take turns making up gentle backstories "
            "for the boats, birds and people passing by. No walking needed."
        ),
        tech_free=True,
    ),
    # Cooking together
    Idea(
        slug="cook-something-new",
        category="cooking",
        title="Cook a dish neither of you has tried",
        description=(
            "Pick a cuisine that is new to both of you. Shop for it together, split the chopping, "
            "and eat at the table, whether it turns out perfect or not."
        ),
        tech_free=False,
    ),
    Idea(
        slug="mystery-ingredient-swap",
        category="cooking",
        title="Swap a mystery ingredient",
        description=(
            "Each of you buys one ingredient in secret. Reveal them in the kitchen, then make "
            "one meal that uses both. Score it kindly."
        ),
        tech_free=True,
    ),
    Idea(
        slug="childhood-dish-exchange",
        category="cooking",
        title="Teach each other a dish from childhood",
        description=(
            "Take turns cooking something you grew up eating. While it simmers, tell the story "
            "behind it: who made it, and when it showed up on the table."
        ),
        tech_free=True,
    ),
    Idea(
        slug="fold-dumplings-from-scratch",
        category="cooking",
        title="Fold dumplings from scratch",
        description=(
            "Make the dough and filling together, then sit side by side and fold. Wonky ones "
            "taste just as good. Freeze the extras for a lazy night later."
        ),
        tech_free=True,
    ),
    Idea(
        slug="breakfast-for-dinner",
        category="cooking",
        title="Make breakfast for dinner",
        description=(
            "Pancakes, eggs, toast, fruit: whatever mornings usually rush past. Cook it slowly "
            "in the evening and eat it in your comfiest clothes."
        ),
        tech_free=True,
    ),
    Idea(
        slug="invent-a-signature-drink",
        category="cooking",
        title="Invent a drink that is just yours",
        description=(
            "Gather juices, herbs, fruit, sparkling water, and anything else you both enjoy. "
            "Mix a few rounds, pick a favourite, and give it a name only you two understand."
        ),
        tech_free=True,
    ),
    # Shared hobbies
    Idea(
        slug="two-person-book-club",
        category="hobbies",
        title="Start a two-person book club",
        description=(
            "Choose a short book and read it on your own over a week or two. Then meet over tea "
            "or a walk to talk about the parts that stayed with you."
        ),
        tech_free=True,
    ),
    Idea(
        slug="grow-something-together",
        category="hobbies",
        title="Grow something you both look after",
        description=(
            "Start small: a pot of herbs on the windowsill or a tomato plant on the balcony. "
            "Take turns watering, and cook with the first thing it gives you."
        ),
        tech_free=True,
    ),
    Idea(
        slug="month-of-photos",
        category="hobbies",
        title="Shoot a month-long photo project",
        description=(
            "Agree on a theme, like doors, shadows or something blue. Each take one photo a day. "
            "At the end of the month, look through them side by side."
        ),
        tech_free=False,
    ),
    Idea(
        slug="paint-side-by-side",
        category="hobbies",
        title="Paint the same thing side by side",
        description=(
            "Set up cheap paper and paints, choose one object or view, and paint it at the same "
            "time without peeking. Reveal both at the end and hang your favourite."
        ),
        tech_free=True,
    ),
    Idea(
        slug="swap-playlists",
        category="hobbies",
        title="Make a playlist for each other",
        description=(
            "Each build ten songs that say something about you or about the two of you. "
            "Listen together with the lights low, and explain one choice each."
        ),
        tech_free=False,
    ),
    Idea(
        slug="co-op-game-night",
        category="hobbies",
        title="Play a game where you're on the same team",
        description=(
            "Pick a cooperative board game or a two-player video game where you win or lose "
            "together. Plan, celebrate, and laugh at the near misses."
        ),
        tech_free=False,
    ),
    # Tech-free evenings at home
    Idea(
        slug="candlelit-evening",
        category="home",
        title="Spend a candlelit evening with phones in a drawer",
        description=(
            "Turn off the big lights, light a few candles, and put both phones in a drawer "
            "until bedtime. Eat, talk, and let the evening be slow."
        ),
        tech_free=True,
    ),
    Idea(
        slug="question-jar",
        category="home",
        title="Fill a jar with questions",
        description=(
            "Each write ten questions on slips of paper: silly, curious or deep. Fold them into "
            "a bowl and take turns drawing one. Skip any you like."
        ),
        tech_free=True,
    ),
    Idea(
        slug="build-a-blanket-fort",
        category="home",
        title="Build a blanket fort",
        description=(
            "Drape blankets over chairs, pile in cushions, and bring snacks inside. Read, talk, "
            "or nap in there. Nobody is too grown up for this."
        ),
        tech_free=True,
    ),
    Idea(
        slug="read-aloud-night",
        category="home",
        title="Read a story aloud to each other",
        description=(
            "Choose a novel or a collection of short stories and take turns reading a chapter. "
            "Keep going over several evenings, like a serial."
        ),
        tech_free=True,
    ),
    Idea(
        slug="card-game-tournament",
        category="home",
        title="Hold a card game tournament",
        description=(
            "Pick a two-player card game and play best of five. Keep score on paper. The winner "
            "chooses the next game, the other makes the tea."
        ),
        tech_free=True,
    ),
    Idea(
        slug="letters-to-future-us",
        category="home",
        title="Write letters to your future selves",
        description=(
            "Each write a letter to the two of you a year from now: what life is like today, and "
            "what you hope for. Seal them and set a date to open them."
        ),
        tech_free=True,
    ),
    # Trips and adventures
    Idea(
        slug="end-of-the-line",
        category="trips",
        title="Ride a bus or train to the end of the line",
        description=(
            "Choose a route you've never taken and stay on until the last stop. Explore whatever "
            "is there for a few hours, then find somewhere to eat before heading home."
        ),
        tech_free=True,
    ),
    Idea(
        slug="plan-a-mystery-trip",
        category="trips",
        title="Plan a mystery trip for each other",
        description=(
            "One of you plans a day out and shares only what to wear and pack. Swap roles next "
            "time. It can be as near and small as you like."
        ),
        tech_free=False,
    ),
    Idea(
        slug="night-under-canvas",
        category="trips",
        title="Spend a night under canvas",
        description=(
            "Borrow a tent and go camping, even just one night close to home. If that is not "
            "your thing, pitch it in a garden or sleep on the living room floor."
        ),
        tech_free=True,
    ),
    Idea(
        slug="tourists-at-home",
        category="trips",
        title="Be tourists in your own town",
        description=(
            "Visit the sight locals always skip, take the open-top bus, and buy a silly postcard. "
            "Send it to yourselves to find in the post later."
        ),
        tech_free=False,
    ),
    Idea(
        slug="try-something-thrilling",
        category="trips",
        title="Try something a little thrilling",
        description=(
            "Kayaking, climbing, an escape room, a zip line: choose something new that gets both "
            "hearts going a bit. Pick a level that feels exciting, not scary, for you both."
        ),
        tech_free=True,
    ),
    Idea(
        slug="weekend-somewhere-small",
        category="trips",
        title="Spend a weekend somewhere small",
        description=(
            "Book a cabin, a guesthouse or a friend's spare room in a village you don't know. "
            "Plan almost nothing. Walk, read, and eat where the locals do."
        ),
        tech_free=True,
    ),
    # Learning something new
    Idea(
        slug="one-off-class",
        category="learning",
        title="Take a one-off class together",
        description=(
            "Pottery, woodwork, bread, improv: many community centres run single taster "
            "sessions. Pick something neither of you is good at yet."
        ),
        tech_free=True,
    ),
    Idea(
        slug="phrases-in-a-new-language",
        category="learning",
        title="Learn ten phrases in a new language",
        description=(
            "Pick a language you'd both like to hear more of, maybe for a trip you dream about. "
            "Learn ten phrases and use them over dinner all week."
        ),
        tech_free=False,
    ),
    Idea(
        slug="kitchen-dance-lesson",
        category="learning",
        title="Learn a few dance steps in the kitchen",
        description=(
            "Follow a beginner video for salsa, swing or a slow dance, at whatever pace suits "
            "your bodies. Seated versions work too. Stepping on toes is part of it."
        ),
        tech_free=False,
    ),
    Idea(
        slug="teach-each-other-a-skill",
        category="learning",
        title="Teach each other something you're good at",
        description=(
            "Each choose a small skill: a knot, a card trick, a stretch, a chord. Take half an "
            "hour each to teach it. Be patient students."
        ),
        tech_free=True,
    ),
    Idea(
        slug="free-evening-talk",
        category="learning",
        title="Go to a free talk or lecture",
        description=(
            "Libraries, museums and universities often host evening talks open to anyone. "
            "Pick a topic new to both of you, then talk it over on the way home."
        ),
        tech_free=True,
    ),
    Idea(
        slug="name-whats-growing",
        category="learning",
        title="Learn to name five trees or birds near home",
        description=(
            "Borrow a field guide from the library and take it on a slow walk. By the end, aim "
            "to greet five neighbours by name, the leafy or feathered kind."
        ),
        tech_free=True,
    ),
    # Low-budget
    Idea(
        slug="library-date",
        category="low-budget",
        title="Pick library books for each other",
        description=(
            "Give yourselves twenty minutes to choose a book the other would never pick but "
            "might love. Swap them at the door and explain your choice."
        ),
        tech_free=True,
    ),
    Idea(
        slug="thrift-shop-gift",
        category="low-budget",
        title="Find a gift for each other at a charity shop",
        description=(
            "Set a tiny budget and split up for half an hour. Find something that made you think "
            "of the other person. The stranger the story, the better."
        ),
        tech_free=True,
    ),
    Idea(
        slug="coin-toss-walk",
        category="low-budget",
        title="Let a coin choose your walk",
        description=(
            "Start at your front door. At every corner, flip a coin: heads left, tails right. "
            "Stop when you find somewhere worth sitting for a while."
        ),
        tech_free=True,
    ),
    Idea(
        slug="free-event-hunt",
        category="low-budget",
        title="Go to a free event in town",
        description=(
            "Look for open-air music, a gallery opening, a market or a local game. Free events "
            "often have the best people-watching."
        ),
        tech_free=False,
    ),
    Idea(
        slug="revisit-an-early-date",
        category="low-budget",
        title="Revisit one of your first dates",
        description=(
            "Go back to where an early date happened, or recreate it at home if it's far away. "
            "Swap what you each remember and what you were secretly thinking."
        ),
        tech_free=True,
    ),
    Idea(
        slug="home-film-festival",
        category="low-budget",
        title="Host a two-person film festival",
        description=(
            "Choose a theme and pick two or three films to match. Write tickets by hand, make "
            "popcorn, and hand out awards at the end."
        ),
        tech_free=False,
    ),
    # Growing together (practice 7)
    Idea(
        slug="relationship-workshop",
        category="enrichment",
        title="Go to a relationship workshop",
        description=(
            "Find a one-day or weekend workshop on communication for couples. You will try "
            "new ways of talking with guidance, among others who are doing the same."
        ),
        tech_free=True,
    ),
    Idea(
        slug="couples-retreat",
        category="enrichment",
        title="Book a couples' retreat",
        description=(
            "A few days away with time set aside for each other, often with sessions on "
            "listening and understanding. Rest and learning in the same trip."
        ),
        tech_free=True,
    ),
    Idea(
        slug="couples-counselling",
        category="enrichment",
        title="Meet a couples' counsellor",
        description=(
            "Book a first session together, for a hard patch or simply to grow. Asking for "
            "help early is a sign of care for what you have, not a sign of failure."
        ),
        tech_free=True,
    ),
    Idea(
        slug="read-a-relationship-book",
        category="enrichment",
        title="Read a relationship book together",
        description=(
            "Choose a book about love or communication and read a chapter each week. Then "
            "talk about one idea that surprised you and one you want to try."
        ),
        tech_free=True,
    ),
    Idea(
        slug="take-a-course-together",
        category="enrichment",
        title="Take a short course for couples",
        description=(
            "Many programmes, in person or online, run over a few weeks. Studies suggest the "
            "longer ones help more: pick one you can both keep up with."
        ),
        tech_free=False,
    ),
    Idea(
        slug="learn-a-listening-method",
        category="enrichment",
        title="Practise a listening method",
        description=(
            "Learn a simple method together, such as one of you holding the floor while the "
            "other repeats back what they heard, and try it on a small topic first."
        ),
        tech_free=True,
    ),
)

IDEAS_BY_SLUG: dict[str, Idea] = {idea.slug: idea for idea in IDEAS}
