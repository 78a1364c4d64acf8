"""The README's Python example runs as written, and its first lines give the two commands."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_python_example_runs():
    (example,) = re.findall(r"## Python API\n\n```python\n(.*?)```", README, flags=re.S)
    result = subprocess.run([sys.executable, "-c", example], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "The alliance with Japan has been vital after World War II." in result.stdout
    assert "Okinawa GPE Q766445" in result.stdout


def test_readme_starts_with_the_two_commands_and_ci_runs_the_test_one():
    first_block = re.search(r"```sh\n(.*?)```", README, flags=re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines()]
    assert commands == ["make annotate", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
