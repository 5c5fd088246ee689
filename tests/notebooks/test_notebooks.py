"""The notebooks run top to bottom with the venv's kernel, and are committed without
outputs."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    names = [path.name for path in NOTEBOOKS]
    assert "01-netzwerk-erkunden.ipynb" in names and "02-broker-und-luecken.ipynb" in names


@pytest.fixture(scope="session")
def kernel_name() -> str:
    """The ``python3`` kernel, started with this interpreter.

    jupyter_client runs a spec whose argv starts with ``python`` with ``sys.executable``;
    if no spec is found at all, install ipykernel's into this environment."""
    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        import subprocess

        subprocess.run(
            [sys.executable, "-m", "ipykernel", "install", "--sys-prefix"],
            check=True,
            capture_output=True,
        )
    return "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_uses_only_the_public_api(path):
    notebook = nbformat.read(path, as_version=4)
    source = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert "._" not in source.replace("__", "")
    assert " _" not in " ".join(
        line.split("import", 1)[-1]
        for line in source.splitlines()
        if line.startswith(("from netzwerk", "import netzwerk"))
    )


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path, tmp_path, kernel_name):
    notebook = nbformat.read(path, as_version=4)
    # First make sure the kernel is this venv's Python, not some other installation.
    notebook.cells.insert(
        0,
        nbformat.v4.new_code_cell(
            f"import sys\nassert sys.prefix == {sys.prefix!r}, sys.executable"
        ),
    )
    client = NotebookClient(
        notebook,
        timeout=180,
        kernel_name=kernel_name,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert not errors
    images = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "image/png" in output.get("data", {})
    ]
    assert images, "the figures should display inline"
