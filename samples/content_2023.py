"""Content of a fictional "Udmøntning af projektpuljen 2023" (Region Midtjylland).

An edition whose tables plan two years: every table has the columns
"1.000 kr. | 2023 | 2024", and each year column has its own subtotals and
Total. "-" marks a year in which nothing is planned for a line (a one-off
2023 line has "-" under 2024, a line that starts in 2024 has "-" under 2023);
it counts as 0 in the sums. Fewer areas than 2021 and 2022. Amounts are in
1.000 kr. as printed; the prose agrees with the tables, with no deliberate
errors.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

try:
    from . import content_2021 as y2021
except ImportError:
    import content_2021 as y2021

Area, Table = y2021.Area, y2021.Table
section, group = y2021.section, y2021.group

YEARS = ("2023", "2024")


@dataclass(frozen=True)
class Row(y2021.Row):
    """A row with one amount cell per year column; ``amount`` is the first."""

    amounts: tuple[str, ...] = ()


def _row(kind: str, label: str, amounts: tuple[str, ...], gap: bool = False) -> Row:
    return Row(kind, label, amounts[0], gap=gap, amounts=amounts)


def header() -> Row:
    return _row(y2021.HEADER, "1.000 kr.", YEARS)


def item(label: str, *amounts: str) -> Row:
    return _row(y2021.ITEM, label, amounts)


def subitem(label: str, *amounts: str) -> Row:
    return _row(y2021.SUBITEM, label, amounts)


def subtotal(label: str, *amounts: str) -> Row:
    return _row(y2021.SUBTOTAL, label, amounts, gap=True)


def total(*amounts: str) -> Row:
    return _row(y2021.TOTAL, "Total", amounts, gap=True)


MOBILITET = Area(
    heading="Mobilitet og infrastruktur",
    paragraphs=(
        (
            "Region Midtjylland vil i 2023 og 2024 fortsat have et særligt "
            "fokus på bæredygtig mobilitet og på den infrastruktur, der "
            "binder regionen sammen. Regionen understøtter fortsat "
            "klimasamarbejdsaftalen med Transport- og Boligministeriet om "
            "en bæredygtig omstilling inden for kollektiv trafik og øvrige "
            "regionale ansvarsområder inden for transportsektoren."
        ),
        (
            "Supercykelstisekretariatet, som regionsrådet har bevilget "
            "midler til i begge år, skal fortsat skabe tilbringertrafik til "
            "trafikale knudepunkter og fremme brugen af cykel til gavn for "
            "miljøet og sundheden. Regionen deltager desuden med "
            "medfinansiering i Jyllandskorridorprojektet, der skal gøre "
            "godstransporten fra Norge til Hamborg mere bæredygtig."
        ),
        (
            "I 2023 afsættes der 0,3 mio. kr. til et pilotprojekt med "
            "fleksibel kollektiv trafik i landdistrikterne, som evalueres "
            "inden udgangen af året. Derudover afsættes der udviklingsmidler "
            "til udviklingsaktiviteter og analyser i samarbejde med "
            "Midttrafik og de 19 midtjyske kommuner, herunder i 2023 en "
            "analyse af pendlingen i Østjylland."
        ),
    ),
    table=Table(
        number=1,
        caption=(
            "Tabel 1. Mobilitet og infrastruktur - aktiviteter og forventet "
            "forbrug"
        ),
        rows=(
            header(),
            section("Tilskudsmidler"),
            item(
                "Understøttelse af klimasamarbejdsaftalen med "
                "Transport- og Boligministeriet",
                "500", "500",
            ),
            item("Drift af supercykelstisekretariat*", "400", "400"),
            item("Medfinansiering af Jyllandskorridorprojektet", "750", "750"),
            item(
                "Pilotprojekt med fleksibel kollektiv trafik i landdistrikter",
                "300", "-",
            ),
            subtotal("Tilskudsmidler i alt", "1.950", "1.650"),
            section("Udviklingsmidler"),
            item("Udviklingsaktiviteter og analyser", "500", "500"),
            item("Analyse af pendlingen i Østjylland", "250", "-"),
            subtotal("Udviklingsmidler i alt", "750", "500"),
            total("2.700", "2.150"),
        ),
        footnotes=(
            "* Er bevilget af regionsrådet i november 2022 for både 2023 og "
            "2024.",
        ),
        footnotes_after_caption=True,
    ),
)

LANDDISTRIKTER = Area(
    heading="Landdistrikter",
    paragraphs=(
        (
            "Region Midtjylland vil i 2023 og 2024 fortsat have et særligt "
            "fokus på bæredygtige og attraktive lokalsamfund. Der afsættes "
            "derfor tilskudsmidler til aktiviteten 'Den bæredygtige "
            "landsby', hvor kommuner i samarbejde med en eller flere "
            "landsbyer kan søge om tilskud på op til 100.000 kr. til "
            "udviklingsprojekter, hvor de arbejder med lokale "
            "bæredygtighedsinitiativer."
        ),
        (
            "Regionen afsætter også tilskudsmidler til eksperimenterende "
            "udviklingsprojekter i samarbejde med kommuner, lokale "
            "aktionsgrupper (såkaldte LAG'er) og øvrige aktører, og "
            "regionsrådet uddeler landsbyprisen i begge år."
        ),
        (
            "Landsbyprisen gives til en landsby, som har gjort sig særlig "
            "bemærket og taget ansvar for egen udvikling. Kandidaterne "
            "tilbydes et udviklings- og læringsforløb, der skal fremme "
            "tværgående samarbejder og erfaringsudveksling samt kvalificere "
            "det lokale udviklingsarbejde."
        ),
        (
            "Udviklingsmidlerne anvendes på udviklingsforløb for landsbyer, "
            "det årlige landdistriktsseminar, analyse- og procesmidler samt "
            "kontingent til Landdistrikternes Fællesråd. Den regionale "
            "landdistriktsstrategi udløber i 2023, og der afsættes derfor "
            "0,15 mio. kr. i 2023 til en evaluering af strategien."
        ),
    ),
    table=Table(
        number=2,
        caption="Tabel 2. Landdistrikter - aktiviteter og forventet forbrug",
        rows=(
            header(),
            section("Tilskudsmidler"),
            item("Den bæredygtige landsby", "700", "700"),
            item("Eksperimenterende udviklingsprojekter", "250", "250"),
            item("Landsbyprisen", "150", "150"),
            subtotal("Tilskudsmidler i alt", "1.100", "1.100"),
            section("Udviklingsmidler"),
            item("Udviklingsforløb for landsbyer", "200", "200"),
            item("Landdistriktsseminar", "200", "200"),
            item("Analyse- og procesmidler", "250", "200"),
            item(
                "Kontingent til medlemskab af Landdistrikternes Fællesråd",
                "50", "50",
            ),
            item("Evaluering af landdistriktsstrategien", "150", "-"),
            subtotal("Udviklingsmidler i alt", "850", "650"),
            total("1.950", "1.750"),
        ),
    ),
)

KULTUR_OG_EVENTS = Area(
    heading="Kultur og events",
    paragraphs=(
        (
            "Region Midtjylland vil fortsat bruge kultur og events som "
            "drivkraft for udvikling i hele regionen. Puljen for kulturelle "
            "events i landdistrikterne og tilskuddet til kulturprojekter for "
            "børn og unge videreføres i begge år."
        ),
        (
            "Medfinansieringen af større kultur- og sportsevents øges fra "
            "0,5 mio. kr. i 2023 til 0,75 mio. kr. i 2024. I 2024 afholder "
            "regionen desuden en regional kulturfestival, hvortil der "
            "afsættes 0,6 mio. kr."
        ),
        (
            "Kulturfestivalen skal vise bredden i regionens kulturliv og "
            "finde sted i flere kommuner på samme tid. Den planlægges i 2023 "
            "i samarbejde med kommunerne og de regionale kulturinstitutioner, "
            "mens udgifterne til selve afholdelsen først falder i 2024."
        ),
        (
            "Analysen af kultur- og eventturismens betydning for den "
            "regionale udvikling afsluttes i 2023, mens netværket for "
            "kulturaktører fortsætter."
        ),
    ),
    table=Table(
        number=3,
        caption="Tabel 3. Kultur og events - aktiviteter og forventet forbrug",
        rows=(
            header(),
            section("Tilskudsmidler"),
            item("Pulje til kulturelle events i landdistrikterne", "400", "400"),
            item("Medfinansiering af større kultur- og sportsevents", "500", "750"),
            item("Kulturprojekter for børn og unge", "300", "300"),
            item("Regional kulturfestival", "-", "600"),
            subtotal("Tilskudsmidler i alt", "1.200", "2.050"),
            section("Udviklingsmidler"),
            item(
                "Analyse af kultur- og eventturismens betydning for regional "
                "udvikling",
                "150", "-",
            ),
            item("Netværk for kulturaktører", "100", "100"),
            subtotal("Udviklingsmidler i alt", "250", "100"),
            total("1.450", "2.150"),
        ),
    ),
)

SUNDHEDSINNOVATION = Area(
    heading="Sundhedsinnovation",
    paragraphs=(
        (
            "Region Midtjylland vil i 2023 og 2024 fortsat have et særligt "
            "fokus på digital sundhed og i den forbindelse understøtte den "
            "nationale klynge Danish Life Science Cluster med et tilskud på "
            "0,5 mio. kr. om året. Derudover forventes der inden for digital "
            "sundhed at blive anvendt tilskudsmidler på medfinansiering til "
            "hospitalers projekter samt udviklingsmidler på aktiviteter i "
            "forhold til digital sundhed. I 2023 afsættes der desuden 0,4 "
            "mio. kr. til at afprøve kunstig intelligens i diagnostik og "
            "behandling på regionens hospitaler."
        ),
        (
            "Klyngens regionale hub i Midtjylland har omdrejningspunktet "
            "sundheds-it (digital sundhed) og biotek (teknologi baseret på "
            "biologi). Regionen understøtter den regionale hub ved at "
            "omprioritere midler til et årsværk, der arbejder med "
            "understøttelsen i regi af innovationspartnerskabsmiljøet på "
            "Aarhus Universitetshospital, så der skabes synergi mellem det "
            "nationale initiativ og regionens hospitaler og "
            "samarbejdspartnere i det midtjyske."
        ),
        (
            "Mikrofinansieringspuljen videreføres i begge år. Midlerne kan "
            "søges til innovationsindsatser på hospitaler og institutioner "
            "med op til 100.000 kr. Der er fokus på, at projekterne med "
            "fordel sker i brede partnerskaber."
        ),
        (
            "I forhold til udviklingsmidlerne forventer administrationen "
            "fortsat at anvende midler på særlige områder: sundhed og "
            "ernæring, f.eks. innovation af nye fødevarer til underernærede "
            "og forbedring af måltidssituationen; kultur og sundhed, bl.a. "
            "musik på hospitaler og forretningsmodeller for anvendelsen af "
            "kultur på hospitalerne; innovationsmiljøer og modeller, f.eks. "
            "produktinnovationsforløbet 'Fra ide til løsning' og makerspace "
            "på hospitaler; samt infrastruktur og økosystem, hvor der vil "
            "blive anvendt midler til platforme, fælles indgang og branding "
            "af økosystemet."
        ),
    ),
    table=Table(
        number=4,
        caption=(
            "Tabel 4. Sundhedsinnovation - aktiviteter og forventet forbrug"
        ),
        rows=(
            header(),
            section("Tilskudsmidler"),
            group("Digital sundhed"),
            subitem("Understøttelse af Danish Life Science Cluster", "500", "500"),
            subitem("Medfinansiering til hospitalers projekter", "1.500", "1.500"),
            item("Mikrofinansieringspulje", "2.500", "2.500"),
            subtotal("Tilskudsmidler i alt", "4.500", "4.500"),
            section("Udviklingsmidler"),
            group("Digital sundhed"),
            subitem("Aktiviteter ifht. digital sundhed", "1.350", "1.200"),
            subitem(
                "Kunstig intelligens i diagnostik og behandling", "400", "-"
            ),
            item("Sundhed og ernæring", "600", "600"),
            item("Kultur og sundhed", "300", "300"),
            item("Innovationsmiljøer og modeller", "600", "600"),
            item("Infrastruktur og økosystem", "500", "500"),
            subtotal("Udviklingsmidler i alt", "3.750", "3.200"),
            section("Omprioriteret til personaleressourcer"),
            group("Digital sundhed"),
            subitem("Årsværk til understøttelse af regional hub", "650", "650"),
            subtotal(
                "Omprioriteret til personaleressourcer i alt", "650", "650"
            ),
            total("8.900", "8.350"),
        ),
    ),
)

BAEREDYGTIGHED = Area(
    heading="Bæredygtighed og grøn omstilling",
    paragraphs=(
        (
            "Region Midtjylland vil i 2023 og 2024 fortsat have et særligt "
            "fokus på cirkulær økonomi i de midtjyske kommuner. Regionen "
            "afsætter tilskudsmidler til en pulje for kommunale cirkulær "
            "økonomi projekter samt udviklingsmidler til medfinansiering af "
            "LIFE IP projektet om implementering af den nationale "
            "affaldsplan. Den nye regionale affaldsplan færdiggøres i 2023."
        ),
        (
            "Udmøntningen af bæredygtighedsstrategien fortsætter med "
            "pilotprojekter og implementering samt puljen til bæredygtige "
            "hospitaler. Derudover anvendes der udviklingsmidler på "
            "sekretariatsbetjening og kommunikation samt data og analyse."
        ),
        (
            "Inden for energi og klima afsættes der udviklingsmidler til "
            "kommunale og regionalt energiregnskab. Klimaprojektet DK2020 "
            "afsluttes i 2023, hvor der afsættes 0,6 mio. kr. til "
            "projektet."
        ),
    ),
    table=Table(
        number=5,
        caption=(
            "Tabel 5. Bæredygtighed og grøn omstilling "
            "- aktiviteter og forventet forbrug"
        ),
        rows=(
            header(),
            section("Tilskudsmidler"),
            group("Cirkulær økonomi i de midtjyske kommuner"),
            subitem(
                "Pulje for kommunale cirkulær økonomi projekter", "700", "700"
            ),
            group("Udmøntning af bæredygtighedsstrategi"),
            subitem("Pilotprojekter og implementering", "400", "400"),
            subitem("Bæredygtige hospitaler", "600", "600"),
            subtotal("Tilskudsmidler i alt", "1.700", "1.700"),
            section("Udviklingsmidler"),
            group("Cirkulær økonomi i de midtjyske kommuner"),
            subitem("Medfinansiering af LIFE IP projektet", "300", "300"),
            subitem("Ny regional affaldsplan", "150", "-"),
            group("Udmøntning af regional bæredygtighedsstrategi"),
            subitem("Sekretariatsbetjening og kommunikation", "200", "200"),
            subitem("Data og analyse", "400", "350"),
            group("Energi og klima"),
            subitem("Kommunale og regionalt energiregnskab", "250", "250"),
            subitem("DK 2020 projektet*", "600", "-"),
            subtotal("Udviklingsmidler i alt", "1.900", "1.100"),
            total("3.600", "2.800"),
        ),
        footnotes=("* Er bevilget af regionsrådet i august 2022.",),
    ),
)

DOCUMENT = replace(
    y2021.DOCUMENT,
    title="Udmøntning af projektpuljen 2023",
    subtitle=(
        "Gennemgang af de forventede regionale udviklingsaktiviteter i 2023 "
        "og 2024, som projektpuljen finansierer"
    ),
    reference="1-22-76-1-22",
    areas=(
        MOBILITET,
        LANDDISTRIKTER,
        KULTUR_OG_EVENTS,
        SUNDHEDSINNOVATION,
        BAEREDYGTIGHED,
    ),
)
