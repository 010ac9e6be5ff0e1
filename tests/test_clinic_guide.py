"""The clinic guide's examples are what the tool really does: a stale one fails here."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .helpers import FIXTURES, ROOT, Run

CLINIC_GUIDE = (ROOT / "docs" / "clinics.md").read_text(encoding="utf-8")


def _without_comments(yaml_text: str) -> list[str]:
    lines = (re.sub(r"\s+#.*$", "", line).rstrip() for line in yaml_text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def test_the_clinic_example_in_the_clinic_guide_is_the_tested_fixture() -> None:
    example = CLINIC_GUIDE[CLINIC_GUIDE.index("```yaml\nsources:\n  - id: our-clinic") + len("```yaml\n") :]
    example = example[: example.index("```")]
    assert _without_comments(example) == _without_comments((FIXTURES / "clinic.yaml").read_text(encoding="utf-8"))


def test_the_validate_example_in_the_clinic_guide_is_what_validate_prints(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(FIXTURES / "clinic.yaml", tmp_path / "clinic.yaml")
    monkeypatch.chdir(tmp_path)
    stdout = run("validate", "clinic.yaml").stdout
    assert f"$ botox-info validate clinic.yaml\n{stdout}" in CLINIC_GUIDE
