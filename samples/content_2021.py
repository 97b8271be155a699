"""Content of "Udmøntning af projektpuljen 2021" (Region Midtjylland).

The prose and the budget tables of the document, kept as plain data so that
every rendering in this folder is built from the same text and figures.
Amounts are in 1.000 kr. and are written exactly as printed, in Danish
number format ("1.500", "0*").
"""

from __future__ import annotations

from dataclasses import dataclass

# Row kinds
HEADER = "header"      # column headings: "1.000 kr." / "2021"
SECTION = "section"    # "Tilskudsmidler", "Udviklingsmidler", ...
GROUP = "group"        # heading for a group of sub-items, no amount
ITEM = "item"          # budget line
SUBITEM = "subitem"    # budget line belonging to the group above it
SUBTOTAL = "subtotal"  # "... i alt"
TOTAL = "total"


@dataclass(frozen=True)
class Row:
    kind: str
    label: str
    amount: str = ""
    gap: bool = False  # extra vertical space above the row


@dataclass(frozen=True)
class Table:
    number: int
    caption: str
    rows: tuple[Row, ...]
    footnotes: tuple[str, ...] = ()
    footnotes_after_caption: bool = False


@dataclass(frozen=True)
class Area:
    heading: str
    paragraphs: tuple[str, ...]
    table: Table


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    reference: str
    author: str
    areas: tuple[Area, ...]


def header() -> Row:
    return Row(HEADER, "1.000 kr.", "2021")


def section(label: str) -> Row:
    return Row(SECTION, label)


def group(label: str, gap: bool = False) -> Row:
    return Row(GROUP, label, gap=gap)


def item(label: str, amount: str) -> Row:
    return Row(ITEM, label, amount)


def subitem(label: str, amount: str) -> Row:
    return Row(SUBITEM, label, amount)


def subtotal(label: str, amount: str) -> Row:
    return Row(SUBTOTAL, label, amount, gap=True)


def total(amount: str) -> Row:
    return Row(TOTAL, "Total", amount, gap=True)


MOBILITET = Area(
    heading="Mobilitet",
    paragraphs=(
        (
            "Region Midtjylland vil i 2021 have et særligt fokus på "
            "bæredygtig mobilitet. Regionen har i oktober 2020 indgået en "
            "klimasamarbejdsaftale med Transport- og Boligministeriet. "
            "Aftalen beskriver de regionale forpligtelser til en "
            "bæredygtig omstilling inden for kollektiv trafik og øvrige "
            "regionale ansvarsområder inden for transportsektoren. Der "
            "forventes anvendt tilskudsmidler på at understøtte "
            "klimasamarbejdsaftalen."
        ),
        (
            "I 2020 bevilgede regionsrådet tilskudsmidler til etableringen "
            "af et supercykelstisekretariat, som skal være med til at "
            "skabe tilbringertrafik til trafikale knudepunkter i form af "
            "kombination af cykel og kollektiv trafik samt fremme brugen "
            "af cykel til gavn for miljøet og sundheden. Dette arbejde "
            "fortsætter i 2021."
        ),
        (
            "Region Midtjylland er desuden med i et EU Interreg forprojekt "
            "om Jyllandskorridoren fra Norge til Hamborg. Projektet skal "
            "afdække mulighederne for at igangsætte et større projekt om "
            "at skabe en korridor, hvor transporten kan foregå mere "
            "bæredygtigt. Der afsættes tilskudsmidler til at deltage med "
            "medfinansiering i et eventuelt større "
            "Jyllandskorridorprojekt."
        ),
        (
            "Regionen indgår også i et mobilitetssamarbejde med Midttrafik "
            "og de 19 midtjyske kommuner. Den fælles overligger for "
            "samarbejdet er at udvikle bæredygtige, digitale og "
            "sammenhængende mobilitetsløsninger i den midtjyske region. "
            "Arbejdet inden for mobilitet understøttes af konkrete "
            "udviklingsaktiviteter og analyser, der skal sætte fokus på "
            "udvikling af mere sammenhængende og bæredygtige "
            "mobilitetsløsninger. Der afsættes derfor udviklingsmidler "
            "hertil."
        ),
    ),
    table=Table(
        number=1,
        caption="Tabel 1. Mobilitet - aktiviteter og forventet forbrug",
        rows=(
            header(),
            section("Tilskudsmidler"),
            item(
                "Understøttelse af klimasamarbejdsaftalen med "
                "Transport- og Boligministeriet",
                "500",
            ),
            item("Etablering af supercykelstisekretariat*", "500"),
            item("Medfinansiering til evt. Jyllandskorridorprojekt", "500"),
            subtotal("Tilskudsmidler i alt", "1.500"),
            section("Udviklingsmidler"),
            item("Udviklingsaktiviteter og analyser", "500"),
            subtotal("Udviklingsmidler i alt", "500"),
            total("2.000"),
        ),
        footnotes=("* Er bevilget af regionsrådet i november 2020.",),
        footnotes_after_caption=True,
    ),
)

