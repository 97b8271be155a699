"""A seed → one generated document (model.Document): every axis drawn at random, errors planted and recorded."""

from __future__ import annotations

import random
from decimal import Decimal

from . import words
from .model import GROUP, ITEM, SECTION, SUBTOTAL, TOTAL, Block, BudgetTable, Document, Item, Line, PlainTable
from .model import Section, Style, Text
from .printing import FOOTNOTE_STYLES, NEGATIVES, UNITS, cell, marker, prose_amount

RENDERERS = ("reportlab", "chromium", "libreoffice", "fpdf2")
FONTS = ("carlito", "dejavu_sans", "dejavu_serif", "liberation_sans", "liberation_serif")
PLANTED_KINDS = ("subtotal", "total", "row_total", "overview", "prose")


def draw_axes(rng: random.Random) -> dict:
    n_years = rng.choice((1, 1, 2, 3, 4))
    unit = rng.choice(tuple(UNITS))
    axes = {
        "renderer": rng.choice(RENDERERS),
        "font": rng.choice(FONTS),
        "font_size": rng.choice((8, 9, 10, 11)),
        "margin_mm": rng.choice((12, 20, 28)),
        "rules": rng.choice(("ruled", "open", "zebra")),
        "valign": rng.choice(("top", "bottom", "middle")),
        "caption_pos": rng.choice(("above", "below")),
        "caption_numbered": rng.choice((True, False)),
        "unit": unit,
        "unit_place": rng.choice(("header", "caption", "elsewhere") if unit == "1.000 kr." else ("header", "caption")),
        "header": rng.choice(("year", "budget", "two_lines")),
        "years": n_years,
        "row_total": n_years > 1 and rng.random() < 0.6,
        "negative": rng.choice(NEGATIVES + ("mixed",)),
        "blank": rng.choice(("blank", "dash", "zero")),
        "footnote_style": rng.choice(FOOTNOTE_STYLES),
        "footnote_on": rng.choice(("label", "amount", "both")),
        "subitems": rng.choice(("dash", "indent")),
        "nested_groups": rng.random() < 0.4,
        "numbered_labels": rng.random() < 0.6,
        "long_table": rng.random() < 0.3,
        "repeat_header": rng.choice((True, False)),
        "areas_per_page": rng.choice(("one", "several")),
        "landscape": rng.choice(("none", "none", "all", "one")),
        "appendix": rng.random() < 0.3,
        "overview": rng.random() < 0.3,
        "areas": rng.randint(1, 4),
    }
    if axes["unit_place"] == "elsewhere":  # a table without its unit: stated on a line above it, or once for all
        # in the introduction (taken from an axis already drawn, so that no other seed's draws change)
        axes["unit_place"] = ("above", "document")[axes["font_size"] % 2]
    kinds = [k for k in PLANTED_KINDS if k != "row_total" or axes["row_total"]]
    kinds = [k for k in kinds if k != "overview" or axes["overview"]]
    n_planted = rng.choice((0, 0, 1, 1, 2))
    axes["planted"] = sorted(rng.sample(kinds, n_planted))
    return axes


def _tkr(rng: random.Random, unit: str, small: bool = False) -> Decimal:
    top = 12 if small else 60
    if UNITS[unit] == 1:  # whole kroner: any 500 kr.
        return Decimal(rng.randrange(40, top * 50) * 500) / 1000
    if UNITS[unit] == 1_000_000:
        return Decimal(rng.randrange(1, top * 5) * 5)
    return Decimal(rng.randrange(1, top) * 25)


def _label(rng: random.Random, ax: dict, used: set, long: bool) -> str:
    for _ in range(50):
        action = rng.choice(words.ACTIONS)
        if ax["numbered_labels"] and rng.random() < 0.35:
            obj = rng.choice(words.NUMBERED)
        else:
            obj = rng.choice(words.OBJECTS)
        label = f"{action} {obj}"
        if long and rng.random() < 0.5:
            label += f" i samarbejde med {rng.choice(words.ORGS)}"
        if label not in used:
            used.add(label)
            return label
    raise RuntimeError("no fresh label")


