"""Writing figures: PNG and SVG, in memory or to a file, byte-identical for the same data.

No timestamp in either format, a fixed SVG hash salt (`style.RC_PARAMS`), and PNGs in RGB
on white (no alpha channel: smaller files).
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from netzwerk.errors import ConfigError
from netzwerk.private_files import atomic_write_bytes, safe_output_path
from netzwerk.report.figures.style import DPI, RC_PARAMS


def png_bytes(figure: Figure, dpi: int = DPI) -> bytes:
    """The figure as an RGB PNG on white (no timestamp, no alpha channel: smaller files)."""
    with matplotlib.rc_context(RC_PARAMS):
        original = figure.dpi
        figure.set_dpi(dpi)
        try:
            canvas = FigureCanvasAgg(figure)
            figure.patch.set_facecolor("white")
            canvas.draw()
            pixels = np.asarray(canvas.buffer_rgba())[..., :3]
        finally:
            figure.set_dpi(original)
    buffer = io.BytesIO()
    PIL.Image.fromarray(pixels).save(buffer, format="png", compress_level=3)
    return buffer.getvalue()


def svg_text(figure: Figure) -> str:
    """The figure as SVG; deterministic (fixed hash salt, no date)."""
    buffer = io.StringIO()
    with matplotlib.rc_context(RC_PARAMS):
        figure.savefig(
            buffer, format="svg", metadata={"Date": None, "Creator": None}, facecolor="white"
        )
    return buffer.getvalue()


def save_figure(figure: Figure, path: Path | str) -> Path:
    """Write the figure atomically; the format follows the suffix (.png or .svg)."""
    path = safe_output_path(Path(path))
    suffix = path.suffix.lower()
    if suffix == ".png":
        data = png_bytes(figure)
    elif suffix == ".svg":
        data = svg_text(figure).encode("utf-8")
    else:
        raise ConfigError(
            f'{path.name}: unbekanntes Bildformat "{suffix or "(keins)"}" — .png oder .svg wählen'
        )
    return atomic_write_bytes(path, data)
