"""The knowledge base: read the YAML, validate it once, cache it, layer a clinic's files, build the models.

Imports neither typer nor rich, nor anything of `answers` or `output`.
`from botox_info import knowledge` then `knowledge.load()`: the loader and
the models are found here on first use, so a module that needs only the
models (output does) does not import the loader by importing this package.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LOADER = ("load", "load_layers", "BUILTIN_RESOURCE", "MAX_BYTES")


def __getattr__(name: str) -> Any:
    # import_module, not `from . import`: that would ask this very function for the submodule.
    module = import_module(f"{__name__}.{'loader' if name in _LOADER else 'models'}")
    try:
        return getattr(module, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
