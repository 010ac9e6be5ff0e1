"""Remake docs/handout.png and docs/handout-phone.png from the real command in Debian's Chromium.

    python -m tests.docs_screenshots

Not a test (pytest does not collect it): the pictures in docs/handout.md, made the way the browser
tests open a handout, kept small (64 colours) so the repository does not grow.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from .test_handout_browser import CHROMIUM_FLAGS, chromium_path

ROOT = Path(__file__).resolve().parent.parent
VIEWS = {"handout": (1000, 1500), "handout-phone": (375, 1100)}  # name -> viewport (width, height)


def main() -> None:
    executable = chromium_path()
    if executable is None:
        sys.exit("no Chromium: apt-get install chromium")
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "handout.html"
        contact = ROOT / "tests" / "fixtures" / "clinic-contact.yaml"
        command = [sys.executable, "-m", "botox_info", "--data", str(contact), "handout", "--area", "forehead"]
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1795564800"}  # a fixed date: the same picture each time
        subprocess.run([*command, "--age", "45", "-o", str(page_file)], check=True, env=env)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
            for name, (width, height) in VIEWS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(page_file.as_uri())
                image = Image.open(io.BytesIO(page.screenshot())).convert("RGB").quantize(colors=64)
                target = ROOT / "docs" / f"{name}.png"
                image.save(target, optimize=True)
                print(f"{target}: {target.stat().st_size // 1024} KB")
            browser.close()


if __name__ == "__main__":
    main()
