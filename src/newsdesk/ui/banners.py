"""The bars above the article: the server is away, someone else is editing, unsaved text was
kept from last time, someone else's save won. Each keeps its object name; the window connects
their buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # translated with the window's words


def note_banner(name: str, style: str) -> QLabel:
    """A line of text on a coloured band, hidden until there is something to say."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.hide()
    return label


def offline_banner() -> QLabel:
    return note_banner("offlineBanner", "background:#fdecea;color:#8c1d18;padding:6px 10px;")


def lock_banner() -> QLabel:
    return note_banner("lockBanner", "background:#fff4e5;color:#8a5300;padding:6px 10px;")


class RecoveryBar(QWidget):
    """Signals: restore(), discard()."""

    restore = Signal()
    discard = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryBar")
        self.setStyleSheet("background:#fff4e5;")
        row = QHBoxLayout(self)
        self.text = QLabel()
        restore = QPushButton(_tr("Restore"))
        restore.setObjectName("restoreButton")
        discard = QPushButton(_tr("Discard"))
        discard.setObjectName("discardButton")
        restore.clicked.connect(self.restore)
        discard.clicked.connect(self.discard)
        row.addWidget(self.text, 1)
        row.addWidget(restore)
        row.addWidget(discard)
        self.hide()

    def offer(self) -> None:
        self.text.setText(_tr("Unsaved text from your last session was kept. Restore it?"))
        self.show()


class ConflictBar(QWidget):
    """Someone else's newer text is shown; ours is kept as `revision`. Signals: compare()."""

    compare = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBar")
        self.setStyleSheet("background:#fdecea;")
        self.revision: int | None = None
        row = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        compare = QPushButton(_tr("Compare both texts"))
        compare.setObjectName("compareConflictButton")
        compare.clicked.connect(self.compare)
        row.addWidget(self.text, 1)
        row.addWidget(compare)
        self.hide()

    def tell(self, message: str, revision: int | None) -> None:
        self.revision = revision
        self.text.setText(message)
        self.show()
