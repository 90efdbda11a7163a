"""The installer recipes: the NSIS script compiles, the menu entry and icons are right.

The full builds (`make deb`, the Windows workflow) are too slow for every test run."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_icons_are_drawn_at_build_time(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_icons.py"), str(tmp_path)], check=True
    )
    with Image.open(tmp_path / "newsdesk.ico") as icon:
        assert (256, 256) in icon.info.get("sizes", set()) or icon.size == (256, 256)
    with Image.open(tmp_path / "newsdesk.png") as png:
        assert png.size == (256, 256) and png.getpixel((128, 30))[3] > 0


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (apt nsis) is not installed")
def test_the_windows_installer_script_compiles_against_a_stand_in_payload(tmp_path: Path) -> None:
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    for name in ("newsdesk.exe", "newsdesk-app.exe", "_internal/base_library.zip"):
        (payload / name).write_bytes(b"stand-in")
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_icons.py"), str(tmp_path / "icons")],
        check=True,
    )
    out = tmp_path / f"newsdesk-{VERSION}-setup.exe"
    done = subprocess.run(
        ["makensis", "-V2", f"-DVERSION={VERSION}", f"-DPAYLOAD={payload}",
         f"-DICON={tmp_path / 'icons' / 'newsdesk.ico'}", f"-DOUTFILE={out}",
         str(ROOT / "packaging" / "windows" / "newsdesk.nsi")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes()[:2] == b"MZ"
    refused = subprocess.run(
        ["makensis", "-V1", f"-DPAYLOAD={payload}", str(ROOT / "packaging" / "windows" / "newsdesk.nsi")],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert refused.returncode != 0  # the version must be given: one number, from pyproject.toml


def test_the_linux_menu_entry_starts_the_app_in_both_languages() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment]
    entry.read(ROOT / "packaging" / "linux" / "newsdesk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "/opt/newsdesk/newsdesk gui" and desktop["Icon"] == "newsdesk"
    assert desktop["Name[zh_CN]"] == "稿件工作站" and desktop["Type"] == "Application"
    depends = (ROOT / "packaging" / "linux" / "apt-packages.txt").read_text(encoding="utf-8")
    assert "libxcb-cursor0" in depends.split()


def test_the_bundle_carries_every_resource_folder_and_the_qt_modules_the_app_uses() -> None:
    """The spec lists resource folders by hand and leaves Qt modules out by name: a new folder
    or a new Qt module the app imports must not be forgotten (the full build is too slow to
    run here)."""
    spec = (ROOT / "packaging" / "newsdesk.spec").read_text(encoding="utf-8")
    resources = ROOT / "src" / "newsdesk" / "resources"
    for folder in sorted(p.name for p in resources.iterdir() if p.is_dir()):
        assert f'"newsdesk/resources/{folder}"' in spec, folder
    excluded = spec.split("UNUSED_MODULES = [", 1)[1].split("]", 1)[0]
    used = set()
    for source in (ROOT / "src" / "newsdesk" / "ui").glob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
    assert {"QtCharts", "QtPdf", "QtPrintSupport"} <= used
    for module in used:
        assert f'"PySide6.{module}"' not in excluded, module
