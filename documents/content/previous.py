"""The original (2026-11) texts of pages whose fallback text has since been rewritten.

Frozen copies: migration 0005 replaces a page's text only while it still equals these,
so text that Sfk has edited is never overwritten. Do not edit."""

# ruff: noqa: E501
ORIGINAL_2026_11 = {
    "tilgjengelighet": {
        "body": """## Krav og status

Offentlige nettsteder i Norge skal oppfylle kravene i WCAG 2.1 på nivå AA, og tilsynet med kravene ligger hos Tilsynet for universell utforming av ikt (Uutilsynet). SLT-portalen er laget for å oppfylle kravene: sidene bruker Designsystemet fra Digdir, alle skjemaer har ledetekster og feilmeldinger ved feltene, og sidene kan brukes med tastatur og skjermleser.

Vi tester sidene automatisk med verktøyet axe i tillegg til manuell testing.

## Den offisielle erklæringen

Den offisielle tilgjengelighetserklæringen publiseres i Uutilsynets løsning på [uustatus.no](https://uustatus.no/). [Sfk: legg inn direkte lenke til erklæringen når den er publisert.]

## Kjente mangler

- Dokumenter som kommuner og andre laster opp (PDF og Office-filer), er ikke alltid universelt utformet. Ta kontakt hvis du trenger et dokument i et annet format.
- Eldre opptak fra konferanser kan mangle teksting. [Sfk: kontroller.]

## Meld fra om feil

Opplever du at noe ikke fungerer, vil vi gjerne vite det. Bruk kontaktskjemaet eller send e-post til Sfk. Du kan også melde fra til Uutilsynet.
""",
        "body_nn": """## Krav og status

Offentlege nettstader i Noreg skal oppfylle krava i WCAG 2.1 på nivå AA, og tilsynet med krava ligg hos Tilsynet for universell utforming av ikt (Uutilsynet). SLT-portalen er laga for å oppfylle krava: sidene bruker Designsystemet frå Digdir, alle skjema har leietekstar og feilmeldingar ved felta, og sidene kan brukast med tastatur og skjermlesar.

Vi testar sidene automatisk med verktøyet axe i tillegg til manuell testing.

## Den offisielle erklæringa

Den offisielle tilgjengelegheitserklæringa blir publisert i løysinga til Uutilsynet på [uustatus.no](https://uustatus.no/). [Sfk: legg inn direkte lenkje til erklæringa når ho er publisert.]

## Kjende manglar

- Dokument som kommunar og andre lastar opp (PDF og Office-filer), er ikkje alltid universelt utforma. Ta kontakt viss du treng eit dokument i eit anna format.
- Eldre opptak frå konferansar kan mangle teksting. [Sfk: kontroller.]

## Meld frå om feil

Opplever du at noko ikkje fungerer, vil vi gjerne vite det. Bruk kontaktskjemaet eller send e-post til Sfk. Du kan også melde frå til Uutilsynet.
""",
        "body_en": """## Requirements and status

Public websites in Norway must meet WCAG 2.1 at level AA, supervised by the Norwegian Authority for Universal Design of ICT (Uutilsynet). The SLT portal is built to meet these requirements: the pages use Digdir's Designsystemet, every form has labels and error messages next to the fields, and the pages work with a keyboard and screen readers.

We test the pages automatically with the axe tool in addition to manual testing.

## The official statement

The official accessibility statement is published in Uutilsynet's service at [uustatus.no](https://uustatus.no/). [Sfk: add a direct link to the statement once it is published.]

## Known issues

- Documents uploaded by municipalities and others (PDF and Office files) are not always accessible. Contact us if you need a document in another format.
- Older conference recordings may lack captions. [Sfk: check.]

## Report a problem

If something does not work for you, we would like to know. Use the contact form or e-mail Sfk. You can also report to Uutilsynet.
""",
    },
    "personvern": {
        "body": """## Behandlingsansvarlig

Sekretariatet for konfliktrådene (Sfk) er behandlingsansvarlig for personopplysningene i SLT-portalen. [Sfk: legg inn kontaktopplysninger til personvernombudet.]

## Hvilke opplysninger vi behandler

- **Koordinatoroversikten:** navn, stillingstittel og jobbkontakt (e-post og telefon) for SLT-koordinatorer. Bilde vises bare når koordinatoren har samtykket, og samtykket registreres.
- **Brukerkontoer:** navn, e-postadresse, foretrukket språk og innloggingshistorikk for koordinatorer og Sfk.
- **Påmeldinger til arrangementer:** navn, e-post, kommune og eventuelle opplysninger om kosthold eller tilrettelegging.
- **Kontaktskjemaet:** navn, e-post, kommune og meldingen du sender.

Portalen skal ikke inneholde opplysninger om enkeltbarn eller enkeltsaker. Fritekstfelt varsler om dette.

## Hvor lenge opplysningene lagres

- Opplysninger om kosthold og tilrettelegging i påmeldinger til arrangementer slettes når arrangementet er over. Selve påmeldingene anonymiseres 90 dager etter at arrangementet er slutt.
- Koordinatorer som slutter, fjernes fra den offentlige oversikten.
- Henvendelser fra kontaktskjemaet slettes automatisk ett år etter at de kom inn. [Sfk: bekreft slettefristen.]

## Rettslig grunnlag

Behandlingen skjer for å utføre Sfks oppgave med nasjonal oppfølging av SLT (personvernforordningen artikkel 6 nr. 1 bokstav e). Bilder av koordinatorer publiseres på grunnlag av samtykke (bokstav a). [Sfk: kontroller behandlingsgrunnlagene.]

## Informasjonskapsler

Portalen bruker bare nødvendige informasjonskapsler: for innlogging, språkvalg og beskyttelse av skjemaer. Vi bruker ikke analyseverktøy eller sporing fra tredjeparter.

## Dine rettigheter

Du har rett til innsyn i, retting av og sletting av opplysninger om deg. Innloggede brukere kan se og laste ned opplysningene sine under «Min side». Ta kontakt med Sfk for å bruke rettighetene dine. Du kan klage til Datatilsynet.
""",
        "body_nn": """## Behandlingsansvarleg

Sekretariatet for konfliktråda (Sfk) er behandlingsansvarleg for personopplysningane i SLT-portalen. [Sfk: legg inn kontaktopplysningar til personvernombodet.]

## Kva opplysningar vi behandlar

- **Koordinatoroversikta:** namn, stillingstittel og jobbkontakt (e-post og telefon) for SLT-koordinatorar. Bilete blir vist berre når koordinatoren har samtykt, og samtykket blir registrert.
- **Brukarkontoar:** namn, e-postadresse, føretrekt språk og innloggingshistorikk for koordinatorar og Sfk.
- **Påmeldingar til arrangement:** namn, e-post, kommune og eventuelle opplysningar om kosthald eller tilrettelegging.
- **Kontaktskjemaet:** namn, e-post, kommune og meldinga du sender.

Portalen skal ikkje innehalde opplysningar om enkeltbarn eller enkeltsaker. Fritekstfelt varslar om dette.

## Kor lenge opplysningane blir lagra

- Opplysningar om kosthald og tilrettelegging i påmeldingar til arrangement blir sletta når arrangementet er over. Sjølve påmeldingane blir anonymiserte 90 dagar etter at arrangementet er slutt.
- Koordinatorar som sluttar, blir fjerna frå den offentlege oversikta.
- Førespurnader frå kontaktskjemaet blir sletta automatisk eitt år etter at dei kom inn. [Sfk: stadfest slettefristen.]

## Rettsleg grunnlag

Behandlinga skjer for å utføre oppgåva Sfk har med nasjonal oppfølging av SLT (personvernforordninga artikkel 6 nr. 1 bokstav e). Bilete av koordinatorar blir publiserte på grunnlag av samtykke (bokstav a). [Sfk: kontroller behandlingsgrunnlaga.]

## Informasjonskapslar

Portalen bruker berre nødvendige informasjonskapslar: for innlogging, språkval og vern av skjema. Vi bruker ikkje analyseverktøy eller sporing frå tredjepartar.

## Rettane dine

Du har rett til innsyn i, retting av og sletting av opplysningar om deg. Innlogga brukarar kan sjå og laste ned opplysningane sine under «Mi side». Ta kontakt med Sfk for å bruke rettane dine. Du kan klage til Datatilsynet.
""",
        "body_en": """## Data controller

The secretariat of the National Mediation Service (Sekretariatet for konfliktrådene, Sfk) is the controller of the personal data in the SLT portal. [Sfk: add the contact details of the data protection officer.]

## What data we process

- **The coordinator directory:** name, job title and work contact details (e-mail and phone) of SLT coordinators. A photo is shown only when the coordinator has consented, and the consent is recorded.
- **User accounts:** name, e-mail address, preferred language and login history of coordinators and Sfk staff.
- **Event registrations:** name, e-mail, municipality and any notes on dietary needs or accessibility.
- **The contact form:** name, e-mail, municipality and the message you send.

The portal must not contain information about individual children or cases. Free-text fields warn about this.

## How long data is kept

- Dietary and accessibility notes in event registrations are deleted once the event is over. The registrations themselves are anonymised 90 days after the event has ended.
- Coordinators who leave are removed from the public directory.
- Messages from the contact form are deleted automatically one year after they arrive. [Sfk: confirm the deletion period.]

## Legal basis

The processing is necessary for Sfk's task of national follow-up of SLT (GDPR Article 6(1)(e)). Photos of coordinators are published on the basis of consent (Article 6(1)(a)). [Sfk: check the legal bases.]

## Cookies

The portal uses only necessary cookies: for login, language choice and protecting forms. We use no analytics or third-party tracking.

## Your rights

You have the right to access, correct and delete data about you. Logged-in users can see and download their data under "My page". Contact Sfk to exercise your rights. You may complain to the Norwegian Data Protection Authority (Datatilsynet).
""",
    },
}
