"""`botox-info handout`: one page a clinic can hand over, as HTML or PDF; registered on the app by cli/__init__.

It takes `check`'s options (SituationCommand adds the knowledge base's
shortcut flags), names of side effects, and -o FILE. Nothing heavy is
imported here: the HTML builder and WeasyPrint load only when it runs.
"""

from typing import Annotated

import typer

from .. import commands
from .context import Invocation, load
from .options import AreasOption, Forgiving, HasOption
from .shell import complete_names

Papers = Forgiving(("a4", "letter"))


def handout(
    ctx: typer.Context,
    name: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[NAME]...",
            autocompletion=complete_names,
            show_default=False,
            help="Side effects to give in full instead; quote a name of several words.",
        ),
    ] = None,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Where to write it: FILE.html, FILE.pdf (needs the 'pdf' extra), or - for HTML on stdout.",
        ),
    ] = ...,  # type: ignore[assignment]  # Typer's mark for a required option
    area: AreasOption = None,
    has: HasOption = None,
    paper: Annotated[
        str,
        typer.Option(
            "--paper", metavar="SIZE", click_type=Papers, help="A PDF's paper: a4 or letter (US). [default: a4]"
        ),
    ] = "a4",
    interactive: Annotated[
        bool, typer.Option("--interactive", "-i", help="Answer short questions about the reader first.")
    ] = False,
) -> None:
    """A handout for a patient: one HTML page or PDF, with the clinic's name and contact line.

    Without NAME the reader's areas and situation decide, as in 'check': 'botox-info handout --area forehead -o h.html'.

    With NAMEs, those side effects in full. Always the warning signs, the disclaimer and numbered sources.
    """
    given = ctx.ensure_object(Invocation)
    situations = [*(has or ()), *given.situations]
    commands.handout(load(ctx), output, name or [], area or [], given.numbers, situations, interactive, paper)