def _item_specs(rng: random.Random, ax: dict, n: int, used: set) -> list[tuple[tuple[str, ...], str]]:
    """(group path, label) for a section's lines; groups come as blocks of two or three sub-items."""
    specs = []
    while len(specs) < n:
        roll = rng.random()
        if roll < 0.25 and n - len(specs) >= 2:
            group = rng.choice(words.GROUPS)
            if ax["nested_groups"] and rng.random() < 0.5:
                for sub in rng.sample(words.SUBGROUPS, 2):
                    specs += [((group, sub), _label(rng, ax, used, False)) for _ in range(2)]
            else:
                specs += [((group,), _label(rng, ax, used, False)) for _ in range(rng.randint(2, 3))]
        else:
            specs.append(((), _label(rng, ax, used, rng.random() < 0.5)))
    return specs


def _lower_first(label: str) -> str:
    return label[0].lower() + label[1:] if len(label) > 1 and label[1].islower() else label


def _delta(rng: random.Random) -> Decimal:
    return Decimal(rng.choice((25, 50, 100, -25, -50, 200)))


def _draw_table(rng, ax, no, area, years, fn_counter, total_label, subtotal_form, long, plant, audit) -> BudgetTable:
    unit = ax["unit"]

    def neg() -> str:
        return rng.choice(NEGATIVES) if ax["negative"] == "mixed" else ax["negative"]

    def printed(tkr: Decimal, zero_as: str | None = None) -> str:
        return cell(tkr, unit, neg(), zero_as or ax["blank"])

    used: set = set()
    names = rng.sample(words.SECTIONS, rng.randint(1, 3))
    subtotal_at = rng.randrange(len(names)) if "subtotal" in plant else None
    lines: list[Line] = []
    sections: list[Section] = []
    footnotes: list[tuple[Text, str]] = []
    star_count = 0
    all_items: list[Item] = []
    for si, name in enumerate(names):
        n = rng.randint(18, 26) if long and si == 0 else rng.randint(1, 5)
        specs = [(path, label, False) for path, label in _item_specs(rng, ax, n, used)]
        if rng.random() < 0.3:
            template = rng.choice(words.NEGATIVE)
            label = template.format(area=rng.choice(words.AREAS), next_year=years[-1] + 1)
            if label not in used:
                used.add(label)
                specs.append(((), label, True))
        lines.append(Line(SECTION, (Text(name),)))
        shown: tuple[str, ...] = ()
        items = []
        for path, label, negative in specs:
            for depth in range(len(path)):
                if path[: depth + 1] != shown[: depth + 1]:
                    lines.append(Line(GROUP, (Text(path[depth]),), indent=depth))
            shown = path
            amounts = {}
            for y in years:
                blank = rng.random() < (0.15 if len(years) > 1 else 0.06)
                amounts[y] = Decimal(0) if blank else (-_tkr(rng, unit, small=True) if negative else _tkr(rng, unit))
            cells = {y: printed(a) for y, a in amounts.items()}
            fn, fn_on, mark = None, None, None
            if len(footnotes) < 2 and rng.random() < 0.2:
                fn_on = rng.choice(("label", "amount")) if ax["footnote_on"] == "both" else ax["footnote_on"]
                if fn_on == "amount" and not any(amounts.values()):
                    fn_on = "label"
                if ax["footnote_style"] == "star":
                    star_count += 1
                    mark, fn = marker("star", star_count)
                else:
                    fn_counter[0] += 1
                    mark, fn = marker(ax["footnote_style"], fn_counter[0])
                footnotes.append((mark, rng.choice(words.FOOTNOTES).format(prev=years[0] - 1)))
            prefix = "- " if path and ax["subitems"] == "dash" else ""
            label_runs = (Text(prefix + label),) + ((mark,) if fn_on == "label" else ())
            printed_label = prefix + label + (mark.text if fn_on == "label" else "")
            cell_runs = [(Text(cells[y]),) for y in years]
            if fn_on == "amount":
                at = next(i for i, y in enumerate(years) if amounts[y])
                cell_runs[at] = (Text(cells[years[at]]), mark)
                cells[years[at]] += mark.text
            row_total = printed_total = None
            if ax["row_total"]:
                row_total = sum(amounts.values(), Decimal(0))
                printed_total = printed(row_total, "zero")
                cell_runs.append((Text(printed_total),))
            item = Item(section=name, group=" / ".join(path) or None, label=label, printed_label=printed_label,
                        amounts_tkr=amounts, printed_amounts=cells, footnote=fn, footnote_on=fn_on,
                        row_total_tkr=row_total, printed_row_total=printed_total)
            items.append(item)
            lines.append(Line(ITEM, label_runs, tuple(cell_runs), indent=len(path)))
        computed = {y: sum((i.amounts_tkr[y] for i in items), Decimal(0)) for y in years}
        has_subtotal = len(names) > 1 or rng.random() < 0.5 or si == subtotal_at
        stated = dict(computed) if has_subtotal else None
        if si == subtotal_at:
            y = rng.choice(years)
            stated[y] = computed[y] + _delta(rng)
            audit.append({"table": no, "area": area, "scope": "subtotal", "section": name, "year": y,
                          "stated_tkr": stated[y], "sum_of_rows_tkr": computed[y], "root_cause": True,
                          "kind": "subtotal_mismatch", "note": "planted"})
        label = subtotal_form.format(s=name, l=name.lower()) if has_subtotal else None
        sub_total_row = None
        if has_subtotal:
            sub_cells = [(Text(printed(stated[y], "zero")),) for y in years]
            if ax["row_total"]:
                sub_total_row = sum(stated.values(), Decimal(0))
                sub_cells.append((Text(printed(sub_total_row, "zero")),))
            lines.append(Line(SUBTOTAL, (Text(label),), tuple(sub_cells)))
        sections.append(Section(name=name, items=tuple(items), subtotal_label=label, stated=stated,
                                stated_row_total=sub_total_row))
        all_items += items
    if "row_total" in plant and ax["row_total"]:
        _plant_row_total(rng, no, area, sections, lines, audit, printed)
    rows_sum = {y: sum((i.amounts_tkr[y] for i in all_items), Decimal(0)) for y in years}
    stated_total = dict(rows_sum)
    subtotal_sum = {y: sum((s.stated[y] if s.stated else sum((i.amounts_tkr[y] for i in s.items), Decimal(0))
                            for s in sections), Decimal(0)) for y in years}
    if "total" in plant:
        y = rng.choice(years)
        stated_total[y] = rows_sum[y] + _delta(rng)
        audit.append({"table": no, "area": area, "scope": "total", "year": y, "stated_tkr": stated_total[y],
                      "sum_of_rows_tkr": rows_sum[y], "root_cause": True, "kind": "total_mismatch", "note": "planted"})
    elif subtotal_at is not None and rng.random() < 0.5:  # the Total adds the stated subtotals: a knock-on
        for y in years:
            if subtotal_sum[y] != rows_sum[y]:
                stated_total[y] = subtotal_sum[y]
                audit.append({"table": no, "area": area, "scope": "total", "year": y, "stated_tkr": stated_total[y],
                              "sum_of_rows_tkr": rows_sum[y], "root_cause": False, "kind": "total_mismatch",
                              "note": "knock-on of the planted subtotal"})
    total_cells = [(Text(printed(stated_total[y], "zero")),) for y in years]
    if ax["row_total"]:
        total_cells.append((Text(printed(sum(stated_total.values(), Decimal(0)), "zero")),))
    lines.append(Line(TOTAL, (Text(total_label),), tuple(total_cells)))
    unit_text = unit if ax["unit_place"] == "header" else ""
    year_titles = {"year": lambda y: (str(y),), "budget": lambda y: (f"Budget {y}",),
                   "two_lines": lambda y: ("Budget", str(y))}[ax["header"]]
    header = ((unit_text,) if unit_text else ()), *(year_titles(y) for y in years)
    header = tuple(header) + ((("I alt",),) if ax["row_total"] else ())
    caption = rng.choice(("{a} - aktiviteter og forventet forbrug", "{a} \u2013 aktiviteter og forventet forbrug",
                          "{a} - aktiviteter og forventet forbrug")).format(a=area)
    printed_caption = (f"Tabel {no}{rng.choice(('.', '.', ':'))} " if ax["caption_numbered"] else "") + caption
    if ax["unit_place"] == "caption":
        printed_caption += f" ({unit[0].lower() + unit[1:] if unit.startswith('Beløb') else unit})"
    return BudgetTable(no=no, area=area, caption=caption, printed_caption=printed_caption, header=header,
                       unit_line=f"Beløb i {unit}" if ax["unit_place"] == "above" else "",
                       years=years, unit=unit, sections=tuple(sections), total_label=total_label,
                       stated_total=stated_total, lines=tuple(lines), footnotes=tuple(footnotes))