INTERNATIONALE_AKTIVITETER = Area(
    heading="Internationale aktiviteter",
    paragraphs=(
        (
            "I 2021 vil der fortsat være fokus på at styrke det "
            "internationale samarbejde. Det skal understeges, at mange "
            "internationale aktiviteter gennemføres uden for denne ramme i "
            "regi af de enkelte kontorer og flere aktiviteter finansieres "
            "inden for internationale projekter."
        ),
        (
            "Der forventes i 2021 at blive anvendt udviklingsmidler på "
            "kontingent til Konferencen for perifere maritime regioner – "
            "også kendt som CPMR - og Nordsø-kommissionen, hvor der sidder "
            "repræsentanter fra regionsrådet, samt til medlemskab af "
            "foreningen Danmark-Kina."
        ),
        (
            "Derudover afsættes der midler til aktiviteter forbundet med "
            "Shanghai aftalen samt delegationsbesøg."
        ),
        (
            "Der afsættes desuden midler til internationalisering af "
            "koncernen Region Midtjylland, hvor der forventes aktiviteter "
            "inden for international vidensopsamling og vidensdeling, "
            "oversættelser, køb af markedsrapporter mm."
        ),
    ),
    table=Table(
        number=2,
        caption="Tabel 2. Internationale aktiviteter og forventet forbrug",
        rows=(
            header(),
            section("Udviklingsmidler"),
            item("Kontingent", "200"),
            item("Aktiviteter forbundet med Shanghai aftalen", "150"),
            item("Delegationsbesøg", "100"),
            item("Internationalisering af koncernen", "150"),
            subtotal("Udviklingsmidler i alt", "600"),
            total("600"),
        ),
    ),
)

LANDDISTRIKTER = Area(
    heading="Landdistrikter",
    paragraphs=(
        (
            "Region Midtjylland vil i 2021 have et særligt fokus på "
            "bæredygtige og attraktive lokalsamfund. Der afsættes derfor "
            "tilskudsmidler til aktiviteten 'Den bæredygtige landsby', "
            "hvor kommuner i samarbejde med en eller flere landsbyer kan "
            "søge om tilskud på op til 100.000 kr. til "
            "udviklingsprojekter, hvor de arbejder med lokale "
            "bæredygtighedsinitiativer."
        ),
        (
            "Regionen afsætter også tilskudsmidler til eksperimenterende "
            "udviklingsprojekter, hvor der forventes større "
            "udviklingsprojekter i samarbejde med kommuner, lokale "
            "aktionsgrupper (såkaldte LAG'er), andre regioner og øvrige "
            "aktører."
        ),
        (
            "Region Midtjylland vil også i 2021 uddele landsbyprisen. "
            "Regionsrådet har siden 2009 en gang årligt uddelt en pris til "
            "en landsby, som har gjort sig særlig bemærket og taget ansvar "
            "for egen udvikling."
        ),
        (
            "I forhold til landsbyprisen afsættes der desuden "
            "udviklingsmidler til udviklingsforløb for landsbyer. "
            "Kandidater til landsbyprisen 2021 vil blive tilbudt at "
            "deltage i et udviklings- og læringforløb, der skal fremme "
            "tværgående samarbejder og erfaringsudveksling samt "
            "kvalificere det lokale udviklingsarbejde."
        ),
        (
            "Regionen forventer desuden at afsætte udviklingsmidler til et "
            "årligt seminar for partnerskabet bag den regionale "
            "landdistriktsstrategi. Seminaret gennemføres i samarbejde med "
            "en kommune. Derudover afsættes der udviklingsmidler til "
            "analyser, udviklingsværksteder og arrangementer i samarbejde "
            "med eksterne aktører samt til kontingent til medlemskab af "
            "Landdistrikternes Fællesråd."
        ),
    ),
    table=Table(
        number=3,
        caption="Tabel 3. Landdistrikter - aktiviteter og forventet forbrug",
        rows=(
            header(),
            section("Tilskudsmidler"),
            item("Den bæredygtige landsby", "600"),
            item("Eksperimenterende udviklingsprojekter", "250"),
            item("Landsbyprisen 2021", "150"),
            subtotal("Tilskudsmidler i alt", "1.000"),
            section("Udviklingsmidler"),
            item("Udviklingsforløb for landsbyer", "200"),
            item("Landdistriktsseminar", "200"),
            item("Analyse- og procesmidler", "250"),
            item(
                "Kontingent til medlemskab af Landdistrikternes Fællesråd",
                "50",
            ),
            subtotal("Udviklingsmidler i alt", "700"),
            total("1.700"),
        ),
    ),
)

