"""Whole-process start-up time of botox-info, against two references.

Runs each command many times in alternation (so machine noise hits all of
them alike) and prints the median wall time of each and its ratio to:

- `python -c pass`: the interpreter alone;
- `python -c "import typer, rich.console, rich.table, yaml"`: the libraries
  the tool must load. The target is `show sagging` <= 1.10x this one.

Usage: python benchmarks/startup.py [--runs N] [--target 1.10]
Exits 1 when `show sagging` misses the target, so CI can run it if wanted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

LIBRARIES = "import typer, rich.console, rich.table, yaml"


def tool_command() -> list[str]:
    """The installed console script beside this interpreter, else `python -m botox_info`."""
    script = Path(sys.executable).with_name("botox-info")
    if script.exists():
        return [str(script)]
    found = shutil.which("botox-info")
    return [found] if found else [sys.executable, "-m", "botox_info"]


NO_CACHE = {"BOTOX_INFO_CACHE_DIR": ""}


def commands() -> dict[str, tuple[list[str], dict[str, str]]]:
    """name -> (argv, extra environment)."""
    tool = tool_command()
    return {
        "python -c pass": ([sys.executable, "-c", "pass"], {}),
        "import libraries": ([sys.executable, "-c", LIBRARIES], {}),
        "show sagging": ([*tool, "show", "sagging"], {}),
        "list": ([*tool, "list"], {}),
        "--version": ([*tool, "--version"], {}),
        "show sagging --format json": ([*tool, "show", "sagging", "--format", "json"], {}),
        "show sagging, cache off": ([*tool, "show", "sagging"], NO_CACHE),
        # Issue 11: a phrase searched, and a phrase `show` takes through search; each <= 1.15x show sagging.
        "search a phrase": ([*tool, "search", "my", "eyelid", "is", "drooping"], {}),
        "show a phrase": ([*tool, "show", "surplus", "skin"], {}),
        # What zsh runs on every Tab after `botox-info show spo`.
        "Tab completion": (
            tool,
            {"_BOTOX_INFO_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "botox-info show spo"},
        ),
    }


def run_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - start


def measure(runs: int) -> dict[str, float]:
    base = {**os.environ, "COLUMNS": "80"}
    table = {name: (argv, {**base, **extra}) for name, (argv, extra) in commands().items()}
    for argv, env in table.values():  # warm the OS file cache, bytecode and our own cache
        run_once(argv, env)
    samples: dict[str, list[float]] = {name: [] for name in table}
    for _ in range(runs):
        for name, (argv, env) in table.items():
            samples[name].append(run_once(argv, env))
    return {name: statistics.median(times) for name, times in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=40, help="runs of each command (default 40)")
    parser.add_argument("--target", type=float, default=1.10, help="largest ratio of show sagging to the libraries")
    options = parser.parse_args()
    medians = measure(options.runs)
    bare, libraries = medians["python -c pass"], medians["import libraries"]
    print(f"{'command':<30} {'median ms':>10} {'x python':>9} {'x libraries':>12}   ({options.runs} runs each)")
    for name, median in medians.items():
        print(f"{name:<30} {median * 1000:>10.1f} {median / bare:>9.2f} {median / libraries:>12.2f}")
    ratio = medians["show sagging"] / libraries
    verdict = "meets" if ratio <= options.target else "MISSES"
    print(f"show sagging is {ratio:.2f}x the libraries reference: {verdict} the {options.target:.2f}x target")
    for name in ("search a phrase", "show a phrase"):
        print(f"{name} is {medians[name] / medians['show sagging']:.2f}x show sagging (limit 1.15x)")
    from accuracy import report  # benchmarks/accuracy.py: the query set's top-1 and top-3

    report()
    return 0 if ratio <= options.target else 1


if __name__ == "__main__":
    sys.exit(main())