def _plant_row_total(rng, no, area, sections, lines, audit, printed) -> None:
    """One item's row total printed off by a few: its years still add up to what they say."""
    index = rng.randrange(sum(len(s.items) for s in sections))
    k = 0
    for si, section in enumerate(sections):
        for ii, item in enumerate(section.items):
            if k == index:
                wrong = item.row_total_tkr + _delta(rng)
                text = printed(wrong, "zero")
                new = Item(**{**item.__dict__, "row_total_tkr": wrong, "printed_row_total": text})
                items = list(section.items)
                items[ii] = new
                sections[si] = Section(**{**section.__dict__, "items": tuple(items)})
                at = next(i for i, line in enumerate(lines) if line.kind == ITEM and
                          line.label[0].text.endswith(item.label) and line.label[0].text in (item.label, "- " + item.label))
                line = lines[at]
                lines[at] = Line(line.kind, line.label, line.cells[:-1] + ((Text(text),),), line.indent)
                audit.append({"table": no, "area": area, "scope": "row", "section": section.name, "row": item.label,
                              "stated_tkr": wrong, "sum_of_rows_tkr": item.row_total_tkr, "root_cause": True,
                              "kind": "row_total_mismatch", "note": "planted"})
                return
            k += 1


def _front(rng: random.Random, doc: Document) -> list[Block]:
    blocks = []
    if doc.axes["appendix"]:
        meeting = rng.choice(words.MEETINGS)
        day, month = rng.randint(1, 28), rng.choice(words.MONTHS)
        contents = tuple((str(i), item, str(i + 1)) for i, item in enumerate(rng.sample(words.AGENDA_ITEMS, 5), 1))
        blocks.append(Block(heading=f"{meeting} \u2013 dagsorden", level=1,
                            text=(f"Mødet afholdes den {day}. {month} {doc.year - 1} kl. 13.00 i "
                                  f"{rng.choice(words.PLACES)}.",),
                            plain=PlainTable(("Punkt", "Emne", "Side"), contents, numeric_from=2)))
        blocks.append(Block(heading="Punkt 3. Udmøntning af projektpuljen",
                            text=("Administrationen indstiller, at udvalget godkender udmøntningen af "
                                  "projektpuljen, jf. bilag 1.", "Sagen blev drøftet på sidste møde.")))
        blocks.append(Block(heading="Bilag 1", level=1, page_break=True))
    areas = ", ".join(t.area for t in doc.tables)
    intro = f"Projektpuljen udmøntes i denne omgang på følgende områder: {areas}."
    if doc.axes["unit_place"] == "document":
        intro += f" Alle beløb er i {doc.axes['unit']}"
    blocks.append(Block(heading=doc.title, level=1, text=(intro,)))
    return blocks


