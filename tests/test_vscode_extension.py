"""The VS Code extension (``editors/vscode/``): its manifest, its code and the ``.vsix`` it builds.

- The manifest checks are plain JSON and always run.
- The extension's own unit tests (``node --test``, with stand-ins for VS Code and the language client)
  need ``node``.
- The build runs ``npm ci`` and ``npx @vscode/vsce package`` in a copy of the folder (npm fetches the
  locked packages from the registry or its cache) and reads the ``.vsix``. ``.ci/run`` builds the
  ``.vsix`` itself and names it in ``ADLINT_CI_VSIX``; this test then reads that one instead of building
  it twice. Skipped, saying so, only when ``npm`` is not installed. Marked ``packaging`` like the
  wheel tests.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXT = ROOT / "editors" / "vscode"
LANGUAGES = {"markdown", "plaintext", "html"}


def _manifest() -> dict:
    return json.loads((EXT / "package.json").read_text(encoding="utf-8"))


def _check_manifest(manifest: dict) -> None:
    """What the extension must declare: the settings, the restart command, the languages, the entry point."""
    props = manifest["contributes"]["configuration"]["properties"]
    assert props["adlint.path"]["type"] == "string" and props["adlint.path"]["default"] == "adlint"
    assert props["adlint.args"]["type"] == "array" and props["adlint.args"]["default"] == []
    assert props["adlint.args"]["items"] == {"type": "string"}
    assert props["adlint.trace.server"]["enum"] == ["off", "messages", "verbose"]
    commands = {c["command"]: c for c in manifest["contributes"]["commands"]}
    assert commands["adlint.restartServer"]["title"]
    assert {f"onLanguage:{lang}" for lang in LANGUAGES} <= set(manifest["activationEvents"])
    assert manifest["main"] == "./extension.js"
    assert manifest["engines"]["vscode"]
    assert "vscode-languageclient" in manifest["dependencies"]
    # a repository cannot pick the program VS Code runs
    untrusted = manifest["capabilities"]["untrustedWorkspaces"]
    assert set(untrusted["restrictedConfigurations"]) == {"adlint.path", "adlint.args"}


def test_manifest_declares_settings_command_and_languages() -> None:
    _check_manifest(_manifest())
    source = (EXT / "extension.js").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        assert f'"{lang}"' in source
    assert '"server"' in source and "adlint.restartServer" in source


def test_lock_file_pins_what_the_build_uses() -> None:
    manifest = _manifest()
    lock = json.loads((EXT / "package-lock.json").read_text(encoding="utf-8"))
    root = lock["packages"][""]
    assert root["dependencies"] == manifest["dependencies"]
    assert root["devDependencies"] == manifest["devDependencies"]
    assert "@vscode/vsce" in manifest["devDependencies"]  # `npx @vscode/vsce` runs the locked one after npm ci
    for name in [*manifest["dependencies"], *manifest["devDependencies"]]:
        assert f"node_modules/{name}" in lock["packages"], name
    ignored = (EXT / ".gitignore").read_text(encoding="utf-8").split()
    assert "node_modules/" in ignored and "*.vsix" in ignored


def test_extension_unit_tests_pass() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the extension's unit tests need it")
    proc = subprocess.run([node, "--test", "test/extension.test.js"], cwd=EXT, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "# fail 0" in proc.stdout and "# pass 0" not in proc.stdout, proc.stdout


@pytest.fixture(scope="module")
def vsix(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``.vsix``: the one ``.ci/run`` built, or one built here with the documented commands."""
    built = os.environ.get("ADLINT_CI_VSIX")
    if built:
        return Path(built)
    npm, npx = shutil.which("npm"), shutil.which("npx")
    if npm is None or npx is None:
        pytest.skip("npm is not installed: the VS Code extension (.vsix) cannot be built")
    work = tmp_path_factory.mktemp("vscode") / "vscode"
    shutil.copytree(EXT, work, ignore=shutil.ignore_patterns("node_modules", "*.vsix"))
    env = {**os.environ, "npm_config_update_notifier": "false", "npm_config_fund": "false",
           "npm_config_audit": "false"}
    # --ignore-scripts: no install script of vsce's optional dependencies (keytar, vsce-sign) is needed to package
    for cmd in ([npm, "ci", "--ignore-scripts"], [npx, "--no", "@vscode/vsce", "package", "--out", "adlint.vsix"]):
        proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=600,
                              stdin=subprocess.DEVNULL)
        assert proc.returncode == 0, f"{' '.join(cmd[1:])} failed:\n{proc.stdout}\n{proc.stderr}"
    return work / "adlint.vsix"


@pytest.mark.packaging
def test_vsix_ships_the_manifest_and_the_language_client(vsix: Path, tmp_path: Path) -> None:
    assert vsix.is_file(), vsix
    with zipfile.ZipFile(vsix) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("extension/package.json"))
        vsixmanifest = zf.read("extension.vsixmanifest").decode("utf-8")
        zf.extractall(tmp_path)
    _check_manifest(manifest)
    source = _manifest()
    assert manifest["contributes"] == source["contributes"] and manifest["version"] == source["version"]
    assert f'Id="{source["name"]}"' in vsixmanifest and f'Publisher="{source["publisher"]}"' in vsixmanifest
    assert {"extension/extension.js", "extension/LICENSE.txt", "extension/readme.md"} <= names
    assert (tmp_path / "extension" / "extension.js").read_bytes() == (EXT / "extension.js").read_bytes()
    # the runtime dependency is in, the build tool and the extension's tests are not
    assert "extension/node_modules/vscode-languageclient/node.js" in names
    assert not [n for n in names if n.startswith(("extension/node_modules/@vscode/vsce", "extension/test/"))]
    node = shutil.which("node")
    if node:  # `require("vscode-languageclient/node")` resolves inside the unpacked extension
        proc = subprocess.run([node, "-e", "console.log(require.resolve('vscode-languageclient/node'))"],
                              cwd=tmp_path / "extension", capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert Path(proc.stdout.strip()).is_relative_to(tmp_path / "extension" / "node_modules")
