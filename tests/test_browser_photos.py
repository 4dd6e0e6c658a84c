"""Photos in two browsers: added without JavaScript (a plain multipart form) and with it (a
preview, a progress bar), seen by the partner once the worker made the sizes; and a
journal of 20 photos that loads its thumbnails lazily, within the first-load budget."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from practices import journal
from tests.browser import assert_accessible, deliver_mail, logged_in_page
from tests.conftest import PHONE, a_plan
from tests.pictures import attached, camera_jpeg, picture

pytestmark = pytest.mark.browser

# What a first load of the journal may weigh besides the photos: the page, its stylesheet,
# its scripts and icons, as the test server sends them (uncompressed; about a quarter of
# it with gzip in production).
FIRST_LOAD_BUDGET = 200_000


def camera_photo(colour: str) -> dict:
    """A phone's photo as the file chooser hands it over."""
    content = camera_jpeg((800, 600), colour, rotated=False)
    return {"name": "IMG_0042.jpg", "mimeType": "image/jpeg", "buffer": content}


def shown(image) -> bool:
    """The image was fetched and decoded (not only placed)."""
    return image.evaluate("img => img.complete && img.naturalWidth > 0")


def test_a_photo_added_without_javascript_reaches_the_partner(
    browser, live_server, couple, alice, bob
):
    note = journal.write_note(
        couple=couple, author=alice, recipient=bob, text="Thank you for the picnic", category=""
    )
    base = live_server.url
    a = logged_in_page(browser, base, "alice@example.com", java_script_enabled=False)
    b = logged_in_page(browser, base, "bob@example.com", viewport=PHONE)

    a.goto(f"{base}/journal/notes/{note.pk}/")
    a.get_by_text("Add a photo").click()
    a.get_by_label("Photo:", exact=True).set_input_files(camera_photo("orange"))
    a.get_by_label("Describe the photo (optional):").fill("The blanket by the lake")
    a.get_by_role("button", name="Add the photo").click()
    expect(a.get_by_text("Photo added.")).to_be_visible()
    expect(a.get_by_text("Preparing…")).to_be_visible()

    deliver_mail()  # the worker: the sizes, as beside the live server
    a.reload()
    thumb = a.get_by_role("img", name="The blanket by the lake")
    expect(thumb).to_be_visible()
    assert shown(thumb)

    b.goto(base + "/journal/")
    thumb = b.get_by_role("img", name="The blanket by the lake")
    thumb.scroll_into_view_if_needed()
    expect(thumb).to_be_visible()
    b.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=thumb.element_handle())
    assert_accessible(b)
    thumb.click()
    expect(b.get_by_role("link", name="Download the full size")).to_be_visible()
    # Not his to change: no description form, no delete.
    expect(b.get_by_role("button", name="Delete this photo")).to_have_count(0)


def test_with_javascript_a_preview_then_a_progress_bar(browser, live_server, couple, alice):
    plan = a_plan(couple, alice, title="Lake day")
    base = live_server.url
    a = logged_in_page(browser, base, "alice@example.com", viewport=PHONE)
    a.goto(f"{base}/plans/{plan.pk}/")
    a.get_by_text("Add a photo of the place").click()
    preview = a.locator(".photo-preview")
    expect(preview).to_be_hidden()
    a.get_by_label("Photo:", exact=True).set_input_files(camera_photo("teal"))
    expect(preview).to_be_visible()
    assert preview.get_attribute("src").startswith("blob:")
    # The bar shows while the photo is on its way (noted across the page change).
    a.evaluate(
        """() => {
            const bar = document.querySelector(".photo-progress");
            new MutationObserver(() => {
                if (!bar.hidden) sessionStorage.setItem("progress shown", "yes");
            }).observe(bar, { attributes: true });
        }"""
    )
    a.get_by_role("button", name="Add the photo").click()
    a.wait_for_url(f"{base}/plans/{plan.pk}/")
    assert a.evaluate("sessionStorage.getItem('progress shown')") == "yes"
    expect(a.get_by_text("Photo added.")).to_be_visible()
    assert plan.photos.count() == 1

    # A refusal with JavaScript reads as without it: why, and the form to try again.
    a.get_by_text("Add a photo of the place").click()
    a.get_by_label("Photo:", exact=True).set_input_files(
        {"name": "notes.jpg", "mimeType": "image/jpeg", "buffer": b"not a picture"}
    )
    a.get_by_role("button", name="Add the photo").click()
    expect(a.get_by_text("This file is not a photo Bond can read")).to_be_visible()
    assert plan.photos.count() == 1


def test_a_journal_of_20_photos_loads_them_lazily_within_the_budget(
    browser, live_server, couple, alice, bob
):
    for number in range(20):
        note = journal.write_note(
            couple=couple, author=bob, recipient=alice, text=f"Day {number}", category=""
        )
        attached(
            couple=couple,
            user=bob,
            target=note,
            content=picture("JPEG", (1600, 1200), color=(number * 12, 90, 140)),
            alt_text=f"Day {number}",
        )
    deliver_mail()
    base = live_server.url
    a = logged_in_page(browser, base, "alice@example.com", viewport=PHONE)
    fetched: dict[str, int] = {}

    def weigh(response) -> None:
        fetched[response.url] = len(response.body()) if response.status < 300 else 0

    a.on("response", weigh)
    a.goto(base + "/journal/")
    a.wait_for_load_state("networkidle")
    thumbs = a.locator(".photo-row img")
    expect(thumbs).to_have_count(20)
    assert {thumbs.nth(i).get_attribute("loading") for i in range(20)} == {"lazy"}
    photo_urls = [url for url in fetched if "/photos/" in url]
    other_bytes = sum(size for url, size in fetched.items() if "/photos/" not in url)
    # Only the first screen's photos (and a margin below it) are fetched, thumbnails only.
    assert 0 < len(photo_urls) < 20, photo_urls
    assert all(url.endswith("/thumb/") for url in photo_urls), photo_urls
    assert other_bytes < FIRST_LOAD_BUDGET, {
        u: n for u, n in fetched.items() if "/photos/" not in u
    }