def _overview(rng: random.Random, doc: Document, plant: bool) -> Block:
    """The areas' Totals in one table, with an 'I alt' line: its figures are held against each table's Total."""
    years, unit = doc.years, doc.axes["unit"]
    figures = {t.area: dict(t.stated_total) for t in doc.tables}
    if plant:
        table = rng.choice(doc.tables)
        y = rng.choice(years)
        figures[table.area][y] = table.stated_total[y] + _delta(rng)
        doc.planted.append({"scope": "overview_row", "area": table.area, "table": table.no, "year": y,
                            "stated_tkr": figures[table.area][y], "table_total_tkr": table.stated_total[y],
                            "agrees": False, "kind": "overview_vs_table_total", "root_cause": True,
                            "note": "planted"})
        doc.planted.append({"scope": "overview_total", "year": y,
                            "stated_tkr": sum((t.stated_total[y] for t in doc.tables), Decimal(0)),
                            "sum_of_overview_rows_tkr": sum((f[y] for f in figures.values()), Decimal(0)),
                            "kind": "overview_total_vs_overview_rows", "root_cause": False,
                            "note": "the overview's 'I alt' is the sum of the areas' Totals"})
    doc.overview = figures
    rows = [(area, *(cell(f[y], unit, "hyphen", "zero") for y in years)) for area, f in figures.items()]
    rows.append(("I alt", *(cell(sum((t.stated_total[y] for t in doc.tables), Decimal(0)), unit, "hyphen", "zero")
                            for y in years)))
    caption = ("Tabel 0. " if doc.axes["caption_numbered"] else "") + f"Oversigt over projektpuljen {doc.year}"
    first = unit if doc.axes["unit_place"] != "document" else ""
    return Block(heading="Samlet oversigt", plain=PlainTable((first, *map(str, years)), tuple(rows), caption=caption))