SUNDHEDSINNOVATION = Area(
    heading="Sundhedsinnovation",
    paragraphs=(
        (
            "Region Midtjylland vil i 2021 have et særligt fokus på "
            "digital sundhed og i den forbindelse understøtte den nye "
            "nationale klynge Danish Life Science Cluster. Regionsrådet "
            "har i november 2020 godkendt, at regionens allerede "
            "indbetalte tilskud på 2 mio. kr. i 2021 til MedTech "
            "Innovation Consortium overføres til Danish Life Science "
            "Cluster som en del af virksomhedsoverdragelsen. Derudover "
            "forventes der inden for digital sundhed at blive anvendt "
            "tilskudsmidler på medfinansiering til hospitalers projekter "
            "samt udviklingsmidler på aktiviteter i forhold til digital "
            "sundhed."
        ),
        (
            "Den nationale klynge får hovedsæde i København med regionale "
            "afdelinger, såkaldte regionale hubs, med hver deres "
            "styrkeposition. Den regionale hub i Midtjylland får "
            "omdrejningspunktet sundheds-it (digital sundhed) og biotek "
            "(teknologi baseret på biologi). Regionen vil understøtte den "
            "regionale hub ved at omprioritere midler til et årsværk, der "
            "skal arbejde med understøttelsen i regi af det forventeligt "
            "kommende innovationspartnerskabsmiljø på Aarhus "
            "Universitetshospital. Årsværket skal understøtte, at der "
            "skabes synergi mellem det nationale initiativ og regionens "
            "hospitaler og samarbejdspartnere i det midtjyske."
        ),
        (
            "Region Midtjylland vil i 2021 videreføre "
            "mikrofinansieringspuljen. Midlerne kan søges til "
            "innovationsindsatser på hospitaler og institutioner med op "
            "til 100.000 kr. Der er fokus på, at projekterne med fordel "
            "sker i brede partnerskaber."
        ),
        (
            "I forhold til udviklingsmidlerne forventer administrationen "
            "at anvende midler på fem særlige områder. 1) Sundhed og "
            "ernæring, f.eks. innovation af nye fødevarer til "
            "underernærede, oprettelse af food-laboratorium på et eller "
            "flere hospitaler med fokus på udvikling af nye fødevarer i "
            "samarbejde med private virksomheder samt fokus på forbedring "
            "af måltidsstituationen. 2) Digital sundhed, hvor der er fokus "
            "på udvikling og spredning af teknologier som f.eks. virtual "
            "reality og argumented reality, netværk for kunstig "
            "intelligens, digitale platforme mm. 3) Kultur og sundhed, "
            "bl.a. udvikling af koncept for musik på hospitaler og "
            "implementering, samt videreudvikle forretningsmodeller for "
            "anvendelsen af kultur på hospitalerne. 4) Innovationsmiljøer "
            "og modeller, f.eks. implementering af 'Fra ide til løsning', "
            "som er et produktinnovationsforløb, samt makerspace på "
            "hospitaler. Og 5) Infrastruktur og økosystem, hvor der vil "
            "blive anvendt midler til platforme, fælles indgang, branding "
            "af økosystemet etc."
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
            subitem("Understøttelse af Danish Life Science Cluster", "0*"),
            subitem("Medfinansiering til hospitalers projekter", "2.000"),
            item("Mikrofinansieringspulje", "2.500"),
            subtotal("Tilskudsmidler i alt", "4.500"),
            section("Udviklingsmidler"),
            group("Digital sundhed"),
            subitem("Aktiviteter ifht. digital sundhed", "1.350"),
            item("Sundhed og ernæring", "600"),
            item("Digital sundhed", "800"),
            item("Kultur og sundhed", "300"),
            item("Innovationsmiljøer og modeller", "600"),
            item("Infrastruktur og økosystem", "500"),
            subtotal("Udviklingsmidler i alt", "4.150"),
            section("Omprioriteret til personaleressourcer"),
            group("Digital sundhed"),
            subitem("Årsværk til understøttelse af regional hub", "650"),
            subtotal("Omprioriteret til personaleressourcer i alt", "650"),
            total("9.300"),
        ),
        footnotes=(
            "* Regionsrådet godkendte i november 2020, at et tilskud på "
            "2 mio. kr. fra juni 2019 til MedTech Innovation Consortium "
            "overføres til Danish Life Science Cluster som del af "
            "virksomhedsoverdragelsen.",
        ),
    ),
)

