"""Photos: what an upload must be to be kept, and what Bond keeps of it.

An upload is decoded with Pillow before anything is stored. Only JPEG, PNG, WebP and HEIC
(iPhones) are taken; a file too big, with too many pixels (a decompression bomb), that is
not a picture, or that is not the kind its name says, is refused with a sentence the person
can act on, and nothing is written. What is kept is a re-encoding: turned upright first
(the EXIF orientation), then saved as a JPEG without any of the upload's metadata (its GPS
position above all, the camera, the time, comments). The worker then makes the sizes
pages show (`make_sizes`): WebP, as wide as SIZES says, also without metadata.

Files are named at random in the photo storage (settings.STORAGES["photos"]); the rows'
deletion takes their files with it once the deletion is committed.
"""

from __future__ import annotations

import io
import secrets
import warnings
from dataclasses import dataclass
from pathlib import PurePath

import pillow_heif
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django_tasks import task
from PIL import Image, ImageOps, UnidentifiedImageError

from accounts.couples import couple_change
from accounts.delivery import queue_with_change
from accounts.models import Couple, User
from practices.models import PHOTOS, Answer, Note, Notification, Photo, Plan
from practices.notifications import tell

pillow_heif.register_heif_opener()

# At most this many photos on one note, plan or answer.
PER_ITEM = 4
# Pillow's format name → what a person calls it, and the file name endings it goes by.
ACCEPTED = {
    "JPEG": ("JPEG", {".jpg", ".jpeg", ".jfif"}),
    "PNG": ("PNG", {".png"}),
    "WEBP": ("WebP", {".webp"}),
    "HEIF": ("HEIC", {".heic", ".heif"}),
}
KNOWN_ENDINGS = {ending for _, endings in ACCEPTED.values() for ending in endings}
# The sizes pages show, as (field, width in pixels): `srcset` offers both.
SIZES = (("thumb", 480), ("display", 1280))
ORIGINAL_QUALITY = 88
SIZE_QUALITY = 80


class PhotoRefused(ValueError):
    """The upload is not kept; the message says why, to the person who sent it."""


@dataclass(frozen=True, slots=True)
class Cleaned:
    content: bytes  # a JPEG without metadata
    width: int
    height: int


def megabytes(size: int) -> str:
    return f"{size / 1024**2:.0f} MB"


def gigabytes(size: int) -> str:
    return f"{size / 1024**3:.1f} GB".replace(".0 GB", " GB")


def clean(upload) -> Cleaned:
    """The upload decoded, checked and re-encoded without metadata, or PhotoRefused."""
    if upload.size > settings.PHOTO_MAX_UPLOAD_BYTES:
        raise PhotoRefused(
            f"This photo is {megabytes(upload.size)}; a photo can be at most "
            f"{megabytes(settings.PHOTO_MAX_UPLOAD_BYTES)}."
        )
    upload.seek(0)
    with warnings.catch_warnings():
        # Pillow only warns between its limit and twice it; every bomb is refused here.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoRefused(too_many_pixels()) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise PhotoRefused(
                "This file is not a photo Bond can read: send a JPEG, PNG, WebP or HEIC picture."
            ) from None
        with image:
            return reencode(image, name=upload.name or "")


def too_many_pixels() -> str:
    return (
        f"This picture is too large to open safely (more than "
        f"{settings.PHOTO_MAX_PIXELS:,} pixels): send a smaller copy."
    )


def reencode(image: Image.Image, *, name: str) -> Cleaned:
    kind = ACCEPTED.get(image.format or "")
    if kind is None:
        raise PhotoRefused(
            f"Bond keeps JPEG, PNG, WebP and HEIC photos; this file is a {image.format} picture."
        )
    ending = PurePath(name).suffix.lower()
    if ending in KNOWN_ENDINGS and ending not in kind[1]:
        raise PhotoRefused(
            f"This file is named as a {ending[1:].upper()} picture but is a {kind[0]}: "
            "it was not kept. Send the photo as it came from the camera or phone."
        )
    width, height = image.size
    if width * height > settings.PHOTO_MAX_PIXELS:
        raise PhotoRefused(too_many_pixels())
    try:
        image.load()
        upright = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError):
        raise PhotoRefused(
            "This photo could not be read to the end (the file may be cut short): try again."
        ) from None
    return Cleaned(content=jpeg_of(flat(upright)), width=upright.width, height=upright.height)


def flat(image: Image.Image) -> Image.Image:
    """The pixels alone, in RGB, transparent parts on white (a photo has none; a screenshot
    may). Pillow carries what it read besides the pixels (a JPEG's comment, say) in `info`
    and writes some of it out again when saving: none of it is kept."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        pixels = Image.new("RGB", rgba.size, "white")
        pixels.paste(rgba, mask=rgba.getchannel("A"))
    else:
        pixels = image.convert("RGB")
    pixels.info = {}
    return pixels


def jpeg_of(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=ORIGINAL_QUALITY, optimize=True)
    return out.getvalue()


def webp_of(image: Image.Image, width: int) -> bytes:
    copy = image.copy()
    copy.thumbnail((width, width * 4))
    out = io.BytesIO()
    copy.save(out, format="WEBP", quality=SIZE_QUALITY, method=4)
    return out.getvalue()


def random_name(ending: str) -> str:
    # Two levels of folders keep any one folder small on a file system.
    token = secrets.token_hex(16)
    return f"{token[:2]}/{token}{ending}"


def usage(couple: Couple) -> int:
    """The bytes the couple's photos take, every size counted."""
    return Photo.objects.for_couple(couple).aggregate(total=Sum("stored_bytes"))["total"] or 0


