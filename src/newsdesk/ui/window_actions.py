"""The main window's actions (object names are the interface tests and users' shortcuts reach),
its toolbars and menus, and which actions the signed-in user may take on the open article."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar

from newsdesk.core.errors import ChainRefusal
from newsdesk.core.models import Action, Role
from newsdesk.ui import i18n, window_dialogs
from newsdesk.ui.editor_modes import visual_remembered

if TYPE_CHECKING:
    from newsdesk.ui.main_window import MainWindow

Key = QKeySequence | QKeySequence.StandardKey | str | None


def _call(slot: Callable[[], object], checked: bool = False) -> None:
    """QAction.triggered passes `checked`; our slots take nothing."""
    slot()


def _action(
    w: MainWindow, name: str, text: str, slot: Callable[[], object], key: Key = None
) -> QAction:
    action = QAction(text, w)
    action.setObjectName(name)
    if key is not None:
        action.setShortcut(QKeySequence(key))
    action.triggered.connect(partial(_call, slot))
    w.addAction(action)
    return action


def make_actions(w: MainWindow) -> None:
    """Every action as an attribute of `w` (actionSave, actionSubmit…), in bars and menus."""
    a = partial(_action, w)
    tr, chain = w.tr, w.run_chain
    w.actionNewArticle = a(
        "actionNewArticle", tr("New article"), w.new_article, QKeySequence.StandardKey.New
    )
    w.actionSave = a("actionSave", tr("Save"), w.save, QKeySequence.StandardKey.Save)
    w.actionSubmit = a("actionSubmit", tr("Submit"), partial(chain, Action.SUBMIT))
    w.actionApprove = a("actionApprove", tr("Approve"), partial(chain, Action.APPROVE))
    w.actionSign = a("actionSign", tr("Sign off"), partial(chain, Action.SIGN))
    w.actionReturn = a("actionReturn", tr("Return…"), partial(chain, Action.RETURN))
    w.actionReopen = a("actionReopen", tr("Reopen…"), partial(chain, Action.REOPEN))
    w.actionSpike = a("actionSpike", tr("Spike…"), partial(chain, Action.SPIKE))
    w.actionPublish = a("actionPublish", tr("Mark published…"), partial(chain, Action.PUBLISH))
    f = w.files
    w.actionCopyForWeChat = a(
        "actionCopyForWeChat", tr("Copy for WeChat"), f.copy_for_wechat, "Ctrl+Shift+C"
    )
    w.actionExportHtml = a("actionExportHtml", tr("Export HTML…"), f.export_html, "Ctrl+Shift+E")
    w.chain_actions = {
        Action.SUBMIT: w.actionSubmit, Action.APPROVE: w.actionApprove,
        Action.SIGN: w.actionSign, Action.RETURN: w.actionReturn,
        Action.REOPEN: w.actionReopen, Action.SPIKE: w.actionSpike,
        Action.PUBLISH: w.actionPublish,
    }  # fmt: skip
    bar = QToolBar(tr("Article"))
    bar.setObjectName("mainToolBar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for action in (
        w.actionNewArticle,
        w.actionSave,
        None,
        *w.chain_actions.values(),
        None,
        w.actionCopyForWeChat,
        w.actionExportHtml,
    ):
        bar.addSeparator() if action is None else bar.addAction(action)
    w.addToolBar(bar)
    # On = 所见即所得 (new users start there), off = 源码; remembered per user (editor_modes).
    w.actionVisualEditing = QAction(tr("Visual editing"), w)
    w.actionVisualEditing.setObjectName("actionVisualEditing")
    w.actionVisualEditing.setCheckable(True)
    w.actionVisualEditing.setChecked(visual_remembered(w.user.username))
    w.actionVisualEditing.setToolTip(
        tr("On: edit the article as it looks. Off: edit its Markdown source.")
    )
    w.actionVisualEditing.toggled.connect(w.set_visual_editing)
    w.addAction(w.actionVisualEditing)
    bar.addSeparator()
    bar.addAction(w.actionVisualEditing)
    e = w.modes.format
    for name, text, slot, key in (
        ("actionBold", tr("Bold"), partial(e, "bold"), QKeySequence.StandardKey.Bold),
        ("actionHeading", tr("Heading"), partial(e, "heading"), "Ctrl+2"),
        ("actionQuote", tr("Quote"), partial(e, "quote"), "Ctrl+Shift+Q"),
        ("actionBulletList", tr("List"), partial(e, "bullet_list"), "Ctrl+Shift+8"),
        ("actionNumberedList", tr("Numbered list"), partial(e, "numbered_list"), "Ctrl+Shift+7"),
        ("actionLink", tr("Link"), partial(e, "link"), "Ctrl+K"),
        ("actionImage", tr("Picture…"), f.insert_picture, None),
        ("actionTable", tr("Table"), partial(e, "table"), None),
    ):
        w.format_bar.addAction(a(name, text, slot, key))
    _menus(w)


def _menus(w: MainWindow) -> None:
    a = partial(_action, w)
    tr, menu, f = w.tr, w.menuBar(), w.files
    file_menu = menu.addMenu(tr("&Article"))
    for action in (w.actionNewArticle, w.actionSave, w.actionCopyForWeChat, w.actionExportHtml):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(
        a("actionDatabase", tr("Database…"), partial(window_dialogs.choose_database, w))
    )
    chain_menu = menu.addMenu(tr("&Review"))
    for action in w.chain_actions.values():
        chain_menu.addAction(action)
    chain_menu.addSeparator()
    forms: tuple[tuple[str, str, Callable[[], object]], ...] = (
        ("actionPrintForm", tr("Print review form…"), f.print_form),
        ("actionSaveFormPdf", tr("Save review form as PDF…"), f.save_form),
        ("actionMonthForms", tr("Review forms of a month…"), f.month_forms),
    )
    for form_action in forms:
        chain_menu.addAction(a(*form_action))
    chain_menu.addSeparator()
    w.actionPush = a("actionPush", tr("Push to the official account…"), w.push)
    chain_menu.addAction(w.actionPush)
    plan_menu = menu.addMenu(tr("&Plan"))
    plans: tuple[tuple[str, str, Callable[[], object]], ...] = (
        ("actionTopicBoard", tr("Topics"), w.planning.board),
        ("actionPlanCalendar", tr("Schedule"), w.planning.calendar),
        ("actionStats", tr("Workload statistics"), w.planning.stats),
    )
    for plan_action in plans:
        plan_menu.addAction(a(*plan_action))
    view_menu = menu.addMenu(tr("&View"))
    view_menu.addAction(w.actionVisualEditing)
    view_menu.addSeparator()
    group = QActionGroup(w)
    current = str(QSettings().value("ui/colorScheme", "system"))
    for scheme, label in (
        ("system", tr("Follow the system")),
        ("light", tr("Light")),
        ("dark", tr("Dark")),
    ):
        action = a(
            f"actionScheme_{scheme}", label, partial(window_dialogs.set_color_scheme, w, scheme)
        )
        action.setCheckable(True)
        action.setChecked(scheme == current)
        group.addAction(action)
        view_menu.addAction(action)
    view_menu.addSeparator()
    for code, label in ((i18n.ZH, "中文"), (i18n.EN, "English")):
        view_menu.addAction(
            a(f"actionLanguage_{code}", label, partial(window_dialogs.set_language, w, code))
        )
    if Role.ADMIN in w.user.roles:
        admin_menu = menu.addMenu(tr("A&dministration"))
        admin_menu.addAction(a("actionAdmin", tr("Staff, account and backup…"), w.administer))
    help_menu = menu.addMenu(tr("&Help"))
    help_menu.addAction(a("actionAbout", tr("About Newsdesk"), partial(window_dialogs.about, w)))


def show_permitted(w: MainWindow, allowed: dict[Action, ChainRefusal | None] | None) -> None:
    """Enable what the core allows on the open article; a refusal is the disabled action's
    tooltip. `allowed` is None with no article open."""
    no_article = w.tr("Open an article first")
    for action, qaction in (
        *w.chain_actions.items(),
        (Action.EXPORT, w.actionCopyForWeChat),
        (Action.EXPORT, w.actionExportHtml),
    ):
        refusal = allowed.get(action) if allowed is not None else None
        ok = allowed is not None and refusal is None
        qaction.setEnabled(ok)
        qaction.setToolTip(
            "" if ok else (refusal.message(i18n.current()) if refusal else no_article)
        )
