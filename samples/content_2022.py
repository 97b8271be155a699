"""Content of a fictional "Udmøntning af projektpuljen 2022" (Region Midtjylland).

Made from the real 2021 edition (``content_2021.py``) to test that other
years are read without code changes. The tables are the 2021 tables with the
edits in ``CHANGES_FROM_2021`` and ``RENAMED_AREAS`` applied, renumbered
around the new area "Kultur og events" (Tabel 4); every subtotal and Total is
summed anew from its rows. The prose is adapted so that every amount it
mentions agrees with the 2022 tables. This edition has no deliberate errors.
"""

from __future__ import annotations

from dataclasses import replace

try:
    from . import content_2021 as y2021
except ImportError:
    import content_2021 as y2021

Row, Table, Area = y2021.Row, y2021.Table, y2021.Area
GROUP, SECTION, SUBITEM = y2021.GROUP, y2021.SECTION, y2021.SUBITEM
ITEM, SUBTOTAL, TOTAL = y2021.ITEM, y2021.SUBTOTAL, y2021.TOTAL

YEAR = "2022"

RENAMED_AREAS = {"Mobilitet": "Mobilitet og infrastruktur"}

# Every budget line that differs from 2021, keyed as the lines of items.csv
# are: area (its 2022 name), section, group ("" for none) and item (without
# footnote marker or leading "- "); old and new in 1.000 kr., None where the
# line is not in that year. Subtotals and Totals follow from these.
CHANGES_FROM_2021: tuple[dict, ...] = (
    dict(area="Internationale aktiviteter", section="Udviklingsmidler", group="",
         item="Delegationsbesøg", old=100, new=150, kind="changed"),
    dict(area="Internationale aktiviteter", section="Udviklingsmidler", group="",
         item="Europæiske netværk", old=None, new=100, kind="new"),
    dict(area="Landdistrikter", section="Tilskudsmidler", group="",
         item="Den bæredygtige landsby", old=600, new=700, kind="changed"),
    # The village prize carries its year: the 2021 line goes, a 2022 one comes.
    dict(area="Landdistrikter", section="Tilskudsmidler", group="",
         item="Landsbyprisen 2021", old=150, new=None, kind="removed"),
    dict(area="Landdistrikter", section="Tilskudsmidler", group="",
         item="Landsbyprisen 2022", old=None, new=150, kind="new"),
    # The new area, Tabel 4.
    dict(area="Kultur og events", section="Tilskudsmidler", group="",
         item="Pulje til kulturelle events i landdistrikterne", old=None,
         new=400, kind="new"),
    dict(area="Kultur og events", section="Tilskudsmidler", group="",
         item="Medfinansiering af større kultur- og sportsevents", old=None,
         new=500, kind="new"),
    dict(area="Kultur og events", section="Tilskudsmidler", group="",
         item="Kulturprojekter for børn og unge", old=None, new=300,
         kind="new"),
    dict(area="Kultur og events", section="Udviklingsmidler", group="",
         item="Analyse af kultur- og eventturismens betydning for regional "
         "udvikling", old=None, new=150, kind="new"),
    dict(area="Kultur og events", section="Udviklingsmidler", group="",
         item="Netværk for kulturaktører", old=None, new=100, kind="new"),
    dict(area="Sundhedsinnovation", section="Tilskudsmidler",
         group="Digital sundhed",
         item="Understøttelse af Danish Life Science Cluster", old=0,
         new=500, kind="changed"),
    dict(area="Sundhedsinnovation", section="Tilskudsmidler",
         group="Digital sundhed",
         item="Medfinansiering til hospitalers projekter", old=2000,
         new=1500, kind="changed"),
    # Regrouped: the waste plan moves to the circular economy group.
    dict(area="Bæredygtighed og grøn omstilling", section="Udviklingsmidler",
         group="Udmøntning af regional bæredygtighedsstrategi",
         item="Ny regional affaldsplan", old=150, new=None, kind="removed"),
    dict(area="Bæredygtighed og grøn omstilling", section="Udviklingsmidler",
         group="Cirkulær økonomi i de midtjyske kommuner",
         item="Ny regional affaldsplan", old=None, new=150, kind="new"),
    dict(area="Bæredygtighed og grøn omstilling", section="Udviklingsmidler",
         group="Energi og klima", item="DK 2020 projektet", old=587, new=600,
         kind="changed"),
    dict(area="Klima", section="Udviklingsmidler", group="", item="Analyser",
         old=500, new=400, kind="changed"),
    dict(area="Udvikling af arbejdskraftressourcer", section="Tilskudsmidler",
         group="Indstillet omprioriteret til under uddannelsespuljen",
         item="Euroskills", old=2500, new=None, kind="removed"),
    dict(area="Udvikling af arbejdskraftressourcer",
         section="Udviklingsmidler",
         group="Indstillet omprioriteret til den administrative pulje under "
         "uddannelsespuljen",
         item="IT-system vedr. kapacitet og fordeling", old=500, new=450,
         kind="changed"),
)


