"""Draw Bond's app icons (the web manifest's, Apple's home-screen icon) as PNG files in
static/icons/, with Debian's chromium: .venv/bin/python scripts/make_icons.py"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parent.parent / "static" / "icons"
ACCENT, PAPER = "#b4432c", "#fbf7f2"
# The heart of favicon.svg, in its 24-unit box.
HEART = (
    "M12 21s-7.5-4.6-9.3-9.2C1.4 8.4 3.6 5 7 5c2 0 3.4 1.1 5 3 1.6-1.9 3-3 5-3 3.4 0 5.6 "
    "3.4 4.3 6.8C19.5 16.4 12 21 12 21z"
)
# name, size, rounded corners, the heart's share of the width. A maskable icon fills its
# square and keeps the heart inside the middle 80% that every mask shows.
SHAPES = [
    ("icon-192", 192, True, 0.62),
    ("icon-512", 512, True, 0.62),
    ("icon-maskable-512", 512, False, 0.5),
    ("apple-touch-icon", 180, False, 0.62),
]


def svg(size: int, *, rounded: bool, share: float) -> str:
    box = size * share
    offset = (size - box) / 2
    scale = box / 24
    corner = size * 0.22 if rounded else 0
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}">'
        f'<rect width="{size}" height="{size}" rx="{corner}" fill="{ACCENT}"/>'
        f'<g transform="translate({offset} {offset + scale * 0.6}) scale({scale})">'
        f'<path fill="{PAPER}" d="{HEART}"/></g></svg>'
    )


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        for name, size, rounded, share in SHAPES:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                f"<body style='margin:0'>{svg(size, rounded=rounded, share=share)}</body>"
            )
            page.screenshot(path=ICONS / f"{name}.png", omit_background=True)
        browser.close()


if __name__ == "__main__":
    main()