def _mentions(rng: random.Random, doc: Document, table: BudgetTable, plant: bool) -> list[str]:
    """Sentences of the area's prose that state a line's amount; one says a wrong amount where planted."""
    year = table.years[0]
    candidates = [i for s in table.sections for i in s.items if i.amounts_tkr[year] > 0]
    count = min(len(candidates), max(rng.randint(0, 2), 1 if plant else 0))
    chosen = rng.sample(candidates, count)
    as_kroner = doc.axes["unit"] == "kr." and rng.random() < 0.5
    sentences = []
    for n, item in enumerate(chosen):
        tkr = item.amounts_tkr[year]
        said = tkr
        if plant and n == 0:
            said = tkr + Decimal(rng.choice((50, 100, 250)))
            doc.planted.append({"table": table.no, "row": item.label, "year": year,
                                "text": prose_amount(said, as_kroner), "text_value_tkr": said,
                                "table_value_tkr": tkr, "agrees": False, "kind": "narrative_mismatch",
                                "note": "planted"})
        when = f" i {year}" if len(table.years) > 1 else ""
        sentences.append(f"Der afsættes{when} {prose_amount(said, as_kroner)} til {_lower_first(item.label)}.")
        doc.mentions.append({"table": table.no, "row": item.label, "year": year, "text": prose_amount(said, as_kroner),
                             "text_value_tkr": said, "table_value_tkr": tkr, "agrees": said == tkr})
    return sentences


def _agenda_tail(rng: random.Random, doc: Document) -> Block:
    rows = tuple((rng.choice(words.MEETINGS), f"{rng.randint(1, 28):02d}.{m:02d}.{doc.year}", "13.00-15.30",
                  rng.choice(words.PLACES)) for m in sorted(rng.sample(range(1, 13), 4)))
    return Block(heading=f"Bilag 2. Mødeplan {doc.year}", level=1, page_break=True,
                 plain=PlainTable(("Møde", "Dato", "Tidspunkt", "Sted"), rows, numeric_from=9))


def draw_document(seed: int) -> Document:
    rng = random.Random(seed)
    ax = draw_axes(rng)
    year = rng.randint(2019, 2027)
    years = tuple(range(year, year + ax["years"]))
    title = f"Udmøntning af projektpuljen {year}" + (f"-{years[-1]}" if len(years) > 1 and rng.random() < 0.5 else "")
    style = Style(renderer=ax["renderer"], font=ax["font"], font_size=ax["font_size"], margin_mm=ax["margin_mm"],
                  rules=ax["rules"], valign=ax["valign"], caption_pos=ax["caption_pos"],
                  label_width_mm=rng.choice((55, 70, 90)), repeat_header=ax["repeat_header"],
                  landscape=ax["landscape"])
    doc = Document(title=title, year=year, years=years, style=style, axes=ax)
    areas = rng.sample(words.AREAS, ax["areas"])
    fn_counter = [0]
    total_label = rng.choice(("Total", "Total", "I alt", "Total i alt"))
    subtotal_form = rng.choice(("{s} i alt", "{s} i alt", "I alt {l}"))
    long_no = rng.randint(1, len(areas)) if ax["long_table"] else None
    targets = {kind: rng.randint(1, len(areas)) for kind in ("subtotal", "total", "row_total")}
    for no, area in enumerate(areas, start=1):
        plant = {k for k in ax["planted"] if targets.get(k) == no}
        doc.tables.append(_draw_table(rng, ax, no, area, years, fn_counter, total_label, subtotal_form,
                                      long_no == no, plant, doc.planted))
    doc.blocks.extend(_front(rng, doc))
    if ax["overview"]:
        doc.blocks.append(_overview(rng, doc, "overview" in ax["planted"]))
    last = len(doc.tables) - 1
    for i, table in enumerate(doc.tables):
        mentions = _mentions(rng, doc, table, "prose" in ax["planted"] and i == last)
        fillers = [rng.choice(words.FILLERS).format(area_lower=_lower_first(table.area), org=rng.choice(words.ORGS))
                   for _ in range(rng.randint(1, 2))]
        text = (" ".join(fillers[:1] + mentions),) + tuple(fillers[1:])
        landscape = ax["landscape"] == "one" and i == last
        breaks = ax["areas_per_page"] == "one" or landscape
        doc.blocks.append(Block(heading=table.area, text=text, landscape=landscape,
                                page_break=breaks and (i > 0 or ax["overview"] or landscape)))
        doc.blocks.append(Block(table=table))
    if ax["appendix"]:
        doc.blocks.append(_agenda_tail(rng, doc))
    return doc
