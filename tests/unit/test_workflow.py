"""CI installs exactly what was tested: the GitHub Actions workflow runs the same checks with pinned actions and
images and least privilege, and requirements.lock pins the whole dependency tree."""

from __future__ import annotations

import re

import yaml

from autograd_docs.pages import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
PINNED = re.compile(r"^\s*(?:-\s*)?uses:\s*(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)\s*#\s*v\d+(?:\.\d+)*\s*$")


def load() -> dict:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def test_every_action_is_pinned_to_a_commit_with_its_version_named():
    uses = [line for line in WORKFLOW.read_text("utf-8").split("\n") if re.match(r"^\s*(-\s*)?uses:", line)]
    assert uses
    for line in uses:
        m = PINNED.match(line)
        assert m and re.fullmatch(r"[0-9a-f]{40}", m["ref"]), f"not pinned to a full commit SHA with `# vX.Y.Z`: {line.strip()}"


def test_permissions_are_least_privilege():
    workflow = load()
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["test"]["permissions"] == {"contents": "read"}
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_ci_runs_the_same_checks_and_publishes_the_artifact_built_for_the_pages_address():
    workflow = load()
    jobs = workflow["jobs"]
    assert workflow["env"]["CI"] == "true"
    assert any(step.get("run", "").strip() == "bash .ci/run" for step in jobs["test"]["steps"])
    build = jobs["build"]
    assert build["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    configure = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    make = next(s for s in build["steps"] if "make build" in s.get("run", ""))
    assert make["env"]["SITE_URL"] == f"${{{{ steps.{configure['id']}.outputs.base_url }}}}/"
    assert "SOURCE_DATE_EPOCH" in make["run"]
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    assert [s["uses"].split("@")[0] for s in jobs["deploy"]["steps"]] == ["actions/deploy-pages"]
    assert "SITE_URL" in (ROOT / "mkdocs.yml").read_text("utf-8")


def test_every_container_image_is_pinned_by_digest():
    images = [job["container"] for job in load()["jobs"].values() if "container" in job]
    assert images
    for image in images:
        assert re.fullmatch(r"[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}", image), f"not pinned by digest: {image}"


def test_the_lock_pins_every_package_with_hashes_and_each_direct_pin_at_its_version():
    import tomllib

    from autograd_docs.tools.lock import LOCK, pins

    text = LOCK.read_text()
    locked = pins(text)
    direct = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    for requirement in direct:
        name, version = requirement.split("==")
        assert locked.get(name.lower(), "").split("+")[0] == version, (
            f"pyproject.toml pins {requirement} but requirements.lock has {locked.get(name.lower())}: run `make lock`")
    blocks = [b for b in re.split(r"\n(?=[A-Za-z0-9_.-]+==)", text) if re.match(r"[A-Za-z0-9_.-]+==", b)]
    assert len(blocks) == len(locked) == len(set(locked)) and all("--hash=sha256:" in b for b in blocks), "a locked package has no hash"
    assert "--extra-index-url" not in text and "--find-links" not in text, "the lock names this machine's package folders"