# What a photo can be attached to, by the form's field: one of them.
Target = Note | Plan | Answer


def attach(
    *, couple: Couple, user: User, target: Target, cleaned: Cleaned, alt_text: str = ""
) -> Photo:
    """Keep a cleaned upload (`clean`, done before: a refused file writes nothing) on
    `target`, already found through the couple door; else PhotoRefused.

    The file is written before the couple's row lock is taken (a slow disk or bucket then
    holds up nobody), and deleted again if the photo is not recorded. The quota and the
    per-item limit are checked under the lock (couple_change), so two uploads at once
    cannot both take the last space. A caller inside a transaction of its own that may
    still roll back deletes the files itself (practices.restore does).
    """
    field = target_field(target)
    # The sizes are counted ahead, at about what they take: a third of the original.
    expected = len(cleaned.content) * 4 // 3
    name = PHOTOS.save(random_name(".jpg"), ContentFile(cleaned.content))
    try:
        with couple_change(couple):
            if Photo.objects.filter(**{field: target}).count() >= PER_ITEM:
                raise PhotoRefused(f"This already has {PER_ITEM} photos, the most it can have.")
            if usage(couple) + expected > settings.PHOTO_QUOTA_BYTES:
                raise PhotoRefused(
                    f"Your photos already fill the {gigabytes(settings.PHOTO_QUOTA_BYTES)} "
                    "the two of you have here: delete some to add more."
                )
            photo = Photo.objects.create(
                couple=couple,
                uploaded_by=user,
                key=secrets.token_urlsafe(16),
                alt_text=alt_text.strip(),
                original=name,
                width=cleaned.width,
                height=cleaned.height,
                stored_bytes=expected,
                **{field: target},
            )
            queue_with_change(make_sizes, photo.pk)
            tell_partner(couple=couple, user=user, target=target)
    except BaseException:
        # Nothing was recorded: the file would belong to nobody.
        PHOTOS.delete(name)
        raise
    return photo


def tell_partner(*, couple: Couple, user: User, target: Target) -> None:
    """The partner hears of a photo they may see: on a note or a plan at once; on an answer
    only once they answered too (until then nothing of the day's answer is theirs to see,
    and answering shows it to them)."""
    if isinstance(target, Answer):
        if not Answer.objects.filter(question=target.question).exclude(author=user).exists():
            return
        about, key = {"question": target.question}, f"photo:question:{target.question_id}"
    else:
        field = target_field(target)
        about, key = {field: target}, f"photo:{field}:{target.pk}"
    tell(couple=couple, actor=user, kind=Notification.Kind.PHOTO, key=key, **about)


def target_field(target: Target) -> str:
    return target._meta.model_name  # "note", "plan" or "answer": Photo's own fields


def describe(*, couple: Couple, photo: Photo, alt_text: str) -> None:
    with couple_change(couple):
        Photo.objects.filter(pk=photo.pk).update(alt_text=alt_text.strip())


def remove(*, couple: Couple, photo: Photo) -> None:
    with couple_change(couple):
        photo.delete()


@task()
def make_sizes(photo_id: int) -> str:
    """Make the WebP sizes pages show; a photo deleted meanwhile needs none."""
    photo = Photo.objects.select_related("couple").filter(pk=photo_id).first()
    if photo is None:
        return "gone"
    if photo.thumb:
        return "made already"
    with photo.original.open("rb") as stored, Image.open(stored) as image:
        image.load()
        made = {field: webp_of(image, width) for field, width in SIZES}
    names = {}
    for field, content in made.items():
        names[field] = PHOTOS.save(random_name(".webp"), ContentFile(content))
    stored_bytes = photo.original.size + sum(len(content) for content in made.values())
    with couple_change(photo.couple):
        updated = Photo.objects.filter(pk=photo.pk, thumb="").update(
            stored_bytes=stored_bytes, **names
        )
    if not updated:
        # Deleted, or made by another worker, in the meantime: these files belong to nobody.
        for name in names.values():
            PHOTOS.delete(name)
        return "not needed"
    return "made"


@receiver(post_delete, sender=Photo)
def delete_files(sender, instance: Photo, **kwargs) -> None:
    """A photo's files go with its row (a note deleted, an account deleted), once that is
    committed: a deletion rolled back keeps them."""
    names = [field.name for field in (instance.original, instance.display, instance.thumb)]

    def delete() -> None:
        for name in names:
            if name:
                PHOTOS.delete(name)

    transaction.on_commit(delete)
