"""The shell: Tab completion's words, and --install-completion / --show-completion for a named shell."""

import typer
from typer._completion_shared import Shells
from typer.completion import install_callback, show_callback

from ..knowledge import locations
from ..knowledge.models import KnowledgeBase
from .context import data_files

_COMPLETION_OPTIONS = ("--install-completion", "--show-completion")
SHELLS = tuple(shell.value for shell in Shells)


def with_shell_values(args: list[str], command_names: set[str]) -> list[str]:
    """`args` with an empty value given to a completion option that names no shell.

    Typer 0.28 makes --install-completion and --show-completion flags, so in
    '--install-completion zsh' the shell was taken for a command and ignored:
    it installed for whichever shell ran the program. They take a SHELL now;
    Click's parser cannot make a value optional, so a bare one (followed by
    nothing, an option or a command) gets '' here, which means 'detect it'.
    """
    given = list(args)
    for position, arg in enumerate(given):
        if arg == "--":
            break
        following = given[position + 1] if position + 1 < len(given) else None
        if arg in _COMPLETION_OPTIONS and (following is None or following[:1] == "-" or following in command_names):
            given[position] = f"{arg}="
    return given


def _completion_shell(shell: str | None) -> str | bool | None:
    """A named shell, True to detect the running one ('' from a bare option), None if not asked."""
    if shell is None:
        return None
    if shell and shell.casefold() not in SHELLS:
        raise typer.BadParameter(f"'{shell}' is not one of {', '.join(map(repr, SHELLS))}.")
    return shell.casefold() or True


def install_completion(ctx: typer.Context, param: typer.CallbackParam, shell: str | None) -> None:
    chosen = _completion_shell(shell)
    if chosen is not None and not ctx.resilient_parsing:
        install_callback(ctx, param, chosen)  # Typer's own, with the shell named or True (detect)


def show_completion(ctx: typer.Context, param: typer.CallbackParam, shell: str | None) -> None:
    chosen = _completion_shell(shell)
    if chosen is not None and not ctx.resilient_parsing:
        show_callback(ctx, param, chosen)


def complete_names(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion after `show`: ids and aliases, spaces as hyphens (lookup treats them alike)."""
    from ..answers.completion import side_effect_words

    return side_effect_words(_tab_knowledge(ctx), incomplete)


def complete_areas(ctx: typer.Context, incomplete: str) -> list[str]:
    from ..answers.completion import area_words

    return area_words(_tab_knowledge(ctx), incomplete)


def complete_situations(ctx: typer.Context, incomplete: str) -> list[str]:
    from ..answers.completion import situation_words

    return situation_words(_tab_knowledge(ctx), incomplete)


def _tab_knowledge(ctx: typer.Context) -> KnowledgeBase | None:
    """What Tab completes from: the files named so far, or as much of them as can be read."""
    from ..answers.completion import knowledge_for_tab

    return knowledge_for_tab(locations.layer_paths(data_files(ctx)))