BAEREDYGTIGHED = Area(
    heading="Bæredygtighed og grøn omstilling",
    paragraphs=(
        (
            "Region Midtjylland vil i 2021 have et særligt fokus på "
            "cirkulær økonomi i de midtjyske kommuner. Regionen afsætter "
            "tilskudsmidler til en pulje for kommunale cirkulær økonomi "
            "projekter, som kommunerne kan søge, samt udviklingsmidler til "
            "en EU LIFE IP ansøgning. Ansøgningen omhandler implementering "
            "af den nationale affaldsplan med afsæt i cirkulær økonomi. "
            "Fokus er på forebyggelse af affald, mere genbrug og "
            "genanvendelse."
        ),
        (
            "Regionen vil også have fokus på udmøntning af "
            "bæredygtighedsstrategien. Her forventes der at blive anvendt "
            "midler på pilotprojekter og implementering, som der kan gives "
            "et tilskud til. Puljen til bæredygtige hospitaler fortsættes "
            "også i 2021. Derudover vil der blive anvendt udviklingsmidler "
            "på sekretariatsbetjening og kommunikation, data og analyse "
            "(f.eks. livscyklusanalyser på udvalgte varegrupper) samt en "
            "ny regional affaldsplan."
        ),
        (
            "Et tredje fokusområde er energi og klima. Her forventer "
            "regionen at anvende udviklingsmidler på kommunale og "
            "regionalt energiregnskab samt på data og analyse. Regionen er "
            "bl.a. ved at få udarbejdet et virkemiddelkatalog med bud på, "
            "hvordan kommunerne kan reducere deres klimapåvirkning frem "
            "mod 2030. Hertil kan komme en række delanalyser inden for "
            "f.eks. nye teknologier."
        ),
        (
            "Regionsrådet godkendte desuden i august 2020 klimaprojektet "
            "DK2020 – for hele Danmark. Her blev der tilkendegivet en "
            "villighed til bevilge 1,25 mio. kr. i 2021 af midlerne til "
            "bæredygtighed under de regionale udviklingsaktiviteter. Heraf "
            "er det godkendt, at der omdisponeres 0,663 mio. kr. til et "
            "årsværk i 2021. Der afsættes således 0,537 mio. kr. af "
            "udviklingsmidlerne til projektet."
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
            subitem("Pulje for kommunale cirkulær økonomi projekter", "700"),
            group("Udmøntning af bæredygtighedsstrategi"),
            subitem("Pilotprojekter og implementering", "400"),
            subitem("Bæredygtige hospitaler", "600"),
            subtotal("Tilskudsmidler i alt", "1.700"),
            section("Udviklingsmidler"),
            group("Cirkulær økonomi i de midtjyske kommuner"),
            subitem("LIFE IP ansøgning", "200"),
            group("Udmøntning af regional bæredygtighedsstrategi"),
            subitem("Sekretariatsbetjening og kommunikation", "200"),
            subitem("Data og analyse", "400"),
            subitem("Ny regional affaldsplan", "150"),
            group("Energi og klima"),
            subitem("Kommunale og regionalt energiregnskab", "250"),
            subitem("Data og analyse", "50"),
            subitem("DK 2020 projektet*", "587"),
            subtotal("Udviklingsmidler i alt", "1.837"),
            total("3.537"),
        ),
        footnotes=(
            "* Er bevilget af regionsrådet i august 2020. I alt blev der "
            "bevilget 1,25 mio. kr, hvoraf 0,663 mio. kr. er omprioriteret "
            "til personaleressourcer.",
        ),
        footnotes_after_caption=True,
    ),
)

