"""Where the knowledge-base files come from, in the order they are layered.

1. the built-in file; 2. the user's own file in the platform's config folder,
if it exists; 3. the files named in $BOTOX_INFO_DATA (separated like PATH);
4. each --data FILE, in the order given. Imports neither typer nor rich.
"""

from __future__ import annotations

import os
from typing import NamedTuple

DATA_VARIABLE = "BOTOX_INFO_DATA"
USER_FILE = os.path.join("botox-info", "side_effects.yaml")


class Candidate(NamedTuple):
    path: str
    why: str  # how it was named: "your own file", "$BOTOX_INFO_DATA", "--data"
    required: bool  # named on purpose, so a missing file is an error rather than skipped


def user_file() -> str | None:
    """$XDG_CONFIG_HOME/botox-info/side_effects.yaml (%APPDATA% on Windows; else ~/.config).

    Only from an absolute folder: a relative one ($XDG_CONFIG_HOME=cfg, a relative $HOME)
    is a folder of wherever the command runs, and whoever owns it would choose our advice.
    """
    home_config = os.path.join(os.path.expanduser("~"), ".config")
    for base in (os.environ.get("XDG_CONFIG_HOME"), os.environ.get("APPDATA"), home_config):
        if base and os.path.isabs(base):
            return os.path.join(base, USER_FILE)
    return None


def candidates(data_options: list[str]) -> list[Candidate]:
    """Every file that may be layered on the built-in one, in order."""
    own = user_file()
    found = [Candidate(own, "your own file", required=False)] if own is not None else []
    from_variable = [path for path in os.environ.get(DATA_VARIABLE, "").split(os.pathsep) if path]
    found += [Candidate(path, f"${DATA_VARIABLE}", required=True) for path in from_variable]
    found += [Candidate(path, "--data", required=True) for path in data_options]
    return found


def layer_paths(data_options: list[str]) -> list[str]:
    """The files to layer: those named on purpose, and the user's own if anything is there.

    Not `isfile`: a directory or a named pipe where the user's file belongs is a mistake
    to report (reading refuses it), not a reason to answer silently without that file.
    """
    return [c.path for c in candidates(data_options) if c.required or os.path.exists(c.path)]
