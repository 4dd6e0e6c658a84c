"""Every page a person meets, reviewed in a real browser as a careful reviewer would: at a
phone's and a laptop's size, in the light and the dark theme.

On each page axe-core finds nothing at all (of any impact), nothing logs an error or fails
to load, nothing sticks out sideways, and the page is in the theme the system asks for; on
a laptop no button's words break onto two lines; on a phone the header stays short and the
tab bar sits at the bottom, in reach, marking where you are. One browser context per size
and theme visits all the pages of one kind of visitor, and every page's problems are
reported together, each named with its page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import axe_violations, logged_in_page
from tests.conftest import PHONE
from tests.pages import (
    ALICES_LAST_NOTE,
    HOME,
    JOURNAL,
    NOTE_TO_ALICE,
    PLANS,
    PRACTICES_TAB,
    SIGNED_OUT,
    UNLINKED,
    Page,
    build_journal,
    linked_pages,
)

pytestmark = pytest.mark.browser

# A common laptop screen.
DESKTOP_WIDE = {"width": 1366, "height": 900}
SIZES = {"phone": PHONE, "desktop": DESKTOP_WIDE}
THEMES = ("light", "dark")
# bond.css's --bg of each theme, as getComputedStyle gives it.
BACKGROUND = {"light": "rgb(251, 247, 242)", "dark": "rgb(28, 23, 21)"}
MAX_PHONE_HEADER_HEIGHT = 64
MIN_TAP_TARGET = 48  # px, each side

# The page's geometry and colours, read in one round trip. Elements inside a box that
# clips or scrolls sideways (the ideas' row of chips) are reached by scrolling that box,
# not the page: only the box itself must fit.
MEASURE = """() => {
  const limit = window.innerWidth;
  const describe = (element) => {
    const parts = [];
    for (let e = element; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      const classes = [...e.classList].map((name) => "." + name).join("");
      parts.unshift(e.localName + (e.id ? "#" + e.id : "") + classes);
    }
    return parts.join(" > ");
  };
  const clippedByAncestor = (element) => {
    for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") return true;
    }
    return false;
  };
  const beyond = [];
  for (const element of document.body.querySelectorAll("*")) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || rect.right <= limit + 0.5) continue;
    if (clippedByAncestor(element) || beyond.some((outer) => outer.contains(element))) continue;
    beyond.push(element);
  }
  const wrapped = [];
  for (const button of document.querySelectorAll("button, .button")) {
    if (!button.getClientRects().length) continue;  // not shown (a closed menu's, a hidden one)
    const texts = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(text);
      const boxes = [...range.getClientRects()].filter((rect) => rect.width > 0);
      const lines = new Set(boxes.map((rect) => Math.round(rect.top)));
      if (lines.size > 1) {
        wrapped.push(`${describe(button)} ${JSON.stringify(button.textContent.trim())}`);
        break;
      }
    }
  }
  const header = document.querySelector(".site-header");
  const tabs = document.querySelector("nav.tabs");
  const body = getComputedStyle(document.body);
  const box = (element) => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, width: rect.width, height: rect.height };
  };
  return {
    innerWidth: limit,
    innerHeight: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    beyond: beyond.map((element) => {
      const right = Math.round(element.getBoundingClientRect().right);
      return `${describe(element)} (right edge at ${right} px)`;
    }),
    wrapped,
    headerHeight: header ? header.getBoundingClientRect().height : null,
    tabs: tabs && {
      ...box(tabs),
      position: getComputedStyle(tabs).position,
      links: [...tabs.querySelectorAll("a")].map((link) => {
        const rect = link.getBoundingClientRect();
        const x = rect.left + rect.width / 2, y = rect.top + rect.height / 2;
        const hit = document.elementFromPoint(x, y);
        return {
          ...box(link),
          href: link.getAttribute("href"),
          current: link.getAttribute("aria-current"),
          onTop: link.contains(hit),
        };
      }),
    },
    background: body.backgroundColor,
    color: body.color,
  };
}"""


def luminance(css_rgb: str) -> float:
    """WCAG relative luminance of an "rgb(r, g, b)" colour."""
    channels = [int(part) / 255 for part in css_rgb[css_rgb.index("(") + 1 : -1].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


class Reviewer:
    """One tab that visits page after page and notes what is wrong with each."""

    def __init__(self, page, base: str, *, size: str, theme: str, signed_in: bool) -> None:
        self.page, self.base = page, base
        self.size, self.theme, self.signed_in = size, theme, signed_in
        self.problems: list[str] = []
        self.noticed: list[str] = []  # while the current page is open
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.noticed.append(f"page error: {error}"))
        page.on("requestfailed", self.request_failed)
        page.on("response", self.response)

    def console(self, message) -> None:
        if message.type == "error":
            self.noticed.append(f"console error: {message.text}")

    def request_failed(self, request) -> None:
        # ERR_ABORTED is the browser cancelling what it no longer needs, such as the last
        # page's favicon when the review moves on; a server's error shows as its status.
        if request.url.startswith(self.base) and request.failure != "net::ERR_ABORTED":
            self.noticed.append(f"request failed: {request.url} ({request.failure})")

    def response(self, response) -> None:
        if response.url.startswith(self.base) and response.status >= 400:
            self.noticed.append(f"{response.status} for {response.url}")

    def review(self, target: Page) -> None:
        self.noticed = []
        self.page.goto(self.base + target.path)
        found = [f"axe: {violation}" for violation in axe_violations(self.page)]
        found += self.layout_problems(target, self.page.evaluate(MEASURE))
        found += self.noticed
        self.problems += [
            f"{target.name} ({target.path}, {self.size}, {self.theme}): {problem}"
            for problem in found
        ]

    def layout_problems(self, target: Page, measured: dict) -> list[str]:
        found = []
        if measured["scrollWidth"] > measured["innerWidth"]:
            found.append(
                f"scrolls sideways: {measured['scrollWidth']} px wide "
                f"in a {measured['innerWidth']} px window"
            )
        found += [f"beyond the right edge: {element}" for element in measured["beyond"]]
        if self.size == "desktop":
            found += [
                f"a button's words break onto two lines: {button}" for button in measured["wrapped"]
            ]
        if measured["background"] != BACKGROUND[self.theme]:
            found.append(f"background is {measured['background']}, not {BACKGROUND[self.theme]}")
        text = luminance(measured["color"])
        if (self.theme == "dark" and text < 0.5) or (self.theme == "light" and text > 0.2):
            found.append(f"text colour {measured['color']} does not suit the {self.theme} theme")
        tabs = measured["tabs"]
        if self.signed_in:
            if tabs is None:
                return [*found, "no tab bar"]
            marked = [link["href"] for link in tabs["links"] if link["current"] == "page"]
            if marked != ([target.tab] if target.tab else []):
                found.append(f"the tab bar marks {marked} as this page")
        if self.size == "phone":
            found += self.phone_problems(measured)
        return found

    def phone_problems(self, measured: dict) -> list[str]:
        found = []
        if measured["headerHeight"] > MAX_PHONE_HEADER_HEIGHT:
            found.append(f"header is {measured['headerHeight']:.0f} px tall")
        tabs = measured["tabs"]
        if not self.signed_in:
            return found
        height = measured["innerHeight"]
        if tabs["position"] != "fixed" or abs(tabs["bottom"] - height) > 1:
            found.append(f"the tab bar is not fixed at the bottom: {tabs}")
        if len(tabs["links"]) != 4:
            found.append(f"the tab bar has {len(tabs['links'])} links, not 4")
        for link in tabs["links"]:
            if min(link["width"], link["height"]) < MIN_TAP_TARGET:
                found.append(
                    f"tab {link['href']} is {link['width']:.0f}×{link['height']:.0f} px, "
                    f"under {MIN_TAP_TARGET}×{MIN_TAP_TARGET}"
                )
            if not link["onTop"]:
                found.append(f"tab {link['href']} is covered by something else")
        return found


def review_all(reviewer: Reviewer, pages) -> None:
    for target in pages:
        reviewer.review(target)
    reviewer.page.context.close()
    if reviewer.problems:
        pytest.fail("\n".join(reviewer.problems), pytrace=False)


def context_options(size: str, theme: str) -> dict:
    return {"viewport": SIZES[size], "color_scheme": theme}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_signed_out_pages(browser, live_server, size, theme):
    page = browser.new_context(**context_options(size, theme)).new_page()
    reviewer = Reviewer(page, live_server.url, size=size, theme=theme, signed_in=False)
    review_all(reviewer, SIGNED_OUT)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_pages_of_a_linked_partner(browser, live_server, couple, alice, bob, size, theme):
    made = build_journal(couple, alice, bob)
    page = logged_in_page(browser, live_server.url, alice.email, **context_options(size, theme))
    reviewer = Reviewer(page, live_server.url, size=size, theme=theme, signed_in=True)
    review_all(reviewer, linked_pages(made))


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_pages_before_linking(browser, live_server, sam, size, theme):
    page = logged_in_page(browser, live_server.url, sam.email, **context_options(size, theme))
    reviewer = Reviewer(page, live_server.url, size=size, theme=theme, signed_in=True)
    review_all(reviewer, UNLINKED)


def test_the_tab_bar_works_without_javascript(browser, live_server, couple, alice):
    base = live_server.url
    page = logged_in_page(
        browser, base, alice.email, viewport=PHONE, has_touch=True, java_script_enabled=False
    )
    tabs = page.get_by_role("navigation", name="Main")
    for name, path in [
        ("Journal", JOURNAL),
        ("Plans", PLANS),
        ("Practices", PRACTICES_TAB),
        ("Home", HOME),
    ]:
        tabs.get_by_role("link", name=name).tap()
        page.wait_for_url(base + path)
        expect(tabs.get_by_role("link", name=name)).to_have_attribute("aria-current", "page")
    page.context.close()


def test_on_a_phone_the_partners_newest_note_is_on_the_first_screen(
    browser, live_server, couple, alice, bob
):
    build_journal(couple, alice, bob)
    page = logged_in_page(browser, live_server.url, alice.email, viewport=PHONE)
    page.goto(live_server.url + JOURNAL)
    # The viewer wrote the newest entry: it heads the timeline, and must not push the
    # partner's note down out of sight.
    expect(page.locator("#entries > li").first).to_contain_text(ALICES_LAST_NOTE)
    theirs = page.locator("article.note", has_text=NOTE_TO_ALICE).first
    top = theirs.bounding_box()["y"]
    assert 0 <= top < PHONE["height"], f"Bob's newest note starts at {top:.0f} px"
    page.context.close()
