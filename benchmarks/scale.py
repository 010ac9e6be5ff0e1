"""How botox-info copes with a clinic's big knowledge base, and what `--help` and `list` cost.

Whole-process runs, in alternation (so machine noise hits every command of a
table alike); each table prints medians and the ratios its targets are about.
The clinic files are generated on the fly (benchmarks/generate_clinic.py, the
same bytes for the same N) into a temporary folder, with their own cache.

Tables (choose with --case; all by default):

- floor:  `--help`, `list` and `show sagging` on the built-in knowledge base,
          against a script that only imports the libraries (target 1.10x).
- 1k, 10k: warm `show`, `search` and `list` with a clinic file of 1,000 or
          10,000 entries, against the same command on the built-in knowledge
          base (targets 1.2x, 1.2x, 2x); a cold `show` (the first run after an
          edit: the file gets a new last line before each run) against a warm
          one (target 2x); the cost of each entry (the time over the
          built-in's, per entry), which must not grow from 1,000 to 10,000
          entries. For information, no target: a `show` from an empty cache
          (the first run ever, or after an upgrade), which reads every file.
- memory: the peak resident memory (ru_maxrss, through a small launcher) of a
          `show` from an empty cache with each file, so every file is read,
          over the built-in's, as a multiple of the file's size (target 20x).

Usage: python benchmarks/scale.py [--case floor,1k,10k,memory] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_clinic import clinic_file
from startup import LIBRARIES, tool_command

CASES = ("floor", "1k", "10k", "memory")
SIZES = {"1k": 1000, "10k": 10000}
# One entry of the generated file and words its text holds, for `show` and `search`.
SHOW = "b500"
SEARCH = ["swelling", "eyelid"]


class Run:
    """One command to time: argv, and a hook run before each run (to empty the cache)."""

    def __init__(self, argv: list[str], env: dict[str, str], before: Callable[[], None] | None = None) -> None:
        self.argv, self.env, self.before = argv, env, before


def run_once(run: Run) -> float:
    """Wall time of one run, in seconds."""
    if run.before is not None:
        run.before()
    start = time.perf_counter()
    child = subprocess.run(run.argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=run.env, check=False)
    elapsed = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(run.argv)} exited with {child.returncode}")
    return elapsed


def measure(table: dict[str, Run], runs: int) -> dict[str, float]:
    """name -> median seconds, the commands run in alternation after one run each to warm up."""
    for run in table.values():
        run_once(run)
    samples: dict[str, list[float]] = {name: [] for name in table}
    for _ in range(runs):
        for name, run in table.items():
            samples[name].append(run_once(run))
    return {name: statistics.median(found) for name, found in samples.items()}


class Setting:
    """The temporary folder: the generated files, and a cache folder per case."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.tool = tool_command()
        self.base = {**os.environ, "COLUMNS": "80", "BOTOX_INFO_DATA": ""}
        self.base.pop("XDG_CONFIG_HOME", None)
        self.base["XDG_CONFIG_HOME"] = str(folder / "no-config")  # no user's own file

    def clinic(self, count: int) -> Path:
        path = self.folder / f"clinic-{count}.yaml"
        if not path.exists():
            path.write_text(clinic_file(count), encoding="utf-8")
        return path

    def env(self, cache: str) -> dict[str, str]:
        return {**self.base, "BOTOX_INFO_CACHE_DIR": str(self.folder / cache)}

    def emptying(self, cache: str) -> Callable[[], None]:
        """Before each run from an empty cache: remove the cache folder, as on the first run ever."""
        return lambda: shutil.rmtree(self.folder / cache, ignore_errors=True)

    def edited(self, count: int) -> tuple[Path, Callable[[], None]]:
        """A copy of the clinic file, and an edit of it before each run: a new last line, new bytes."""
        path = self.folder / f"clinic-{count}-edited.yaml"
        text = self.clinic(count).read_text(encoding="utf-8")
        edits = iter(range(1, 1_000_000))

        def edit() -> None:
            path.write_text(f"{text}# edit {next(edits)}\n", encoding="utf-8")

        return path, edit


def floor_table(setting: Setting, runs: int) -> None:
    env = setting.env("cache-floor")
    table = {
        "import libraries": Run([sys.executable, "-c", LIBRARIES], env),
        "--help": Run([*setting.tool, "--help"], env),
        "list": Run([*setting.tool, "list"], env),
        "show sagging": Run([*setting.tool, "show", "sagging"], env),
    }
    medians = measure(table, runs)
    libraries = medians["import libraries"]
    print(f"\nfloor ({runs} runs each)")
    print(f"{'command':<20} {'median ms':>10} {'x libraries':>12}  target")
    for name, seconds in medians.items():
        target = "" if name == "import libraries" else "<= 1.10"
        print(f"{name:<20} {seconds * 1000:>10.1f} {seconds / libraries:>12.2f}  {target}")


