"""The review form (审签单): one A4 page per article, as PDF with real, searchable Chinese text.

fpdf2 embeds a subset of a CJK font and writes each character's own code point into the text
map, so a search or `pdftotext` finds 入 as 入. (Qt's PDF writer, given Noto Sans CJK, maps
shared glyphs back to Kangxi radicals: 入 comes out as ⼊, 马 as ⻢.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsdesk.content.errors import WordedError

# Fonts with simplified Chinese, where Debian, Kylin/UOS, Windows and macOS keep them. The
# number is the face within a collection (Noto Sans CJK: 2 is SC); None means "look it up".
_FONTS: tuple[tuple[str, int | None], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", None),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", None),
    ("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
)
# On Windows, by file name in the system fonts folder (%WINDIR% is not always C:\Windows) and
# in the per-user one (Windows 10 1809+ installs a font there unless "for all users").
_WINDOWS_FONTS: tuple[tuple[str, int | None], ...] = (
    ("msyh.ttc", 0),  # Microsoft YaHei (0; 1 is its UI variant)
    ("simhei.ttf", 0),
    ("simsun.ttc", 0),
    ("NotoSansCJK-Regular.ttc", None),
    ("NotoSansCJKsc-Regular.otf", 0),
    ("NotoSansSC-Regular.otf", 0),
    ("NotoSansSC-Regular.ttf", 0),
)
_MARGIN = 16.0
_INK = (40, 40, 40)
_RULE = (150, 150, 150)
_SHADE = (242, 242, 242)


class FormError(WordedError):
    pass


@dataclass(frozen=True)
class Signature:
    level: str  # 编辑 / 审核 / 出品
    names: str
    signed_at: str  # "" when the level has not signed
    proofreading: str  # "发现 3 · 改正 2 · 忽略 1", or "" when not recorded
    content_hash: str  # the hash this level signed, shortened by the caller if it likes


@dataclass(frozen=True)
class FormPage:
    account: str
    article_id: int
    title: str
    column: str
    author: str
    characters: int
    state: str
    original: bool
    content_hash: str  # the text the producer signed (or the current text, not yet signed)
    signatures: Sequence[Signature]
    returns: Sequence[tuple[str, str, str]] = ()  # (when, who, reason)
    dismissals: Sequence[tuple[str, str, str, str]] = ()  # (who, what, words, reason)
    published_at: str = ""
    published_url: str = ""
    generated: str = ""  # when and by what the form was made
    labels: dict[str, str] = field(default_factory=dict)  # wording overrides (tests, English)


@dataclass(frozen=True)
class Font:
    path: Path
    index: int


def find_font() -> Font:
    """A font with simplified Chinese on this machine; NEWSDESK_FORM_FONT names another."""
    wanted = os.environ.get("NEWSDESK_FORM_FONT")
    candidates: list[tuple[str, int | None]] = [(wanted, None)] if wanted else []
    candidates += _FONTS
    candidates += _windows_fonts()
    fc_match = shutil.which("fc-match")
    if fc_match:
        try:
            found = subprocess.run(
                [fc_match, "-f", "%{file}", "sans-serif:lang=zh-cn"],
                capture_output=True,
                text=True,
                timeout=5,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            found = ""
        if found:
            candidates.append((found, None))
    for name, index in candidates:
        if name and Path(name).is_file():
            return Font(Path(name), index if index is not None else _simplified_face(name))
    raise FormError(
        "找不到中文字体，无法生成审签单 PDF（请安装 fonts-noto-cjk，或用 NEWSDESK_FORM_FONT 指定字体文件）",
        "no Chinese font found for the review form PDF (install fonts-noto-cjk, or name a"
        " font file in NEWSDESK_FORM_FONT)",
    )


def _windows_fonts() -> list[tuple[str, int | None]]:
    folders = []
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        folders.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return [(str(folder / name), index) for name, index in _WINDOWS_FONTS for folder in folders]


@lru_cache(maxsize=8)
def _simplified_face(path: str) -> int:
    """The simplified Chinese face of a font collection (Noto's SC), else its first."""
    if not path.lower().endswith(".ttc"):
        return 0
    from fontTools.ttLib import TTCollection

    try:
        collection = TTCollection(path, lazy=True)
        try:
            names = [str(font["name"].getDebugName(1) or "") for font in collection.fonts]
        finally:
            collection.close()
    except Exception:  # a font file we cannot read: its first face, and fpdf2 will say
        return 0
    for index, name in enumerate(names):
        if name.endswith((" SC", "SC")) and "Mono" not in name:
            return index
    return 0


_DEFAULT_LABELS = {
    "heading": "稿件审签单",
    "info": "稿件信息",
    "account": "公众号",
    "id": "稿件编号",
    "title": "标题",
    "column": "栏目",
    "author": "作者",
    "characters": "字数",
    "state": "状态",
    "original": "原创声明",
    "yes": "是",
    "no": "否",
    "hash": "内容指纹",
    "chain": "三审签字",
    "level": "审级",
    "who": "签字人",
    "when": "签字时间",
    "proof": "三校（发现 · 改正 · 忽略）",
    "signed_hash": "所签内容",
    "hand": "手写签名",
    "returns": "退回意见",
    "none": "无",
    "dismissals": "校对忽略记录",
    "published": "发布",
    "published_at": "发布时间",
    "published_url": "文章链接",
    "not_published": "尚未发布",
}


def render_forms(pages: Sequence[FormPage], font: Font | None = None) -> bytes:
    """The pages as one PDF, an A4 page each."""
    from fpdf import FPDF  # only when a form is made

    if not pages:
        raise FormError("没有可打印的稿件", "no articles to print")
    font = font or find_font()
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=True, margin=_MARGIN)
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_creator("稿件工作站 Newsdesk")
    pdf.set_title(pages[0].labels.get("heading", _DEFAULT_LABELS["heading"]))
    try:
        pdf.add_font("cjk", fname=str(font.path), collection_font_number=font.index)
    except Exception as error:  # fpdf2 raises several kinds for a font it cannot use
        raise FormError(
            f"字体 {font.path} 无法使用：{error}", f"the font {font.path} cannot be used: {error}"
        ) from None
    for page in pages:
        _page(pdf, page, {**_DEFAULT_LABELS, **page.labels})
    return bytes(pdf.output())


