"""run_all.py reads bench_bundle.py's summary lines into figures for docs/BENCHMARKS.md."""

from __future__ import annotations

from benchmarks.run_all import bundle_figures

OUTPUT = """\
Steady 0.1.0 bundle on linux, Python 3.11.7
build time (PyInstaller, clean): 11.2 s
bundle size: 164.9 MB (target <= 180 MB: ok)
.deb size: 43.1 MB, built in 30.2 s (target <= 60 MB: ok)
wheel size: 514.8 kB (steady-0.1.0-py3-none-any.whl)
sdist size: 480.6 kB (steady-0.1.0.tar.gz)
lintian tags: 2 kinds, 281 reports: dir-or-file-in-opt (280), hardening-no-pie (1)
start-up, venv   (python -m app --self-test): median 0.46 s (min 0.44, max 0.48, n=7)
start-up, bundle (steady --self-test):        median 0.44 s (min 0.43, max 0.46, n=7)
bundle / venv: 0.96x (target <= 1.3x: ok)
"""


def test_every_bundle_figure_is_read() -> None:
    figures = {f["key"]: f for f in bundle_figures(OUTPUT)}
    assert set(figures) == {"bundle.build", "bundle.size", "bundle.deb", "bundle.wheel",
                            "bundle.sdist", "bundle.lintian", "bundle.startup"}
    assert figures["bundle.wheel"]["median"] == 514.8
    assert figures["bundle.wheel"]["note"] == "steady-0.1.0-py3-none-any.whl"
    assert figures["bundle.sdist"]["median"] == 480.6
    assert figures["bundle.lintian"]["median"] == 2
    assert "dir-or-file-in-opt (280)" in figures["bundle.lintian"]["note"]
