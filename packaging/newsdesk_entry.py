"""Entry point of the packaged app: the same `newsdesk` command as a source install."""

import multiprocessing
import sys

from newsdesk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    # Double-clicked (no arguments): the desktop app, as `newsdesk` alone does.
    sys.exit(main())
