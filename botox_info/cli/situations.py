"""`check`'s shortcut options, made from the knowledge base: every situation with a `flag` becomes one.

A yes/no situation becomes `--NAME`, a numeric one `--NAME VALUE` (`--age 62`),
so a clinic's file that adds a situation with a flag adds the option too. The
options are built when `check` parses its words, from the files named so far
on the command line (a --data after the command has been moved before it),
and they record what was chosen in ctx.obj, as --data does.
"""

from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand, TyperOption

from ..errors import KnowledgeBaseError
from ..knowledge.models import KnowledgeBase
from .context import Invocation, load

if TYPE_CHECKING:
    from typer._click import Context  # Typer 0.28 vendors Click


class SituationCommand(TyperCommand):
    """A Typer command whose options include one per flagged situation of the knowledge base."""

    def get_params(self, ctx: "Context") -> list[Any]:
        params = super().get_params(ctx)
        help_option = self.get_help_option(ctx)
        own = [param for param in params if param is not help_option]
        return [*own, *situation_options(_knowledge(ctx)), *([help_option] if help_option in params else [])]


def situation_options(knowledge: KnowledgeBase | None) -> list[TyperOption]:
    if knowledge is None:
        return []
    options = []
    for situation in knowledge.situations:
        if situation.flag is None:
            continue
        numeric = situation.number is not None
        options.append(
            TyperOption(
                param_decls=[f"--{situation.flag}", f"situation_{situation.id.replace('-', '_')}"],
                type=int if numeric else None,
                is_flag=not numeric,
                metavar=situation.number[2].upper() if situation.number else None,
                expose_value=False,
                callback=_recorder(situation.id, numeric),
                help=situation.flag_help,
            )
        )
    return options


def _recorder(situation_id: str, numeric: bool) -> Any:
    def record(ctx: typer.Context, param: Any, value: Any) -> None:
        chosen = ctx.ensure_object(Invocation)
        if numeric and value is not None:
            chosen.numbers[situation_id] = value
        elif not numeric and value:
            chosen.situations.append(situation_id)

    return record


def _knowledge(ctx: "Context") -> KnowledgeBase | None:
    """The knowledge base as the command will read it; None if a file is broken (the command then says so)."""
    try:
        return load(ctx)
    except KnowledgeBaseError:
        return None
