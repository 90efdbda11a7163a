"""The review form finds a Chinese font where Windows keeps them: %WINDIR%\\Fonts and, since
Windows 10 1809, the per-user %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts; fonts there are often
.ttc collections (Microsoft YaHei, SimSun, Noto Sans CJK)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from newsdesk.content import review_form
from newsdesk.content.review_form import FormPage, find_font, render_forms

NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
needs_noto = pytest.mark.skipif(not NOTO.is_file(), reason="fonts-noto-cjk is not installed")


@pytest.fixture
def windows_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No Linux font paths, no fc-match: only what a Windows PC has."""
    monkeypatch.setattr(review_form, "_FONTS", ())
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    for name in ("NEWSDESK_FORM_FONT", "WINDIR", "SYSTEMROOT", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _page() -> FormPage:
    return FormPage(
        account="本县融媒",
        article_id=7,
        title="全县秋季森林防火工作会议召开",
        column="要闻",
        author="编辑甲",
        characters=1200,
        state="approved",
        original=True,
        content_hash="abc123",
        signatures=(),
    )


@needs_noto
def test_noto_collection_in_the_system_fonts_folder(
    windows_only: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fonts = windows_only / "Windows" / "Fonts"
    fonts.mkdir(parents=True)
    (fonts / "NotoSansCJK-Regular.ttc").symlink_to(NOTO)
    monkeypatch.setenv("WINDIR", str(windows_only / "Windows"))

    font = find_font()

    assert font.path == fonts / "NotoSansCJK-Regular.ttc"
    assert font.index == 2  # the SC face of the collection, not Japanese (0)
    pdf = windows_only / "form.pdf"
    pdf.write_bytes(render_forms([_page()], font))
    if shutil.which("pdftotext", path="/usr/bin"):
        text = subprocess.run(
            ["/usr/bin/pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "稿件审签单" in text and "森林防火" in text


@needs_noto
def test_yahei_before_noto_and_the_per_user_folder(
    windows_only: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system = windows_only / "Windows" / "Fonts"
    mine = windows_only / "Local" / "Microsoft" / "Windows" / "Fonts"
    system.mkdir(parents=True)
    mine.mkdir(parents=True)
    (mine / "NotoSansCJK-Regular.ttc").symlink_to(NOTO)
    monkeypatch.setenv("WINDIR", str(windows_only / "Windows"))
    monkeypatch.setenv("LOCALAPPDATA", str(windows_only / "Local"))

    assert find_font().path == mine / "NotoSansCJK-Regular.ttc"  # installed for this user only

    (system / "msyh.ttc").symlink_to(NOTO)  # stands in for Microsoft YaHei
    assert find_font() == review_form.Font(system / "msyh.ttc", 0)


def test_no_chinese_font_says_so(windows_only: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (windows_only / "Windows" / "Fonts").mkdir(parents=True)
    monkeypatch.setenv("WINDIR", str(windows_only / "Windows"))
    with pytest.raises(review_form.FormError) as raised:
        find_font()
    assert "NEWSDESK_FORM_FONT" in str(raised.value)
