"""The one error boundary: the domain's errors become a message on stderr and a documented exit code."""

import os
import sys
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

from ..errors import EXIT_INTERRUPTED, EXIT_OK, BotoxInfoError
from ..output import streams, widen_columns
from . import light_help
from .options import data_before_command
from .shell import with_shell_values

if TYPE_CHECKING:
    from collections.abc import Sequence

    from typer._click import Context  # Typer 0.28 vendors Click


class ErrorBoundary(TyperGroup):
    """Turns the domain's errors into a message on stderr and a documented exit code.

    Around `main`, not `invoke`: --help, --version, --install-completion and
    shell completion write while the options are parsed, before any command.
    """

    def main(self, args: "Sequence[str] | None" = None, *rest: Any, **options: Any) -> Any:
        widen_columns(os.environ)  # before Typer draws help or a usage error, which Rich sizes from COLUMNS
        streams.guard_stdout()
        if light_help.asks_for_help(sys.argv[1:] if args is None else list(args), os.environ):
            light_help.prepare()
        try:
            return super().main(args, *rest, **options)
        except BotoxInfoError as problem:
            _fail(problem)
        except (streams.ReaderGone, BrokenPipeError):
            _silence_stdout()
            sys.exit(EXIT_OK)
        except OSError as error:
            # Our own code turns its OSErrors into BotoxInfoError, and stdout's become
            # OutputError: what is left is Typer writing the shell's files.
            words = sys.argv[1:] if args is None else args
            if error.filename is None or "--install-completion" not in words:
                raise
            from ..errors import CompletionInstallError
            from ..plain import readable_path

            _fail(CompletionInstallError(readable_path(error.filename), error.strerror or str(error)))

    def parse_args(self, ctx: "Context", args: list[str]) -> list[str]:
        commands = set(self.commands)
        return super().parse_args(ctx, data_before_command(with_shell_values(args, commands), commands))

    def invoke(self, ctx: "Context") -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Ctrl-C: 130 as a shell reports it, rather than Click's 'Aborted!' and the 1 of 'not found'.
            streams.write("\nbotox-info: interrupted", sys.stderr)
            raise typer.Exit(EXIT_INTERRUPTED) from None


def _fail(problem: BotoxInfoError) -> None:
    from ..output import terminal

    terminal.error(problem.message)
    _silence_stdout()  # output the disk refused stays buffered: drop it, or exiting would fail again
    sys.exit(problem.exit_code)


def _silence_stdout() -> None:
    """After the reader of a pipe has gone (or the disk is full), send the rest of our output nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
