"""Errors shown to the user, each with the exit code the CLI leaves with.

Domain code raises these; cli.py is the one place that turns them into a
message on stderr and an exit code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .plain import echoed

if TYPE_CHECKING:  # built only when a file has a problem: problems.py, not on every run
    from .problems import FileProblem

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2  # Click's own code for a usage error
EXIT_BAD_KNOWLEDGE_BASE = 3
EXIT_OUTPUT = 4  # stdout (or a shell file for --install-completion) cannot be written; not a reader hanging up
EXIT_INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, the code shells give a program stopped that way


class BotoxInfoError(Exception):
    """An error whose message is meant for the user, not a traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _NoMatch(BotoxInfoError):
    """Nothing matched what the user typed: what was not found, close words, where to go next."""

    exit_code = EXIT_NOT_FOUND

    def __init__(self, lead: str, query: str, suggestions: list[str], hint: str) -> None:
        did_you_mean = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"{lead}{did_you_mean} {hint}")
        self.query = query
        self.suggestions = suggestions


class NotFoundError(_NoMatch):
    """No side effect matches what the user typed."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        lead = f"no side effect matches '{echoed(query)}'."
        hint = "Try 'botox-info search' with other words, or 'botox-info list' to see them all."
        super().__init__(lead, query, suggestions, hint)


class AmbiguousNameError(BotoxInfoError):
    """What the user typed is the start of several names."""

    exit_code = EXIT_NOT_FOUND

    def __init__(self, query: str, candidates: list[tuple[str, str]]) -> None:
        lines = [f"'{echoed(query)}' matches more than one side effect:"]
        lines += [f"  {entry_id}  ({name})" for entry_id, name in candidates]
        lines.append("Type more of the name, or one of the ids above.")
        super().__init__("\n".join(lines))
        self.query = query
        self.candidates = candidates


class NoNameError(BotoxInfoError):
    """`show` given nothing to look up ('', spaces, only punctuation): a usage error, not a failed search."""

    exit_code = EXIT_USAGE

    def __init__(self) -> None:
        super().__init__(
            "no name given: type a side effect's name or a word for it, as in 'botox-info show bruise'. "
            "'botox-info list' shows them all."
        )


class NoSearchWordError(BotoxInfoError):
    """A search of nothing but small words ('my it', 'the'): the same usage error whatever the words."""

    exit_code = EXIT_USAGE

    def __init__(self) -> None:
        super().__init__(
            "nothing to search for: small words such as 'my', 'it' and 'the' are ignored. "
            "Add a word that says what you are looking for, as in 'botox-info search my eyelid droops'."
        )


class NoSearchResultError(_NoMatch):
    """No side effect or section mentions every word searched for."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        lead = f"nothing mentions all of '{echoed(query)}'."
        super().__init__(lead, query, suggestions, "Try fewer or other words, or 'botox-info list'.")


class NothingSelectedError(BotoxInfoError):
    """Filters that leave no side effect: said plainly, with exit 1 like any search without a match."""

    exit_code = EXIT_NOT_FOUND

    def __init__(self) -> None:
        super().__init__("no side effect matches those filters. Try fewer, or 'botox-info list' for all.")


class BadDurationError(BotoxInfoError):
    """A duration option that is not 'NUMBER UNIT': a usage error."""

    exit_code = EXIT_USAGE

    def __init__(self, text: str) -> None:
        super().__init__(
            f"'{echoed(text)}' is not a duration. Write a number and a unit: "
            "30 minutes, 6 hours, 3 days, 2 weeks, 4 months, 1 year (or 30min, 6h, 3d, 2w, 4mo, 1y)."
        )


class BadNumberError(BotoxInfoError):
    """A number (an age) outside the range its situation allows: a usage error."""

    exit_code = EXIT_USAGE

    def __init__(self, option: str, value: int, bounds: tuple[int, int, str]) -> None:
        low, high, unit = bounds
        super().__init__(f"{option} {value} is not possible: give a whole number from {low} to {high} ({unit}).")


class UnknownSituationError(BotoxInfoError):
    """A --has value that is no situation of the knowledge base: a usage error, naming the choices."""

    exit_code = EXIT_USAGE

    def __init__(self, query: str, choices: list[str]) -> None:
        super().__init__(f"no situation is called '{echoed(query)}'. Choose one of: {', '.join(choices)}.")


class UnknownAreaError(BotoxInfoError):
    """An --area value that is no treatment area: a usage error, naming the choices."""

    exit_code = EXIT_USAGE

    def __init__(self, query: str, choices: list[str]) -> None:
        super().__init__(f"no treatment area matches '{echoed(query)}'. Choose one of: {', '.join(choices)}.")
        self.query = query
        self.choices = choices


class KnowledgeBaseError(BotoxInfoError):
    """The knowledge-base file cannot be read or does not follow the format."""

    exit_code = EXIT_BAD_KNOWLEDGE_BASE

    def __init__(self, located: Sequence[FileProblem]) -> None:
        problems = [str(problem) for problem in located]
        count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        lines = [f"the knowledge base cannot be used ({count}):"]
        lines += [f"  {problem}" for problem in problems]
        super().__init__("\n".join(lines))
        self.problems = problems
        self.located = list(located)


class OutputError(BotoxInfoError):
    """stdout cannot take the output (disk full, closed): unlike a reader who hung up, the answer is lost."""

    exit_code = EXIT_OUTPUT

    def __init__(self, reason: str) -> None:
        super().__init__(f"cannot write the output: {reason}")


class CompletionInstallError(BotoxInfoError):
    """--install-completion could not write the shell's files: which file, why, and what to do instead."""

    exit_code = EXIT_OUTPUT

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(
            f"cannot install shell completion: {path}: {reason}. "
            "Run 'botox-info --show-completion' and add what it prints to your shell's startup file yourself."
        )


class HandoutFormatError(BotoxInfoError):
    """`handout -o` given a file name whose ending names no format it writes: a usage error."""

    exit_code = EXIT_USAGE

    def __init__(self, path: str) -> None:
        super().__init__(
            f"cannot tell which format to write to '{echoed(path)}': end the file name with .html or .pdf, "
            "or give - to write HTML to standard output."
        )


class PdfUnavailableError(BotoxInfoError):
    """A PDF was asked for, but WeasyPrint (the optional extra) or the libraries it needs are not installed."""

    exit_code = EXIT_USAGE

    def __init__(self, reason: str) -> None:
        super().__init__(
            f'a PDF needs WeasyPrint, which {reason}. Install it with: pip install "botox-info[pdf]" '
            "(on Debian or Ubuntu also: apt-get install libpango-1.0-0 libpangoft2-1.0-0), "
            "or write HTML with -o FILE.html and print that from a browser."
        )


class HandoutWriteError(BotoxInfoError):
    """The handout's file cannot be written (no such folder, no permission, disk full): nothing is left behind."""

    exit_code = EXIT_OUTPUT

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"cannot write the handout to '{echoed(path)}': {reason}")
