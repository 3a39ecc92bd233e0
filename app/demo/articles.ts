/**
 * The demo business's knowledge base: what the website chat answers from (public) and what
 * only staff see (internal). Natural Danish, a few articles in English; no payment details and
 * no links to other sites, so every public article passes the knowledge base's review.
 */
export interface DemoArticle {
  title: string;
  body: string;
  visibility: 'public' | 'internal';
  lang: 'da' | 'en';
  /** Topic tags; the demo marker is added when seeding. */
  tags: string[];
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: 'Åbningstider og kontakt',
    lang: 'da',
    visibility: 'public',
    tags: ['kontakt'],
    body: `Storå Tag & Tømrer ApS har kontor og lager på Lægårdvej 118 i Holstebro.

## Åbningstider
Kontoret har åbent mandag til torsdag kl. 7-16 og fredag kl. 7-14. Vi holder lukket lørdag, søndag og på helligdage.

## Kontakt
Ring på telefon 97 40 12 34 eller skriv til info@storaa-tag.dk. Vi svarer på mails inden for én hverdag.

## Akut hjælp uden for åbningstid
Ved storm- og vandskade har vi døgnvagt på telefon 97 40 12 35, også i weekenden.`,
  },
  {
    title: 'Priser på tagrender og nedløbsrør',
    lang: 'da',
    visibility: 'public',
    tags: ['priser', 'tagrender'],
    body: `Alle priser er vejledende og inkl. moms, montering og bortskaffelse af de gamle render.

## Tagrender i zink
Nye tagrender i zink koster fra kr. 450 pr. meter inkl. moms, monteret.

## Tagrender i plast
Tagrender i plast koster fra kr. 260 pr. meter inkl. moms, monteret.

## Nedløbsrør
Nedløbsrør i zink koster fra kr. 380 pr. meter inkl. moms. Et nyt udløb til kloak eller faskine prissætter vi efter besigtigelse.

## Reparation
Reparation af en utæt samling eller et løst rendejern koster fra kr. 895 inkl. moms inklusive kørsel inden for 25 km.`,
  },
  {
    title: 'Priser på nyt tag og tagrenovering',
    lang: 'da',
    visibility: 'public',
    tags: ['priser', 'tag'],
    body: `Prisen på et nyt tag afhænger af tagets hældning, adgangsforhold og hvad der skal ske med undertaget. Her er vores vejledende priser inkl. moms.

## Tegltag
Et nyt tegltag med nyt undertag koster fra kr. 1.450 pr. m² inkl. moms.

## Betontagsten
Nyt tag med betontagsten koster fra kr. 1.150 pr. m² inkl. moms.

## Fibercement (eternit)
Udskiftning af fibercementplader koster fra kr. 950 pr. m² inkl. moms. Indeholder de gamle plader asbest, sørger vi for forsvarlig nedtagning og bortskaffelse, og det giver et tillæg.

## Tagpap
Nyt tagpap på et fladt tag koster fra kr. 650 pr. m² inkl. moms for to lag.

Du får altid en fast pris i et skriftligt tilbud efter en gratis besigtigelse.`,
  },
  {
    title: 'Hvor kører vi ud?',
    lang: 'da',
    visibility: 'public',
    tags: ['serviceområde'],
    body: `Vi arbejder i hele Vestjylland, cirka 50 km fra Holstebro: blandt andet Struer, Lemvig, Vinderup, Skive, Herning, Ulfborg, Aulum og Ringkøbing.

## Kørsel
Kørsel er gratis inden for 25 km fra Holstebro. Længere væk lægger vi kr. 8 pr. km oveni, og det står altid i tilbuddet.

## Større opgaver
Til større opgaver som nye tage på landbrug, haller og boligforeninger kører vi gerne længere. Spørg os.`,
  },
  {
    title: 'Garanti og forsikring',
    lang: 'da',
    visibility: 'public',
    tags: ['garanti'],
    body: `## Vores garanti
Du får 5 års garanti på vores arbejde. Opstår der en fejl på noget, vi har udført, udbedrer vi den uden beregning.

## Materialer
Materialerne har producentens garanti: op til 30 år på teglsten og 15 år på tagpap.

## Forsikring
Vi har erhvervs- og arbejdsskadeforsikring, og vores arbejde er dækket af en byggeskadeforsikring, så du er sikret, selv hvis vi skulle lukke.

## Reklamation
Er du utilfreds med noget, så ring eller skriv til os med det samme. Vi kommer ud og ser på det inden for fem hverdage.`,
  },
  {
    title: 'Sådan bestiller du en besigtigelse og et tilbud',
    lang: 'da',
    visibility: 'public',
    tags: ['tilbud', 'booking'],
    body: `## Besigtigelse
Besigtigelse er gratis og uforpligtende. Ring på 97 40 12 34, skriv til info@storaa-tag.dk, eller skriv din e-mail her i chatten, så ringer vi dig op. Vi kommer typisk ud inden for fem hverdage.

## Tilbud
Du får et skriftligt tilbud med fast pris senest en uge efter besigtigelsen. Tilbuddet gælder i 30 dage.

## Opstart
Når du har sagt ja, aftaler vi en startdato. Lige nu er ventetiden på nye tage cirka seks uger, mens mindre opgaver som tagrender kan klares inden for to uger.`,
  },
  {
    title: 'Betalingsbetingelser',
    lang: 'da',
    visibility: 'public',
    tags: ['betaling'],
    body: `## Fakturering
Mindre opgaver faktureres, når arbejdet er afleveret. Ved opgaver over kr. 50.000 fakturerer vi 30 procent ved opstart og resten ved aflevering.

## Betalingsfrist
Fakturaen betales netto 8 dage. Du kan betale med bankoverførsel eller MobilePay; oplysningerne står på fakturaen.

## Sikkerhed
Vi beder aldrig om betaling over chat, sms eller via et link. Er du i tvivl om en opkrævning, så ring til kontoret.

## Håndværkerfradrag
Arbejdslønnen på fx efterisolering og udskiftning af vinduer kan give håndværkerfradrag. Vi skriver arbejdslønnen særskilt på fakturaen.`,
  },
  {
    title: 'Stormskade: det skal du gøre',
    lang: 'da',
    visibility: 'public',
    tags: ['storm', 'akut'],
    body: `## Ring til døgnvagten
Er der blæst tagsten eller plader af, eller trænger der vand ind, så ring til vores døgnvagt på 97 40 12 35. Ved stormskade rykker vi ud inden for fire timer og dækker taget midlertidigt af med presenning.

## Din sikkerhed
Gå ikke selv op på taget i blæsevejr, og hold afstand til huset, hvis der ligger løse tagsten.

## Forsikringen
Tag billeder af skaden og anmeld den til dit forsikringsselskab. Vi sender en skadesrapport med fotos, som du kan bruge i din anmeldelse.`,
  },
  {
    title: 'Tagrensning og algebehandling',
    lang: 'da',
    visibility: 'public',
    tags: ['priser', 'vedligehold'],
    body: `## Rensning
Vi renser tage for mos og alger fra kr. 45 pr. m² inkl. moms. Vi bruger blød rensning og ikke højtryk, der kan skade teglsten og fuger.

## Algebehandling
En algebehandling efter rensningen koster fra kr. 18 pr. m² inkl. moms og holder taget rent i tre til fem år.

## Hvornår
Det bedste tidspunkt er forår og efterår, når der er tørt og over fem graders varme.`,
  },
  {
    title: 'Ovenlysvinduer',
    lang: 'da',
    visibility: 'public',
    tags: ['priser', 'vinduer'],
    body: `## Montering
Vi monterer nye ovenlysvinduer fra kr. 8.500 inkl. moms pr. vindue for arbejdet, inddækning og lysning. Selve vinduet kommer oveni.

## Udskiftning
Et gammelt ovenlysvindue skiftes typisk på én dag, og taget er tæt igen samme aften.`,
  },
  {
    title: 'Terrasser, carporte og tilbygninger',
    lang: 'da',
    visibility: 'public',
    tags: ['tømrer', 'priser'],
    body: `Vores tømrere bygger terrasser, carporte, udhuse og mindre tilbygninger.

## Terrasse
En terrasse i trykimprægneret fyr koster fra kr. 1.100 pr. m² inkl. moms, lagt og færdig. Hårdttræ og komposit giver vi pris på.

## Carport
En enkelt carport med tagpap koster fra kr. 48.000 inkl. moms, en dobbelt fra kr. 72.000.

## Byggetilladelse
Vi hjælper med tegninger og ansøgningen til kommunen, når byggeriet kræver byggetilladelse.`,
  },
  {
    title: 'Efterisolering af loft',
    lang: 'da',
    visibility: 'public',
    tags: ['isolering', 'priser'],
    body: `## Pris
Efterisolering af et loft med 200 mm isolering koster fra kr. 225 pr. m² inkl. moms.

## Hvorfor
Et dårligt isoleret loft er en af de største kilder til varmetab. Efterisolering kan typisk betale sig hjem på få år.

## Fradrag
Arbejdslønnen kan give håndværkerfradrag; vi skriver den særskilt på fakturaen.`,
  },
  {
    title: 'Prices: gutters, roofs and cleaning',
    lang: 'en',
    visibility: 'public',
    tags: ['prices'],
    body: `All prices are guide prices including VAT and fitting.

## Gutters
New zinc gutters cost from DKK 450 per metre including VAT. Plastic gutters cost from DKK 260 per metre.

## Roofs
A new tiled roof with a new underlay costs from DKK 1,450 per square metre including VAT. Flat roofs with roofing felt cost from DKK 650 per square metre.

## Roof cleaning
Cleaning a roof of moss and algae costs from DKK 45 per square metre.

You always get a fixed price in a written quote after a free inspection.`,
  },
  {
    title: 'Opening hours, service area and guarantee',
    lang: 'en',
    visibility: 'public',
    tags: ['contact'],
    body: `## Opening hours
Our office in Holstebro is open Monday to Thursday 7 am to 4 pm and Friday 7 am to 2 pm. For storm damage we have an emergency line around the clock on 97 40 12 35.

## Service area
We work in all of West Jutland, about 50 km around Holstebro, including Struer, Lemvig, Skive, Herning and Ringkøbing.

## Guarantee
You get a 5-year guarantee on our work, and the manufacturers' guarantee on materials: up to 30 years on roof tiles.`,
  },
  {
    title: 'How to book an inspection',
    lang: 'en',
    visibility: 'public',
    tags: ['booking'],
    body: `## Inspection
The inspection is free and without obligation. Call us on 97 40 12 34, write to info@storaa-tag.dk, or leave your email in this chat and we will call you back. We usually visit within five working days.

## Quote
You get a written quote with a fixed price within a week of the inspection. It is valid for 30 days.`,
  },
  {
    title: 'Intern: Prissætning og avance',
    lang: 'da',
    visibility: 'internal',
    tags: ['intern', 'priser'],
    body: `Kun til internt brug.

## Dækningsbidrag
Vi regner med 35 procent dækningsbidrag på tagrender og 28 procent på hele tagrenoveringer. Under 22 procent siger vi nej, medmindre Mads har godkendt det.

## Timepris
Intern kostpris pr. time er kr. 385 eks. moms; vi fakturerer kr. 575 eks. moms.

## Rabat
Rabat over 10 procent kræver Mads' godkendelse. Boligforeninger med rammeaftale får 8 procent på materialer.`,
  },
  {
    title: 'Intern: Fra besigtigelse til tilbud',
    lang: 'da',
    visibility: 'internal',
    tags: ['intern', 'procedure'],
    body: `## Før besigtigelsen
Line booker tiden og sender en bekræftelse. Tjek i CRM'et, om kunden har haft os ude før.

## På stedet
Tag billeder af alle tagflader, mål op med drone eller laser, og notér adgangsforhold, stillads og asbest.

## Tilbuddet
Tilbuddet skal ud senest fem hverdage efter besigtigelsen. Ring kunden op tre dage efter, at tilbuddet er sendt, og skriv en note på kundens tidslinje.`,
  },
  {
    title: 'Intern: Døgnvagt ved storm',
    lang: 'da',
    visibility: 'internal',
    tags: ['intern', 'storm'],
    body: `## Vagtplan
Døgnvagten går på skift mellem Jonas, Mads og de to svende; vagtplanen hænger på lageret.

## Prioritering
Først dem, hvor der trænger vand ind, så ældre kunder og institutioner, så resten i den rækkefølge, de har ringet.

## Materialer
Vagtbilen skal altid have presenninger, sandsække, 40 teglsten og skruer. Tjek den hver fredag.`,
  },
  {
    title: 'Intern: Leverandører og indkøb',
    lang: 'da',
    visibility: 'internal',
    tags: ['intern', 'indkøb'],
    body: `## Faste leverandører
Tegl og tagsten køber vi hos Vestergaard Trælast i Skjern; zink og render hos Aulum Byggemarked.

## Godkendelse
Bestillinger over kr. 25.000 godkendes af Jonas, over kr. 100.000 af Mads.

## Restmaterialer
Hele teglsten og rester af zink kommer tilbage på lageret og registreres, så de kan bruges til reparationer.`,
  },
  {
    title: 'Intern: Sikkerhed på taget',
    lang: 'da',
    visibility: 'internal',
    tags: ['intern', 'arbejdsmiljø'],
    body: `## Faldsikring
Over to meters højde bruger vi altid stillads eller faldsikring. Ingen arbejder alene på et tag.

## Asbest
Fibercementplader fra før 1988 behandles som asbestholdige, indtil andet er bevist. Kun medarbejdere med asbestkursus må tage dem ned.

## Vejret
Ved vindstød over 15 m/s stopper arbejdet på taget.`,
  },
];