def size_table(setting: Setting, case: str, runs: int) -> dict[str, float]:
    count = SIZES[case]
    clinic = str(setting.clinic(count))
    env, empty_cache = setting.env(f"cache-{case}"), f"cache-{case}-empty"
    edited, edit = setting.edited(count)
    tool = setting.tool
    table = {
        "built-in show": Run([*tool, "show", "sagging"], env),
        "built-in search": Run([*tool, "search", *SEARCH], env),
        "built-in list": Run([*tool, "list"], env),
        "warm show": Run([*tool, "--data", clinic, "show", SHOW], env),
        "warm search": Run([*tool, "--data", clinic, "search", *SEARCH], env),
        "warm list": Run([*tool, "--data", clinic, "list"], env),
        "cold show": Run([*tool, "--data", str(edited), "show", SHOW], env, edit),
        "empty-cache show": Run(
            [*tool, "--data", clinic, "show", SHOW], setting.env(empty_cache), setting.emptying(empty_cache)
        ),
    }
    medians = measure(table, runs)
    print(f"\n{count:,} entries ({runs} runs each)")
    print(f"{'command':<16} {'median ms':>10} {'ratio':>7}  {'of':<16} target")
    rows = [
        ("warm show", "built-in show", "1.20"),
        ("warm search", "built-in search", "1.20"),
        ("warm list", "built-in list", "2.00"),
        ("cold show", "warm show", "2.00"),
    ]
    for name in ("built-in show", "built-in search", "built-in list"):
        print(f"{name:<16} {medians[name] * 1000:>10.1f}")
    for name, reference, target in rows:
        ratio = medians[name] / medians[reference]
        print(f"{name:<16} {medians[name] * 1000:>10.1f} {ratio:>7.2f}  {reference:<16} <= {target}")
    empty, warm = medians["empty-cache show"], medians["warm show"]
    print(f"{'empty-cache show':<16} {empty * 1000:>10.1f} {empty / warm:>7.2f}  {'warm show':<16} (no target)")
    per_entry = {
        name: (medians[name] - medians[reference]) / count * 1e6 for name, reference, _ in rows if name != "cold show"
    }
    per_entry["cold show"] = (medians["cold show"] - medians["built-in show"]) / count * 1e6
    print(
        "cost per entry, over the built-in (microseconds): " + ", ".join(f"{k} {v:.0f}" for k, v in per_entry.items())
    )
    return per_entry


# A process's peak memory (ru_maxrss) is never lower than what its parent held when it was
# started: Linux counts the parent's memory, which the child shares until it executes the
# tool. So the tool is started by a small launcher, which reports its child's own peak.
LAUNCHER = """\
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_memory(run: Run) -> int:
    """The peak resident memory of one run of `run`, in bytes, measured by the launcher."""
    if run.before is not None:
        run.before()
    argv = [sys.executable, "-c", LAUNCHER, *run.argv]
    done = subprocess.run(argv, env=run.env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(run.argv)} exited with {done.returncode}")
    factor = 1 if sys.platform == "darwin" else 1024  # Linux gives kilobytes, macOS bytes
    return int(done.stdout) * factor


def memory_table(setting: Setting, runs: int) -> None:
    tool = setting.tool
    table = {"built-in, cold": Run([*tool, "show", "sagging"], setting.env("mem-0"), setting.emptying("mem-0"))}
    sizes = {}
    for case, count in SIZES.items():
        clinic = setting.clinic(count)
        sizes[f"{count:,} entries, cold"] = clinic.stat().st_size
        cache = f"mem-{case}"
        run = Run([*tool, "--data", str(clinic), "show", SHOW], setting.env(cache), setting.emptying(cache))
        table[f"{count:,} entries, cold"] = run
    peaks: dict[str, list[int]] = {name: [] for name in table}
    for _ in range(runs):
        for name, run in table.items():
            peaks[name].append(peak_memory(run))
    medians = {name: int(statistics.median(found)) for name, found in peaks.items()}
    builtin = medians["built-in, cold"]
    print(f"\npeak memory of a `show` from an empty cache ({runs} runs each)")
    print(f"{'run':<22} {'peak MB':>8} {'file MB':>8} {'(peak - built-in) / file':>25}  target")
    print(f"{'built-in, cold':<22} {builtin / 1e6:>8.1f}")
    for name, size in sizes.items():
        peak = medians[name]
        print(f"{name:<22} {peak / 1e6:>8.1f} {size / 1e6:>8.2f} {(peak - builtin) / size:>25.1f}  <= 20")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", default=",".join(CASES), help=f"tables to run, comma-separated: {', '.join(CASES)}")
    parser.add_argument(
        "--runs",
        type=int,
        default=0,
        help="runs of each command (default: 30 for floor, 15 for 1k, 5 for 10k and memory)",
    )
    options = parser.parse_args()
    chosen = [case.strip() for case in options.case.split(",") if case.strip()]
    unknown = [case for case in chosen if case not in CASES]
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}; choose from {', '.join(CASES)}")
    defaults = {"floor": 30, "1k": 15, "10k": 5, "memory": 5}
    import platform

    machine = platform.processor() or platform.machine()
    print(f"{platform.node()}: {machine}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory(prefix="botox-info-scale-") as folder:
        setting = Setting(Path(folder))
        per_entry = {}
        for case in chosen:
            runs = options.runs or defaults[case]
            if case == "floor":
                floor_table(setting, runs)
            elif case == "memory":
                memory_table(setting, runs)
            else:
                per_entry[case] = size_table(setting, case, runs)
        if len(per_entry) == 2:
            print(
                "\ncost per entry, 10k over 1k (target <= 1.00, linear): "
                + ", ".join(f"{name} {per_entry['10k'][name] / per_entry['1k'][name]:.2f}" for name in per_entry["1k"])
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
