"""Every page a person meets is valid HTML by the Nu Html Checker (vnu.jar, the engine of
the W3C's validator): signed out, as a linked partner with a lived-in journal, and before
linking. One run of the checker over all the pages, since starting Java is the slow part.

vnu.jar comes from the npm registry, installed once into ~/.cache/bond-vnu/ (outside the
repository); it needs `java` to run and `npm` the first time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils.text import slugify

from tests.pages import SIGNED_OUT, UNLINKED, build_journal, linked_pages

VNU_VERSION = "26.9.27"
VNU_HOME = Path.home() / ".cache" / "bond-vnu" / VNU_VERSION
VNU_JAR = VNU_HOME / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def cannot_check(reason: str) -> None:
    """Fail where the check is required (CI, as for the browser tests), else skip."""
    if os.environ.get("CI") or os.environ.get("BOND_REQUIRE_BROWSER"):
        pytest.fail(f"The HTML check is required here: {reason}")
    pytest.skip(reason)


def install_vnu() -> None:
    """npm install into a folder of this process's own, then moved into place whole: a
    run beside this one never sees half an install."""
    unpacking = VNU_HOME.with_name(f"{VNU_HOME.name}.installing-{os.getpid()}")
    installed = subprocess.run(
        [
            "npm",
            "install",
            "--prefix",
            str(unpacking),
            "--no-save",
            "--no-audit",
            "--no-fund",
            f"vnu-jar@{VNU_VERSION}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if installed.returncode != 0:
        shutil.rmtree(unpacking, ignore_errors=True)
        cannot_check(f"npm could not install vnu-jar@{VNU_VERSION}: {installed.stderr[-2000:]}")
    try:
        unpacking.rename(VNU_HOME)
    except OSError:  # the run beside this one installed it first
        shutil.rmtree(unpacking)


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    if not shutil.which("java"):
        cannot_check("java is not installed (Debian: apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        if not shutil.which("npm"):
            cannot_check(f"npm is not installed, to fetch vnu-jar into {VNU_HOME}")
        install_vnu()
    return VNU_JAR


def test_every_page_is_valid_html(
    client_for, reauthenticated, couple, alice, bob, sam, vnu_jar, tmp_path
):
    made = build_journal(couple, alice, bob)
    # Alice has just entered her password again, as the account's deletion page asks.
    visitors = [
        ("signed-out", client_for(None), SIGNED_OUT),
        ("linked", reauthenticated(alice), linked_pages(made)),
        ("not-linked", client_for(sam), UNLINKED),
    ]
    pages_by_file = {}
    for who, client, pages in visitors:
        for page in pages:
            response = client.get(page.path)
            assert response.status_code == 200, f"{page.name} ({page.path}, {who})"
            file = tmp_path / f"{len(pages_by_file):02}-{who}-{slugify(page.name)}.html"
            file.write_bytes(response.content)
            pages_by_file[file.name] = f"{page.name} ({page.path}, {who})"

    checked = subprocess.run(
        ["java", "-jar", str(vnu_jar), "--errors-only", "--format", "json", "--stdout"]
        + [str(tmp_path / name) for name in pages_by_file],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        messages = json.loads(checked.stdout)["messages"]
    except ValueError:
        pytest.fail(f"vnu.jar gave no report: {checked.stderr}")
    errors = [
        f"{pages_by_file[Path(message['url']).name]}, line {message.get('lastLine')}: "
        f"{message['message']} in {message.get('extract', '').strip()!r}"
        for message in messages
    ]
    assert not errors, "\n".join(errors)
