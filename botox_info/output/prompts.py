"""The questions of `check` on the terminal: asked on stderr, answered on stdin.

stdout carries only the answer page, so 'botox-info check -i --format json > out.json'
asks on screen and leaves valid JSON in the file. End of input (Ctrl-D, or a
closed pipe) raises EOFError, which the interview takes as 'skip the rest'.
Imports neither typer nor rich.
"""

from __future__ import annotations

import sys

from .streams import prepare, write

YES, NO = ("y", "yes"), ("", "n", "no")  # Enter means no: say yes only on purpose


def say(text: str) -> None:
    write(text, sys.stderr)


def ask(question: str) -> str:
    """The reader's answer to `question`; EOFError at the end of input."""
    stream = prepare(sys.stderr)
    stream.write(f"{question}: ")
    stream.flush()
    return input()  # raises EOFError at end of input; never prints, as its prompt is empty


def confirm(question: str) -> bool:
    while True:
        reply = ask(f"{question} [y/N]").strip().casefold()
        if reply in YES or reply in NO:
            return reply in YES
        say("Please answer y or n (Enter for no).")