# ---------------------------------------------------------------------------
# Applying the changes to the 2021 tables
# ---------------------------------------------------------------------------


def _parse(amount: str) -> tuple[int, str]:
    """"1.500" -> (1500, ""), "0*" -> (0, "*")."""
    digits = amount.rstrip("*")
    return int(digits.replace(".", "")), amount[len(digits):]


def _format(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _keys(rows: list[Row]) -> list[tuple[str, str, str] | None]:
    """(section, group, item) of each budget line, None for the other rows.

    Sub-items belong to the group above them, and so do plain lines under a
    group heading that stands apart (Tabel 7 of 2021).
    """
    keys: list[tuple[str, str, str] | None] = []
    section = group = ""
    group_holds_items = False
    for row in rows:
        if row.kind == SECTION:
            section, group = row.label, ""
        elif row.kind == GROUP:
            group, group_holds_items = row.label, row.gap
        if row.kind in (ITEM, SUBITEM):
            in_group = row.kind == SUBITEM or group_holds_items
            keys.append((section, group if in_group else "", row.label.rstrip("*")))
        else:
            keys.append(None)
    return keys


def _line_index(rows: list[Row], change: dict) -> int:
    key = (change["section"], change["group"], change["item"])
    return _keys(rows).index(key)


def _insert_index(rows: list[Row], section: str, group: str) -> int:
    """Where a new line goes: after the last line of its group, or of its
    section when it has no group."""
    i = rows.index(Row(SECTION, section)) + 1
    if group:
        i += [(r.kind, r.label) for r in rows[i:]].index((GROUP, group)) + 1
    ends = (SECTION, SUBTOTAL, GROUP) if group else (SECTION, SUBTOTAL)
    while rows[i].kind not in ends:
        i += 1
    return i


def _add_section(rows: list[Row], section: str) -> None:
    rows[-1:-1] = [Row(SECTION, section), y2021.subtotal(f"{section} i alt", "")]


def _with_sums(rows: list[Row]) -> tuple[Row, ...]:
    """The rows with every subtotal and the Total summed from the lines."""
    summed: list[Row] = []
    section_sum = table_sum = 0
    for row in rows:
        if row.kind in (ITEM, SUBITEM):
            section_sum += _parse(row.amount)[0]
        elif row.kind == SUBTOTAL:
            summed.append(replace(row, amount=_format(section_sum)))
            table_sum, section_sum = table_sum + section_sum, 0
            continue
        elif row.kind == TOTAL:
            row = replace(row, amount=_format(table_sum))
        summed.append(row)
    return tuple(summed)


def _without_empty_groups(rows: list[Row]) -> list[Row]:
    return [
        row for row, after in zip(rows, rows[1:] + [None])
        if row.kind != GROUP or after.kind in (ITEM, SUBITEM)
    ]


def changed_rows(rows: tuple[Row, ...], area: str) -> tuple[Row, ...]:
    """The 2021 rows of a table with the 2022 header and the changes for
    ``area`` applied."""
    lines = [replace(rows[0], amount=YEAR), *rows[1:]]
    for change in (c for c in CHANGES_FROM_2021 if c["area"] == area):
        if change["kind"] == "changed":
            i = _line_index(lines, change)
            marker = _parse(lines[i].amount)[1]
            lines[i] = replace(lines[i], amount=_format(change["new"]) + marker)
        elif change["kind"] == "removed":
            del lines[_line_index(lines, change)]
        else:
            if Row(SECTION, change["section"]) not in lines:
                _add_section(lines, change["section"])
            kind = SUBITEM if change["group"] else ITEM
            line = Row(kind, change["item"], _format(change["new"]))
            lines.insert(_insert_index(lines, change["section"], change["group"]), line)
    return _with_sums(_without_empty_groups(lines))


def in_2022(text: str) -> str:
    """A 2021 paragraph whose only year words are the budget year."""
    return text.replace("2021", YEAR)


def edited(text: str, *edits: tuple[str, str]) -> str:
    """A 2021 paragraph with each (old, new) edit made; old must be there."""
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return text


def area_2022(
    old: Area | None,
    number: int,
    paragraphs: tuple[str, ...] | None = None,
    heading: str = "",
    caption: str = "",
    footnotes: tuple[str, ...] | None = None,
) -> Area:
    """An area of 2022: the 2021 one (or a new one when ``old`` is None)
    with new prose (by default the 2021 prose in 2022), table number and
    changes."""
    if old is None:
        old = Area(heading, (), Table(number, caption, (y2021.header(), y2021.total(""))))
    if paragraphs is None:
        paragraphs = tuple(in_2022(text) for text in old.paragraphs)
    heading = heading or RENAMED_AREAS.get(old.heading, old.heading)
    table = old.table
    caption = caption or table.caption.replace(
        f"Tabel {table.number}.", f"Tabel {number}."
    ).replace(old.heading, heading)
    table = replace(
        table,
        number=number,
        caption=caption,
        rows=changed_rows(table.rows, heading),
        footnotes=table.footnotes if footnotes is None else footnotes,
    )
    return Area(heading, paragraphs, table)


# ---------------------------------------------------------------------------
# The areas
# ---------------------------------------------------------------------------

MOBILITET = area_2022(y2021.MOBILITET, 1)

_INTERNATIONAL = y2021.INTERNATIONALE_AKTIVITETER.paragraphs
INTERNATIONALE_AKTIVITETER = area_2022(
    y2021.INTERNATIONALE_AKTIVITETER,
    2,
    (
        in_2022(_INTERNATIONAL[0]),
        in_2022(_INTERNATIONAL[1]),
        edited(
            _INTERNATIONAL[2],
            ("delegationsbesøg.", "delegationsbesøg, som efter en periode med "
             "få rejser forventes at blive flere i 2022."),
        ),
        _INTERNATIONAL[3],
        (
            "Nyt i 2022 er, at der afsættes midler til regionens deltagelse "
            "i europæiske netværk for regional udvikling og innovation."
        ),
    ),
)

LANDDISTRIKTER = area_2022(y2021.LANDDISTRIKTER, 3)

KULTUR_OG_EVENTS = area_2022(
    None,
    4,
    (
        (
            "Region Midtjylland vil i 2022 have et særligt fokus på kultur og "
            "events som drivkraft for udvikling i hele regionen. Kulturlivet "
            "og eventbranchen har været hårdt ramt under COVID-19, og "
            "regionen ønsker at understøtte en genstart."
        ),
        (
            "Der afsættes tilskudsmidler til en pulje for kulturelle events i "
            "landdistrikterne, som kommuner, foreninger og lokale aktører kan "
            "søge. Derudover afsættes der 0,5 mio. kr. til medfinansiering af "
            "større kultur- og sportsevents, der kan tiltrække besøgende til "
            "regionen, samt tilskudsmidler til kulturprojekter for børn og "
            "unge."
        ),
        (
            "I forhold til udviklingsmidlerne afsættes der midler til en "
            "analyse af kultur- og eventturismens betydning for den "
            "regionale udvikling samt til et netværk, hvor kulturaktører i "
            "regionen kan udveksle erfaringer."
        ),
    ),
    heading="Kultur og events",
    caption="Tabel 4. Kultur og events - aktiviteter og forventet forbrug",
)

_SUNDHED = y2021.SUNDHEDSINNOVATION.paragraphs
SUNDHEDSINNOVATION = area_2022(
    y2021.SUNDHEDSINNOVATION,
    5,
    (
        edited(
            _SUNDHED[0],
            ("vil i 2021 have", "vil i 2022 fortsat have"),
            ("den nye nationale klynge", "den nationale klynge"),
            (
                "godkendt, at regionens allerede indbetalte tilskud på 2 mio. "
                "kr. i 2021 til MedTech Innovation Consortium overføres til "
                "Danish Life Science Cluster som en del af "
                "virksomhedsoverdragelsen.",
                "godkendt et tilskud på 0,5 mio. kr. i 2022 til klyngens "
                "arbejde i Midtjylland.",
            ),
            ("november 2020", "november 2021"),
        ),
        _SUNDHED[1],
        in_2022(_SUNDHED[2]),
        _SUNDHED[3],
    ),
    footnotes=("* Er bevilget af regionsrådet i november 2021.",),
)

_BAEREDYGTIGHED = y2021.BAEREDYGTIGHED.paragraphs
BAEREDYGTIGHED = area_2022(
    y2021.BAEREDYGTIGHED,
    6,
    (
        # The new regional waste plan moves to the circular economy.
        edited(
            in_2022(_BAEREDYGTIGHED[0]),
            ("genanvendelse.", "genanvendelse. Arbejdet med en ny regional "
             "affaldsplan hører fra 2022 også under cirkulær økonomi."),
        ),
        edited(
            in_2022(_BAEREDYGTIGHED[1]),
            (" samt en ny regional affaldsplan.", "."),
        ),
        _BAEREDYGTIGHED[2],
        (
            "Regionsrådet godkendte i august 2021 at videreføre "
            "klimaprojektet DK2020 – for hele Danmark i 2022, hvor "
            "kommunerne færdiggør deres klimahandleplaner. Der afsættes "
            "0,6 mio. kr. af udviklingsmidlerne til projektet."
        ),
    ),
    footnotes=("* Er bevilget af regionsrådet i august 2021.",),
)

KLIMA = area_2022(y2021.KLIMA, 7)

_ARBEJDSKRAFT = y2021.ARBEJDSKRAFTRESSOURCER.paragraphs
ARBEJDSKRAFTRESSOURCER = area_2022(
    y2021.ARBEJDSKRAFTRESSOURCER,
    8,
    (
        (
            "Bevillingen til afholdelsen af Euroskills i 2024 finansieres "
            "fra 2022 af uddannelsespuljen under de regionale "
            "udviklingsaktiviteter og indgår derfor ikke længere her."
        ),
        edited(
            _ARBEJDSKRAFT[1],
            ("forventer også", "forventer i 2022 fortsat"),
            ("hver krone investeret i Jobbanken giver samfundet en gevinst "
             "på 3,08 kr.", "investeringen giver samfundet en klar gevinst."),
        ),
        _ARBEJDSKRAFT[2],
        _ARBEJDSKRAFT[3],
        edited(
            _ARBEJDSKRAFT[4],
            ("køb og vedligehold", "vedligehold"),
            ("0,8 mio. kr.", "0,75 mio. kr."),
        ),
    ),
    footnotes=(),
)

DOCUMENT = replace(
    y2021.DOCUMENT,
    title="Udmøntning af projektpuljen 2022",
    areas=(
        MOBILITET,
        INTERNATIONALE_AKTIVITETER,
        LANDDISTRIKTER,
        KULTUR_OG_EVENTS,
        SUNDHEDSINNOVATION,
        BAEREDYGTIGHED,
        KLIMA,
        ARBEJDSKRAFTRESSOURCER,
    ),
)
