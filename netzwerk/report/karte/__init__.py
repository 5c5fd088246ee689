"""The interactive network map (`netzwerk karte`): one self-contained HTML file.

`data.map_payload` computes what the page shows (the report's figures, layout, time
slider bits); `page.render_page` puts it, the vendored renderer and the page's script
into one file that opens from disk with no network access.
"""
