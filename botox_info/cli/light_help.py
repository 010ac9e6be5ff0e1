"""Typer's help drawing without the modules it never uses here: `--help` as fast as a command.

typer.rich_utils imports rich.markdown (and with it markdown-it) for help written
in Markdown, and rich.traceback (with rich.syntax, rich.pretty and pygments'
pieces) for pretty tracebacks: about 45 ms, a third of a run. botox-info's help is
plain text in Typer's "rich" markup mode, and pretty tracebacks are off, so
neither is ever used. Before Typer first needs its help module, `prepare` imports
it with stand-ins for those two modules, then takes the stand-ins away, so any
later `import rich.markdown` gets the real module; were a stand-in ever called, it
imports and returns the real thing.
"""

import sys
from collections.abc import Mapping
from types import ModuleType
from typing import Any

HELP_WORDS = frozenset(("-h", "--help"))
COMPLETING = "_BOTOX_INFO_COMPLETE"  # set while the shell asks for completions: then there is no help to draw
_HEAVY = {"rich.markdown": "Markdown", "rich.traceback": "Traceback"}


def asks_for_help(words: list[str], environ: Mapping[str, str]) -> bool:
    """Whether Typer will draw help for this command line (also when it has no words at all)."""
    return COMPLETING not in environ and (not words or any(word in HELP_WORDS for word in words))


def prepare() -> None:
    """Import typer.rich_utils without rich.markdown and rich.traceback, unless already imported."""
    if "typer.rich_utils" in sys.modules:
        return
    placed = []
    for module_name, class_name in _HEAVY.items():
        if module_name not in sys.modules:
            stand_in = ModuleType(module_name)
            setattr(stand_in, class_name, _deferred(module_name, class_name))
            sys.modules[module_name] = stand_in
            placed.append(module_name)
    try:
        import typer.rich_utils  # noqa: F401 - imported now, with the stand-ins in place
    except ImportError:
        # A Typer that wants more of those modules than the stand-ins hold: forget the half-made
        # module, and Typer imports its help module the usual way when it needs it.
        sys.modules.pop("typer.rich_utils", None)
    finally:
        for module_name in placed:
            del sys.modules[module_name]


def _deferred(module_name: str, class_name: str) -> type:
    class Deferred:
        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            from importlib import import_module

            return getattr(import_module(module_name), class_name)(*args, **kwargs)

    Deferred.__name__ = Deferred.__qualname__ = class_name
    return Deferred
