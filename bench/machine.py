"""Where and when a benchmark ran: the figures every result file records next to its numbers."""

import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def machine():
    """Date, commit, cores, load average and CPU model of this run (no database needed)."""
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted_files": len(git("status", "--porcelain", "--untracked-files=no").splitlines()),
        "cpus": os.cpu_count(),
        "cpu_model": cpu_model(),
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "python": platform.python_version(),
    }


def cpu_model():
    """The CPU's model name from /proc/cpuinfo, or the platform's processor string elsewhere."""
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return platform.processor()
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "")


def git(*args):
    """Return git's output for the project checkout, or "" when git is unavailable."""
    try:
        return subprocess.run(["git", *args], cwd=BASE_DIR, capture_output=True, text=True, check=True).stdout.strip()  # noqa: S603, S607
    except (OSError, subprocess.CalledProcessError):
        return ""
