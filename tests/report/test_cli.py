"""`netzwerk report`, `netzwerk plot …` and `netzwerk demo` through click's runner."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from netzwerk.cli import cli

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "wehringhausen" / "wehringhausen.xlsx"


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_report_command_writes_the_report(sample, tmp_path):
    out = tmp_path / "bericht"
    result = run(
        "--store",
        sample["store"],
        "report",
        "--out",
        out,
        "--lang",
        "en",
        "--as-of",
        "30.06.2024",
        "--compare",
        "2022-06-30",
    )
    assert result.exit_code == 0, result.output
    assert str(out / "report.html") in result.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "What has changed" in html
    assert (out / "brokers.csv").exists() and (out / "figures" / "network-map.png").exists()


def test_report_command_rejects_bad_dates_in_one_line(sample, tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "--store",
            str(sample["store"]),
            "report",
            "--out",
            str(tmp_path / "x"),
            "--compare",
            "gestern",
        ],
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "ungültiges Datum" in result.output


def test_plot_commands_write_png_and_svg(sample, tmp_path):
    for kind, suffix, extra in (
        ("map", ".svg", ()),
        ("gaps", ".png", ()),
        ("ego", ".png", ("wiw",)),
        ("dependency", ".svg", ()),
    ):
        out = tmp_path / f"{kind}{suffix}"
        result = run(
            "--store", sample["store"], "plot", kind, *extra, "--out", out, "--as-of", "2024-06-30"
        )
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000


def test_plot_ego_unknown_actor_is_one_line_error(sample, tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "--store",
            str(sample["store"]),
            "plot",
            "ego",
            "niemand",
            "--out",
            str(tmp_path / "e.png"),
        ],
    )
    assert result.exit_code == 2
    assert "nicht gefunden" in result.output


def test_demo_writes_the_full_report(tmp_path):
    result = run("demo", "--out", tmp_path / "demo")
    assert result.exit_code == 0, result.output
    assert "Akteure" in result.output and "180" in result.output
    assert str(tmp_path / "demo" / "report.html") in result.output
    html = (tmp_path / "demo" / "report.html").read_text(encoding="utf-8")
    assert "Was sich verändert hat" in html
