"""`make lock`: re-resolve requirements.lock (every package, with hashes) from pyproject.toml and show what changed.

pyproject.toml pins what the project uses directly; the lock pins everything under it, so a fresh clone
installs exactly what was tested. pip-tools resolves with this machine's pip configuration, which is what
finds the local CPU wheel of torch (uv and poetry would fetch a multi-GB CUDA build instead).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys

from autograd_docs.pages import ROOT

LOCK = ROOT / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+)", re.M)
PIP_TOOLS = "pip-tools==7.6.2"


def pins(text: str) -> dict[str, str]:
    return {name.lower(): version for name, version in PIN.findall(text)}


def changes(old: dict[str, str], new: dict[str, str]) -> list[str]:
    out = []
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            out.append(f"- {name} {old[name]}")
        elif name not in old:
            out.append(f"+ {name} {new[name]}")
        elif old[name] != new[name]:
            out.append(f"~ {name} {old[name]} -> {new[name]}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--upgrade", action="store_true", help="take the newest versions the pins allow, not the locked ones")
    args = parser.parse_args(argv)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", PIP_TOOLS], check=True)
    old = pins(LOCK.read_text()) if LOCK.exists() else {}
    cmd = [sys.executable, "-m", "piptools", "compile", "--quiet", "--generate-hashes", "--strip-extras", "--allow-unsafe",
           "--no-emit-index-url", "--no-emit-find-links", "--output-file", str(LOCK.relative_to(ROOT)), "pyproject.toml"]
    subprocess.run(cmd + (["--upgrade"] if args.upgrade else []), cwd=ROOT, check=True)
    diff = changes(old, pins(LOCK.read_text()))
    print("\n".join(diff) if diff else "requirements.lock: no version changed")
    if diff:
        print(f"{len(diff)} change(s): run `make test`, then commit requirements.lock")
    return 0


if __name__ == "__main__":
    sys.exit(main())
