# ruff: noqa: E501
"""nn and en translations of the events app's msgids (bokmål is the source language).

Run `python events/locale/translations.py` after makemessages to fill the catalogues.
"""

from pathlib import Path

import polib

T = {
    "Tid og sted": ("Tid og stad", "Time and place"),
    "Påmelding": ("Påmelding", "Registration"),
    "Bruk «Avlys» på deltakersiden for å avlyse og varsle de påmeldte.": (
        "Bruk «Avlys» på deltakarsida for å avlyse og varsle dei påmelde.",
        "Use “Cancel” on the participants page to cancel and notify those registered.",
    ),
    "invitasjonslenke": ("invitasjonslenkje", "invitation link"),
    "Avlys valgte arrangementer og varsle de påmeldte": (
        "Avlys valde arrangement og varsle dei påmelde",
        "Cancel selected events and notify those registered",
    ),
    "Administrer påmeldinger": ("Administrer påmeldingar", "Manage registrations"),
    "Oppmøte er lagret for %(name)s.": ("Oppmøte er lagra for %(name)s.", "Attendance saved for %(name)s."),
    "%(name)s er flyttet.": ("%(name)s er flytta.", "%(name)s has been moved."),
    "E-posten er lagt i kø til %(count)s deltakere.": (
        "E-posten er lagd i kø til %(count)s deltakarar.",
        "The e-mail has been queued for %(count)s participants.",
    ),
    "E-post": ("E-post", "E-mail"),
    "Arrangementet er avlyst. %(count)s påmeldte får beskjed på e-post.": (
        "Arrangementet er avlyst. %(count)s påmelde får melding på e-post.",
        "The event is cancelled. %(count)s registered people are notified by e-mail.",
    ),
    "Avlys": ("Avlys", "Cancel"),
    "Navn": ("Namn", "Name"),
    "Organisasjon": ("Organisasjon", "Organisation"),
    "Kommune/SLT-enhet": ("Kommune/SLT-eining", "Municipality/SLT unit"),
    "Rolle": ("Rolle", "Role"),
    "Status": ("Status", "Status"),
    "Plass på venteliste": ("Plass på venteliste", "Waiting list position"),
    "Spesialkost": ("Spesialkost", "Dietary needs"),
    "Tilrettelegging": ("Tilrettelegging", "Accessibility needs"),
    "Vil stå på deltakerlisten": ("Vil stå på deltakarlista", "Wants to be on the participant list"),
    "Møtte": ("Møtte", "Attended"),
    "Påmeldt": ("Påmeld", "Registered"),
    "ja": ("ja", "yes"),
    "nei": ("nei", "no"),
    "Deltakere": ("Deltakarar", "Participants"),
    "Kurs og konferanser": ("Kurs og konferansar", "Courses and conferences"),
    "Arrangementer": ("Arrangement", "Events"),
    "E-post (jobb)": ("E-post (jobb)", "E-mail (work)"),
    "Vi sender bekreftelsen og lenken til påmeldingen din hit.": (
        "Vi sender stadfestinga og lenkja til påmeldinga di hit.",
        "We send the confirmation and the link to your registration here.",
    ),
    "Valgfritt.": ("Valfritt.", "Optional."),
    "For eksempel SLT-koordinator, politikontakt eller rådgiver.": (
        "Til dømes SLT-koordinator, politikontakt eller rådgjevar.",
        "For example SLT coordinator, police contact or adviser.",
    ),
    "Slettes etter arrangementet.": ("Blir sletta etter arrangementet.", "Deleted after the event."),
    "Navn, organisasjon og kommune vises for de andre bekreftede deltakerne.": (
        "Namn, organisasjon og kommune blir viste for dei andre stadfeste deltakarane.",
        "Your name, organisation and municipality are shown to the other confirmed participants.",
    ),
    "Ingen / ikke aktuelt": ("Ingen / ikkje aktuelt", "None / not applicable"),
    "Type": ("Type", "Type"),
    "Alle typer": ("Alle typar", "All types"),
    "Fylke (nettverksmøter)": ("Fylke (nettverksmøte)", "County (network meetings)"),
    "Alle fylker": ("Alle fylke", "All counties"),
    "Emne": ("Emne", "Subject"),
    "Melding": ("Melding", "Message"),
    "Send også til dem på ventelisten": ("Send òg til dei på ventelista", "Also send to those on the waiting list"),
    "Konferanse": ("Konferanse", "Conference"),
    "Innføringskurs": ("Innføringskurs", "Introductory course"),
    "Digital samling": ("Digital samling", "Digital gathering"),
    "Nettverksmøte": ("Nettverksmøte", "Network meeting"),
    "Webinar": ("Webinar", "Webinar"),
    "Åpent for alle": ("Ope for alle", "Open to all"),
    "SLT-koordinatorer og samarbeidspartnere": (
        "SLT-koordinatorar og samarbeidspartnarar",
        "SLT coordinators and partners",
    ),
    "Bare inviterte (med invitasjonslenke)": (
        "Berre inviterte (med invitasjonslenkje)",
        "Invited only (with invitation link)",
    ),
    "Utkast": ("Utkast", "Draft"),
    "Publisert": ("Publisert", "Published"),
    "Avlyst": ("Avlyst", "Cancelled"),
    "tittel": ("tittel", "title"),
    "kortnavn i adressen": ("kortnamn i adressa", "short name in the address"),
    "type": ("type", "type"),
    "ingress": ("ingress", "summary"),
    "beskrivelse": ("skildring", "description"),
    "Markdown.": ("Markdown.", "Markdown."),
    "starter": ("startar", "starts"),
    "slutter": ("sluttar", "ends"),
    "sted": ("stad", "venue"),
    "adresse": ("adresse", "address"),
    "digitalt": ("digitalt", "online"),
    "lenke for å delta digitalt": ("lenkje for å delta digitalt", "link to join online"),
    "Vises bare for bekreftede deltakere.": (
        "Blir berre vist for stadfeste deltakarar.",
        "Shown to confirmed participants only.",
    ),
    "målgruppe": ("målgruppe", "audience"),
    "invitasjonskode": ("invitasjonskode", "invitation code"),
    "fylke": ("fylke", "county"),
    "Tomt betyr nasjonalt.": ("Tomt tyder nasjonalt.", "Empty means national."),
    "antall plasser": ("tal på plassar", "number of seats"),
    "Tomt betyr ubegrenset.": ("Tomt tyder uavgrensa.", "Empty means unlimited."),
    "påmelding åpner": ("påmelding opnar", "registration opens"),
    "påmeldingsfrist": ("påmeldingsfrist", "registration deadline"),
    "pris": ("pris", "price"),
    "kontaktperson": ("kontaktperson", "contact person"),
    "e-post til kontaktperson": ("e-post til kontaktperson", "contact person's e-mail"),
    "status": ("status", "status"),
    "avlyst": ("avlyst", "cancelled"),
    "arrangement": ("arrangement", "event"),
    "arrangementer": ("arrangement", "events"),
    "Dette kortnavnet er reservert. Velg et annet.": (
        "Dette kortnamnet er reservert. Vel eit anna.",
        "This short name is reserved. Choose another.",
    ),
    "Oppgi sted, eller merk arrangementet som digitalt.": (
        "Oppgi stad, eller merk arrangementet som digitalt.",
        "Give a venue, or mark the event as online.",
    ),
    "innleder": ("innleiar", "speaker"),
    "programpost": ("programpost", "programme item"),
    "program": ("program", "programme"),
    "Bekreftet": ("Stadfesta", "Confirmed"),
    "På venteliste": ("På venteliste", "On the waiting list"),
    "Avmeldt": ("Avmeld", "Cancelled"),
    "navn": ("namn", "name"),
    "e-post (jobb)": ("e-post (jobb)", "e-mail (work)"),
    "organisasjon/arbeidsgiver": ("organisasjon/arbeidsgjevar", "organisation/employer"),
    "kommune/SLT-enhet": ("kommune/SLT-eining", "municipality/SLT unit"),
    "rolle": ("rolle", "role"),
    "behov for spesialkost": ("behov for spesialkost", "dietary needs"),
    "behov for tilrettelegging": ("behov for tilrettelegging", "accessibility needs"),
    "vis meg på deltakerlisten": ("vis meg på deltakarlista", "show me on the participant list"),
    "språk": ("språk", "language"),
    "møtte": ("møtte", "attended"),
    "påmeldt": ("påmeld", "registered"),
    "bekreftet": ("stadfesta", "confirmed"),
    "avmeldt": ("avmeld", "cancelled"),
    "anonymisert": ("anonymisert", "anonymised"),
    "påmelding": ("påmelding", "registration"),
    "påmeldinger": ("påmeldingar", "registrations"),
    "Denne e-postadressen er allerede påmeldt arrangementet.": (
        "Denne e-postadressa er allereie påmeld arrangementet.",
        "This e-mail address is already registered for the event.",
    ),
    "Annen": ("Anna", "Other"),
    "dato": ("dato", "date"),
    "lenke til video": ("lenkje til video", "video link"),
    "varighet (minutter)": ("lengd (minutt)", "duration (minutes)"),
    "lenke til lysark": ("lenkje til lysark", "slides link"),
    "Lenke til en publikasjon eller et dokument.": (
        "Lenkje til ein publikasjon eller eit dokument.",
        "Link to a publication or a document.",
    ),
    "har teksting": ("har teksting", "has captions"),
    "opptak": ("opptak", "recording"),
    "Arrangementet er avlyst.": ("Arrangementet er avlyst.", "The event is cancelled."),
    "Arrangementet er ikke publisert.": ("Arrangementet er ikkje publisert.", "The event is not published."),
    "Arrangementet er over.": ("Arrangementet er over.", "The event is over."),
    "Påmeldingen åpner %(opens)s.": ("Påmeldinga opnar %(opens)s.", "Registration opens %(opens)s."),
    "Påmeldingsfristen er ute.": ("Påmeldingsfristen er ute.", "The registration deadline has passed."),
    "Dette arrangementet er bare for inviterte. Bruk lenken i invitasjonen.": (
        "Dette arrangementet er berre for inviterte. Bruk lenkja i invitasjonen.",
        "This event is for invited people only. Use the link in your invitation.",
    ),
    "Påmeldingen er avmeldt.": ("Påmeldinga er avmeld.", "The registration has been cancelled."),
    "Arrangementet er fullt. Øk antall plasser før du flytter noen fra ventelisten.": (
        "Arrangementet er fullt. Auk talet på plassar før du flyttar nokon frå ventelista.",
        "The event is full. Increase the number of seats before moving someone from the waiting list.",
    ),
    "og digitalt": ("og digitalt", "and online"),
    "Digitalt": ("Digitalt", "Online"),
    "Fullt – venteliste": ("Fullt – venteliste", "Full – waiting list"),
    "%(total)s plasser": ("%(total)s plassar", "%(total)s seats"),
    "video på %(platform)s, åpnes på et annet nettsted": (
        "video på %(platform)s, blir opna på ein annan nettstad",
        "video on %(platform)s, opens another website",
    ),
    "%(minutes)s min": ("%(minutes)s min", "%(minutes)s min"),
    "Teksting": ("Teksting", "Captions"),
    "Uten teksting": ("Utan teksting", "No captions"),
    "Lysark: %(title)s": ("Lysark: %(title)s", "Slides: %(title)s"),
    "Oversikt over arrangementer og påmeldinger for Sfk.": (
        "Oversikt over arrangement og påmeldingar for Sfk.",
        "Overview of events and registrations for Sfk.",
    ),
    "Arrangementer, program og opptak legges inn og endres i administrasjonen.": (
        "Arrangement, program og opptak blir lagde inn og endra i administrasjonen.",
        "Events, programmes and recordings are added and changed in the administration.",
    ),
    "Gå til administrasjonen": ("Gå til administrasjonen", "Go to the administration"),
    "Alle arrangementer": ("Alle arrangement", "All events"),
    "Arrangement": ("Arrangement", "Event"),
    "Starter": ("Startar", "Starts"),
    "Venteliste": ("Venteliste", "Waiting list"),
    "Plasser": ("Plassar", "Seats"),
    "Avlys %(title)s": ("Avlys %(title)s", "Cancel %(title)s"),
    "Avlys et arrangement og gi beskjed til alle påmeldte.": (
        "Avlys eit arrangement og gi melding til alle påmelde.",
        "Cancel an event and notify everyone registered.",
    ),
    "Alle påmeldte (%(confirmed)s bekreftet og %(waiting)s på venteliste) får en e-post om at arrangementet er avlyst. Arrangementet vises fortsatt, merket som avlyst.": (
        "Alle påmelde (%(confirmed)s stadfesta og %(waiting)s på venteliste) får ein e-post om at arrangementet er avlyst. Arrangementet blir framleis vist, merkt som avlyst.",
        "Everyone registered (%(confirmed)s confirmed and %(waiting)s on the waiting list) gets an e-mail saying the event is cancelled. The event stays visible, marked as cancelled.",
    ),
    "Avlys arrangementet": ("Avlys arrangementet", "Cancel the event"),
    "Avbryt": ("Avbryt", "Go back"),
    "E-post til deltakerne: %(title)s": ("E-post til deltakarane: %(title)s", "E-mail to participants: %(title)s"),
    "Send en e-post til alle bekreftede deltakere.": (
        "Send ein e-post til alle stadfeste deltakarar.",
        "Send an e-mail to all confirmed participants.",
    ),
    "Hver deltaker får sin egen e-post, så adressene deles ikke. Meldingen sendes som den er skrevet, uten oversettelse.": (
        "Kvar deltakar får sin eigen e-post, så adressene blir ikkje delte. Meldinga blir send slik ho er skriven, utan omsetjing.",
        "Each participant gets their own e-mail, so addresses are not shared. The message is sent as written, without translation.",
    ),
    "Send": ("Send", "Send"),
    "Deltakere: %(title)s": ("Deltakarar: %(title)s", "Participants: %(title)s"),
    "Påmeldte og venteliste for et arrangement.": (
        "Påmelde og venteliste for eit arrangement.",
        "Registrations and waiting list for an event.",
    ),
    "%(confirmed)s bekreftet, %(waiting)s på venteliste": (
        "%(confirmed)s stadfesta, %(waiting)s på venteliste",
        "%(confirmed)s confirmed, %(waiting)s on the waiting list",
    ),
    "%(cancelled)s avmeldt": ("%(cancelled)s avmelde", "%(cancelled)s cancelled"),
    "Last ned CSV": ("Last ned CSV", "Download CSV"),
    "Last ned Excel (XLSX)": ("Last ned Excel (XLSX)", "Download Excel (XLSX)"),
    "Send e-post til deltakerne": ("Send e-post til deltakarane", "E-mail the participants"),
    "Endre arrangementet": ("Endre arrangementet", "Edit the event"),
    "Påmeldte": ("Påmelde", "Registered"),
    "Behov": ("Behov", "Needs"),
    "Oppmøte": ("Oppmøte", "Attendance"),
    "Flytt": ("Flytt", "Move"),
    "Anonymisert": ("Anonymisert", "Anonymised"),
    "Venteliste nr. %(position)s": ("Venteliste nr. %(position)s", "Waiting list no. %(position)s"),
    "Marker %(name)s som ikke møtt": ("Merk %(name)s som ikkje møtt", "Mark %(name)s as not attended"),
    "Marker %(name)s som møtt": ("Merk %(name)s som møtt", "Mark %(name)s as attended"),
    "Marker som møtt": ("Merk som møtt", "Mark as attended"),
    "Gi %(name)s plass": ("Gi %(name)s plass", "Give %(name)s a seat"),
    "Gi plass": ("Gi plass", "Give a seat"),
    "Flytt %(name)s til ventelisten": ("Flytt %(name)s til ventelista", "Move %(name)s to the waiting list"),
    "Til venteliste": ("Til venteliste", "To waiting list"),
    "Ingen påmeldte ennå.": ("Ingen påmelde enno.", "Nobody registered yet."),
    "Hei %(name)s,": ("Hei %(name)s,", "Hello %(name)s,"),
    "Du er påmeldt «%(title)s». Velkommen!": (
        "Du er påmeld «%(title)s». Velkomen!",
        "You are registered for “%(title)s”. Welcome!",
    ),
    "«%(title)s» er fullt, så du står på venteliste.": (
        "«%(title)s» er fullt, så du står på venteliste.",
        "“%(title)s” is full, so you are on the waiting list.",
    ),
    "Din plass på ventelisten: %(position)s.": (
        "Plassen din på ventelista: %(position)s.",
        "Your place on the waiting list: %(position)s.",
    ),
    "Vi sender deg en e-post hvis du får plass.": (
        "Vi sender deg ein e-post om du får plass.",
        "We will e-mail you if you get a seat.",
    ),
    "Gode nyheter: du har fått plass på «%(title)s».": (
        "Gode nyheiter: du har fått plass på «%(title)s».",
        "Good news: you now have a seat at “%(title)s”.",
    ),
    "Du er nå avmeldt «%(title)s».": (
        "Du er no avmeld «%(title)s».",
        "Your registration for “%(title)s” is now cancelled.",
    ),
    "Vi må dessverre avlyse «%(title)s». Beklager ulempen.": (
        "Vi må diverre avlyse «%(title)s». Orsak ulempa.",
        "Unfortunately we have to cancel “%(title)s”. We apologise for the inconvenience.",
    ),
    "Melding til deltakerne på «%(title)s»:": (
        "Melding til deltakarane på «%(title)s»:",
        "Message to the participants of “%(title)s”:",
    ),
    "Når": ("Når", "When"),
    "Hvor": ("Kvar", "Where"),
    "Om arrangementet": ("Om arrangementet", "About the event"),
    "Din påmelding (se status, avmeld deg):": (
        "Påmeldinga di (sjå status, meld deg av):",
        "Your registration (see status, cancel):",
    ),
    "Lenken er personlig. Ikke del den med andre.": (
        "Lenkja er personleg. Ikkje del ho med andre.",
        "The link is personal. Do not share it.",
    ),
    "Kalenderfilen i vedlegget kan legges inn i kalenderen din.": (
        "Kalenderfila i vedlegget kan leggjast inn i kalenderen din.",
        "You can add the attached calendar file to your calendar.",
    ),
    "Hilsen": ("Helsing", "Regards"),
    "Påmelding bekreftet: %(title)s": ("Påmelding stadfesta: %(title)s", "Registration confirmed: %(title)s"),
    "Du står på venteliste: %(title)s": ("Du står på venteliste: %(title)s", "You are on the waiting list: %(title)s"),
    "Du har fått plass: %(title)s": ("Du har fått plass: %(title)s", "You have a seat: %(title)s"),
    "Du er avmeldt: %(title)s": ("Du er avmeld: %(title)s", "Registration cancelled: %(title)s"),
    "Avlyst: %(title)s": ("Avlyst: %(title)s", "Cancelled: %(title)s"),
    "Arrangementet er avlyst": ("Arrangementet er avlyst", "The event is cancelled"),
    "Alle påmeldte har fått beskjed på e-post.": (
        "Alle påmelde har fått melding på e-post.",
        "Everyone registered has been notified by e-mail.",
    ),
    "Digitalt. Lenken for å delta får bekreftede deltakere på sin påmeldingsside.": (
        "Digitalt. Lenkja for å delta får stadfeste deltakarar på påmeldingssida si.",
        "Online. Confirmed participants find the link to join on their registration page.",
    ),
    "For hvem": ("For kven", "For whom"),
    "Region": ("Region", "Region"),
    "Nasjonalt": ("Nasjonalt", "National"),
    "Pris": ("Pris", "Price"),
    "%(left)s av %(total)s ledige": ("%(left)s av %(total)s ledige", "%(left)s of %(total)s available"),
    "Fullt – du kan sette deg på venteliste": (
        "Fullt – du kan setje deg på venteliste",
        "Full – you can join the waiting list",
    ),
    "Påmeldingsfrist": ("Påmeldingsfrist", "Registration deadline"),
    "Kontakt": ("Kontakt", "Contact"),
    "Legg i kalenderen (.ics)": ("Legg i kalenderen (.ics)", "Add to calendar (.ics)"),
    "Meld deg på": ("Meld deg på", "Register"),
    "Deltakere (for Sfk)": ("Deltakarar (for Sfk)", "Participants (for Sfk)"),
    "Program": ("Program", "Programme"),
    "Program for %(title)s": ("Program for %(title)s", "Programme for %(title)s"),
    "Tid": ("Tid", "Time"),
    "Tema": ("Tema", "Topic"),
    "Innleder": ("Innleiar", "Speaker"),
    "Opptak": ("Opptak", "Recordings"),
    "Kurs, konferanser og samlinger": ("Kurs, konferansar og samlingar", "Courses, conferences and gatherings"),
    "Kommende SLT-konferanse, innføringskurs, digitale samlinger og nettverksmøter fra Sfk. Meld deg på her.": (
        "Komande SLT-konferanse, innføringskurs, digitale samlingar og nettverksmøte frå Sfk. Meld deg på her.",
        "The upcoming SLT conference, introductory courses, digital gatherings and network meetings from Sfk. Register here.",
    ),
    "Kalender med kommende arrangementer": ("Kalender med komande arrangement", "Calendar of upcoming events"),
    "Sfk arrangerer SLT-konferansen, innføringskurs for nye koordinatorer, digitale samlinger og regionale nettverksmøter.": (
        "Sfk arrangerer SLT-konferansen, innføringskurs for nye koordinatorar, digitale samlingar og regionale nettverksmøte.",
        "Sfk runs the SLT conference, introductory courses for new coordinators, digital gatherings and regional network meetings.",
    ),
    "Filtrer arrangementer": ("Filtrer arrangement", "Filter events"),
    "Vis": ("Vis", "Show"),
    "Kommende arrangementer": ("Komande arrangement", "Upcoming events"),
    "Ingen kommende arrangementer passer med valgene dine.": (
        "Ingen komande arrangement passar med vala dine.",
        "No upcoming events match your choices.",
    ),
    "Tidligere arrangementer": ("Tidlegare arrangement", "Past events"),
    "Opptak fra konferanser og samlinger": (
        "Opptak frå konferansar og samlingar",
        "Recordings from conferences and gatherings",
    ),
    "Abonner på kalenderen (iCal)": ("Abonner på kalenderen (iCal)", "Subscribe to the calendar (iCal)"),
    "Tidligere SLT-konferanser, kurs og samlinger, med opptak der de finnes.": (
        "Tidlegare SLT-konferansar, kurs og samlingar, med opptak der dei finst.",
        "Past SLT conferences, courses and gatherings, with recordings where available.",
    ),
    "Ingen tidligere arrangementer ennå.": ("Ingen tidlegare arrangement enno.", "No past events yet."),
    "Alle opptak": ("Alle opptak", "All recordings"),
    "Opptak: %(title)s": ("Opptak: %(title)s", "Recordings: %(title)s"),
    "Opptak og lysark fra %(title)s.": ("Opptak og lysark frå %(title)s.", "Recordings and slides from %(title)s."),
    "Ingen opptak fra dette arrangementet.": (
        "Ingen opptak frå dette arrangementet.",
        "No recordings from this event.",
    ),
    "Opptak %(year)s": ("Opptak %(year)s", "Recordings %(year)s"),
    "Opptak av foredrag fra SLT-konferansen og digitale samlinger, med lysark.": (
        "Opptak av føredrag frå SLT-konferansen og digitale samlingar, med lysark.",
        "Recorded talks from the SLT conference and digital gatherings, with slides.",
    ),
    "Opptakene ligger hos videotjenesten, så lenkene åpner et annet nettsted. Opptak uten teksting er merket.": (
        "Opptaka ligg hos videotenesta, så lenkjene opnar ein annan nettstad. Opptak utan teksting er merkte.",
        "The recordings are hosted by the video service, so the links open another website. Recordings without captions are marked.",
    ),
    "Velg år": ("Vel år", "Choose year"),
    "Ingen opptak dette året.": ("Ingen opptak dette året.", "No recordings this year."),
    "Din påmelding: %(title)s": ("Påmeldinga di: %(title)s", "Your registration: %(title)s"),
    "Status for påmeldingen din, plass på ventelisten og avmelding.": (
        "Status for påmeldinga di, plass på ventelista og avmelding.",
        "The status of your registration, waiting list position and cancellation.",
    ),
    "Du er nummer %(position)s på ventelisten.": (
        "Du er nummer %(position)s på ventelista.",
        "You are number %(position)s on the waiting list.",
    ),
    "Lenke for å delta digitalt": ("Lenkje for å delta digitalt", "Link to join online"),
    "Om arrangementet og programmet": ("Om arrangementet og programmet", "About the event and the programme"),
    "Ikke aktuelt lenger? Da står du ikke lenger på ventelisten.": (
        "Ikkje aktuelt lenger? Melder du deg av, står du ikkje lenger på ventelista.",
        "No longer relevant? If you cancel, you are removed from the waiting list.",
    ),
    "Kan du ikke komme? Meld deg av, så får neste på ventelisten plassen din.": (
        "Kan du ikkje kome? Meld deg av, så får nestemann på ventelista plassen din.",
        "Can't come? Cancel, and the next person on the waiting list gets your seat.",
    ),
    "Meld meg av": ("Meld meg av", "Cancel my registration"),
    "Deltakerliste": ("Deltakarliste", "Participant list"),
    "Bekreftede deltakere som har sagt ja til å stå på listen.": (
        "Stadfeste deltakarar som har sagt ja til å stå på lista.",
        "Confirmed participants who agreed to be on the list.",
    ),
    "Ingen på listen ennå.": ("Ingen på lista enno.", "Nobody on the list yet."),
    "Påmelding: %(title)s": ("Påmelding: %(title)s", "Registration: %(title)s"),
    "Meld deg på %(title)s.": ("Meld deg på %(title)s.", "Register for %(title)s."),
    "Påmeldingen er ikke åpen": ("Påmeldinga er ikkje open", "Registration is not open"),
    "Tilbake til arrangementet": ("Tilbake til arrangementet", "Back to the event"),
    "Bruk jobbadressen din. Ikke skriv opplysninger om enkeltbarn eller saker i feltene.": (
        "Bruk jobbadressa di. Ikkje skriv opplysningar om einskilde barn eller saker i felta.",
        "Use your work address. Do not write information about individual children or cases in the fields.",
    ),
    "Meld meg på": ("Meld meg på", "Register me"),
    "Vi bruker opplysningene bare til å gjennomføre arrangementet. Behov for spesialkost og tilrettelegging slettes etter arrangementet, og påmeldingen anonymiseres %(retention_days)s dager etter at arrangementet er over.": (
        "Vi bruker opplysningane berre til å gjennomføre arrangementet. Behov for spesialkost og tilrettelegging blir sletta etter arrangementet, og påmeldinga blir anonymisert %(retention_days)s dagar etter at arrangementet er over.",
        "We only use the information to run the event. Dietary and accessibility needs are deleted after the event, and the registration is anonymised %(retention_days)s days after the event has ended.",
    ),
    "Personvern": ("Personvern", "Privacy"),
    "Ugyldig lenke": ("Ugyldig lenkje", "Invalid link"),
    "Lenken til påmeldingen er ugyldig eller utløpt.": (
        "Lenkja til påmeldinga er ugyldig eller gått ut.",
        "The link to the registration is invalid or expired.",
    ),
    "Vi fant ikke påmeldingen": ("Vi fann ikkje påmeldinga", "We could not find the registration"),
    "Lenken er ugyldig, ufullstendig eller gjelder en påmelding som er slettet. Sjekk at du har kopiert hele lenken fra e-posten.": (
        "Lenkja er ugyldig, ufullstendig eller gjeld ei påmelding som er sletta. Sjekk at du har kopiert heile lenkja frå e-posten.",
        "The link is invalid, incomplete or belongs to a deleted registration. Check that you copied the whole link from the e-mail.",
    ),
    "Se alle arrangementer": ("Sjå alle arrangement", "See all events"),
    "SLT-portalen: arrangementer": ("SLT-portalen: arrangement", "SLT-portalen: events"),
    "Du er påmeldt. Vi har sendt en bekreftelse på e-post.": (
        "Du er påmeld. Vi har sendt ei stadfesting på e-post.",
        "You are registered. We have sent a confirmation by e-mail.",
    ),
    "Arrangementet er fullt. Du står på venteliste, og vi har sendt deg en e-post.": (
        "Arrangementet er fullt. Du står på venteliste, og vi har sendt deg ein e-post.",
        "The event is full. You are on the waiting list, and we have sent you an e-mail.",
    ),
    "Din påmelding": ("Påmeldinga di", "Your registration"),
    "Påmeldingen kan ikke endres lenger.": (
        "Påmeldinga kan ikkje endrast lenger.",
        "The registration can no longer be changed.",
    ),
    "Du er avmeldt. Takk for at du sa fra!": (
        "Du er avmeld. Takk for at du sa frå!",
        "Your registration is cancelled. Thank you for letting us know!",
    ),
}

PLURALS = {
    "%(n)d påmeldt varslet.": (
        ["%(n)d påmeld varsla.", "%(n)d påmelde varsla."],
        ["%(n)d registration notified.", "%(n)d registrations notified."],
    ),
    "%(n)s opptak": (["%(n)s opptak", "%(n)s opptak"], ["%(n)s recording", "%(n)s recordings"]),
}


def fill(path: Path, index: int) -> list[str]:
    po = polib.pofile(str(path))
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            forms = PLURALS.get(entry.msgid)
            if forms is None:
                missing.append(entry.msgid)
                continue
            entry.msgstr_plural = dict(enumerate(forms[index]))
        else:
            pair = T.get(entry.msgid)
            if pair is None:
                missing.append(entry.msgid)
                continue
            entry.msgstr = pair[index]
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.save()
    return missing


if __name__ == "__main__":
    base = Path(__file__).resolve().parent
    for index, lang in enumerate(("nn", "en")):
        missing = fill(base / lang / "LC_MESSAGES" / "django.po", index)
        print(lang, "missing:", missing)