def _page(pdf: object, page: FormPage, t: dict[str, str]) -> None:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    assert isinstance(pdf, FPDF)
    pdf.add_page()
    pdf.set_text_color(*_INK)
    pdf.set_draw_color(*_RULE)
    # multi_cell, not cell, for everything a user wrote: a long account title wraps instead of
    # running off the page and taking the 稿件编号 with it (tables wrap on their own).
    pdf.set_font("cjk", size=18)
    pdf.multi_cell(0, 11, t["heading"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=10)
    pdf.multi_cell(0, 6, f"{page.account}    {t['id']} {page.article_id}", align="C",
                   new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.ln(3)
    header = FontFace(fill_color=_SHADE)

    def section(title: str) -> None:
        pdf.ln(2)
        pdf.set_font("cjk", size=11.5)
        pdf.multi_cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", size=9.5)

    section(t["info"])
    with pdf.table(col_widths=(24, 62, 22, 70), line_height=6.2, first_row_as_headings=False,
                   text_align="LEFT") as table:  # fmt: skip
        for left, right in (
            ((t["title"], page.title), (t["column"], page.column or "—")),
            ((t["author"], page.author or "—"), (t["characters"], str(page.characters))),
            ((t["state"], page.state), (t["original"], t["yes"] if page.original else t["no"])),
        ):
            row = table.row()
            for label, value in (left, right):
                row.cell(label, style=header)
                row.cell(value)
        row = table.row()
        row.cell(t["hash"], style=header)
        row.cell(f"SHA-256 {page.content_hash}", colspan=3)

    section(t["chain"])
    with pdf.table(col_widths=(13, 30, 30, 46, 33, 26), line_height=8, text_align="LEFT",
                   headings_style=header) as table:  # fmt: skip
        heading = table.row()
        for label in (t["level"], t["who"], t["when"], t["proof"], t["signed_hash"], t["hand"]):
            heading.cell(label)
        for signature in page.signatures:
            row = table.row()
            for value in (
                signature.level,
                signature.names or "—",
                signature.signed_at or "—",
                signature.proofreading or "—",
                signature.content_hash or "—",
                "",
            ):
                row.cell(value)

    section(t["returns"])
    _rows(pdf, page.returns, (34, 30, 114), header, t["none"])
    section(t["dismissals"])
    _rows(pdf, page.dismissals, (28, 30, 40, 80), header, t["none"])

    section(t["published"])
    with pdf.table(col_widths=(30, 148), line_height=6.2, first_row_as_headings=False,
                   text_align="LEFT") as table:  # fmt: skip
        for label, value in (
            (t["published_at"], page.published_at or t["not_published"]),
            (t["published_url"], page.published_url or "—"),
        ):
            row = table.row()
            row.cell(label, style=header)
            row.cell(value)
    if page.generated:
        pdf.set_auto_page_break(auto=False)  # the footer sits in the bottom margin
        pdf.set_y(-_MARGIN + 2)
        pdf.set_font("cjk", size=8)
        pdf.set_text_color(110, 110, 110)
        pdf.multi_cell(0, 5, page.generated, align="R")
        pdf.set_auto_page_break(auto=True, margin=_MARGIN)


def _rows(
    pdf: object,
    rows: Sequence[Sequence[str]],
    widths: tuple[int, ...],
    header: object,
    none: str,
    limit: int = 8,
) -> None:
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    if not rows:
        pdf.multi_cell(0, 6, none, new_x="LMARGIN", new_y="NEXT")
        return
    shown = list(rows[:limit])
    if len(rows) > limit:
        shown.append(("…", "", f"另有 {len(rows) - limit} 条，见审计日志", "")[: len(widths)])
    with pdf.table(col_widths=widths, line_height=6.2, first_row_as_headings=False,
                   text_align="LEFT") as table:  # fmt: skip
        for values in shown:
            row = table.row()
            for value in values:
                row.cell(value)
