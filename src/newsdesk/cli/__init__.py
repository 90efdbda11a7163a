"""The `newsdesk` command line: a thin layer over the same services the app uses.

Exit status: 0 done; 1 refused by a rule or bad input (one line on stderr); 2 usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from newsdesk.cli.parser import build_parser
from newsdesk.cli.session import Session
from newsdesk.core.errors import NewsdeskError
from newsdesk.core.i18n import EN, language_from_environment


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = language_from_environment()
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
        print(f"newsdesk: {error.message(lang)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsdesk: 已中断" if lang != EN else "newsdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        import logging  # only on the way out after a crash: not part of every start
        import traceback

        log = session.crash_log()
        log.write_text(traceback.format_exc(), encoding="utf-8")
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
