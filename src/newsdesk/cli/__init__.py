"""The `newsdesk` command line: a thin layer over the same services the app uses.

Exit status: 0 done; 1 refused by a rule or bad input (one line on stderr); 2 usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from newsdesk.cli.parser import build_parser
from newsdesk.cli.session import Session, keep_log_off_the_terminal
from newsdesk.cli.streams import tolerate_unencodable
from newsdesk.core.errors import AnswerLost, NewsdeskError
from newsdesk.core.i18n import EN, language_from_environment


def _weightiest(error: NewsdeskError) -> NewsdeskError:
    """The error to tell. A change whose answer was lost may have been saved; a clean-up
    afterwards (letting go of the edit lock) that meets the same dead server must not turn
    that into "nothing was changed"."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, AnswerLost):
            return seen
        seen = seen.__context__
    return error


def _has_screen() -> bool:
    from newsdesk.cli.desktop import has_screen  # only `newsdesk` alone asks

    return has_screen()


def main(argv: Sequence[str] | None = None) -> int:
    tolerate_unencodable()
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = language_from_environment()
    if args.command is None and not _has_screen():
        # `newsdesk` alone means the app; on a terminal with no screen, the commands instead.
        parser.print_help(sys.stderr)
        print(
            "\nnewsdesk: 没有可用的屏幕，桌面程序无法显示：请给出上面的一个命令。"
            if lang != EN
            else "\nnewsdesk: no screen to show the desktop app on: give one of the commands above.",
            file=sys.stderr,
        )
        return 2
    if (args.command or "gui") != "gui":  # the app keeps its own log (newsdesk.log)
        keep_log_off_the_terminal()
    session = Session(args, lang)
    try:
        if (args.command or "gui") == "gui":
            # The app needs none of the other commands' modules: start it without them.
            from newsdesk.cli.desktop import gui

            return gui(session)
        if args.command == "proofread":
            # Nor does checking a file: it starts without the other commands' modules.
            from newsdesk.cli.proofing import proofread

            return proofread(session)
        from newsdesk.cli.commands import dispatch

        return dispatch(session)
    except NewsdeskError as error:
        print(f"newsdesk: {_weightiest(error).message(lang)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsdesk: 已中断" if lang != EN else "newsdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        import logging  # only on the way out after a crash: not part of every start
        import traceback

        try:
            log: object = session.write_crash_report(traceback.format_exc())
        except OSError as error:  # no log folder to write to: say so, still in one line
            log = f"({error.strerror})"
        logging.getLogger("newsdesk").debug("unexpected error written to %s", log)
        text = (
            f"newsdesk: 内部错误，详情已写入 {log}，请把该文件发给技术支持。"
            if lang != EN
            else f"newsdesk: internal error; details written to {log}. Please send it to support."
        )
        print(text, file=sys.stderr)
        return 1
    finally:
        session.close()
