"""The main window's widgets and their places: tasks | fields, bars and text | preview, findings
and review. `MainWindow` builds on this and connects them; nothing here acts."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.models import Action, User
from newsdesk.core.workspace import Workspace
from newsdesk.store import location
from newsdesk.ui import banners, i18n
from newsdesk.ui.editor import MarkdownEditor
from newsdesk.ui.editor_modes import EditorModes
from newsdesk.ui.findings_panel import FindingsPanel
from newsdesk.ui.metadata_form import MetadataForm
from newsdesk.ui.preview import PreviewPane
from newsdesk.ui.review_panel import ReviewPanel
from newsdesk.ui.task_panel import TaskPanel

log = logging.getLogger("newsdesk")


class WindowLayout(QMainWindow):
    # Made by window_actions.make_actions (their object names are the interface).
    actionNewArticle: QAction
    actionSave: QAction
    actionSubmit: QAction
    actionApprove: QAction
    actionSign: QAction
    actionReturn: QAction
    actionReopen: QAction
    actionSpike: QAction
    actionPublish: QAction
    actionCopyForWeChat: QAction
    actionExportHtml: QAction
    actionPush: QAction
    actionVisualEditing: QAction
    chain_actions: dict[Action, QAction]

    def __init__(self, workspace: Workspace, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.user = workspace, user
        self.tasks = TaskPanel(self.workspace, self.user)
        self.form = MetadataForm()
        self.editor = MarkdownEditor()
        self.pictures: dict[str, bytes] = {}  # the open article's, fetched for the preview
        # The source and the visual editor share the text's place (editor_modes).
        self.modes = EditorModes(self.editor, user.username, self.pictures.get, self)
        self.visual = self.modes.visual
        self.format_bar = QToolBar(self.tr("Formatting"))
        self.format_bar.setObjectName("formatBar")
        self.offline_banner, self.lock_banner = banners.offline_banner(), banners.lock_banner()
        self.recovery_bar, self.conflict_bar = banners.RecoveryBar(), banners.ConflictBar()
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        bars: tuple[QWidget, ...] = (
            self.offline_banner,
            self.lock_banner,
            self.recovery_bar,
            self.conflict_bar,
            self.form,
            self.format_bar,
            self.modes.stack,
        )
        for widget in bars:
            column.addWidget(widget, 1 if widget is self.modes.stack else 0)
        self.preview = PreviewPane()
        self.review = ReviewPanel()
        self.findings = FindingsPanel()
        # The findings sit under the preview: both are read while the text is worked on.
        beside = QSplitter(Qt.Orientation.Vertical)
        beside.setObjectName("previewSplitter")
        beside.addWidget(self.preview)
        beside.addWidget(self.findings)
        beside.setStretchFactor(0, 3)
        beside.setStretchFactor(1, 2)
        beside.setSizes([540, 300])
        self.side = QTabWidget()
        self.side.setObjectName("sideTabs")
        self.side.addTab(beside, self.tr("Preview"))
        self.side.addTab(self.review, self.tr("Review"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for widget, stretch in ((self.tasks, 0), (middle, 1), (self.side, 0)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setSizes([260, 620, 430])
        self.setCentralWidget(self.splitter)
        self.words = QLabel()
        self.words.setObjectName("wordCount")
        self.state_label = QLabel()
        self.statusBar().addPermanentWidget(self.state_label)
        self.share_warning = QLabel()
        self.share_warning.setObjectName("networkShareWarning")
        self.share_warning.setStyleSheet("color:#b3261e;font-weight:bold;")
        path = self.workspace.repo.location.path
        kind = location.network_filesystem(path) if path is not None else None
        if kind:
            warning = i18n.pick(location.WARNING).format(kind=kind)
            self.share_warning.setText(self.tr("⚠ Database on a network share"))
            self.share_warning.setToolTip(warning)
            log.warning(warning)
        self.statusBar().addWidget(self.share_warning)
        self.statusBar().addPermanentWidget(self.words)

    def restore_layout(self) -> None:
        """The size and splitter positions the user left."""
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        state = settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)
