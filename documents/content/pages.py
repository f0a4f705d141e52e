# ruff: noqa: E501
PAGES = [
    {
        "slug": "om-slt",
        "sort_order": 10,
        "show_in_menu": False,
        "title": "Hva er SLT?",
        "title_nn": "Kva er SLT?",
        "title_en": "What is SLT?",
        "summary": "SLT er en modell for å samordne kommunens og politiets arbeid med å forebygge rus og kriminalitet blant barn og unge.",
        "summary_nn": "SLT er ein modell for å samordne arbeidet kommunen og politiet gjer for å førebyggje rus og kriminalitet blant barn og unge.",
        "summary_en": "SLT is a model for coordinating the work of the municipality and the police to prevent substance use and crime among children and young people.",
        "body": """## Samordning av lokale rus- og kriminalitetsforebyggende tiltak

SLT er forkortelsen for *Samordning av lokale rus- og kriminalitetsforebyggende tiltak*. Modellen er et verktøy for kommuner som vil få mer ut av det forebyggende arbeidet for barn og unge.

Mange bidrar allerede: skolen, barnevernet, helsestasjonen og skolehelsetjenesten, NAV, fritidsklubbene, politiet og frivillige. SLT handler om at disse jobber mot de samme målene, deler kunnskap og bruker ressursene der de trengs mest. Der det er naturlig, trekkes også næringslivet og frivillige organisasjoner inn.

## Hvem bruker SLT?

Alle kommuner i Norge kan ta i bruk modellen. Rundt 180 kommuner bruker SLT i dag. [Sfk: kontroller tallet før publisering.] I Oslo er arbeidet organisert per bydel og kalles SaLTo.

Noen kommuner har en egen SLT-koordinator, andre deler koordinatoren med nabokommuner i et interkommunalt samarbeid.

## Hvordan virker modellen?

Arbeidet er organisert på tre nivåer: et styrende nivå (politiråd eller styringsgruppe), et koordinerende nivå (ledere for tjenestene) og et utførende nivå (de som møter barn og unge i hverdagen). SLT-koordinatoren binder nivåene sammen.

Kommunen kartlegger situasjonen, for eksempel med Ungdata, og lager en handlingsplan med tiltak som svarer på de utfordringene kartleggingen viser.

## Nasjonal støtte

Sekretariatet for konfliktrådene (Sfk) har det nasjonale ansvaret for faglig oppfølging og støtte til SLT-arbeidet i kommunene. Sfk tilbyr blant annet opplæring, kurs, konferanser, nettverksmøter og SLT-håndboken.

## Les mer

- SLT-håndboken og andre veiledere finner du under Dokumenter.
- Finn SLT-koordinatoren i din kommune med søket «Finn koordinator».
""",
        "body_nn": """## Samordning av lokale rus- og kriminalitetsførebyggjande tiltak

SLT er forkortinga for *Samordning av lokale rus- og kriminalitetsførebyggjande tiltak*. Modellen er eit verktøy for kommunar som vil få meir ut av det førebyggjande arbeidet for barn og unge.

Mange bidreg allereie: skulen, barnevernet, helsestasjonen og skulehelsetenesta, NAV, fritidsklubbane, politiet og frivillige. SLT handlar om at desse arbeider mot dei same måla, deler kunnskap og nyttar ressursane der dei trengst mest. Der det er naturleg, blir også næringslivet og frivillige organisasjonar trekte inn.

## Kven bruker SLT?

Alle kommunar i Noreg kan ta i bruk modellen. Rundt 180 kommunar bruker SLT i dag. [Sfk: kontroller talet før publisering.] I Oslo er arbeidet organisert per bydel og blir kalla SaLTo.

Nokre kommunar har ein eigen SLT-koordinator, andre deler koordinatoren med nabokommunar i eit interkommunalt samarbeid.

## Korleis verkar modellen?

Arbeidet er organisert på tre nivå: eit styrande nivå (politiråd eller styringsgruppe), eit koordinerande nivå (leiarar for tenestene) og eit utførande nivå (dei som møter barn og unge i kvardagen). SLT-koordinatoren bind nivåa saman.

Kommunen kartlegg situasjonen, til dømes med Ungdata, og lagar ein handlingsplan med tiltak som svarar på utfordringane kartlegginga viser.

## Nasjonal støtte

Sekretariatet for konfliktråda (Sfk) har det nasjonale ansvaret for fagleg oppfølging og støtte til SLT-arbeidet i kommunane. Sfk tilbyr mellom anna opplæring, kurs, konferansar, nettverksmøte og SLT-handboka.

## Les meir

- SLT-handboka og andre rettleiarar finn du under Dokument.
- Finn SLT-koordinatoren i kommunen din med søket «Finn koordinator».
""",
        "body_en": """## Coordinating local prevention of substance use and crime

SLT is the Norwegian abbreviation for *Samordning av lokale rus- og kriminalitetsforebyggende tiltak*: coordination of local measures to prevent substance use and crime. The model is a tool for municipalities that want to get more out of their preventive work for children and young people.

Many already contribute: schools, child welfare services, health clinics and school health services, NAV (the labour and welfare service), youth clubs, the police and volunteers. SLT is about making them work towards the same goals, share knowledge and use resources where they are needed most. Where it makes sense, local businesses and voluntary organisations are brought in as well.

## Who uses SLT?

Every municipality in Norway can adopt the model. Around 180 municipalities use SLT today. [Sfk: check this figure before publishing.] In Oslo the work is organised per city district and is called SaLTo.

Some municipalities have their own SLT coordinator; others share a coordinator with neighbouring municipalities.

## How does the model work?

The work is organised on three levels: a steering level (a police council or steering group), a coordinating level (the leaders of the services) and an operational level (the people who meet children and young people every day). The SLT coordinator ties the levels together.

The municipality maps the local situation, for instance with the Ungdata youth survey, and makes an action plan with measures that answer the challenges the mapping reveals.

## National support

The National Mediation Service's secretariat (Sekretariatet for konfliktrådene, Sfk) has the national responsibility for professional follow-up and support of SLT work in the municipalities. Sfk offers training, courses, conferences, network meetings and the SLT handbook.

## Read more

- The SLT handbook and other guides are under Documents.
- Find the SLT coordinator in your municipality with "Find a coordinator".
""",
    },
    {
        "slug": "kom-i-gang",
        "sort_order": 20,
        "title": "Slik kommer kommunen i gang med SLT",
        "title_nn": "Slik kjem kommunen i gang med SLT",
        "title_en": "How a municipality gets started with SLT",
        "summary": "Stegene fra politisk vedtak til en fungerende SLT-modell med koordinator, organisering og handlingsplan.",
        "summary_nn": "Stega frå politisk vedtak til ein fungerande SLT-modell med koordinator, organisering og handlingsplan.",
        "summary_en": "The steps from a political decision to a working SLT model with a coordinator, an organisation and an action plan.",
        "body": """## 1. Forankring

SLT fungerer best når kommuneledelsen og politiet står bak. Mange kommuner starter med et politisk vedtak om å ta i bruk modellen og en samarbeidsavtale mellom kommunen og politidistriktet.

## 2. SLT-koordinator

Kommunen utpeker en SLT-koordinator. Stillingen er ofte på 50–100 prosent, og koordinatoren er gjerne plassert nær rådmannen eller kommunedirektøren. Små kommuner kan dele koordinator i et interkommunalt samarbeid.

## 3. Organisering på tre nivåer

Sett sammen et styrende, et koordinerende og et utførende nivå. Se siden om de tre nivåene.

## 4. Kartlegging

Skaff et felles kunnskapsgrunnlag: Ungdata, politiets tall, erfaringer fra skole og tjenester. Kartleggingen viser hvilke risiko- og beskyttelsesfaktorer det er viktigst å arbeide med.

## 5. Handlingsplan

Lag en handlingsplan med mål, tiltak, ansvar og tidsplan, og et årshjul for møter og rapportering. Eksempler på lokale planer finner du i dokumentbiblioteket.

## 6. Opplæring og nettverk

Nye koordinatorer anbefales å delta på Sfks innføringskurs og i de digitale samlingene. Ta gjerne kontakt med koordinatorer i nabokommunene.

[Sfk: kontroller at rekkefølgen og anbefalingene stemmer med SLT-håndboken.]
""",
        "body_nn": """## 1. Forankring

SLT fungerer best når kommuneleiinga og politiet står bak. Mange kommunar startar med eit politisk vedtak om å ta i bruk modellen og ein samarbeidsavtale mellom kommunen og politidistriktet.

## 2. SLT-koordinator

Kommunen peikar ut ein SLT-koordinator. Stillinga er ofte på 50–100 prosent, og koordinatoren er gjerne plassert nær kommunedirektøren. Små kommunar kan dele koordinator i eit interkommunalt samarbeid.

## 3. Organisering på tre nivå

Set saman eit styrande, eit koordinerande og eit utførande nivå. Sjå sida om dei tre nivåa.

## 4. Kartlegging

Skaff eit felles kunnskapsgrunnlag: Ungdata, tal frå politiet, erfaringar frå skule og tenester. Kartlegginga viser kva risiko- og vernefaktorar det er viktigast å arbeide med.

## 5. Handlingsplan

Lag ein handlingsplan med mål, tiltak, ansvar og tidsplan, og eit årshjul for møte og rapportering. Døme på lokale planar finn du i dokumentbiblioteket.

## 6. Opplæring og nettverk

Nye koordinatorar bør delta på innføringskurset til Sfk og i dei digitale samlingane. Ta gjerne kontakt med koordinatorar i nabokommunane.

[Sfk: kontroller at rekkjefølgja og tilrådingane stemmer med SLT-handboka.]
""",
        "body_en": """## 1. Commitment

SLT works best when the municipal leadership and the police stand behind it. Many municipalities start with a political decision to adopt the model and a cooperation agreement between the municipality and the police district.

## 2. SLT coordinator

The municipality appoints an SLT coordinator. The position is often 50–100 per cent, and the coordinator is usually placed close to the chief municipal executive. Small municipalities can share a coordinator.

## 3. Organisation on three levels

Set up a steering, a coordinating and an operational level. See the page on the three levels.

## 4. Mapping

Build a shared knowledge base: the Ungdata survey, police figures, experience from schools and services. The mapping shows which risk and protective factors matter most.

## 5. Action plan

Write an action plan with goals, measures, responsibilities and a timetable, and a yearly plan for meetings and reporting. Examples of local plans are in the document library.

## 6. Training and network

New coordinators are advised to take Sfk's introductory course and join the online gatherings. Get in touch with coordinators in neighbouring municipalities.

[Sfk: check that the order and advice match the SLT handbook.]
""",
    },
    {
        "slug": "tre-nivaaer",
        "sort_order": 30,
        "title": "De tre nivåene i SLT",
        "title_nn": "Dei tre nivåa i SLT",
        "title_en": "The three levels of SLT",
        "summary": "SLT organiseres på et styrende, et koordinerende og et utførende nivå.",
        "summary_nn": "SLT blir organisert på eit styrande, eit koordinerande og eit utførande nivå.",
        "summary_en": "SLT is organised on a steering, a coordinating and an operational level.",
        "body": """## Styrende nivå

Politirådet eller en styringsgruppe med ordfører, kommunedirektør og politiets ledelse. Nivået setter retning, prioriterer og sørger for ressurser. Det møtes noen ganger i året – fire møter er vanlig – og SLT-koordinatoren er ofte sekretær.

## Koordinerende nivå

En koordineringsgruppe med ledere for tjenestene som arbeider med barn og unge: skole, barnevern, helsetjenester, NAV, kultur og fritid og politi. Gruppen følger opp handlingsplanen og ser til at tjenestene samarbeider.

## Utførende nivå

De som møter barn og unge i hverdagen: lærere, miljøarbeidere, helsesykepleiere, politikontakten, utekontakter og andre. Her gjennomføres tiltakene, ofte i tverrfaglige team rundt en skole, et nærmiljø eller en gruppe ungdommer.

## SLT-koordinatoren

Koordinatoren binder nivåene sammen: forbereder saker for det styrende nivået, leder eller deltar i koordineringsgruppen og holder kontakt med dem som arbeider ute.
""",
        "body_nn": """## Styrande nivå

Politirådet eller ei styringsgruppe med ordførar, kommunedirektør og leiinga i politiet. Nivået set retning, prioriterer og syter for ressursar. Det møtest nokre gonger i året – fire møte er vanleg – og SLT-koordinatoren er ofte sekretær.

## Koordinerande nivå

Ei koordineringsgruppe med leiarar for tenestene som arbeider med barn og unge: skule, barnevern, helsetenester, NAV, kultur og fritid og politi. Gruppa følgjer opp handlingsplanen og ser til at tenestene samarbeider.

## Utførande nivå

Dei som møter barn og unge i kvardagen: lærarar, miljøarbeidarar, helsesjukepleiarar, politikontakten, utekontaktar og andre. Her blir tiltaka gjennomførte, ofte i tverrfaglege team rundt ein skule, eit nærmiljø eller ei gruppe ungdommar.

## SLT-koordinatoren

Koordinatoren bind nivåa saman: førebur saker for det styrande nivået, leier eller deltek i koordineringsgruppa og held kontakt med dei som arbeider ute.
""",
        "body_en": """## Steering level

The police council (politiråd) or a steering group with the mayor, the chief municipal executive and the police leadership. This level sets the direction, sets priorities and provides resources. It meets a few times a year – four meetings is common – and the SLT coordinator is often its secretary.

## Coordinating level

A coordination group of the leaders of the services that work with children and young people: schools, child welfare, health services, NAV, culture and leisure, and the police. The group follows up the action plan and makes sure the services work together.

## Operational level

The people who meet children and young people every day: teachers, youth workers, school nurses, the police contact, outreach workers and others. This is where measures are carried out, often in multidisciplinary teams around a school, a neighbourhood or a group of young people.

## The SLT coordinator

The coordinator ties the levels together: prepares matters for the steering level, leads or takes part in the coordination group and stays in touch with the people working in the field.
""",
    },
    {
        "slug": "sfk-rolle",
        "sort_order": 40,
        "title": "Sfks rolle i SLT-arbeidet",
        "title_nn": "Rolla til Sfk i SLT-arbeidet",
        "title_en": "Sfk's role in SLT",
        "summary": "Sekretariatet for konfliktrådene har det nasjonale ansvaret for faglig oppfølging av og støtte til SLT i kommunene.",
        "summary_nn": "Sekretariatet for konfliktråda har det nasjonale ansvaret for fagleg oppfølging av og støtte til SLT i kommunane.",
        "summary_en": "The secretariat of the National Mediation Service has the national responsibility for supporting SLT in the municipalities.",
        "body": """## Nasjonalt ansvar

Sekretariatet for konfliktrådene (Sfk) er en del av Konfliktrådet og har det nasjonale ansvaret for faglig oppfølging og støtte til SLT-samarbeidet i kommunene.

## Hva Sfk tilbyr

- Innføringskurs for nye SLT-koordinatorer
- Den årlige SLT-konferansen
- Digitale samlinger, fire ganger i året
- Nettverksmøter og faglig veiledning
- SLT-håndboken og andre veiledere
- Forvaltning av tilskuddsordningen for SLT [Sfk: kontroller at Sfk forvalter ordningen]
- Denne portalen, med oversikt over koordinatorer, tiltak og dokumenter

## Ta kontakt

Har du spørsmål om SLT-modellen, håndboken eller kursene? Bruk kontaktskjemaet.
""",
        "body_nn": """## Nasjonalt ansvar

Sekretariatet for konfliktråda (Sfk) er ein del av Konfliktrådet og har det nasjonale ansvaret for fagleg oppfølging og støtte til SLT-samarbeidet i kommunane.

## Kva Sfk tilbyr

- Innføringskurs for nye SLT-koordinatorar
- Den årlege SLT-konferansen
- Digitale samlingar, fire gonger i året
- Nettverksmøte og fagleg rettleiing
- SLT-handboka og andre rettleiarar
- Forvaltning av tilskotsordninga for SLT [Sfk: kontroller at Sfk forvaltar ordninga]
- Denne portalen, med oversikt over koordinatorar, tiltak og dokument

## Ta kontakt

Har du spørsmål om SLT-modellen, handboka eller kursa? Bruk kontaktskjemaet.
""",
        "body_en": """## National responsibility

The secretariat of the National Mediation Service (Sekretariatet for konfliktrådene, Sfk) is part of the National Mediation Service (Konfliktrådet) and has the national responsibility for professional follow-up and support of SLT cooperation in the municipalities.

## What Sfk offers

- An introductory course for new SLT coordinators
- The annual SLT conference
- Online gatherings, four times a year
- Network meetings and professional guidance
- The SLT handbook and other guides
- Administration of the SLT grant scheme [Sfk: check that Sfk administers the scheme]
- This portal, with the coordinator directory, measures and documents

## Get in touch

Questions about the SLT model, the handbook or the courses? Use the contact form.
""",
    },
    {
        "slug": "kurs-og-konferanser",
        "sort_order": 50,
        "title": "Kurs, samlinger og konferanse",
        "title_nn": "Kurs, samlingar og konferanse",
        "title_en": "Courses, gatherings and the conference",
        "summary": "Innføringskurs for nye koordinatorer, digitale samlinger og den årlige SLT-konferansen.",
        "summary_nn": "Innføringskurs for nye koordinatorar, digitale samlingar og den årlege SLT-konferansen.",
        "summary_en": "An introductory course for new coordinators, online gatherings and the annual SLT conference.",
        "body": """## Innføringskurs

Sfk holder innføringskurs for nye SLT-koordinatorer. Kurset gir en innføring i modellen, organiseringen, kartlegging og handlingsplaner, og er en god anledning til å bli kjent med andre koordinatorer.

## Digitale samlinger

Fire ganger i året samles koordinatorene digitalt til faglige innlegg og erfaringsdeling.

## SLT-konferansen

SLT-konferansen er den årlige fagkonferansen og møteplassen for SLT-koordinatorer. Den har blant annet vært holdt i Sandefjord (2019), digitalt (2021, med opptak) og i Larvik (2022).

## Påmelding

Kommende kurs, samlinger og konferanser med påmelding finner du under Arrangementer.

[Sfk: kontroller tidspunkter og om kursene har deltakeravgift.]
""",
        "body_nn": """## Innføringskurs

Sfk held innføringskurs for nye SLT-koordinatorar. Kurset gir ei innføring i modellen, organiseringa, kartlegging og handlingsplanar, og er ein god sjanse til å bli kjend med andre koordinatorar.

## Digitale samlingar

Fire gonger i året samlast koordinatorane digitalt til faglege innlegg og erfaringsdeling.

## SLT-konferansen

SLT-konferansen er den årlege fagkonferansen og møteplassen for SLT-koordinatorar. Han har mellom anna vore halden i Sandefjord (2019), digitalt (2021, med opptak) og i Larvik (2022).

## Påmelding

Kurs, samlingar og konferansar som kjem, med påmelding, finn du under Arrangement.

[Sfk: kontroller tidspunkt og om kursa har deltakaravgift.]
""",
        "body_en": """## Introductory course

Sfk runs an introductory course for new SLT coordinators. It introduces the model, how the work is organised, mapping and action plans, and is a good chance to get to know other coordinators.

## Online gatherings

Four times a year the coordinators meet online for talks and sharing experience.

## The SLT conference

The SLT conference is the annual professional conference and meeting place for SLT coordinators. It has been held in Sandefjord (2019), online (2021, with a recording) and in Larvik (2022), among other places.

## Registration

Upcoming courses, gatherings and conferences, with registration, are listed under Events.

[Sfk: check dates and whether the courses have a fee.]
""",
    },
    {
        "slug": "tilskudd",
        "sort_order": 60,
        "title": "Tilskudd til SLT",
        "title_nn": "Tilskot til SLT",
        "title_en": "The SLT grant",
        "summary": "Kommuner kan søke tilskudd til SLT-arbeid. Søknadsfrist 1. desember, rapportering innen 1. april.",
        "summary_nn": "Kommunar kan søkje tilskot til SLT-arbeid. Søknadsfrist 1. desember, rapportering innan 1. april.",
        "summary_en": "Municipalities can apply for a grant for SLT work. Applications by 1 December, reports by 1 April.",
        "body": """## Hvem kan søke?

Kommuner som vil etablere eller videreutvikle SLT-arbeidet. Interkommunale samarbeid kan søke sammen. [Sfk: kontroller hvem som er søkerberettiget.]

## Frister

- **1. desember:** søknadsfrist
- **1. april:** frist for å rapportere om bruken av tidligere tildelte midler

## Ramme og vilkår

- Rammen for 2026 er 22,7 millioner kroner. [Sfk: kontroller beløpet.]
- Det kan gis tilskudd i inntil tre år.
- Kommunen må bidra med minst 20 prosent egenfinansiering.

## Slik søker du

Søknaden sendes gjennom tilskuddsportalen. Lenke og utlysningstekst legges ut her når ordningen utlyses. [Sfk: legg inn lenke til tilskuddsportalen.]
""",
        "body_nn": """## Kven kan søkje?

Kommunar som vil etablere eller vidareutvikle SLT-arbeidet. Interkommunale samarbeid kan søkje saman. [Sfk: kontroller kven som kan søkje.]

## Fristar

- **1. desember:** søknadsfrist
- **1. april:** frist for å rapportere om bruken av tidlegare tildelte midlar

## Ramme og vilkår

- Ramma for 2026 er 22,7 millionar kroner. [Sfk: kontroller beløpet.]
- Det kan bli gitt tilskot i inntil tre år.
- Kommunen må bidra med minst 20 prosent eigenfinansiering.

## Slik søkjer du

Søknaden blir send gjennom tilskotsportalen. Lenkje og utlysingstekst blir lagde ut her når ordninga blir lyst ut. [Sfk: legg inn lenkje til tilskotsportalen.]
""",
        "body_en": """## Who can apply?

Municipalities that want to establish or develop their SLT work. Municipalities cooperating on SLT can apply together. [Sfk: check who is eligible.]

## Deadlines

- **1 December:** application deadline
- **1 April:** deadline for reporting on the use of earlier grants

## Amount and conditions

- The total for 2026 is NOK 22.7 million. [Sfk: check the amount.]
- Grants can be given for up to three years.
- The municipality must fund at least 20 per cent itself.

## How to apply

Applications are sent through the grants portal. The link and the call text are published here when the scheme opens. [Sfk: add the link to the grants portal.]
""",
    },
    {
        "slug": "apne-data",
        "sort_order": 70,
        "title": "Åpne data",
        "title_nn": "Opne data",
        "title_en": "Open data",
        "summary": "Offentlige data fra SLT-portalen kan gjenbrukes under en åpen lisens.",
        "summary_nn": "Offentlege data frå SLT-portalen kan brukast om att under ein open lisens.",
        "summary_en": "Public data from the SLT portal may be reused under an open licence.",
        "body": """## Hva som deles

Oversikten over hvilke kommuner som har SLT, og den offentlige delen av tiltaksbanken, kan gjenbrukes. Kontaktopplysninger om enkeltpersoner deles ikke som åpne data.

## Lisens

Dataene gjøres tilgjengelige under Norsk lisens for offentlige data (NLOD) eller CC BY 4.0. [Sfk: bestem hvilken lisens som skal gjelde.]

## Format

Nedlastinger og maskinlesbare formater beskrives her når de er på plass.
""",
        "body_nn": """## Kva som blir delt

Oversikta over kva kommunar som har SLT, og den offentlege delen av tiltaksbanken, kan brukast om att. Kontaktopplysningar om enkeltpersonar blir ikkje delte som opne data.

## Lisens

Dataa blir gjorde tilgjengelege under Norsk lisens for offentlege data (NLOD) eller CC BY 4.0. [Sfk: avgjer kva lisens som skal gjelde.]

## Format

Nedlastingar og maskinlesbare format blir skildra her når dei er på plass.
""",
        "body_en": """## What is shared

The overview of which municipalities use SLT, and the public part of the measures bank, may be reused. Contact details of individuals are not shared as open data.

## Licence

The data is made available under the Norwegian Licence for Open Government Data (NLOD) or CC BY 4.0. [Sfk: decide which licence applies.]

## Formats

Downloads and machine-readable formats will be described here when they are in place.
""",
    },
    {
        "slug": "tilgjengelighet",
        "sort_order": 80,
        "show_in_menu": False,
        "title": "Tilgjengelighetserklæring",
        "title_nn": "Tilgjengelegheitserklæring",
        "title_en": "Accessibility statement",
        "summary": "Hvordan SLT-portalen oppfyller kravene til universell utforming, og hvor du melder fra om feil.",
        "summary_nn": "Korleis SLT-portalen oppfyller krava til universell utforming, og kvar du melder frå om feil.",
        "summary_en": "How the SLT portal meets the requirements for universal design, and where to report problems.",
        "body": """## Krav og status

Offentlige nettsteder i Norge skal oppfylle kravene i WCAG 2.1 på nivå AA, og tilsynet med kravene ligger hos Tilsynet for universell utforming av ikt (Uutilsynet). SLT-portalen er laget for å oppfylle kravene: sidene bruker Designsystemet fra Digdir, alle skjemaer har ledetekster og feilmeldinger ved feltene, og sidene kan brukes med tastatur, skjermleser og forstørrelse.

Alle sider finnes på bokmål, nynorsk og engelsk. Vi tester sidene automatisk med verktøyet axe i tillegg til manuell testing.

## Den offisielle erklæringen

Den offisielle tilgjengelighetserklæringen for SLT-portalen er publisert i Uutilsynets løsning på [uustatus.no](https://uustatus.no/). [Sfk: legg inn direkte lenke til erklæringen når den er publisert.]

## Kjente mangler

- Dokumenter som kommuner og andre laster opp (PDF og Office-filer), er ikke alltid universelt utformet. Ta kontakt hvis du trenger et dokument i et annet format.
- Innhold som kommunene skriver selv, for eksempel beskrivelser av tiltak, finnes ofte bare på bokmål.
- Noen opptak fra konferanser og kurs mangler teksting. De er listet nederst på denne siden.

## Meld fra om feil

Opplever du at noe ikke fungerer, vil vi gjerne vite det. Bruk [kontaktskjemaet](/kontakt/) eller send e-post til Sfk. Du kan også melde fra til Uutilsynet.
""",
        "body_nn": """## Krav og status

Offentlege nettstader i Noreg skal oppfylle krava i WCAG 2.1 på nivå AA, og tilsynet med krava ligg hos Tilsynet for universell utforming av ikt (Uutilsynet). SLT-portalen er laga for å oppfylle krava: sidene bruker Designsystemet frå Digdir, alle skjema har leietekstar og feilmeldingar ved felta, og sidene kan brukast med tastatur, skjermlesar og forstørring.

Alle sidene finst på bokmål, nynorsk og engelsk. Vi testar sidene automatisk med verktøyet axe i tillegg til manuell testing.

## Den offisielle erklæringa

Den offisielle tilgjengelegheitserklæringa for SLT-portalen er publisert i løysinga til Uutilsynet på [uustatus.no](https://uustatus.no/). [Sfk: legg inn direkte lenkje til erklæringa når ho er publisert.]

## Kjende manglar

- Dokument som kommunar og andre lastar opp (PDF og Office-filer), er ikkje alltid universelt utforma. Ta kontakt viss du treng eit dokument i eit anna format.
- Innhald som kommunane skriv sjølve, til dømes skildringar av tiltak, finst ofte berre på bokmål.
- Nokre opptak frå konferansar og kurs manglar teksting. Dei er lista opp nedst på denne sida.

## Meld frå om feil

Opplever du at noko ikkje fungerer, vil vi gjerne vite det. Bruk [kontaktskjemaet](/nn/kontakt/) eller send e-post til Sfk. Du kan også melde frå til Uutilsynet.
""",
        "body_en": """## Requirements and status

Public websites in Norway must meet WCAG 2.1 at level AA, supervised by the Norwegian Authority for Universal Design of ICT (Uutilsynet). The SLT portal is built to meet these requirements: the pages use Digdir's Designsystemet, every form has labels and error messages next to the fields, and the pages work with a keyboard, screen readers and zoom.

Every page is available in Norwegian Bokmål, Norwegian Nynorsk and English. We test the pages automatically with the axe tool in addition to manual testing.

## The official statement

The official accessibility statement for the SLT portal is published in Uutilsynet's service at [uustatus.no](https://uustatus.no/). [Sfk: add a direct link to the statement once it is published.]

## Known issues

- Documents uploaded by municipalities and others (PDF and Office files) are not always accessible. Contact us if you need a document in another format.
- Content written by the municipalities themselves, such as descriptions of measures, is often available in Norwegian only.
- Some recordings from conferences and courses lack captions. They are listed at the bottom of this page.

## Report a problem

If something does not work for you, we would like to know. Use the [contact form](/en/kontakt/) or e-mail Sfk. You can also report to Uutilsynet.
""",
    },
    {
        "slug": "personvern",
        "sort_order": 90,
        "show_in_menu": False,
        "title": "Personvernerklæring",
        "title_nn": "Personvernerklæring",
        "title_en": "Privacy statement",
        "summary": "Hvilke personopplysninger SLT-portalen behandler, hvorfor, hvor lenge de lagres og hvilke rettigheter du har.",
        "summary_nn": "Kva personopplysningar SLT-portalen behandlar, kvifor, kor lenge dei blir lagra og kva rettar du har.",
        "summary_en": "Which personal data the SLT portal processes, why, how long it is kept and what your rights are.",
        "body": """## Behandlingsansvarlig

Sekretariatet for konfliktrådene (Sfk) er behandlingsansvarlig for personopplysningene i SLT-portalen. [Sfk: legg inn kontaktopplysninger til personvernombudet.]

## Ingen opplysninger om barn eller enkeltsaker

Portalen skal ikke inneholde personopplysninger om barn, ungdom eller enkeltsaker, verken i tiltak, dokumenter, meldinger eller påmeldinger. Fritekstfelt minner om dette.

## Hvilke opplysninger vi behandler

- **Koordinatoroversikten:** bare kontaktopplysninger i jobbsammenheng: navn, stillingstittel, e-post og telefon på jobb, stillingsprosent og arbeidsgiver. Bilde vises bare når koordinatoren har samtykket, og tidspunktet for samtykket registreres.
- **Endringshistorikk:** for enheter, koordinatorer og tiltak tar vi vare på historikken over endringer: hvem som endret hva, og når.
- **Brukerkontoer:** navn, e-postadresse, foretrukket språk og innloggingshistorikk for koordinatorer og Sfk.
- **Invitasjoner:** når en ny koordinator inviteres, lagrer vi e-postadressen og når invitasjonen ble sendt og brukt. Invitasjonslenken gjelder i {invitation_days} dager.
- **Påminnelser:** koordinatorer som ikke har bekreftet opplysningene sine det siste året, får en påminnelse på e-post. Vi registrerer når påminnelsen ble sendt.
- **Kontaktskjemaet:** navn, e-post, eventuell kommune og meldingen du sender.
- **Påmeldinger til arrangementer:** navn, e-post, rolle, enhet, eventuelle opplysninger om kosthold eller tilrettelegging og om du vil stå på deltakerlisten.
- **Utsending av e-post:** e-post fra portalen (invitasjoner, kvitteringer, påminnelser og svar) legges i en utsendingskø med mottaker, emne og innhold før den sendes.
- **Sperring av innlogging:** for å hindre passordgjetting registrerer vi mislykkede innloggingsforsøk (brukernavn, IP-adresse og tidspunkt). Etter for mange forsøk sperres innloggingen en stund.

## Hvor lenge opplysningene lagres

- Opplysninger om kosthold og tilrettelegging i påmeldinger slettes når arrangementet er over. Selve påmeldingene anonymiseres {events_retention_days} dager etter at arrangementet er slutt.
- Henvendelser fra kontaktskjemaet slettes automatisk {contact_retention_days} dager etter at de kom inn.
- Registreringer av mislykkede innloggingsforsøk slettes når sperretiden er ute eller du logger inn.
- Koordinatorer som slutter, fjernes fra den offentlige oversikten. Endringshistorikken beholdes som dokumentasjon. [Sfk: fastsett slettefrist for endringshistorikk og sendt e-post.]

## Rettslig grunnlag

Behandlingen skjer for å utføre Sfks oppgave med nasjonal oppfølging av SLT (personvernforordningen artikkel 6 nr. 1 bokstav e). Bilder av koordinatorer publiseres på grunnlag av samtykke (bokstav a). [Sfk: kontroller behandlingsgrunnlagene.]

## Informasjonskapsler

Portalen bruker bare nødvendige informasjonskapsler: for innlogging, språkvalg og beskyttelse av skjemaer. Vi bruker ikke analyseverktøy eller sporing fra tredjeparter, og sidene henter ikke noe fra andre nettsteder.

## Dine rettigheter

Du har rett til innsyn i, retting av og sletting av opplysninger om deg. Innloggede brukere kan se og laste ned opplysningene sine på siden [Dine data](/konto/mine-data/). Ta kontakt med Sfk for å bruke rettighetene dine. Du kan klage til Datatilsynet.
""",
        "body_nn": """## Behandlingsansvarleg

Sekretariatet for konfliktråda (Sfk) er behandlingsansvarleg for personopplysningane i SLT-portalen. [Sfk: legg inn kontaktopplysningar til personvernombodet.]

## Ingen opplysningar om barn eller enkeltsaker

Portalen skal ikkje innehalde personopplysningar om barn, ungdom eller enkeltsaker, verken i tiltak, dokument, meldingar eller påmeldingar. Fritekstfelt minner om dette.

## Kva opplysningar vi behandlar

- **Koordinatoroversikta:** berre kontaktopplysningar i jobbsamanheng: namn, stillingstittel, e-post og telefon på jobb, stillingsprosent og arbeidsgivar. Bilete blir vist berre når koordinatoren har samtykt, og tidspunktet for samtykket blir registrert.
- **Endringshistorikk:** for einingar, koordinatorar og tiltak tek vi vare på historikken over endringar: kven som endra kva, og når.
- **Brukarkontoar:** namn, e-postadresse, føretrekt språk og innloggingshistorikk for koordinatorar og Sfk.
- **Invitasjonar:** når ein ny koordinator blir invitert, lagrar vi e-postadressa og når invitasjonen vart send og brukt. Invitasjonslenkja gjeld i {invitation_days} dagar.
- **Påminningar:** koordinatorar som ikkje har stadfesta opplysningane sine det siste året, får ei påminning på e-post. Vi registrerer når påminninga vart send.
- **Kontaktskjemaet:** namn, e-post, eventuell kommune og meldinga du sender.
- **Påmeldingar til arrangement:** namn, e-post, rolle, eining, eventuelle opplysningar om kosthald eller tilrettelegging og om du vil stå på deltakarlista.
- **Utsending av e-post:** e-post frå portalen (invitasjonar, kvitteringar, påminningar og svar) blir lagd i ein utsendingskø med mottakar, emne og innhald før han blir send.
- **Sperring av innlogging:** for å hindre passordgjetting registrerer vi mislukka innloggingsforsøk (brukarnamn, IP-adresse og tidspunkt). Etter for mange forsøk blir innlogginga sperra ei stund.

## Kor lenge opplysningane blir lagra

- Opplysningar om kosthald og tilrettelegging i påmeldingar blir sletta når arrangementet er over. Sjølve påmeldingane blir anonymiserte {events_retention_days} dagar etter at arrangementet er slutt.
- Førespurnader frå kontaktskjemaet blir sletta automatisk {contact_retention_days} dagar etter at dei kom inn.
- Registreringar av mislukka innloggingsforsøk blir sletta når sperretida er ute eller du loggar inn.
- Koordinatorar som sluttar, blir fjerna frå den offentlege oversikta. Endringshistorikken blir teken vare på som dokumentasjon. [Sfk: fastset slettefrist for endringshistorikk og send e-post.]

## Rettsleg grunnlag

Behandlinga skjer for å utføre oppgåva Sfk har med nasjonal oppfølging av SLT (personvernforordninga artikkel 6 nr. 1 bokstav e). Bilete av koordinatorar blir publiserte på grunnlag av samtykke (bokstav a). [Sfk: kontroller behandlingsgrunnlaga.]

## Informasjonskapslar

Portalen bruker berre nødvendige informasjonskapslar: for innlogging, språkval og vern av skjema. Vi bruker ikkje analyseverktøy eller sporing frå tredjepartar, og sidene hentar ikkje noko frå andre nettstader.

## Rettane dine

Du har rett til innsyn i, retting av og sletting av opplysningar om deg. Innlogga brukarar kan sjå og laste ned opplysningane sine på sida [Dine data](/nn/konto/mine-data/). Ta kontakt med Sfk for å bruke rettane dine. Du kan klage til Datatilsynet.
""",
        "body_en": """## Data controller

The secretariat of the National Mediation Service (Sekretariatet for konfliktrådene, Sfk) is the controller of the personal data in the SLT portal. [Sfk: add the contact details of the data protection officer.]

## No data about children or individual cases

The portal must not contain personal data about children, young people or individual cases, whether in measures, documents, messages or registrations. Free-text fields remind you of this.

## What data we process

- **The coordinator directory:** work contact details only: name, job title, work e-mail and phone, position percentage and employer. A photo is shown only when the coordinator has consented, and the time of consent is recorded.
- **Change history:** for units, coordinators and measures we keep a history of changes: who changed what, and when.
- **User accounts:** name, e-mail address, preferred language and login history of coordinators and Sfk staff.
- **Invitations:** when a new coordinator is invited, we store the e-mail address and when the invitation was sent and used. The invitation link is valid for {invitation_days} days.
- **Reminders:** coordinators who have not confirmed their details during the last year receive a reminder by e-mail. We record when the reminder was sent.
- **The contact form:** name, e-mail, municipality (if given) and the message you send.
- **Event registrations:** name, e-mail, role, unit, any notes on dietary needs or accessibility, and whether you want to appear on the participant list.
- **Outgoing e-mail:** e-mail from the portal (invitations, receipts, reminders and replies) is placed in an outgoing queue with recipient, subject and content before it is sent.
- **Login lockout:** to prevent password guessing we record failed login attempts (username, IP address and time). After too many attempts, logging in is blocked for a while.

## How long data is kept

- Dietary and accessibility notes in event registrations are deleted once the event is over. The registrations themselves are anonymised {events_retention_days} days after the event has ended.
- Messages from the contact form are deleted automatically {contact_retention_days} days after they arrive.
- Records of failed login attempts are deleted when the lockout period has passed or when you log in.
- Coordinators who leave are removed from the public directory. The change history is kept as documentation. [Sfk: set a deletion period for the change history and sent e-mail.]

## Legal basis

The processing is necessary for Sfk's task of national follow-up of SLT (GDPR Article 6(1)(e)). Photos of coordinators are published on the basis of consent (Article 6(1)(a)). [Sfk: check the legal bases.]

## Cookies

The portal uses only necessary cookies: for login, language choice and protecting forms. We use no analytics or third-party tracking, and the pages load nothing from other websites.

## Your rights

You have the right to access, correct and delete data about you. Logged-in users can see and download their data on the page [Your data](/en/konto/mine-data/). Contact Sfk to exercise your rights. You may complain to the Norwegian Data Protection Authority (Datatilsynet).
""",
    },
    {
        "slug": "kontakt",
        "sort_order": 100,
        "show_in_menu": False,
        "title": "Kontakt Sfk",
        "title_nn": "Kontakt Sfk",
        "title_en": "Contact Sfk",
        "summary": "Spørsmål om SLT-modellen, håndboken, kurs eller portalen? Send oss en melding.",
        "summary_nn": "Spørsmål om SLT-modellen, handboka, kurs eller portalen? Send oss ei melding.",
        "summary_en": "Questions about the SLT model, the handbook, courses or the portal? Send us a message.",
        "body": """Sekretariatet for konfliktrådene (Sfk) svarer på spørsmål om SLT-modellen, SLT-håndboken, kurs og konferanser, tilskuddsordningen og denne portalen.

Spørsmål om SLT-arbeidet i en bestemt kommune besvares best av den lokale SLT-koordinatoren.
""",
        "body_nn": """Sekretariatet for konfliktråda (Sfk) svarar på spørsmål om SLT-modellen, SLT-handboka, kurs og konferansar, tilskotsordninga og denne portalen.

Spørsmål om SLT-arbeidet i ein bestemt kommune svarar den lokale SLT-koordinatoren best på.
""",
        "body_en": """The secretariat of the National Mediation Service (Sfk) answers questions about the SLT model, the SLT handbook, courses and conferences, the grant scheme and this portal.

Questions about SLT work in a particular municipality are best answered by the local SLT coordinator.
""",
    },
]