KLIMA = Area(
    heading="Klima",
    paragraphs=(
        (
            "Region Midtjylland forventer i 2021 fortsat at anvende midler "
            "på udviklingen af værktøj til multifunktionel jordfordeling. "
            "Multifunktionel jordfordeling handler kort fortalt om, man "
            "gennem jordfordeling (køb, salg og bytte af jord) har "
            "mulighed for at løse flere af de samfundsmæssige "
            "klimaudfordringer. Ved at ændre arealanvendelsen inden for en "
            "give geografi er det muligt at løse udfordringer med "
            "eksempelvis grundvandsforurening, nedgang i biodiversiteten "
            "og forurening med CO2 og næringsstoffer og samtidig opnå en "
            "bedre arrondering (arealernes nærhed til en ejendom) for "
            "landbruget. Staten har etableret en pilotordning, hvor "
            "kommuner og Naturstyrelsen har mulighed for at rejse "
            "multifunktionelle jordfordelingsprojekter. Regionen "
            "udarbejder sammen med SEGES (det faglige videns- og "
            "innovationshus under Landbrug og Fødevarer) og i et "
            "samarbejde med Landbrugsstyrelsen, kommuner og andre "
            "interessenter et værktøj til multifunktionel jordfordeling. "
            "Værktøjet vil blive stillet frit til rådighed."
        ),
        (
            "Regionen afsætter desuden udviklingsmidler til analyser, hvor "
            "der forventes behov for ekstern hjælp til analysearbejde, som "
            "skal indgå i f.eks. ansøgning om midler, den regionale "
            "klimastrategi m.v. En af analyserne kunne f.eks. være, "
            "hvordan biodiversiteten kan integreres i regionens projekter. "
            "Der afsættes også midler til ekstern konsulenthjælp i form af "
            "faglig input til arbejdet med klimatilpasning og de emner, "
            "der relaterer sig hertil."
        ),
        (
            "Region Midtjylland har også brug for at formidle budskabet om "
            "behovet for klimatilpasning og har i den sammenhæng brug for "
            "ekstern hjælp. Der afsættes derfor udviklingsmidler hertil."
        ),
        (
            "Der afsættes også udviklingsmidler til konferencer og "
            "topmøder. I 2021 ønsker regionen at afholde et årligt "
            "nationalt klimatopmøde for politikere, ledere og embedsmænd. "
            "Der afsættes derfor udviklingsmidler hertil. I 2021 afholdes "
            "også verdens vandkonference, forkortet IWA, i København. "
            "Region Midtjylland er repræsenteret med en række events og en "
            "Danmarks Tour med emnet klimatilpasning."
        ),
        (
            "Derudover afsættes der udviklingsmidler til medlemskab af "
            "Concito og Danmarks Nationale Netværk for Klimatilpasning. I "
            "projektet DK2020 har vi et tæt samarbejde med Concito og "
            "Danmarks Nationale Netværk for Klimatilpasning. I sidstnævnte "
            "har regionen næstformandsposten."
        ),
    ),
    table=Table(
        number=6,
        caption="Tabel 6. Klima - aktiviteter og forventet forbrug",
        rows=(
            header(),
            section("Udviklingsmidler"),
            item("Værktøj til multifunktionel jordfordeling", "500"),
            item("Analyser", "500"),
            item("Formidling", "350"),
            item("Nationalt klimatopmøde", "250"),
            item("Ekstern konsulenthjælp", "225"),
            item("Verdens vandkonference (IWA)", "200"),
            item(
                "Medlemskab til Concito og Danmarks Nationale Netværk for "
                "Klimatilpasning",
                "75",
            ),
            subtotal("Udviklingsmidler i alt", "2.100"),
            total("2.100"),
        ),
    ),
)

