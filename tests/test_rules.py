"""The rules and where they run: the contract's columns are the pandera models' columns, a broken rule is a
finding, and the first stage (reading, reconciling, drawing) runs without pandas."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from projektpulje.stages.analysis import analyse
from projektpulje.audit.rules import checked_analysis as checked
from projektpulje.settings import BUNDLED_SAMPLE, RunSettings
from projektpulje.schemas import ITEM_COLUMNS, STATED_COLUMNS, TOTAL_COLUMNS
from projektpulje.schemas.tidy import Items, ReconciledTotals, StatedTotals


def test_the_contract_columns_are_the_models_columns():
    assert list(Items.to_schema().columns) == ITEM_COLUMNS
    assert list(ReconciledTotals.to_schema().columns) == TOTAL_COLUMNS
    assert [c for c in TOTAL_COLUMNS if c in StatedTotals.to_schema().columns or c == "page"] == STATED_COLUMNS


@pytest.fixture(scope="module")
def analysis():
    return analyse(BUNDLED_SAMPLE, settings=RunSettings())


def test_rows_that_keep_every_rule_add_no_finding(analysis):
    assert checked(analysis) is analysis


def test_a_broken_rule_is_a_finding_naming_rule_row_and_value(analysis):
    items = list(analysis.items)
    items[3] = items[3] | {"amount_dkk": items[3]["amount_dkk"] + 1}
    items[5] = items[5] | {"footnote": "*", "footnote_text": ""}
    broken = checked(dataclasses.replace(analysis, items=tuple(items)))
    added = [f for f in broken.findings if f not in analysis.findings]
    assert [(f["kind"], f["root_cause"], f["table_no"]) for f in added] == [("rule_failed", True, None)] * 2
    assert [f["message"] for f in added] == [
        "dkk_is_tkr_times_1000 failed at items row 4 (table 1, page 1, 'Udviklingsaktiviteter og analyser')",
        "marked_lines_have_footnote_text failed at items row 6 (table 2, page 2, 'Aktiviteter forbundet med Shanghai aftalen')",
    ]
    assert broken.findings[:2] == tuple(added)  # before the findings about a table: the rows themselves are wrong


def test_a_total_that_is_not_exact_breaks_its_rule(analysis):
    first, *others = analysis.table_totals
    first = (first[0] | {"stated_tkr": float(first[0]["stated_tkr"])}, *first[1:])
    (added,) = [f for f in checked(dataclasses.replace(analysis, table_totals=(first, *others))).findings
                if f["kind"] == "rule_failed"]
    assert added["message"] == (
        "stated_is_exact_decimal failed at totals row 1 (table 1, page 1, 'Tilskudsmidler i alt'), column stated_tkr: 1500.0")


def python_prints(code: str) -> list[str]:
    """The lines a fresh Python process prints running `code` (which must succeed)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines()


def test_the_first_stage_runs_without_pandas():
    code = (
        "import sys\n"
        "from projektpulje.stages.analysis import draft_document\n"
        "from projektpulje.settings import BUNDLED_SAMPLE, RunSettings\n"
        "import projektpulje.cli, projektpulje.stages.ahead\n"
        "draft = draft_document(BUNDLED_SAMPLE, settings=RunSettings())\n"
        "assert draft.table_sections and draft.analysis.items and not draft.checked\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'pandera', 'numpy')))\n"
    )
    assert python_prints(code) == ["[]"]


def test_the_rules_hold_the_same_where_the_command_checks_them_without_pyarrow(analysis):
    # `projektpulje run` loads pandas without pyarrow when it writes no Parquet (projektpulje.stages.batch.load_second_stage).
    code = (
        "import dataclasses, sys\n"
        "from projektpulje.stages.batch import load_second_stage\n"
        "from projektpulje.settings import BUNDLED_SAMPLE, RunSettings\n"
        "run = load_second_stage(RunSettings())\n"
        "assert sys.modules['pyarrow'] is None\n"
        "analysis = run.analyse(BUNDLED_SAMPLE, settings=RunSettings())\n"
        "items = list(analysis.items)\n"
        "items[3] = items[3] | {'amount_dkk': items[3]['amount_dkk'] + 1}\n"
        "first, *others = analysis.table_totals\n"
        "first = (first[0] | {'stated_tkr': float(first[0]['stated_tkr'])}, *first[1:])\n"
        "from projektpulje.audit.rules import checked_analysis\n"
        "assert checked_analysis(analysis) is analysis\n"
        "broken = checked_analysis(dataclasses.replace(analysis, items=tuple(items), table_totals=(first, *others)))\n"
        "print('\\n'.join(f['message'] for f in broken.findings if f['kind'] == 'rule_failed'))\n"
    )
    assert python_prints(code) == [
        "dkk_is_tkr_times_1000 failed at items row 4 (table 1, page 1, 'Udviklingsaktiviteter og analyser')",
        "stated_is_exact_decimal failed at totals row 1 (table 1, page 1, 'Tilskudsmidler i alt'), column stated_tkr: 1500.0",
    ]


def test_a_rule_on_the_columns_names_the_column_it_missed_or_did_not_expect(analysis):
    import pandera.errors

    from projektpulje.schemas.validate import _failures, rows_to_frame

    frame = rows_to_frame(analysis.items, ITEM_COLUMNS).drop(columns=["group"]).assign(extra=1)
    with pytest.raises(pandera.errors.SchemaErrors) as error:
        Items.validate(frame, lazy=True)
    assert sorted(map(str, _failures(error.value, analysis.items, ITEM_COLUMNS, "items"))) == [
        "column_in_dataframe failed at items: group",
        "column_in_schema failed at items: extra",
    ]
