"""The generator's content: Danish project-like words to draw labels, areas, prose and agendas from.

This is test content only; the project's code never sees these words except through a generated PDF.
"""

AREAS = (
    "Mobilitet og infrastruktur", "Uddannelse og kompetencer", "Kultur og events", "Grøn omstilling",
    "Sundhedsinnovation", "Internationalt samarbejde", "Landdistrikter og øer", "Klimatilpasning",
    "Erhvervsudvikling", "Digitalisering", "Natur og miljø", "Turisme og oplevelser", "Beskæftigelse",
    "Vand og kyster", "Bæredygtig energi", "Regional udvikling", "Kollektiv trafik", "Ungdomsuddannelser",
)

SECTIONS = ("Tilskudsmidler", "Udviklingsmidler", "Driftsmidler", "Projektmidler", "Puljemidler")

ACTIONS = (
    "Etablering af", "Udvikling af", "Analyse af", "Medfinansiering til", "Understøttelse af", "Pulje til",
    "Sekretariat for", "Evaluering af", "Videreudvikling af", "Kortlægning af", "Partnerskab om",
    "Forprojekt om", "Implementering af", "Drift af", "Kampagne for",
)

OBJECTS = (
    "grøn mobilitet", "fælles datainfrastruktur", "kollektiv trafik på tværs af kommunegrænser",
    "cykelstier i landdistrikterne", "kompetenceløft af faglærte", "digitale læringsforløb",
    "klimatilpasning ved kysterne", "lokale energifællesskaber", "cirkulær økonomi i byggeriet",
    "talentudvikling", "regionale kulturinstitutioner", "sundhedsdata", "erhvervsturisme",
    "grundvandsbeskyttelse", "elektrificering af busser", "brintinfrastruktur", "unges trivsel",
    "internationale studerende", "bynær natur", "biogasanlæg",
)

# Labels that carry numbers and years, which a reader must not take for amounts.
NUMBERED = (
    "Strategi 2030", "17 kommuner", "Projekt 3.0", "Vision 2040", "Fase 2", "5G-netværk", "Agenda 2030",
    "19 lokale aktionsgrupper", "Rute 15", "Plan 2025-2028", "Industri 4.0", "46 landsbyer", "Klimaplan 2050",
)

ORGS = (
    "Erhvervshus Midtjylland", "Aarhus Universitet", "VIA University College", "Business Region Aarhus",
    "Midttrafik", "Dansk Industri", "Region Midtjyllands kommuner", "Innovationsfonden", "Kulturministeriet",
)

GROUPS = (
    "Klimaalliancen", "Grøn mobilitet", "Kompetenceløft", "Digital sundhed", "Mikrofinansieringspulje",
    "Særlige fokusområder", "Kulturpuljen", "Energi og klima", "Vækstinitiativer",
)

SUBGROUPS = ("Kommunale projekter", "Virksomhedsrettede projekter", "Forskningsprojekter", "Borgerrettede tiltag")

# Lines that take money away: printed as negative amounts.
NEGATIVE = ("Omprioriteret til {area}", "Overført til {next_year}", "Tilbageført fra afsluttede projekter",
            "Modregning af mindreforbrug")

FOOTNOTES = (
    "Er bevilget af regionsrådet i november {prev}.", "Beløbet er reserveret til medfinansiering af EU-projekter.",
    "Overført fra {prev}.", "Forudsætter tilsagn fra staten.", "Bevillingen gives under forudsætning af "
    "medfinansiering.", "Tidligere behandlet i udvalget.",
)

FILLERS = (
    "Regionen arbejder for at styrke {area_lower} i hele Midtjylland.",
    "Indsatsen sker i tæt samarbejde med kommunerne og {org}.",
    "Midlerne udmøntes i løbet af året efter ansøgning og vurdering.",
    "Der lægges vægt på projekter, der kan skaleres til flere dele af regionen.",
    "Aktiviteterne følges op med en årlig status til udvalget.",
    "Området bygger videre på erfaringerne fra de seneste år.",
)

MEETINGS = ("Udvalg for regional udvikling", "Regionsrådet", "Forretningsudvalget", "Udvalg for klima og miljø")
PLACES = ("Regionshuset Viborg, mødelokale 1", "Regionshuset Aarhus, lokale 2.14", "Skottenborg 26, Viborg")
AGENDA_ITEMS = (
    "Godkendelse af dagsorden", "Meddelelser", "Udmøntning af projektpuljen", "Status på trafikplanen",
    "Orientering om EU-programmer", "Høringssvar om kollektiv trafik", "Eventuelt",
)
MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "august", "september", "oktober", "november")
