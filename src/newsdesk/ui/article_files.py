"""What leaves or enters the open article as a file or the clipboard: Copy for WeChat, Export
HTML, pictures and the cover, and the review form (审签单), printed or saved as PDF."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMimeData,
    QObject,
    QPointF,
    QRectF,
    QSizeF,
)
from PySide6.QtGui import QPageSize, QPainter, QPixmap
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from newsdesk.core.errors import NewsdeskError
from newsdesk.core.exporting import already_there, write_export
from newsdesk.core.importing import write_bytes_file
from newsdesk.core.models import User
from newsdesk.core.workspace import Workspace
from newsdesk.ui.article_session import ArticleSession
from newsdesk.ui.clipboard import PICTURE_SUFFIXES, put_on_clipboard
from newsdesk.ui.dialogs import MonthDialog
from newsdesk.ui.editor_modes import EditorModes
from newsdesk.ui.metadata_form import MetadataForm

if TYPE_CHECKING:  # Qt's PDF and printing modules load with the first form printed
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

PRINT_DPI = 300


class Host(Protocol):
    """What these actions need of the window they act for."""

    workspace: Workspace
    user: User
    session: ArticleSession | None
    form: MetadataForm
    modes: EditorModes

    def save(self) -> bool: ...
    def theme_name(self) -> str: ...
    def refuse(self, error: NewsdeskError) -> None: ...
    def say(self, text: str, ms: int) -> None: ...


class ArticleFiles(QObject):
    def __init__(self, host: Host, window: QMainWindow) -> None:
        super().__init__(window)
        self.host, self.window = host, window

    # --- export ------------------------------------------------------------------------------

    def copy_for_wechat(self) -> None:
        host = self.host
        if host.session is None or not host.save():
            return
        try:
            export = host.workspace.exports.export(
                host.user, host.session.article_id, theme=host.theme_name(),
                how="clipboard",
            )  # fmt: skip
        except NewsdeskError as error:
            host.refuse(error)
            return
        mime = QMimeData()
        mime.setHtml(export.html)
        mime.setText(export.text)
        put_on_clipboard(mime)
        host.say(self.tr("Copied. Paste it into the WeChat editor (mp.weixin.qq.com)."), 6000)

    def export_html(self) -> None:
        host = self.host
        if host.session is None or not host.save():
            return
        title = host.session.content.title or "article"
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export HTML"), f"{title}.html", self.tr("Web page (*.html)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked below, crops included
        )  # fmt: skip
        if not name:
            return
        taken = already_there(Path(name), cover=bool(host.session.content.cover))
        if taken and not self._may_overwrite(taken):
            return
        try:
            export = host.workspace.exports.export(
                host.user, host.session.article_id, theme=host.theme_name(),
                how="file",
            )  # fmt: skip
            write_export(export, Path(name))
        except NewsdeskError as error:  # a file that cannot be written is one too (BadFile)
            host.refuse(error)
            return
        host.say(self.tr("Saved {0}").format(name), 6000)

    def _may_overwrite(self, paths: list[Path]) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.tr("Export HTML"),
            self.tr("These files exist and would be replaced:\n{0}\n\nReplace them?").format(
                "\n".join(str(p) for p in paths)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- pictures ----------------------------------------------------------------------------

    def _picture_file(self, title: str) -> bytes | None:
        patterns = " ".join(f"*{suffix}" for suffix in PICTURE_SUFFIXES)
        name, _ = QFileDialog.getOpenFileName(
            self.window, title, "", self.tr("Pictures ({0})").format(patterns)
        )
        if not name:
            return None
        try:
            return Path(name).read_bytes()
        except OSError as error:
            QMessageBox.warning(self.window, self.tr("Not possible"), str(error))
            return None

    def choose_cover(self) -> None:
        data = self._picture_file(self.tr("Cover image"))
        if data is not None:
            self.set_cover(data)

    def set_cover(self, data: bytes) -> None:
        """Store a cover; the form shows its 2.35:1 feed crop. Saved with the article."""
        media = self.host.workspace.media
        try:
            ref = media.cover_ref(data)
            crop = media.cover_crops(ref)["2.35x1"]
        except NewsdeskError as error:
            self.host.refuse(error)
            return
        thumbnail = QPixmap()
        thumbnail.loadFromData(crop)
        self.host.form.set_cover(ref, thumbnail)

    def insert_picture(self) -> None:
        data = self._picture_file(self.tr("Insert picture"))
        if data is not None:
            self.host.modes.insert_picture(data)

    def store_picture(self, data: bytes) -> str | None:
        """Pasted, dropped or chosen pictures all go through here, so a refusal is one dialog."""
        try:
            return self.host.workspace.media.add(data).ref
        except NewsdeskError as error:
            self.host.refuse(error)
            return None

    # --- the review form -----------------------------------------------------------------------

    def _form_pdf(self) -> bytes | None:
        host = self.host
        if host.session is None or not host.save():
            return None
        try:
            return host.workspace.forms.article_pdf(host.session.article_id)
        except NewsdeskError as error:
            host.refuse(error)
            return None

    def print_form(self) -> QPrintPreviewDialog | None:
        """The review form in a print preview, from which it prints (or goes to PDF)."""
        data = self._form_pdf()
        if data is None:
            return None
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # the form has its own margins
        preview = QPrintPreviewDialog(printer, self.window)
        preview.setObjectName("formPrintPreview")
        preview.setWindowTitle(self.tr("Review form"))
        document = QPdfDocument(preview)
        document.load(_buffer(data, preview))
        preview.paintRequested.connect(lambda target: paint_pdf(document, target))
        preview.open()
        return preview

    def save_form(self, destination: str | None = None) -> None:
        data = self._form_pdf()
        if data is None or self.host.session is None:
            return
        if not destination:
            suggested = f"审签单-{self.host.session.article_id}.pdf"
            destination, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Save review form"), suggested, self.tr("PDF (*.pdf)")
            )
        if not destination:
            return
        try:
            write_bytes_file(Path(destination), data)
        except NewsdeskError as error:
            self.host.refuse(error)
            return
        self.host.say(self.tr("Saved {0}").format(destination), 6000)

    def month_forms(self) -> None:
        dialog = MonthDialog(self.window)
        if not dialog.exec():
            return
        month = dialog.value()
        destination, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save review forms"), f"审签单-{month}.pdf", self.tr("PDF (*.pdf)")
        )
        if destination:
            self.save_month_forms(month, destination)

    def save_month_forms(self, month: str, destination: str) -> bool:
        try:
            data = self.host.workspace.forms.month_pdf(month)
            write_bytes_file(Path(destination), data)
        except NewsdeskError as error:
            self.host.refuse(error)
            return False
        self.host.say(self.tr("Saved {0}").format(destination), 6000)
        return True


def _buffer(data: bytes, parent: QObject) -> QBuffer:
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Each PDF page, rendered at print resolution, onto a printer page; returns the count."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            size = document.pagePointSize(index)
            scale = min(target.width() / size.width(), target.height() / size.height())
            placed = QSizeF(size.width() * scale, size.height() * scale)
            sharp = QSizeF(size.width() / 72 * PRINT_DPI, size.height() / 72 * PRINT_DPI)
            image = document.render(index, sharp.toSize())
            painter.drawImage(QRectF(QPointF(0, 0), placed), image)
    finally:
        painter.end()
    return document.pageCount()
