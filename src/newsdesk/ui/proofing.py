"""Proofreading for the open article: findings as one types, underlined by category in the
editor and listed beside the preview; a suggestion applied in one click (undoable); a finding
let stand with a reason, on the record."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from newsdesk.content.proofreading import HINT, ProofFinding
from newsdesk.core.errors import NewsdeskError
from newsdesk.core.models import ArticleContent, Dismissal, User
from newsdesk.core.workspace import Workspace
from newsdesk.ui.article_jobs import dismissals_of
from newsdesk.ui.dialogs import TextDialog
from newsdesk.ui.editor import Mark
from newsdesk.ui.editor_modes import EditorModes
from newsdesk.ui.findings_panel import CATEGORY_COLOURS, FindingsPanel
from newsdesk.ui.metadata_form import MetadataForm
from newsdesk.ui.store_calls import Runner, inline

log = logging.getLogger("newsdesk")


class Proofing(QObject):
    """Signals: told(str) for the status bar; decided() after a dismissal (what the chain
    allows may have changed)."""

    told = Signal(str)
    decided = Signal()

    def __init__(
        self,
        workspace: Workspace,
        user: User,
        editor: EditorModes,
        form: MetadataForm,
        panel: FindingsPanel,
        *,
        save: Callable[[Callable[[], None]], None],
        refuse: Callable[[NewsdeskError], None],
        parent: QWidget,
        run: Runner | None = None,
    ) -> None:
        """`save(then)` stores the text on screen, then calls `then()` (not if it failed);
        `run` does the store work (`store_calls`), by default at once on `workspace`."""
        super().__init__(parent)
        self.workspace, self.user = workspace, user
        self.editor, self.form, self.panel = editor, form, panel
        self._save, self._refuse, self._parent = save, refuse, parent
        self.run: Runner = run or inline(workspace)
        self.article_id: int | None = None
        self.findings: list[ProofFinding] = []
        self._dismissed: dict[str, tuple[Dismissal, str]] = {}
        self._other: list[Mark] = []
        panel.chosen.connect(self.go_to)
        panel.apply_requested.connect(self.apply)
        panel.dismiss_requested.connect(self.dismiss)
        panel.other_reason_requested.connect(self._ask_reason)

    def open(
        self,
        article_id: int | None,
        editable: bool,
        dismissals: Sequence[tuple[Dismissal, str]] | None = None,
    ) -> None:
        """`dismissals` (each with who dismissed it), when read already elsewhere."""
        self.article_id = article_id
        self.panel.set_editable(editable)
        if dismissals is None:
            self._load_dismissals()
        else:
            self._dismissed = {d.key: (d, who) for d, who in dismissals}

    def _load_dismissals(self) -> None:
        self._dismissed = {}
        if self.article_id is None:
            return
        self._dismissed = {
            d.key: (d, who) for d, who in dismissals_of(self.workspace, self.article_id)
        }

    def check(self, content: ArticleContent, other: Sequence[Mark] = ()) -> None:
        """Check the text on screen: list the findings, underline them (with `other` marks,
        the checks' own) in the editor."""
        self.show_checked(self.workspace.proofreading.check(content), other)

    def show_checked(self, findings: Sequence[ProofFinding], other: Sequence[Mark] = ()) -> None:
        """Show findings already worked out (off the GUI thread) for the text on screen."""
        self.findings, self._other = list(findings), list(other)
        self._show()

    def _show(self) -> None:
        self.panel.show_findings(self.findings, self._dismissed)
        marks = [
            Mark(
                f.start,
                f.end,
                CATEGORY_COLOURS[f.category],
                error=f.blocking,
                dismissed=f.key in self._dismissed,
                hint=f.severity == HINT,
            )
            for f in self.findings
            if f.field == "body" and f.end > f.start
        ]
        self.editor.mark([*marks, *self._other])

    def clear(self) -> None:
        self.findings, self._other = [], []
        self.panel.show_findings([], {})

    # --- acting on a finding ---------------------------------------------------------------

    def go_to(self, finding: ProofFinding) -> None:
        if finding.field == "body":
            self.editor.select_span(finding.start, finding.end)
            self.editor.setFocus()
        else:
            edit = self._line_edit(finding.field)
            edit.setFocus()
            edit.setSelection(finding.start, finding.end - finding.start)

    def apply(self, finding: ProofFinding) -> bool:
        """Put the suggestion in place of the words, if they still stand where they were."""
        if not finding.suggestion or self.editor.isReadOnly():
            return False
        if finding.field == "body":
            if not self.editor.replace_span(
                finding.start, finding.end, finding.text, finding.suggestion
            ):
                self.told.emit(self.tr("The text has changed there; check again"))
                return False
        else:
            edit = self._line_edit(finding.field)
            text = edit.text()
            if text[finding.start : finding.end] != finding.text:
                self.told.emit(self.tr("The text has changed there; check again"))
                return False
            edit.setText(text[: finding.start] + finding.suggestion + text[finding.end :])
        self.told.emit(self.tr("Applied: {0} → {1}").format(finding.text, finding.suggestion))
        return True

    def dismiss(self, finding: ProofFinding, reason: str) -> None:
        """Let the finding stand. The text is saved first: a dismissal is about stored text.
        The list shows it once the store has it (in team mode, when the worker answers)."""
        article_id, user = self.article_id, self.user
        if article_id is None:
            return

        def job(ws: Workspace) -> list[tuple[Dismissal, str]]:
            ws.proofreading.dismiss(user, article_id, finding.key, reason)
            return dismissals_of(ws, article_id)

        def done(dismissals: list[tuple[Dismissal, str]]) -> None:
            if article_id != self.article_id:
                return  # another article is open now; this one's list is read when it opens
            self._dismissed = {d.key: (d, who) for d, who in dismissals}
            self._show()
            self.decided.emit()
            self.told.emit(self.tr("Dismissed: {0} ({1})").format(finding.text, reason))

        def failed(error: Exception) -> None:
            if isinstance(error, NewsdeskError):
                self._refuse(error)  # offline: the banner, not a dialog
            else:
                log.error("dismissing a finding failed", exc_info=error)

        self._save(lambda: self.run(job, done, failed, f"dismiss {finding.key}"))

    def _ask_reason(self, finding: ProofFinding) -> None:
        dialog = TextDialog(
            self.tr("Dismiss"),
            self.tr("Why may “{0}” stand as written?").format(finding.text),
            multiline=False,
            parent=self._parent,
        )
        if dialog.exec():
            self.dismiss(finding, dialog.value())

    def _line_edit(self, field: str) -> QLineEdit:
        return {
            "title": self.form.title_edit,
            "author": self.form.author.edit,
            "digest": self.form.digest.edit,
        }[field]
