"""The data files pass their own checkers (scripts/check_kb.py, scripts/check_lexicons.py)."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("script", ["scripts/check_kb.py", "scripts/check_lexicons.py"])
def test_data_file_checker_reports_no_error(script):
    run = subprocess.run([sys.executable, str(ROOT / script)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
