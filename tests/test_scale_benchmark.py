"""The scale benchmark measures what it says: a child's own peak memory, and a cold run as an edit.

Not a timing: these check the measuring, so a figure in docs/performance.md means what it claims.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .helpers import benchmark_script

MB = 1_000_000


scale = benchmark_script("scale")


def test_a_child_s_peak_memory_is_its_own_not_the_benchmark_s() -> None:
    held = bytearray(150 * MB)  # the benchmark holding a big file's text while it measures
    held[::4096] = b"x" * len(held[::4096])  # touched, so resident
    small = scale.peak_memory(scale.Run([sys.executable, "-c", "pass"], {}))
    sixty = "b = bytearray(60_000_000); b[::4096] = b'x' * len(b[::4096])"
    big = scale.peak_memory(scale.Run([sys.executable, "-c", sixty], {}))
    assert small < 60 * MB  # without the launcher, at least the 150 MB held here
    assert 60 * MB <= big < 60 * MB + small + 20 * MB
    del held


def test_a_cold_run_is_the_first_after_an_edit_of_the_clinic_file(tmp_path: Path) -> None:
    setting = scale.Setting(tmp_path)
    path, edit = setting.edited(3)
    edit()
    first = path.read_bytes()
    edit()
    second = path.read_bytes()
    original = setting.clinic(3).read_bytes()
    assert first != second  # new bytes each time: the cache entry of the run before cannot serve
    assert first.startswith(original)
    assert second.startswith(original)
    assert len(second) - len(original) < 20  # one comment line, so the same entries are checked each time
