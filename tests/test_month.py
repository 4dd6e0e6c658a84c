"""Our month in a picture (/month/, /month/2024-03/): the numbers against a known month,
the charts as accessible images with their numbers in a table, what the page never shows,
who may see which month, a cost that does not grow with the journal, and the milestones."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.utils import timezone

from accounts import linking
from accounts.models import Couple, User
from practices import charts, daily, exercises, insights, journal
from practices.journal import When
from practices.models import (
    AffectionDay,
    CheckIn,
    DailyQuestion,
    Note,
    Plan,
    PracticeLog,
    ProgramRun,
    ProgramStep,
)
from practices.presenters import Viewer
from tests.conftest import couple_of

pytestmark = pytest.mark.django_db

LINKED = dt.datetime(2024, 1, 15, 12, 0, tzinfo=dt.UTC)
MARCH = "/month/2024-03/"
SECRETS = {
    "answer": "SECRET-MONTH-ANSWER-51f0",
    "unmatched answer": "SECRET-MONTH-LONE-ANSWER-0c7e",
    "reflection": "SECRET-MONTH-REFLECTION-9a3d",
}


@pytest.fixture(autouse=True)
def _in_utc():
    """The test's own dates in UTC: a request signed in as Alice (Paris) leaves her zone
    active in this thread (the middleware sets each request's own), and "today" or "the
    1st at midnight" must not depend on which test ran before."""
    with timezone.override(dt.UTC):
        yield


def utc(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC)


def picture_of(user: User, year: int, month: int) -> insights.MonthPicture:
    """month_of as `user` sees it: in their time zone, with their couple as it is now."""
    user = User.objects.select_related("current_couple", "current_partner").get(pk=user.pk)
    viewer = Viewer(user=user, partner=user.current_partner, couple=user.current_couple)
    with timezone.override(user.time_zone):
        return insights.month_of(viewer=viewer, year=year, month=month)


# Building a month through the services, then moving it to its dates ------------------------


def write(couple: Couple, author: User, recipient: User, when: dt.datetime, text: str = "") -> Note:
    note = journal.write_note(
        couple=couple, author=author, recipient=recipient, text=text or "Thank you", category=""
    )
    Note.objects.filter(pk=note.pk).update(created_at=when)
    return note


def plan(couple: Couple, user: User, title: str, *, day: dt.date, status: str, made: dt.datetime):
    made_plan = journal.create_plan(
        couple=couple,
        user=user,
        fields={"title": title, "description": "", "place": "", "status": status},
        when=When(day=day, time=None),
        tz=dt.UTC,
    )
    Plan.objects.filter(pk=made_plan.pk).update(created_at=made)
    return made_plan


def check_in(couple: Couple, user: User, day: dt.date, mood: int) -> None:
    made = exercises.check_in(couple=couple, user=user, mood=mood, need="A quiet evening")
    CheckIn.objects.filter(pk=made.pk).update(day=day)


@pytest.fixture
def early(couple, alice, bob) -> Couple:
    """Alice and Bob, linked on 15 January 2024; Alice lives in Paris, Bob in UTC."""
    Couple.objects.filter(pk=couple.pk).update(linked_at=LINKED)
    User.objects.filter(pk=alice.pk).update(time_zone="Europe/Paris")
    couple.refresh_from_db()
    alice.refresh_from_db()
    return couple


def build_march(couple: Couple, alice: User, bob: User) -> None:
    """March 2024, and a little on either side of it that must not count."""
    d = dt.date
    # Notes. 29 Feb 23:30 UTC is 1 March in Paris; 31 March 23:30 UTC is 1 April there.
    for when in (utc(2024, 3, 1, 10), utc(2024, 3, 9), utc(2024, 3, 30), utc(2024, 4, 2)):
        write(couple, alice, bob, when)
    for when in (utc(2024, 3, 3), utc(2024, 3, 31, 23, 30), utc(2024, 2, 29, 23, 30)):
        write(couple, bob, alice, when)
    write(couple, bob, alice, utc(2024, 2, 10))
    # Plans: made in March (3), done for a day of March (2), let go for one (1).
    picnic = plan(couple, alice, "Picnic", day=d(2024, 3, 10), status="done", made=utc(2024, 3, 2))
    plan(couple, bob, "Museum", day=d(2024, 3, 20), status="done", made=utc(2024, 3, 5))
    plan(couple, bob, "Concert", day=d(2024, 3, 15), status="cancelled", made=utc(2024, 2, 20))
    plan(couple, alice, "Trip", day=d(2024, 4, 2), status="planned", made=utc(2024, 3, 25))
    plan(couple, alice, "Old dinner", day=d(2024, 2, 14), status="done", made=utc(2024, 2, 1))
    for author in (alice, bob):
        journal.reflect(
            couple=couple, plan=picnic, author=author, enjoyed=SECRETS["reflection"], rating=5
        )
    # Check-ins: Alice on the 1st, 2nd and 5th; Bob on the 2nd and the 31st.
    for user, day, mood in [
        (alice, d(2024, 3, 1), 4),
        (alice, d(2024, 3, 2), 5),
        (alice, d(2024, 3, 5), 2),
        (bob, d(2024, 3, 2), 3),
        (bob, d(2024, 3, 31), 1),
        (alice, d(2024, 2, 28), 3),
    ]:
        check_in(couple, user, day, mood)
    # The daily question: both on the 4th and the 8th, Alice alone on the 6th, Bob on the 7th.
    for user, day in [
        (alice, d(2024, 3, 4)),
        (bob, d(2024, 3, 4)),
        (alice, d(2024, 3, 6)),
        (bob, d(2024, 3, 7)),
        (alice, d(2024, 3, 8)),
        (bob, d(2024, 3, 8)),
        (alice, d(2024, 2, 27)),
        (bob, d(2024, 2, 27)),
    ]:
        text = SECRETS["unmatched answer"] if day.day == 6 else SECRETS["answer"]
        daily.save_answer(couple=couple, user=user, day=day, text=text)
    # Practices, on the days each did them (the services log today's date, not March's).
    for user, practice, day in [
        (alice, "appreciation", d(2024, 3, 1)),
        (alice, "appreciation", d(2024, 3, 2)),
        (alice, "well-being", d(2024, 3, 5)),
        (alice, "affection", d(2024, 3, 6)),
        (bob, "appreciation", d(2024, 3, 3)),
        (bob, "communication", d(2024, 3, 4)),
        (alice, "appreciation", d(2024, 2, 28)),
    ]:
        PracticeLog.objects.create(couple=couple, user=user, practice=practice, day=day)
    # A program: Alice did days 1 and 2 in March, Bob day 1; Alice's day 3 was 1 April in
    # Paris (22:30 UTC on the 31st), so it belongs to April.
    run = ProgramRun.objects.create(
        couple=couple, program="reconnecting", started_by=alice, started_at=utc(2024, 3, 9)
    )
    for user, number, local, done in [
        (alice, 1, d(2024, 3, 10), utc(2024, 3, 10, 8)),
        (alice, 2, d(2024, 3, 11), utc(2024, 3, 11, 8)),
        (bob, 1, d(2024, 3, 12), utc(2024, 3, 12, 20)),
        (alice, 3, d(2024, 4, 1), utc(2024, 3, 31, 22, 30)),
    ]:
        ProgramStep.objects.create(
            couple=couple, run=run, user=user, day=number, local_date=local, done_at=done
        )
    # A private tick of Alice's in March: never on this page, hers or not.
    tick = exercises.tick_affection(couple=couple, user=alice, kinds={"hug", "kiss"})
    AffectionDay.objects.filter(pk=tick.pk).update(day=d(2024, 3, 6))


# A page's tables and charts, read back ----------------------------------------------------


class Reader(HTMLParser):
    """The page's tables (by caption), its role="img" SVGs (title, desc, drawn values and
    markers) and every id, for the checks below."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: Counter[str] = Counter()
        self.tables: dict[str, list[list[str]]] = {}
        self.svgs: list[dict] = []
        self._table: dict | None = None
        self._caption: list[str] | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._svg: dict | None = None
        self._text: list[str] | None = None
        self._text_kind = ""
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids[attrs["id"]] += 1
        classes = set((attrs.get("class") or "").split())
        if tag == "svg" and attrs.get("role") == "img":
            self._svg = {"attrs": attrs, "values": [], "markers": Counter(), "bars": Counter()}
        elif self._svg is not None and tag in ("title", "desc"):
            self._svg[tag] = (attrs.get("id"), [])
            self._text, self._text_kind = self._svg[tag][1], tag
        elif self._svg is not None and tag == "text" and "chart-value" in classes:
            self._text, self._text_kind = [], "value"
        elif self._svg is not None and tag == "path" and "chart-marker" in classes:
            self._svg["markers"][(classes - {"chart-marker"}).pop()] += 1
        elif self._svg is not None and tag == "rect" and "chart-bar" in classes:
            self._svg["bars"][(classes - {"chart-bar"}).pop()] += 1
        elif tag == "table":
            self._table = {"caption": "", "rows": []}
        elif tag == "caption":
            self._caption = []
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg" and self._svg is not None:
            self.svgs.append(self._svg)
            self._svg = None
        elif tag in ("title", "desc", "text") and self._text is not None:
            if self._text_kind == "value":
                self._svg["values"].append(int("".join(self._text)))
            self._text = None
        elif tag == "caption" and self._caption is not None:
            self._table["caption"] = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._table["rows"].append(self._row)
            self._row = None
        elif tag == "table" and self._table is not None:
            self.tables[self._table["caption"]] = self._table["rows"]
            self._table = None

    def handle_data(self, data: str) -> None:
        for part in (self._text, self._caption, self._cell):
            if part is not None:
                part.append(data)

    def svg(self, title_start: str) -> dict:
        found = [s for s in self.svgs if "".join(s["title"][1]).startswith(title_start)]
        assert len(found) == 1, [s["title"] for s in self.svgs]
        return found[0]


def page_of(client: Client, path: str) -> tuple[str, Reader]:
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    return html, Reader(html)


def figure(html: str, label: str) -> str:
    """The number a `<dt>label</dt><dd>n</dd>` pair shows."""
    found = re.search(rf"<dt>{re.escape(label)}</dt><dd>([^<]*)</dd>", html)
    assert found, f"no figure {label!r}"
    return found[1]


# The numbers ----------------------------------------------------------------------------


def test_the_numbers_of_a_known_month_as_alice_sees_it_from_paris(early, alice, bob):
    build_march(early, alice, bob)

    march = picture_of(alice, 2024, 3)

    assert (march.label, march.so_far, march.until) == ("March 2024", False, dt.date(2024, 3, 31))
    assert march.notes == insights.Both(mine=3, theirs=2)
    assert [(w.label, w.notes.mine, w.notes.theirs) for w in march.weeks] == [
        ("1–7 Mar", 1, 2),
        ("8–14 Mar", 1, 0),
        ("15–21 Mar", 0, 0),
        ("22–28 Mar", 0, 0),
        ("29–31 Mar", 1, 0),
    ]
    assert march.plans == insights.Plans(made=3, done=2, cancelled=1)
    assert [(p.slug, p.days.mine, p.days.theirs) for p in march.practices] == [
        ("communication", 0, 1),
        ("appreciation", 2, 1),
        ("well-being", 1, 0),
    ]
    assert [(p.slug, p.days.mine, p.days.theirs) for p in march.programs] == [
        ("reconnecting", 2, 1)
    ]
    assert march.questions == insights.Questions(
        together=2, mine=3, theirs=3, together_days=(dt.date(2024, 3, 4), dt.date(2024, 3, 8))
    )
    assert [(m.day.day, m.mine, m.theirs) for m in march.moods] == [
        (1, 4, None),
        (2, 5, 3),
        (5, 2, None),
        (31, None, 1),
    ]
    assert march.check_ins == insights.Both(mine=3, theirs=2)
    assert march.on_this_day == ()  # a past month: "on this day" belongs to today
    assert march.milestones == ()


def test_the_same_month_as_bob_sees_it_in_utc(early, alice, bob):
    build_march(early, alice, bob)

    march = picture_of(bob, 2024, 3)

    assert march.notes == insights.Both(mine=2, theirs=3)
    assert [(w.notes.mine, w.notes.theirs) for w in march.weeks] == [
        (1, 1),
        (0, 1),
        (0, 0),
        (0, 0),
        (1, 1),
    ]
    assert march.plans == insights.Plans(made=3, done=2, cancelled=1)
    assert [(p.slug, p.days.mine, p.days.theirs) for p in march.practices] == [
        ("communication", 1, 0),
        ("appreciation", 1, 2),
        ("well-being", 0, 1),
    ]
    assert [(p.days.mine, p.days.theirs) for p in march.programs] == [(1, 2)]
    assert (march.questions.together, march.questions.mine, march.questions.theirs) == (2, 3, 3)
    assert [(m.day.day, m.mine, m.theirs) for m in march.moods] == [
        (1, None, 4),
        (2, 3, 5),
        (5, None, 2),
        (31, 1, None),
    ]


def test_the_page_shows_each_number(early, alice, bob, client_for):
    build_march(early, alice, bob)

    html, page = page_of(client_for(alice), MARCH)

    assert "<h1>March 2024</h1>" in html
    assert figure(html, "You to Bob") == "3"
    assert figure(html, "Bob to you") == "2"
    assert figure(html, "Dates planned") == "3"
    assert figure(html, "Dates you had") == "2"
    assert figure(html, "Set aside") == "1"
    assert figure(html, "Days you both answered") == "2"
    assert "You answered on 3 days, Bob on 3." in html
    assert "You checked in on 3 days, Bob on 2." in html
    assert page.tables["Days each of you did each practice in March 2024"] == [
        ["Practice", "You", "Bob"],
        ["Talk openly", "0 days", "1 day"],
        ["Say thank you", "2 days", "1 day"],
        ["Look after each other", "1 day", "0 days"],
    ]
    assert page.tables["Program days each of you did in March 2024"] == [
        ["Program", "You", "Bob"],
        ["Reconnecting after a busy season", "2 days", "1 day"],
    ]
    # Previous and next months, both linked; no "On this day" in a past month.
    assert 'href="/month/2024-02/" rel="prev"' in html
    assert 'href="/month/2024-04/" rel="next"' in html
    assert "On this day" not in html


def test_each_chart_is_an_image_with_a_title_a_description_and_its_numbers_in_a_table(
    early, alice, bob, client_for
):
    build_march(early, alice, bob)

    html, page = page_of(client_for(alice), MARCH)

    assert len(page.svgs) == 2
    for svg in page.svgs:
        title_id, desc_id = svg["title"][0], svg["desc"][0]
        assert svg["attrs"]["aria-labelledby"] == f"{title_id} {desc_id}"
        assert "".join(svg["title"][1]).strip()
        assert "".join(svg["desc"][1]).strip()
    # Every id on the page is there once (the charts' titles and descriptions too).
    assert [name for name, count in page.ids.items() if count > 1] == []

    notes = page.svg("Notes each week")
    table = page.tables["Notes each week of March 2024"]
    assert table[0] == ["Week", "You to Bob", "Bob to you"]
    assert notes["values"] == [int(cell) for row in table[1:] for cell in row[1:]]
    assert notes["values"] == [1, 2, 1, 0, 0, 0, 0, 0, 1, 0]
    assert notes["bars"] == Counter({"chart-bar-mine": 5, "chart-bar-theirs": 5})
    assert "1–7 Mar, 1 and 2" in "".join(notes["desc"][1])

    moods = page.svg("Check-in moods")
    table = page.tables["Check-in moods of March 2024, by day"]
    assert table == [
        ["Day", "You", "Bob"],
        ["Fri 1", "4 · Good", "—"],
        ["Sat 2", "5 · Bright", "3 · Okay"],
        ["Tue 5", "2 · A bit low", "—"],
        ["Sun 31", "—", "1 · Heavy"],
    ]
    # A marker per check-in: circles for Alice, squares for Bob (and a legend says which).
    assert moods["markers"] == Counter({"chart-marker-mine": 3, "chart-marker-theirs": 2})
    desc = "".join(moods["desc"][1])
    assert "Your check-ins on 3 days: from A bit low to Bright." in desc
    assert "Bob's check-ins on 2 days: from Heavy to Okay." in desc
    assert html.count('class="chart-legend"') == 2
    assert html.count("<summary>See the numbers</summary>") == 2


def test_a_line_joins_only_consecutive_days(early, alice, bob):
    build_march(early, alice, bob)
    march = picture_of(alice, 2024, 3)
    chart = charts.mood_chart(
        mine=[(m.day.day, m.mine) for m in march.moods if m.mine],
        theirs=[(m.day.day, m.theirs) for m in march.moods if m.theirs],
        days=31,
        partner="Bob",
        title="Moods",
    )
    mine, theirs = chart.lines
    # Alice: the 1st and 2nd joined, the 5th alone (a gap on the 3rd and 4th).
    assert (len(mine.paths), len(mine.markers)) == (1, 3)
    # Bob: the 2nd and the 31st, far apart: markers, no line.
    assert (len(theirs.paths), len(theirs.markers)) == (0, 2)
    assert (mine.shape, theirs.shape) == ("circle", "square")


def test_the_charts_are_pure_and_scale_to_the_tallest_bar():
    assert charts.runs([(5, 2), (1, 3), (2, 4)]) == [[(1, 3), (2, 4)], [(5, 2)]]
    bars = charts.paired_bars([("1–7", 4, 2), ("8–14", 0, 1)], title="Notes", what="Notes:")
    first, second = bars.groups
    heights = [float(bar.height) for bar in first.bars]
    assert heights[0] == pytest.approx(2 * heights[1])
    assert [bar.value for group in bars.groups for bar in group.bars] == [4, 2, 0, 1]
    # A zero is a hairline on the baseline, not nothing.
    assert 0 < float(second.bars[0].height) < 1
    assert bars.desc == "Notes: 1–7, 4 and 2; 8–14, 0 and 1."


def test_names_are_escaped_in_the_charts_and_tables(early, alice, bob, client_for):
    User.objects.filter(pk=bob.pk).update(display_name="Bob <b>&</b>")
    build_march(early, alice, bob)

    html, _ = page_of(client_for(alice), MARCH)

    assert "<b>" not in html
    assert "Bob &lt;b&gt;&amp;&lt;/b&gt;&#x27;s check-ins on 2 days" in html


# What the page never shows -----------------------------------------------------------------


def test_no_answer_or_reflection_words_and_no_affection_tick_even_ones_own(
    early, alice, bob, client_for
):
    build_march(early, alice, bob)
    # And this month too: today's answers, a reflection and ticks by both.
    today = timezone.localdate()
    daily.save_answer(couple=early, user=alice, day=today, text=SECRETS["answer"])
    daily.save_answer(couple=early, user=bob, day=today, text=SECRETS["answer"])
    for user in (alice, bob):
        exercises.tick_affection(couple=early, user=user, kinds={"hug", "kiss", "cuddle"})

    for user in (alice, bob):
        for path in (MARCH, "/month/"):
            html, _ = page_of(client_for(user), path)
            shown = [name for name, secret in SECRETS.items() if secret in html]
            assert shown == [], (user, path)
            main = html[html.index('<main id="main"') :]
            for word in (r"\bhugs?\b", r"\bkiss", r"\bcuddle", r"held hands", r"Stay close"):
                assert not re.search(word, main, re.IGNORECASE), (user, path, word)
    assert AffectionDay.objects.count() == 3  # they are there; the page leaves them out


# Who may see which month -------------------------------------------------------------------


def test_charlie_sees_only_his_own_month(early, alice, bob, charlie, client_for):
    build_march(early, alice, bob)
    write(early, alice, bob, timezone.now(), text="SECRET-MONTH-NOTE-77aa")
    dana = User.objects.get(display_name="Dana")
    write(couple_of(charlie), charlie, dana, timezone.now())
    client = client_for(charlie)

    html, _ = page_of(client, "/month/")

    assert figure(html, "You to Dana") == "1"
    assert figure(html, "Dana to you") == "0"
    assert "SECRET-MONTH-NOTE-77aa" not in html
    assert "Bob" not in html
    # Alice and Bob's March is before Charlie linked: no month of his.
    assert client.get(MARCH).status_code == 404
    today = timezone.localdate()
    assert picture_of(charlie, today.year, today.month).notes == insights.Both(1, 0)


def test_signed_out_goes_to_log_in_and_unlinked_to_linking(client_for, sam):
    for path in ("/month/", MARCH):
        response = client_for(None).get(path)
        assert response.status_code == 302
        assert response["Location"] == f"/accounts/login/?next={path}"
        response = client_for(sam).get(path)
        assert (response.status_code, response["Location"]) == (302, "/account/partner/")


@pytest.mark.parametrize(
    "ym",
    [
        "2023-12",
        "2024-13",
        "2024-00",
        "2024-3",
        "24-03",
        "2024-03-01",
        "march",
        "0000-01",
        "٢٠٢٤-٠٣",
    ],
)
def test_before_linking_and_malformed_months_are_not_found(early, alice_client, ym):
    assert alice_client.get(f"/month/{ym}/").status_code == 404


def test_a_month_ahead_is_not_found_and_this_one_is_so_far(early, alice_client):
    today = timezone.localdate()
    ahead = insights.shift_month(today.replace(day=1), 1)
    assert alice_client.get(f"/month/{ahead:%Y-%m}/").status_code == 404
    html, _ = page_of(alice_client, f"/month/{today:%Y-%m}/")
    assert "so far" in html
    assert 'rel="next"' not in html
    html, _ = page_of(alice_client, "/month/")
    assert f"<h1>{today:%B %Y} <span" in html


def test_the_page_answers_only_get(early, alice_client):
    assert alice_client.post("/month/").status_code == 405
    assert alice_client.post(MARCH).status_code == 405


def test_an_archive_keeps_its_months_read_only(early, alice, bob, client_for):
    build_march(early, alice, bob)
    linking.end_couple(couple=early, user=bob)
    Couple.objects.filter(pk=early.pk).update(ended_at=utc(2024, 5, 10))
    client = client_for(alice)

    html, _ = page_of(client, MARCH)
    assert figure(html, "You to Bob") == "3"
    assert "read-only archive" in html
    # Its last month is the one the link ended in; "this month" shows that one.
    html, _ = page_of(client, "/month/")
    assert "<h1>May 2024</h1>" in html
    assert 'rel="next"' not in html
    assert client.get("/month/2024-06/").status_code == 404
    assert client.post(MARCH).status_code == 405


# "On this day" ---------------------------------------------------------------------------


def test_on_this_day_a_note_from_a_year_ago_and_a_date_from_a_month_ago(
    couple, alice, bob, client_for
):
    today = timezone.localdate()
    year_ago = insights.day_before(today, years=1)
    month_ago = insights.day_before(today, months=1)
    if year_ago is None or month_ago is None:
        pytest.skip(f"{today} has no same day a year or a month before")
    Couple.objects.filter(pk=couple.pk).update(linked_at=timezone.now() - dt.timedelta(days=800))
    noon = dt.time(12, tzinfo=dt.UTC)
    write(couple, bob, alice, dt.datetime.combine(year_ago, noon), text="The first, that day")
    write(
        couple,
        alice,
        bob,
        dt.datetime.combine(year_ago, noon) + dt.timedelta(hours=3),
        text="A later one",
    )
    picnic = plan(couple, alice, "Picnic by the lake", day=month_ago, status="done", made=LINKED)
    plan(couple, alice, "Let go", day=month_ago, status="cancelled", made=LINKED)

    html, _ = page_of(client_for(alice), "/month/")

    section = html[html.index('id="on-this-day-heading"') :]
    assert "A year ago" in section
    assert "The first, that day" in section
    assert "A later one" not in section
    assert "A month ago" in section
    assert "Picnic by the lake" in section
    assert f'href="/plans/{picnic.pk}/"' in section
    assert "Let go" not in section
    assert "Bob to you" in section
    # Bob sees the same, named for him.
    html, _ = page_of(client_for(bob), "/month/")
    section = html[html.index('id="on-this-day-heading"') :]
    assert "You to Alice" in section
    assert "The first, that day" in section


# Milestones -------------------------------------------------------------------------------


def milestones(user: User, year: int, month: int) -> list[tuple[dt.date, str]]:
    return [(m.day, m.text) for m in picture_of(user, year, month).milestones]


def test_a_hundred_days_and_each_year_since_linking_fall_in_their_months(early, alice, bob):
    d = dt.date
    assert milestones(bob, 2024, 4) == [(d(2024, 4, 24), "100 days since you two linked on Bond")]
    for year, month in [(2024, 1), (2024, 3), (2024, 5), (2024, 12), (2025, 2)]:
        assert milestones(bob, year, month) == [], (year, month)
    assert milestones(bob, 2025, 1) == [(d(2025, 1, 15), "A year since you two linked on Bond")]
    assert milestones(bob, 2026, 1) == [(d(2026, 1, 15), "2 years since you two linked on Bond")]
    assert milestones(bob, 2026, 10) == [
        (d(2026, 10, 11), "1,000 days since you two linked on Bond")
    ]


def test_the_anniversary_falls_in_its_month_each_year(early, alice, bob):
    Couple.objects.filter(pk=early.pk).update(anniversary=dt.date(2019, 6, 2))
    assert milestones(alice, 2024, 6) == [(dt.date(2024, 6, 2), "Your 5th anniversary")]
    assert milestones(alice, 2025, 6) == [(dt.date(2025, 6, 2), "Your 6th anniversary")]
    assert milestones(alice, 2024, 5) == milestones(alice, 2024, 7) == []


def test_the_hundredth_note_falls_in_its_month(early, alice, bob, client_for):
    # 99 notes in January, the 100th on 10 February, one more in March.
    Note.objects.bulk_create(
        Note(
            couple=early,
            author=alice if index % 2 else bob,
            recipient=bob if index % 2 else alice,
            text="Thank you",
            created_at=utc(2024, 1, 16) + dt.timedelta(hours=index),
        )
        for index in range(99)
    )
    write(early, bob, alice, utc(2024, 2, 10))
    write(early, alice, bob, utc(2024, 3, 1))

    assert milestones(bob, 2024, 2) == [(dt.date(2024, 2, 10), "Your 100th note to each other")]
    assert milestones(bob, 2024, 1) == milestones(bob, 2024, 3) == []
    html, _ = page_of(client_for(alice), "/month/2024-02/")
    assert "Your 100th note to each other" in html
    assert '<time datetime="2024-02-10">Sat 10 Feb 2024</time>' in html


# What it costs ---------------------------------------------------------------------------


def fill_month(couple: Couple, a: User, b: User, first: dt.date, size: int) -> None:
    """`size` notes spread over the month from `first` and as many before it, check-ins
    on as many of its days as there are, plans, answers, practice and program days."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(first, dt.time(), tzinfo=tz)
    last_day = min(timezone.localdate(), insights.shift_month(first, 1) - dt.timedelta(days=1))
    days = (last_day - first).days + 1
    span = dt.timedelta(days=days) / size
    history = start - dt.timedelta(days=400)
    Note.objects.bulk_create(
        Note(
            couple=couple,
            author=pair[0],
            recipient=pair[1],
            text="Thank you",
            created_at=moment,
        )
        for index in range(size)
        for pair in [(a, b) if index % 2 else (b, a)]
        for moment in (start + span * index, history + span * index)
    )
    Plan.objects.bulk_create(
        Plan(
            couple=couple,
            title=f"Plan {index}",
            day=first + dt.timedelta(days=index % days),
            status="done" if index % 3 else "cancelled",
            created_at=start + span * index,
        )
        for index in range(size)
    )
    CheckIn.objects.bulk_create(
        CheckIn(couple=couple, author=user, day=first + dt.timedelta(days=day), mood=day % 5 + 1)
        for day in range(min(days, size))
        for user in (a, b)
    )
    questions = DailyQuestion.objects.bulk_create(
        DailyQuestion(couple=couple, day=first + dt.timedelta(days=day), question_index=day)
        for day in range(min(days, size))
    )
    for question in questions:
        for user in (a, b):
            question.answers.create(couple=couple, author=user, text="Yes")
    PracticeLog.objects.bulk_create(
        PracticeLog(couple=couple, user=user, practice=slug, day=first + dt.timedelta(days=day))
        for day in range(min(days, size))
        for user in (a, b)
        for slug in ("communication", "appreciation", "well-being")
    )
    run = ProgramRun.objects.create(couple=couple, program="playful", started_at=start)
    ProgramStep.objects.bulk_create(
        ProgramStep(
            couple=couple,
            run=run,
            user=user,
            day=day + 1,
            local_date=first + dt.timedelta(days=day),
            done_at=start + dt.timedelta(days=day, hours=9),
        )
        for day in range(min(days, size))
        for user in (a, b)
    )


@pytest.mark.parametrize("this_month", [True, False], ids=["this month", "a past month"])
def test_the_cost_is_the_same_few_queries_for_a_light_and_a_heavy_journal(
    couple, alice, bob, charlie, client_for, this_month, django_assert_max_num_queries
):
    today = timezone.localdate()
    current = today.replace(day=1)
    first = current if this_month else insights.shift_month(current, -1)
    heavy = couple_of(charlie)
    dana = User.objects.get(display_name="Dana")
    two_years_ago = timezone.now() - dt.timedelta(days=800)
    Couple.objects.filter(pk__in=[couple.pk, heavy.pk]).update(linked_at=two_years_ago)
    fill_month(couple, alice, bob, first, 5)
    fill_month(heavy, charlie, dana, first, 500)
    # "On this day" finds a date a year ago (no note that day) and a note a month ago, so
    # that both of its queries run, for each couple.
    noon = dt.time(12, tzinfo=dt.UTC)
    for pair in ((alice, bob, couple), (charlie, dana, heavy)):
        for day in filter(None, [insights.day_before(today, years=1)]):
            Note.objects.for_couple(pair[2]).filter(
                created_at__date__range=(day - dt.timedelta(days=1), day + dt.timedelta(days=1))
            ).delete()
            Plan.objects.create(couple=pair[2], title="Then", day=day, status="done")
        for day in filter(None, [insights.day_before(today, months=1)]):
            Note.objects.create(
                couple=pair[2],
                author=pair[1],
                recipient=pair[0],
                text="Then too",
                created_at=dt.datetime.combine(day, noon),
            )
    path = "/month/" if this_month else f"/month/{first:%Y-%m}/"
    counts = []
    for user, size in ((alice, 5), (charlie, 500)):
        client = client_for(user)
        # The session; the user with their couple and partner; the nav's waiting count;
        # the month: notes by author and week; plans made, done and let go (one UNION
        # ALL); practice and program days (one UNION ALL); the daily questions with their
        # answer counts; the check-ins; the picked notes (100th/500th/1000th, and the
        # first of a year and a month ago today); in this month, dates of those days and
        # the photos of each of the two days.
        with django_assert_max_num_queries(12) as captured:
            html, _ = page_of(client, path)
        counts.append(len(captured))
        assert figure(html, f"You to {'Bob' if user == alice else 'Dana'}") == str(size // 2)
        # Cached until something changes: the session and the user.
        with django_assert_max_num_queries(2):
            page_of(client, path)
    assert counts[0] == counts[1], counts
    assert counts[0] == (12 if this_month else 9)