ARBEJDSKRAFTRESSOURCER = Area(
    heading="Udvikling af arbejdskraftressourcer",
    paragraphs=(
        (
            "Regionsrådet godkendte i januar 2020 en bevilling på 2,5 mio. "
            "kr. i hhv. 2020 og 2021 til afholdelsen af Euroskills i 2024, "
            "hvor Danmark er tildelt værtsskabet. Euroskills er "
            "europamesterskaberne inden for håndværk, service- og "
            "industrifag, som afholdes hvert andet år. Efter godkendelse "
            "af bevillingen har administrationen konstateret, at midlerne "
            "bør finansieres af uddannelsespuljen og ikke af midlerne "
            "afsat til udvikling af arbejdskraftressourcer, da Euroskills "
            "er en aktivitet inden for uddannelsesområdet. Derfor anmodes "
            "om en bevillingsændring, hvor de 2,5 mio. kr. flyttes fra "
            "tilskudsmidler under 'udvikling af arbejdskraftressourcer' "
            "til 'uddannelsespuljen' under de regionale "
            "udviklingsaktiviteter."
        ),
        (
            "Region Midtjylland forventer også at anvende tilskudsmidler "
            "på et projekt med titlen 'Jobbanken', som er et "
            "socialfondsprojekt vedr. social inklusion. Med projektet vil "
            "Jobbanken oprette satellitter af deres organisation i "
            "Ringkøbing-Skjern og Holstebro med henblik på at skabe varig "
            "beskæftigelse eller uddannelse for førtidspensionister med "
            "psykiske lidelser. En analyse af Jobbankens "
            "samfundsøkonomiske værdiskabelse viser, at hver krone "
            "investeret i Jobbanken giver samfundet en gevinst på 3,08 kr."
        ),
        (
            "Derudover forventes der anvendt tilskudsmidler med "
            "medfinansiering af EU-projekter. Der arbejdes f.eks. på et "
            "Erasmus projekt vedr. sprogstrategi og evt. "
            "strukturfondsprojekt vedr. kvalificeret arbejdskraft."
        ),
        (
            "I forhold til udviklingsmidlerne afsættes der midler til "
            "møderne i Rådet for Fremtidens Kompetencer samt midler til "
            "ekstern oplægsholdere på møderne."
        ),
        (
            "Udviklingsmidlerne ønskes også anvendt på videreudviklingen "
            "af STEM-barometeret, køb og vedligehold af to IT-systemer "
            "vedrørende henholdsvis elevfordeling og flerårige "
            "kapacitetsplaner, samt evaluering af uddannelsespuljen, hvor "
            "der afsættes midler til ekstern konsulentbistand. Disse "
            "aktiviteter omhandler dog ungdomsuddannelsesområdet og ikke "
            "området for udvikling af arbejdskraftressourcer. Derfor "
            "ønskes der omprioriteret 0,8 mio. kr. fra udviklingsmidlerne "
            "til den administrative pulje under uddannelsespuljen."
        ),
    ),
    table=Table(
        number=7,
        caption=(
            "Tabel 7. Udvikling af arbejdskraftressourcer "
            "- aktiviteter og forventet forbrug"
        ),
        rows=(
            header(),
            section("Tilskudsmidler"),
            item("Jobbanken", "1.000"),
            item("EU-projekter", "750"),
            group(
                "Indstillet omprioriteret til under uddannelsespuljen",
                gap=True,
            ),
            item("Euroskills*", "2.500"),
            subtotal("Tilskudsmidler i alt", "4.250"),
            section("Udviklingsmidler"),
            item("Møder i Rådet for Fremtidens Kompetencer", "50"),
            group(
                "Indstillet omprioriteret til den administrative pulje under "
                "uddannelsespuljen",
                gap=True,
            ),
            item("Videreudvikling af STEM-barometer", "50"),
            item("IT-system vedr. kapacitet og fordeling", "500"),
            item("Evaluering af uddannelsespuljen", "250"),
            subtotal("Udviklingsmidler i alt", "850"),
            total("5.100"),
        ),
        footnotes=("* Er bevilget af regionsrådet i januar 2020.",),
    ),
)

DOCUMENT = Document(
    title="Udmøntning af projektpuljen 2021",
    subtitle=(
        "Gennemgang af de forventede regionale udviklingsaktiviteter, "
        "som projektpuljen finansierer"
    ),
    reference="1-22-76-1-19",
    author="Region Midtjylland",
    areas=(
        MOBILITET,
        INTERNATIONALE_AKTIVITETER,
        LANDDISTRIKTER,
        SUNDHEDSINNOVATION,
        BAEREDYGTIGHED,
        KLIMA,
        ARBEJDSKRAFTRESSOURCER,
    ),
)
