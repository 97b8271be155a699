"""What produced a document's outputs: the tool's version, the options, the extractor(s) and the cross-check's verdict.

It is written into datapackage.json and report.html, and loaded into the database's documents table. It holds
nothing that changes from one run to the next on the same input, so reruns stay byte-identical.
"""

from __future__ import annotations

from projektpulje.settings import VERSION, RunSettings


def run_options(settings: RunSettings) -> dict:
    """The options that shape the outputs (never the password: only whether one was given)."""
    return {
        "extractor": settings.extractor,
        "cross_check": settings.cross_check,
        "formats": list(settings.formats),
        "password": settings.password is not None,
    }


def provenance(settings: RunSettings, *, cross_check: str = "", choices: tuple = ()) -> dict:
    """The run's provenance; `cross_check` is the verdict ("49 of 49 cells agree"), empty without one;
    `choices`: the tables read as another extractor reads them (audit.readings.Choice), listed as `readings`."""
    extractors = [settings.extractor]
    if settings.cross_check:
        extractors.append(settings.second_extractor)
    described = {"tool": "projektpulje", "version": VERSION, "options": run_options(settings),
                 "extractors": extractors}
    if cross_check:
        described["cross_check"] = cross_check
    if choices:
        described["readings"] = [c.as_record() for c in choices]
    return described


def provenance_with_source(made: dict, source: bytes) -> dict:
    """The provenance with the source PDF's sha256 (datapackage.json keeps that under `sources`)."""
    import hashlib

    return {**made, "source_sha256": hashlib.sha256(source).hexdigest()}


def provenance_lines(made: dict) -> list[tuple[str, str]]:
    """The provenance as (label, value) pairs, for people."""
    options = made.get("options", {})
    shown = ", ".join(f"{k}={'yes' if v is True else 'no' if v is False else ','.join(v) if isinstance(v, list) else v}"
                      for k, v in options.items())
    lines = [
        ("tool", f"{made.get('tool', 'projektpulje')} {made.get('version', '')}".strip()),
        ("extractor", " and ".join(made.get("extractors", []))),
        ("options", shown),
        ("source sha256", made.get("source_sha256", "")),
    ]
    if made.get("cross_check"):
        lines.append(("cross-check", made["cross_check"]))
    return [(label, value) for label, value in lines if value]


def provenance_html(made: dict) -> str:
    """The report's account of what produced it: a small definition list."""
    from projektpulje.printable import html_text

    rows = "".join(f"<dt>{html_text(label)}</dt><dd>{html_text(value)}</dd>" for label, value in provenance_lines(made))
    return f'<section id="provenance"><h2>Provenance</h2><dl class="provenance">{rows}</dl></section>'
