"""审稿 → 推送到公众号…: choose the account and the signed articles, put them in order (drag:
the first is the 头条; today's planned articles come ticked in their planned order), see each
cover's two crops and what the checks say, push with a progress bar, and end with the draft's
preview link and the way to mp.weixin.qq.com.

The network work runs on a worker (ui/background.py); the dialog stays responsive.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.errors import NewsdeskError, Words
from newsdesk.core.exporting import MEDIA_IN_BODY
from newsdesk.core.models import Article, State, Topic, TopicState, User
from newsdesk.core.pushing import MAX_ARTICLES, PUBLISH_OUTCOMES, Connect, PushResult
from newsdesk.core.topics import position_label
from newsdesk.core.wechat_api import PublishState
from newsdesk.core.workspace import Workspace
from newsdesk.ui import i18n
from newsdesk.ui.background import Background, Progress

MP_HOME = "https://mp.weixin.qq.com/"
_ID = Qt.ItemDataRole.UserRole
POLL_MS = 3000


class PushDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        user: User,
        target: str,
        connect: Connect,
        preselect: list[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pushDialog")
        self.setWindowTitle(self.tr("Push to the official account"))
        self.workspace, self.user = workspace, user
        self.pushed: PushResult | None = None
        self.background = Background(target, connect, self)
        self.background.progressed.connect(self._progressed)
        self.background.finished.connect(self._finished)
        self.background.failed.connect(self._failed)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.account = QComboBox()
        self.account.setObjectName("pushAccount")
        for account in workspace.accounts.list():
            self.account.addItem(account.title, account.name)
        form.addRow(self.tr("Official account"), self.account)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Tick the signed articles to push and drag them into order: the first is the"
                " lead article (头条), up to {0} in one draft."
            ).format(MAX_ARTICLES)
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.planned = QLabel()
        self.planned.setObjectName("pushPlanned")
        self.planned.setTextFormat(Qt.TextFormat.PlainText)  # titles are not markup
        self.planned.setWordWrap(True)
        self.planned.setStyleSheet("background:#eef4fd;padding:4px 8px;")
        self.planned.hide()
        layout.addWidget(self.planned)
        row = QHBoxLayout()
        self.articles = QListWidget()
        self.articles.setObjectName("pushArticles")
        self.articles.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.articles.setDefaultDropAction(Qt.DropAction.MoveAction)
        row.addWidget(self.articles, 3)
        side = QVBoxLayout()
        self.crop_wide = QLabel()
        self.crop_wide.setObjectName("coverWide")
        self.crop_square = QLabel()
        self.crop_square.setObjectName("coverSquare")
        for label, size in ((self.crop_wide, QSize(235, 100)), (self.crop_square, QSize(100, 100))):
            label.setFixedSize(size)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("background:#eeeeee;color:#777777;")
        side.addWidget(QLabel(self.tr("Cover in the feed (2.35:1) and when shared (1:1)")))
        side.addWidget(self.crop_wide)
        side.addWidget(self.crop_square)
        self.checks = QLabel()
        self.checks.setObjectName("pushChecks")
        self.checks.setWordWrap(True)
        side.addWidget(self.checks, 1)
        row.addLayout(side, 2)
        layout.addLayout(row, 1)
        self.publish = QCheckBox(self.tr("Publish right after (verified accounts only)"))
        self.publish.setObjectName("pushPublish")
        layout.addWidget(self.publish)
        self.progress = QProgressBar()
        self.progress.setObjectName("pushProgress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("pushStatus")
        self.status.setWordWrap(True)
        self.status.setOpenExternalLinks(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.open_mp = QPushButton(self.tr("Open mp.weixin.qq.com"))
        self.open_mp.setObjectName("openMpButton")
        self.open_mp.clicked.connect(self._open_mp)
        self.go = QPushButton(self.tr("Push to the draft box"))
        self.go.setObjectName("pushButton")
        self.go.setDefault(True)
        self.go.clicked.connect(self.start)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(self.open_mp)
        buttons.addStretch(1)
        buttons.addWidget(self.go)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._followed: int | None = None
        self.account.currentIndexChanged.connect(lambda _: self.fill(preselect or []))
        self.articles.currentItemChanged.connect(lambda *_: self._show_current())
        self.articles.itemChanged.connect(lambda _: self._refresh_checks())
        self.resize(760, 560)
        self.fill(preselect or [])

    # --- choosing -------------------------------------------------------------------------

    def planned_today(self, account: str) -> list[Topic]:
        """The topics slotted today for `account`, in push order."""
        today = date.today()
        return [
            topic
            for day in self.workspace.topics.plan(today, today, account)
            for topic in day.planned
            if topic.state is not TopicState.DROPPED
        ]

    def _show_plan(self, topics: list[Topic], signed: set[int]) -> None:
        """Today's plan in a line: what is ticked, and what is not ready yet."""
        parts = []
        for topic in topics:
            where = i18n.pick(position_label(topic.position or 1))
            if topic.article_id in signed:
                state = self.tr("ticked")
            elif topic.state is TopicState.DONE:
                state = self.tr("published")
            elif topic.article_id is None:
                state = self.tr("not started")
            else:
                state = self.tr("not signed yet")
            parts.append(self.tr("{0} “{1}” {2}").format(where, topic.title, state))
        self.planned.setText(self.tr("Today's plan: {0}").format("；".join(parts)))
        self.planned.setVisible(bool(topics))

    def fill(self, preselect: list[int]) -> None:
        """The account's articles this person may push: today's planned ones first, in their
        planned order, then the chosen ones; those are ticked."""
        account = self.workspace.accounts.get(str(self.account.currentData()))
        plan = self.planned_today(account.name)
        planned = {t.article_id: t.position or 1 for t in plan if t.article_id is not None}
        preselect = [*planned, *(i for i in preselect if i not in planned)]
        self.articles.clear()
        summaries = self.workspace.articles.queue(State.APPROVED, limit=200)
        candidates: list[Article] = []
        for summary in summaries:
            article = self.workspace.articles.get(summary.id)
            if article.account_id == account.id:
                candidates.append(article)
        candidates.sort(
            key=lambda a: (a.id not in preselect, preselect.index(a.id) if a.id in preselect else 0)
        )
        for article in candidates:
            item = QListWidgetItem(article.content.title or self.tr("(untitled)"))
            item.setData(_ID, article.id)
            if article.id in planned:
                where = i18n.pick(position_label(planned[article.id]))
                item.setToolTip(self.tr("Planned for today: {0}").format(where))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if article.id in preselect else Qt.CheckState.Unchecked
            )
            self.articles.addItem(item)
        self._show_plan(plan, {a.id for a in candidates})
        if not candidates:
            self.status.setText(self.tr("No signed articles of this account wait to be pushed."))
        if self.articles.count():
            self.articles.setCurrentRow(0)
        self._refresh_checks()

    def chosen(self) -> list[int]:
        """The ticked articles in the order shown."""
        ids = []
        for row in range(self.articles.count()):
            item = self.articles.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(_ID)))
        return ids

    def _refresh_checks(self) -> None:
        ids = self.chosen()
        if not ids:
            self.checks.setText(self.tr("Tick at least one article."))
            self.go.setEnabled(False)
            return
        try:
            self.workspace.pushes.check(self.user, ids, str(self.account.currentData()))
        except NewsdeskError as error:
            self.checks.setText("⚠ " + error.message(i18n.current()))
            self.checks.setStyleSheet("color:#b3261e;")
            self.go.setEnabled(False)
            return
        lead = self.workspace.articles.get(ids[0]).content.title
        self.checks.setText(
            self.tr("Ready — articles: {0}, the lead 《{1}》.").format(len(ids), lead)
        )
        self.checks.setStyleSheet("color:#2e7d32;")
        self.go.setEnabled(not self.background.busy())

    def _show_current(self) -> None:
        item = self.articles.currentItem()
        for label in (self.crop_wide, self.crop_square):
            label.clear()
            label.setText(self.tr("No cover image"))
        if item is None:
            return
        article = self.workspace.articles.get(int(item.data(_ID)))
        # Without a cover the push takes the body's first picture, so that is what to show.
        pictures = MEDIA_IN_BODY.findall(article.content.body)
        cover = article.content.cover or (pictures[0] if pictures else "")
        if not cover:
            return
        try:
            crops = self.workspace.media.cover_crops(cover)
        except NewsdeskError:
            return
        for label, name in ((self.crop_wide, "2.35x1"), (self.crop_square, "1x1")):
            picture = QPixmap()
            picture.loadFromData(crops[name])
            label.setPixmap(
                picture.scaled(label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
            )  # fmt: skip

    # --- pushing ---------------------------------------------------------------------------

    def start(self) -> None:
        ids, account, user = self.chosen(), str(self.account.currentData()), self.user
        publish = self.publish.isChecked()
        self.go.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Pushing…"))

        lang = i18n.current()  # read here: the job runs on a worker thread

        def job(workspace: Workspace, progress: Progress) -> object:
            def say(what: Words, done: int, total: int) -> None:
                progress(what[0] if lang == i18n.ZH else what[1], done, total)

            result = workspace.pushes.push(user, ids, account, say)
            if publish:
                workspace.pushes.publish(user, result.push.id)
            return result

        self.background.start(job)

    def _progressed(self, what: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(what)

    def _finished(self, result: object) -> None:
        if isinstance(result, tuple):  # a publishing poll came back
            self._followed_state(*result)
            return
        assert isinstance(result, PushResult)
        self.pushed = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        label = self.tr("Preview of article {0}")
        links = "".join(
            f'<br><a href="{url}">{label.format(n)}</a>'
            for n, url in enumerate(result.preview_urls, start=1)
        )
        done = (
            self.tr("Updated the draft pushed last time")
            if result.updated
            else self.tr("A new draft is in the draft box")
        )
        self.status.setText(f"{done}（media_id {result.push.draft_media_id}）{links}")
        if self.publish.isChecked():
            self._followed = result.push.id
            self.status.setText(self.status.text() + "<br>" + self.tr("Publishing…"))
            self._follow_later()
        self._refresh_checks()

    def _follow_later(self) -> None:
        from PySide6.QtCore import QTimer

        push_id, user = self._followed, self.user
        if push_id is None:
            return

        def job(workspace: Workspace, progress: Progress) -> object:
            return workspace.pushes.follow(user, push_id)

        QTimer.singleShot(POLL_MS, lambda: self.background.start(job))

    def _followed_state(self, record: object, state: PublishState) -> None:
        if not state.done:
            self._follow_later()
            return
        self._followed = None
        if state.status == 0:
            links = "".join(f'<br><a href="{u}">{u}</a>' for u in state.article_urls)
            self.status.setText(self.tr("Published.") + links)
        else:
            zh, en = PUBLISH_OUTCOMES.get(state.status, ("发布失败", "publishing failed"))
            self.status.setText(
                self.tr("Not published: {0}. The draft stays in the draft box.").format(
                    zh if i18n.current() == i18n.ZH else en
                )
            )

    def _failed(self, error: object) -> None:
        self.progress.hide()
        message = (
            error.message(i18n.current())
            if isinstance(error, NewsdeskError)
            else self.tr("Something went wrong; details are in the log.")
        )
        self.status.setText("⚠ " + message)
        self.status.setStyleSheet("color:#b3261e;")
        self._refresh_checks()

    def _open_mp(self) -> None:
        QDesktopServices.openUrl(QUrl(MP_HOME))

    def done(self, result: int) -> None:
        self.background.wait(60_000)
        super().done(result)
