"""Pictures the tests upload, made in memory with Pillow, and the files they leave."""

from __future__ import annotations

import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from practices import photos
from practices.models import Photo

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def picture(
    kind: str = "JPEG", size: tuple[int, int] = (64, 48), *, mode: str = "RGB", color=0
) -> bytes:
    """A plain picture of that kind, nothing else in the file."""
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, format=kind)
    return out.getvalue()


def camera_jpeg(
    size: tuple[int, int] = (640, 480),
    color=(200, 120, 80),
    *,
    make: str = "SECRET-CAMERA",
    rotated: bool = True,
    comment: bytes = b"SECRET-COMMENT",
) -> bytes:
    """A JPEG as a phone writes one: a GPS position, the camera's make, a comment and
    (rotated) an EXIF orientation saying "turn me a quarter": stored 640×480, to be shown
    480×640."""
    exif = Image.Exif()
    exif[MAKE] = make
    if rotated:
        exif[ORIENTATION] = 6
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)})
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format="JPEG", exif=exif.tobytes(), comment=comment)
    return out.getvalue()


def attached(
    *, couple, user, target, content: bytes | None = None, name: str = "photo.jpg", alt_text=""
) -> Photo:
    """A photo kept on `target` through the services the views use."""
    upload = SimpleUploadedFile(name, picture() if content is None else content)
    return photos.attach(
        couple=couple, user=user, target=target, cleaned=photos.clean(upload), alt_text=alt_text
    )


def files_in(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())
