/**
 * A realistic, independent test set for the documents plugin's classifier: 54 documents (6 per category) as the
 * TEXT extraction gets from real business files (PDFs from e-conomic, Dinero, Billy and Visma,
 * a craftsman's Word template, Stripe- and Xero-style invoices, web shop order emails, ERP
 * purchase orders, contracts, wholesaler price lists, tender requirements, data sheets,
 * letters, emails, minutes, newsletters, a CV), about 60 % Danish and 40 % English.
 *
 * It was written WITHOUT looking at the classifier (plugins/documents/classify/), its corpus
 * (plugins/documents/testing/corpus.ts) or its benchmarks (bench/documents*.ts), so its figures
 * say how the classifier does on wording it was not tuned to. The texts imitate what PDF
 * extraction produces: letterheads and footers with CVR, addresses and bank details (on quotes
 * and order confirmations too, as in real life), "Side 1 af 2", table columns flattened into
 * one value per line, Danish number formats (1.250,00), several date formats, and the odd
 * typo. Every category has documents from different templates and a few hard but fair cases
 * that a person labels confidently (a quote saying "Fakturering sker ved aflevering", an
 * invoice quoting "jf. tilbud nr. 2231", an order confirmation repeating prices and moms, a
 * contract with a price appendix, an email saying "vedhæftet faktura", a credit note titled
 * "Faktura (kreditnota)", a price list in English).
 *
 * Labelling decisions, as a CRM user would file them:
 * - a payment reminder (rykker) is `correspondence`: it is a letter about an invoice, not the
 *   invoice (the claim is the original invoice, already filed);
 * - a delivery note (følgeseddel) and an order confirmation are `order`;
 * - an email whose body is a cover note for an attached invoice or quote is `correspondence`
 *   (the email itself; the attachment is its own document);
 * - minutes, newsletters, a CV, a staff handbook, an annual report are `other`;
 * - a technical data sheet is `specification`.
 *
 * The company names, CVR numbers, accounts and people are made up.
 */

/** The categories of the documents plugin, as the set labels them. */
export type RealisticCategory = 'quote' | 'order' | 'invoice' | 'credit_note' | 'contract' | 'price_list' | 'specification' | 'correspondence' | 'other';

/** One document of the set: its file name, language, the label a person gives it, the PDF title (often empty) and the extracted text. */
export interface RealisticDocument {
  name: string;
  lang: 'da' | 'en';
  category: RealisticCategory;
  title: string;
  text: string;
}

const QUOTES: RealisticDocument[] = [
  {
    name: 'Tilbud tagudskiftning Birkevej 14.pdf', lang: 'da', category: 'quote', title: 'Microsoft Word - Tilbud Birkevej.docx',
    text: `Hansens Tømrer & Snedker ApS
Industrivej 7 · 8660 Skanderborg
Tlf. 86 52 11 90 · info@hansens-toemrer.dk
CVR 34 56 78 12

Familien Rasmussen
Birkevej 14
8660 Skanderborg

Skanderborg d. 3. marts 2025

TILBUD – udskiftning af tag

Vi takker for henvendelsen og tilbyder hermed at udføre følgende arbejde på jeres bolig:

Nedtagning og bortskaffelse af eksisterende eternittag (ca. 140 m2) inkl. miljøgebyr
Levering og montering af nyt undertag, lægter og afstandslister
Levering og oplægning af Monier betontagsten, farve sort engoberet
Nye zinkinddækninger ved skorsten og 2 stk. ovenlysvinduer
Opsætning af nye tagrender og nedløb i zink

Pris for ovenstående arbejde ialt kr. 186.400,00 ekskl. moms
Moms 25 % kr. 46.600,00
Pris inkl. moms kr. 233.000,00

Stillads er indeholdt i prisen. Evt. udskiftning af rådne spær afregnes efter medgået tid á kr. 525,- pr. time ekskl. moms samt materialer.

Arbejdet kan påbegyndes uge 18 og forventes at tage ca. 3 uger afhængig af vejret.

Betingelser:
Tilbuddet er gældende i 30 dage fra dags dato.
Der faktureres a conto 40 % ved opstart. Restbeløbet faktureres ved aflevering.
Arbejdet udføres iht. AB-Forbruger.

Vi håber tilbuddet har jeres interesse og ser frem til at høre fra jer.

Med venlig hilsen

Kim Hansen
Hansens Tømrer & Snedker ApS

Bank: Jyske Bank reg.nr. 7640 kontonr. 1022345`,
  },
  {
    name: 'Tilbud_1043.pdf', lang: 'da', category: 'quote', title: 'Tilbud 1043',
    text: `Nordlys Kontorinventar A/S
Tilbud
Tilbudsnr.
1043
Dato
12.02.2025
Kundenr.
20117
Side
1 af 2
Gyldigt til
14.03.2025
Att.: Mette Kjær
Bech & Partnere Advokatfirma
Frederiksgade 22, 2. sal
1265 København K
Deres ref.: Indretning af nyt mødelokale
Varenr.
Beskrivelse
Antal
Enhedspris
Rabat
Beløb
HB-2200
Hæve-sænkebord 180x90, hvid laminat, sort stel
8
6.495,00
10%
46.764,00
ST-118
Konferencestol, sort stof, krom stel
16
1.895,00
10%
27.288,00
AK-90
Akustikpanel 60x120, grå filt
12
749,00
8.988,00
MON
Montering og opsætning
1
4.500,00
4.500,00
Side 1 af 2
Nordlys Kontorinventar A/S · Glostrup Torv 6 · 2600 Glostrup · CVR-nr. 29 88 14 50 · Tlf. 43 96 70 00 · salg@nordlys-kontor.dk
Danske Bank · Reg.nr. 4180 · Kontonr. 4180 336 771 · IBAN DK54 3000 4180 3367 71 · SWIFT DABADKKK
Nordlys Kontorinventar A/S
Tilbud 1043
Side 2 af 2
Subtotal
87.540,00
Moms 25%
21.885,00
Total DKK
109.425,00
Levering: ca. 3-4 uger efter ordre. Levering fritkontor Storkøbenhavn.
Betaling: netto 14 dage efter levering.
Tilbuddet er baseret på vores almindelige salgs- og leveringsbetingelser, som kan ses på nordlys-kontor.dk/betingelser.
Ved accept bedes tilbuddet returneret i underskrevet stand eller bekræftet pr. mail.
Accepteret dato: ______________  Underskrift: ______________________
Nordlys Kontorinventar A/S · Glostrup Torv 6 · 2600 Glostrup · CVR-nr. 29 88 14 50 · Tlf. 43 96 70 00 · salg@nordlys-kontor.dk
Danske Bank · Reg.nr. 4180 · Kontonr. 4180 336 771 · IBAN DK54 3000 4180 3367 71 · SWIFT DABADKKK`,
  },
  {
    name: 'scan_20250408_0912.pdf', lang: 'da', category: 'quote', title: '',
    text: `EL-Teknik Vest v/ Jesper Damgaard
Søndergade 41, 6950 Ringkøbing · 40 18 22 73 · CVR: 38001245

Prisoverslag

Kunde: Ringkøbing Autoværksted ApS, Holstebrovej 112

Vedr.: ny elinstallation i værkstedshal og opsætning af ladestandere

Pos 1 Ny hovedtavle 125A med HPFI og overspændingsbeskyttelse ... 28.500,-
Pos 2 Kabelbakker og fremføring af 5G10 til hal ... 14.200,-
Pos 3 12 stk LED armaturer 150W inkl. montage ... 21.600,-
Pos 4 2 stk Easee ladebokse 22kW inkl. lastbalancering ... 24.900,-
Pos 5 Stikkontakter og 400V udtag ved lifte (6 stk) ... 9.750,-

Overslagspris i alt ekskl. moms ca. 98.950,-

Der er tale om et overslag og ikke en fast pris. Afvigelser på mere end 15 % vil blive meddelt inden arbejdet udføres. Gravearbejde er ikke medregnet. Timepris svend 545,- lærling 325,- kørsel 95,- pr. gang.

Prisen er gældende til 1/6-2025. Ring hvis i har spørgsmål.

Venlig hilsen Jesper`,
  },
  {
    name: 'Tilbud - ny webshop og integration til e-conomic.pdf', lang: 'da', category: 'quote', title: 'Tilbud – Webshop 2025',
    text: `PIXELHUSET
Digitalbureau · Vestergade 18B · 5000 Odense C · pixelhuset.dk · CVR 40 22 19 87

Til: Strandgaardens Vin ApS
Att: Louise Strandgaard
Odense, 19. november 2024

Tilbud på ny webshop

1. Baggrund
I ønsker at erstatte jeres nuværende webshop (WooCommerce) med en løsning, der er lettere at vedligeholde, og som automatisk overfører ordrer og fakturaer til e-conomic. Dette tilbud beskriver vores forslag til løsning, tidsplan og pris.

2. Løsning
Vi foreslår en Shopify-løsning med et skræddersyet tema baseret på jeres nye designmanual. Ordrer overføres via en integration til e-conomic, så der oprettes en faktura, når ordren er pakket. Lagerstatus synkroniseres hver 15. minut.

3. Leverancer og pris
Fase 1 – Workshop og UX (2 dage) 18.000 kr.
Fase 2 – Design af forside, kategori, produkt og kurv 32.500 kr.
Fase 3 – Udvikling af tema og opsætning af Shopify 58.000 kr.
Fase 4 – Integration til e-conomic 24.000 kr.
Fase 5 – Import af 650 produkter og 4.200 kunder 9.500 kr.
Fase 6 – Test, oplæring og go-live 11.000 kr.
Samlet pris 153.000 kr. ekskl. moms

Løbende drift og support tilbydes for 1.950 kr. pr. måned (se bilag).

4. Tidsplan
Opstart januar 2025, lancering forventet medio april 2025.

5. Betaling
30 % faktureres ved underskrift, 40 % ved godkendt design og 30 % ved lancering. Betalingsfrist 8 dage.

6. Gyldighed
Tilbuddet er gyldigt i 45 dage. Ændringer og tilkøb aftales skriftligt og afregnes med 1.100 kr. pr. time.

Vi glæder os til at komme i gang.

Bedste hilsner
Anders Bøgh, partner
anders@pixelhuset.dk · 61 44 20 19

Side 1 af 1`,
  },
  {
    name: 'Proposal_Brand_Refresh_Kestrel.pdf', lang: 'en', category: 'quote', title: 'Proposal – Kestrel Analytics brand refresh',
    text: `Studio Fjord ApS
Copenhagen · London
Nørrebrogade 52, 2200 Copenhagen N, Denmark | VAT DK39912044 | hello@studiofjord.com

PROPOSAL
Brand refresh and website
Prepared for: Kestrel Analytics Ltd, 14 Cheapside, London EC2V 6AA
Prepared by: Sofie Lund
Date: 7 January 2025
Proposal no. SF-2025-004

Hi Tom,

Thanks for a great call last week. As promised, here is our estimate for refreshing the Kestrel brand and rebuilding kestrel.io.

Scope
- Discovery sessions with your leadership team (2 x half day, remote)
- Visual identity: logo refinement, colour system, typography, iconography
- Brand guidelines (PDF, approx. 30 pages)
- Website: 8 page templates in Webflow, CMS for blog and case studies
- Launch support for two weeks after go live

Investment
Discovery                          GBP 4,500
Visual identity                    GBP 12,000
Guidelines                         GBP 3,500
Website design & build             GBP 21,000
Total (excl. VAT)                  GBP 41,000

Payment schedule: 50% on signature, 25% at design approval, 25% on launch. Invoices are payable within 14 days. As a UK business you will be invoiced without Danish VAT under the reverse charge rules.

Timeline: 10–12 weeks from kickoff.

This estimate is valid until 7 February 2025. Anything outside the scope above will be quoted separately before we do it.

To accept, simply sign below and send it back to us.

Accepted by: ____________________   Date: ___________

Page 1 of 1`,
  },
  {
    name: 'Q-20931.pdf', lang: 'en', category: 'quote', title: 'Quotation Q-20931',
    text: `HARGREAVES PRECISION ENGINEERING LTD
Unit 4, Riverside Trading Estate, Sheffield S9 3QT, United Kingdom
Tel +44 114 244 9810 | sales@hargreaves-pe.co.uk | Company Reg. 04412987 | VAT GB 712 4418 03

QUOTATION
Quote Ref: Q-20931
Date: 24/09/2024
Valid for: 60 days
Customer: Vestjysk Maskinfabrik A/S
Address: Fabriksvej 3, DK-7400 Herning, Denmark
Your enquiry: RFQ 2024-311 dated 16/09/2024
Contact: Peter Holm

Line
Part No.
Description
Qty
Unit Price
Total
1
HPE-4471-A
Drive shaft, EN24T, ground finish, to drg. VM-1187 rev C
40
£86.40
£3,456.00
2
HPE-4472
Bearing housing, cast iron GG25, machined
40
£54.10
£2,164.00
3
TOOL
One-off tooling charge
1
£950.00
£950.00
Sub Total
£6,570.00
Carriage (DAP Herning)
£420.00
Total GBP (ex VAT)
£6,990.00

Lead time: 6-7 weeks from receipt of order and approved drawings.
Terms: 30 days from date of invoice, subject to credit approval.
Incoterms 2020: DAP.
Prices are based on current material costs and may be subject to change if the order is not placed within the validity period.

We trust this quotation meets your requirements and look forward to receiving your order.

Kind regards,
Gareth Owen
Sales Engineer`,
  },
];

const ORDERS: RealisticDocument[] = [
  {
    name: 'Ordrebekræftelse #10492.eml', lang: 'da', category: 'order', title: 'Tak for din ordre #10492',
    text: `Fra: Kaffegrej.dk <ordre@kaffegrej.dk>
Til: lars@vinkel-arkitekter.dk
Emne: Tak for din ordre #10492
Dato: 2. april 2025 kl. 21.14

Hej Lars

Tak for din ordre! Vi er ved at gøre den klar til afsendelse og sender dig en mail med track & trace, når pakken er på vej.

Ordreoversigt
Ordre #10492

Rocket Appartamento espressomaskine, kobber × 1
11.499,00 kr.
Eureka Mignon Specialita kværn, sort × 1
3.799,00 kr.
Kaffebønner Kenya Kiambu 1 kg × 2
458,00 kr.

Subtotal 15.756,00 kr.
Fragt (GLS pakkeshop) 0,00 kr.
Rabatkode VELKOMMEN10 -1.575,60 kr.
I alt 14.180,40 kr. DKK
Heraf moms 2.836,08 kr.

Betalingsmetode: MobilePay
Leveringsadresse: Lars Vinkel, Vinkel Arkitekter ApS, Møllegade 9, 8000 Aarhus C
Fakturaadresse: Samme som levering

Du har 14 dages fortrydelsesret fra den dag, du modtager varen. Faktura sendes separat, når ordren er afsendt.

Har du spørgsmål, så svar bare på denne mail.

Kaffegrej.dk · Kaffegrej ApS · Banegårdspladsen 3 · 8000 Aarhus C · CVR 41 77 20 33`,
  },
  {
    name: 'PO_4500187332.pdf', lang: 'da', category: 'order', title: '',
    text: `Danish Crown Foods A/S
INDKØBSORDRE
Ordrenr.
4500187332
Dato
05.03.2025
Leverandørnr.
100488
Side 1/1
Leverandør
Midtjysk Emballage ApS
Lundvej 22
8800 Viborg
Leveringsadresse
Danish Crown Foods A/S, Lager 3, port 12
Marsvej 43
8960 Randers SØ
Indkøber: Hanne Bjerre, tlf. 89 19 22 40, hbje@dcfoods.example
Pos.
Materiale
Betegnelse
Mængde
Enh.
Pris
Pr.
Nettoværdi
10
701455
Kasse B-flute 400x300x200 brun, 2-farvet tryk
12.000
STK
4,85
1
58.200,00
20
701460
Låg til kasse 400x300
12.000
STK
1,95
1
23.400,00
Samlet nettoværdi ekskl. moms DKK 81.600,00
Leveringsdato: uge 13/2025
Leveringsbetingelse: DAP Randers (Incoterms 2020)
Betalingsbetingelse: 60 dage netto
Ordrenummer og positionsnummer skal anføres på følgeseddel og faktura. Faktura sendes elektronisk til EAN 5790001234567.
Ordren er underlagt Danish Crown Foods' generelle indkøbsbetingelser, vers. 2023.
Venligst bekræft ordren inden 2 arbejdsdage.
Danish Crown Foods A/S · Marsvej 43 · 8960 Randers SØ · CVR 26 12 34 55`,
  },
  {
    name: 'Følgeseddel 7713289.pdf', lang: 'da', category: 'order', title: 'Følgeseddel',
    text: `LEMVIG VVS & EL-ENGROS A/S
FØLGESEDDEL
Følgeseddelnr.: 7713289
Ordrenr.: 5104477
Kundenr.: 33120
Leveringsdato: 14-01-2025
Rekv./ref.: Sag 2411 Kirkevej
Leveret til:
Frederiksen VVS ApS
Sag: Kirkevej 8, 7620 Lemvig
Varenr.
Tekst
Bestilt
Leveret
Restordre
Enhed
1421034
Geberit Duofix element 112 cm
3
3
0
STK
1553210
Ifö Spira toilet væghængt, rengøringsvenlig
3
2
1
STK
7712005
PEX-rør 16x2,0 i kappe, rød
200
200
0
M
7712006
PEX-rør 16x2,0 i kappe, blå
200
200
0
M
4022117
Danfoss RA-N ventil 1/2" lige
12
12
0
STK
Antal kolli: 4
Vægt: 86 kg
Restordre leveres når varen er på lager. Reklamationer over synlige fejl og mangler skal ske senest 8 dage efter modtagelsen.
Modtaget af: __________________
Lemvig VVS & El-Engros A/S · Havnevej 2 · 7620 Lemvig · CVR 12 44 78 90 · Tlf 97 82 10 00`,
  },
  {
    name: 'OB 24-0871 Møbelfabrikken.pdf', lang: 'da', category: 'order', title: 'Ordrebekræftelse 24-0871',
    text: `MØBELFABRIKKEN ASK & EG
Skovvej 120 · 7100 Vejle · Tlf. 75 82 44 10 · www.askogeg.dk
CVR-nr. 18 33 42 61

Ordrebekræftelse

Ordre nr. 24-0871
Ordredato 28/10/2024
Deres ordre nr. PO-9912 af 25/10/2024
Vores ref. Bent Kragh
Forventet levering uge 2, 2025

Kunde
Hotel Fjordgården A/S
Strandvejen 3
7100 Vejle

Vi takker for Deres ordre, som hermed bekræftes på følgende vilkår:

Antal Varenr. Tekst Stk.pris Beløb
24 SB-160 Spisebordsstol "Fjord", massiv eg, sæde i cognac læder 3.250,00 78.000,00
6 BO-220 Plankebord 220x100, eg sæbebehandlet 12.900,00 77.400,00
1 LEV Levering og opstilling 2.800,00 2.800,00

Varebeløb 158.200,00
Moms 25 % 39.550,00
Total DKK 197.750,00

Betaling: 30 % forud ved ordrebekræftelse, rest netto 8 dage efter levering.
Der tages forbehold for prisændringer på læder over 5 %.
Kontroller venligst ordrebekræftelsen omgående. Eventuelle fejl skal meddeles skriftligt inden 3 dage, ellers betragtes ordren som godkendt.

Med venlig hilsen
Møbelfabrikken Ask & Eg

Bankforbindelse: Sydbank reg. 7110 konto 1055 889 · IBAN DK68 7110 0001 0558 89

Side 1 af 1`,
  },
  {
    name: 'PurchaseOrder_PO-00871.pdf', lang: 'en', category: 'order', title: 'Purchase Order PO-00871',
    text: `Brightwater Labs Inc.
2250 Mission College Blvd, Santa Clara, CA 95054, USA

PURCHASE ORDER
PO Number: PO-00871
PO Date: Mar 11, 2025
Vendor ID: V-2093
Payment Terms: Net 45
Ship Via: FedEx International Priority
FOB: Origin

Vendor:
Aalborg Sensor Systems ApS
Niels Jernes Vej 10
9220 Aalborg Ø
Denmark

Ship To:
Brightwater Labs Inc., Receiving Dock B
2250 Mission College Blvd
Santa Clara, CA 95054

Item
Vendor Part #
Description
Qty
UOM
Unit Cost
Ext. Cost
1
ASS-HT200
Humidity/temperature probe, RS485, 2 m cable
25
EA
$212.00
$5,300.00
2
ASS-CAL
Factory calibration certificate (ISO 17025)
25
EA
$38.00
$950.00
Subtotal: $6,250.00
Freight: $180.00
Total: $6,430.00

Requested delivery date: 04/08/2025
Please reference the PO number on all packing slips, correspondence and invoices. Invoices without a valid PO number will be returned unpaid. Send invoices to ap@brightwaterlabs.example.
This order is subject to Brightwater Labs' standard terms and conditions of purchase.

Authorized by: Jennifer Ruiz, Procurement Manager`,
  },
  {
    name: 'OA_SO-558102.pdf', lang: 'en', category: 'order', title: 'Order Acknowledgement',
    text: `KRONBERG ANTRIEBSTECHNIK GmbH
Industriestraße 28 · 73730 Esslingen · Germany

Order Acknowledgement
Sales Order: SO-558102
Date: 2025-02-03
Customer No.: 40921
Your PO: 2025-0117 dated 2025-01-30
Page 1 of 1

Fynsk Automation A/S
Att. Mikkel Brandt
Tværvej 5
5260 Odense S
Denmark

Dear Mr Brandt,
thank you for your order. We confirm delivery as follows:

Pos 10 · 3-phase geared motor KG-71B4, 0.37 kW, i=18.4, IP55 · qty 6 pcs · unit price EUR 412.00 · EUR 2,472.00 · confirmed ship date 2025-03-14
Pos 20 · Frequency inverter FU-075, 0.75 kW · qty 6 pcs · unit price EUR 289.50 · EUR 1,737.00 · confirmed ship date 2025-02-21
Pos 30 · Packing and freight to Odense · EUR 145.00

Net total EUR 4,354.00
VAT 0 % (intra-community supply, your VAT no. DK31447208)
Total EUR 4,354.00

Terms of delivery: DAP Odense, Incoterms 2020
Terms of payment: 30 days net
Please check this acknowledgement carefully; deviations must be reported within 3 working days.

Kronberg Antriebstechnik GmbH · Amtsgericht Stuttgart HRB 228411 · VAT DE 812 330 591
Commerzbank Esslingen · IBAN DE44 6114 0071 0228 4110 00 · BIC COBADEFFXXX`,
  },
];

const INVOICES: RealisticDocument[] = [
  {
    name: 'Faktura_2025-118.pdf', lang: 'da', category: 'invoice', title: 'Faktura 2025-118',
    text: `Klimahuset Ventilation ApS
Fakturanr.
2025-118
Fakturadato
31.01.2025
Kundenr.
1077
Forfaldsdato
14.02.2025
Side
1 af 1
Byggefirmaet Thorsen & Søn A/S
Bogholderiet
Ringvejen 40
4000 Roskilde
Vedr. Sag 4471 – Ventilationsanlæg, Roskilde Lilleskole, jf. tilbud nr. 2231 af 12.11.2024
Beskrivelse
Antal
Enhed
Enhedspris
Beløb
Aggregat Nilan Comfort 450 Top inkl. styring
1
stk
38.900,00
38.900,00
Kanalsystem, spiro og bøjninger, iht. tilbud
1
stk
21.400,00
21.400,00
Montage, 2 mand
46
timer
565,00
25.990,00
Indregulering og målerapport
1
stk
3.800,00
3.800,00
Subtotal
90.090,00
Moms (25%)
22.522,50
Total DKK
112.612,50
Betalingsbetingelser: Netto 14 dage
Beløbet bedes indbetalt på bankkonto: Reg.nr. 5301 Kontonr. 0245 887 eller via FIK +71<000000021187+85241477<
Ved betaling efter forfald tilskrives der renter på 0,7 % pr. påbegyndt måned, og der opkræves et gebyr på 100,00 DKK.
Klimahuset Ventilation ApS · Håndværkervej 9 · 4000 Roskilde · CVR 37 22 14 09 · +45 46 32 22 10 · bogholderi@klimahuset.dk`,
  },
  {
    name: 'Faktura nr. 57 - Gitte Maler.pdf', lang: 'da', category: 'invoice', title: '',
    text: `Gitte Møller Malerfirma
Toftegårdsvej 3
6200 Aabenraa
CVR-nr.: 39 88 21 04

Susanne og Per Kjeldsen
Nørreport 17
6200 Aabenraa

Faktura nr. 57
Dato: 19. feb. 2025
Betalingsfrist: 8 dage

Maling af stue, køkken-alrum og gang på Nørreport 17, udført i uge 6-7

Beskrivelse Antal Pris Beløb
Arbejdsløn 38,5 timer 450,00 17.325,00
Maling Flügger Flutex 5, hvid 30 liter 89,00 2.670,00
Spartelmasse, tape, afdækning 1 stk 640,00 640,00
Kørsel 8 gange 60,00 480,00

Beløb ekskl. moms 21.115,00
25% moms 5.278,75
At betale 26.393,75 DKK

Husk at du kan få håndværkerfradrag for arbejdslønnen (17.325,00 kr.).

Betal til: Reg. 9570 Konto 12345678 (Spar Nord) – skriv fakturanr. ved betaling
Tak for opgaven!
Gitte

Oprettet i Dinero`,
  },
  {
    name: 'F0021457.pdf', lang: 'da', category: 'invoice', title: 'Faktura',
    text: `JYSK TRÆLAST & BYG A/S
Fakturanr. F0021457
Side 1 af 2
Fakturadato 28-02-2025
Kunde nr. 84120
Ordre nr. 301887
Deres rekv. Nybyg Skovbrynet 11
EAN 5798000123450
Levering 26-02-2025
Tømrerfirmaet Kjær & Co ApS
Grønnegade 4
8600 Silkeborg
Varenr.
Varetekst
Antal
Enh.
Pris
Rabat %
Beløb
100234
Konstruktionstræ C24 45x195 mm 5,4 m
64
STK
248,95
18
13.064,90
100241
Konstruktionstræ C24 45x95 mm 4,2 m
120
STK
89,50
18
8.806,80
220118
Gyproc GN 13 gipsplade 900x2400
85
STK
92,00
22
6.099,60
330004
Rockwool Flexibatts 195 mm 6,5 m2 pk
40
PK
412,00
20
13.184,00
Side 1 af 2
Jysk Trælast & Byg A/S · Fabriksvej 19 · 8600 Silkeborg · CVR 15 44 39 21 · Tlf 86 80 12 00
Bank: Nordea 2191 8796 433 010 · IBAN DK22 2000 8796 4330 10
JYSK TRÆLAST & BYG A/S
Fakturanr. F0021457
Side 2 af 2
550901
Fragt med kran
1
STK
1.150,00
1.150,00
Varebeløb ekskl. moms 42.305,30
Moms 25 % 10.576,33
Fakturabeløb DKK 52.881,63
Betalingsbetingelser: Løbende måned + 30 dage. Forfaldsdato 31-03-2025
Ved for sen betaling beregnes morarente jf. renteloven samt rykkergebyr 100 kr.
Ejendomsretten til de leverede varer forbliver hos sælger, indtil købesummen er betalt fuldt ud.
Jysk Trælast & Byg A/S · Fabriksvej 19 · 8600 Silkeborg · CVR 15 44 39 21 · Tlf 86 80 12 00`,
  },
  {
    name: 'Invoice-8F3A2C1D-0007.pdf', lang: 'en', category: 'invoice', title: 'Invoice',
    text: `Invoice
Invoice number 8F3A2C1D-0007
Date of issue March 1, 2025
Date due March 1, 2025
Linear Byte Inc.
548 Market St PMB 90210
San Francisco, California 94104
United States
billing@linearbyte.example
Bill to
Fynbo Regnskab ApS
Vestergade 4
5700 Svendborg
Denmark
DK 40118832
$348.00 USD due March 1, 2025
Pay online
Description
Qty
Unit price
Amount
Mar 1 – Apr 1, 2025
Team plan (per seat)
12
$29.00
$348.00
Subtotal
$348.00
Total
$348.00
Amount due
$348.00 USD
Tax to be paid on reverse charge basis
Page 1 of 1`,
  },
  {
    name: 'INV-0342.pdf', lang: 'en', category: 'invoice', title: 'INV-0342',
    text: `TAX INVOICE

Northbound Digital Ltd
Level 2, 18 Albert Square
Manchester M2 5PE
VAT Number GB 298 4471 12

Invoice Date
15 Jan 2025
Invoice Number
INV-0342
Reference
Retainer January
Due Date
29 Jan 2025

Hygge Home Interiors ApS
Att: Accounts Payable
Amagertorv 11
1160 Copenhagen K
Denmark

Description Quantity Unit Price VAT Amount GBP
SEO & content retainer - January 2025 1.00 2,400.00 No VAT 2,400.00
Paid social management (Meta, Pinterest) 1.00 1,100.00 No VAT 1,100.00
Additional copywriting - Spring campaign landing page 6.50 85.00 No VAT 552.50

Subtotal 4,052.50
TOTAL NO VAT 0.00
TOTAL GBP 4,052.50

Customer VAT number: DK38221190. Reverse charge: customer to account for VAT.

Due Date: 29 Jan 2025
Payment details: Northbound Digital Ltd, Sort code 20-32-06, Account 70443318, IBAN GB61 BARC 2032 0670 4433 18, BIC BARCGB22

PAYMENT ADVICE
To: Northbound Digital Ltd
Customer Hygge Home Interiors ApS
Invoice Number INV-0342
Amount Due 4,052.50
Due Date 29 Jan 2025
Amount Enclosed ______________`,
  },
  {
    name: 'Invoice 2025-014 Nordic Translation.pdf', lang: 'en', category: 'invoice', title: '',
    text: `Nordic Translation House ApS · Læderstræde 20 · 1201 København K · CVR 42 10 77 35

To:
Verdana Medical AB
Box 1123
SE-221 04 Lund
Sweden
VAT SE556612344501

INVOICE 2025-014
Date: 04.04.2025
Due: 04.05.2025
Your reference: Anna Berglund / order e-mail 17 March
Our reference: Mette Skov

Translation of Instructions for Use (IFU), Swedish > Danish and Norwegian, as per our quote no. T-0419 dated 14 March 2025

Danish translation, 11,240 words à DKK 1.15 ........ DKK 12,926.00
Norwegian translation, 11,240 words à DKK 1.20 ..... DKK 13,488.00
Medical review by second linguist, 12 hours à DKK 650 ..... DKK 7,800.00
Project management ..... DKK 1,500.00

Net amount DKK 35,714.00
VAT 0 % – reverse charge, Article 196 Council Directive 2006/112/EC
Total due DKK 35,714.00

Please transfer the amount to Danske Bank, IBAN DK12 3000 0012 3456 78, BIC DABADKKK, quoting the invoice number.
Late payment interest according to the Danish Interest Act.

Thank you for your business!`,
  },
];

const CREDIT_NOTES: RealisticDocument[] = [
  {
    name: 'Kreditnota 5521.pdf', lang: 'da', category: 'credit_note', title: 'Kreditnota',
    text: `Sportsbutikken Løb & Cykel
www.lobogcykel.dk · kundeservice@lobogcykel.dk · CVR 35 90 11 27
Algade 31 · 4000 Roskilde

KREDITNOTA
Kreditnotanr.: 5521
Dato: 09.01.2025
Ordrenr.: 88341
Vedr. faktura: 88341-1 af 18.12.2024

Camilla Vestergaard
Hyldegårdsvej 8, 1. th
4000 Roskilde

Returnerede varer
Vare: Hoka Clifton 9 dame, str. 39 1/3
Antal: 1
Beløb: -1.199,00
Vare: Løbejakke Craft ADV Essence, M
Antal: 1
Beløb: -649,00
Returfragt
-39,00 (refunderes ikke)
0,00

Krediteret i alt inkl. moms: -1.848,00 DKK
Heraf moms: -369,60 DKK

Beløbet tilbageføres til det betalingskort, du brugte ved købet. Det kan tage 3-5 bankdage, før pengene står på din konto.

Tak fordi du handlede hos os.`,
  },
  {
    name: 'Faktura_1297.pdf', lang: 'da', category: 'credit_note', title: 'Faktura (kreditnota) 1297',
    text: `Faktura (kreditnota)
Kreditnota nr.
1297
Dato
14.03.2025
Kundenr.
205
Vedrørende faktura nr.
1281
Side
1 af 1
Vesterbro Catering ApS
Att. Bogholderi
Istedgade 90
1650 København V
Tekst
Antal
Stk.pris
Beløb
Kreditering af faktura 1281 – frokostordning uge 10, fejlagtigt faktureret 45 kuverter
-45,00
72,00
-3.240,00
Subtotal
-3.240,00
Moms 25%
-810,00
Total DKK
-4.050,00
Beløbet modregnes i næste faktura eller udbetales efter aftale.
Smørrebrødskompagniet I/S · Enghavevej 12 · 1674 København V · CVR 31 66 40 18 · Tlf. 33 21 80 90
Bank: Arbejdernes Landsbank · Reg.nr. 5301 · Kontonr. 0567 221 · IBAN DK91 5301 0000 5672 21`,
  },
  {
    name: 'KN3021.pdf', lang: 'da', category: 'credit_note', title: '',
    text: `AGRO NORD Grovvare A/S
Kreditnota 3021
Side 1 af 1
Dato: 31/12/2024
Konto: 60128
Landbrug I/S Bjerregaard
Bjerregårdvej 2
9760 Vrå
Årsbonus og prisregulering 2024
Iht. samhandelsaftale af 01/01/2024 krediteres følgende:
Bonus foder, 4,0 % af omsætning 1.184.300,00 kr. ekskl. moms
-47.372,00
Prisregulering gødning NS 27-4, leveret uge 14-16 (prisfald efter levering), 62 t à 210,00
-13.020,00
Beløb ekskl. moms -60.392,00
Moms -15.098,00
I alt til gode -75.490,00
Beløbet overføres til Deres konto i Sparekassen Vendsyssel inden 15/01/2025.
AGRO NORD Grovvare A/S · Havnegade 8 · 9800 Hjørring · CVR 20 55 89 14`,
  },
  {
    name: 'Kreditering faktura 117.pdf', lang: 'da', category: 'credit_note', title: 'Kreditnota 118',
    text: `Sørensen IT-Service
v/ Martin Sørensen · Engvej 2 · 9000 Aalborg · CVR 41 99 30 02 · martin@sorensen-it.dk

Kreditnota 118
Dato 7/2-2025

Til Tandlægehuset Aalborg ApS, Boulevarden 12, 9000 Aalborg

Krediterer hermed 3 timer fra faktura 117 (support 28/1), som var dobbeltregistreret – beklager fejlen.

3 timer x 695,00 = -2.085,00
moms -521,25
i alt -2.606,25 kr.

Har I allerede betalt faktura 117, sender jeg beløbet retur til jeres konto. Ellers betal blot det resterende beløb.

Mvh Martin

Reg. 1551 Konto 4411009988`,
  },
  {
    name: 'CN-0012.pdf', lang: 'en', category: 'credit_note', title: 'CN-0012',
    text: `CREDIT NOTE

Oakleaf Furniture Supplies Ltd
12 Carver Street
Bristol BS1 5QT
VAT Reg. No. GB 331 2207 45

Date
22 Oct 2024
Credit Note Number
CN-0012
Reference
INV-1187

To:
Scandi Living ApS
Havnegade 39
5000 Odense C
Denmark

Description Quantity Unit Price Amount GBP
Oak side table, damaged in transit (returned) 2.00 145.00 290.00
Carriage refund for damaged items 1.00 35.00 35.00

Subtotal 325.00
TOTAL GBP CREDIT 325.00

This credit will be applied to your account and offset against invoice INV-1187. Remaining balance on INV-1187: GBP 1,415.00.

Registered in England & Wales No. 09981234`,
  },
  {
    name: 'credit_memo_CM-2025-0031.pdf', lang: 'en', category: 'credit_note', title: 'Credit Memo',
    text: `CloudRack Hosting, LLC
1200 Peachtree St NE, Suite 800, Atlanta, GA 30309
accounts@cloudrack.example

Credit Memo
Credit Memo #: CM-2025-0031
Issue Date: 02/04/2025
Account: ACCT-77120
Applied to invoice: 2025-01-44718

Customer:
Trekant Software ApS
Åboulevarden 70
8000 Aarhus C, Denmark

Reason for credit: Service Level Agreement credit - availability of 99.71% in January 2025 for dedicated server DS-4412 (commitment 99.95%).

Item / Description / Amount
SLA credit, 10% of monthly fee for DS-4412 / ($89.90)
Credit for unused add-on IP block (cancelled 01/12/2025) / ($14.00)

Total Credit: ($103.90)
The credited amount will be applied automatically to your next invoice. No action is required.

Thank you for hosting with CloudRack.`,
  },
];

const CONTRACTS: RealisticDocument[] = [
  {
    name: 'Serviceaftale Varmepumper 2025 - underskrevet.pdf', lang: 'da', category: 'contract', title: 'Serviceaftale',
    text: `SERVICEAFTALE

mellem

Fyns Varme & Energi ApS
CVR-nr. 36 41 22 80
Rugårdsvej 205, 5210 Odense NV
(herefter "Leverandøren")

og

Boligforeningen Lindehøj
CVR-nr. 17 22 39 11
Lindehøj 1, 5220 Odense SØ
(herefter "Kunden")

1. Aftalens formål
1.1 Denne aftale regulerer Leverandørens løbende service, eftersyn og reparation af de luft/vand-varmepumper, som er installeret i Kundens bebyggelse, jf. anlægslisten i bilag 2.
1.2 Formålet er at sikre, at anlæggene drives sikkert og energieffektivt, og at producentens garantibetingelser overholdes.

2. Ydelser
2.1 Leverandøren udfører ét årligt serviceeftersyn pr. anlæg efter producentens serviceskema, herunder kontrol af kølekreds, tæthedskontrol efter kølebekendtgørelsen, rensning af fordamper og filtre, kontrol af el-tilslutninger og styring samt aflæsning af driftsdata.
2.2 Efter hvert eftersyn udleveres en servicerapport, som angiver udførte arbejder, målte værdier og eventuelle anbefalinger.
2.3 Leverandøren yder døgnvagt ved driftsstop. Ved henvendelse på vagttelefonen skal en tekniker være på stedet senest 8 timer efter henvendelsen i perioden 1. oktober til 30. april og senest 24 timer i den øvrige periode.
2.4 Reparationer, som ikke er omfattet af eftersynet, udføres efter Kundens godkendelse og afregnes efter priserne i bilag 1.
2.5 Leverandøren fører en digital servicelog for hvert anlæg, som Kunden har adgang til via Leverandørens kundeportal. Loggen indeholder servicerapporter, fejlmeldinger, udskiftede komponenter og påfyldt kølemiddel, således at Kunden til enhver tid kan dokumentere over for myndigheder og forsikringsselskab, at anlæggene er vedligeholdt forsvarligt.

3. Kundens forpligtelser
3.1 Kunden sikrer Leverandøren fri adgang til anlæggene og tekniske rum i normal arbejdstid og ved driftsstop.
3.2 Kunden må ikke lade andre end Leverandøren foretage indgreb i anlæggene i aftaleperioden, medmindre Leverandøren skriftligt har accepteret det.
3.3 Kunden giver straks besked, hvis et anlæg viser tegn på fejl, unormal støj eller lækage.

4. Priser og betaling
4.1 Det årlige servicegebyr fremgår af bilag 1 og faktureres forud for ét år ad gangen med betaling 30 dage netto.
4.2 Priserne reguleres hvert år pr. 1. januar med udviklingen i nettoprisindekset (oktober til oktober), dog mindst 2 %.
4.3 Kørsel til og fra Kundens adresse er indeholdt i servicegebyret for planlagte eftersyn. Ved udkald afregnes kørsel efter bilag 1.
4.4 Ved forsinket betaling beregnes rente efter renteloven.

5. Ansvar og forsikring
5.1 Leverandøren er ansvarlig efter dansk rets almindelige regler, dog ikke for driftstab, avancetab eller andre indirekte tab.
5.2 Leverandørens samlede ansvar pr. kalenderår er begrænset til et beløb svarende til det årlige servicegebyr, dog ikke ved grov uagtsomhed eller forsæt.
5.3 Leverandøren har tegnet erhvervs- og produktansvarsforsikring med en dækning på mindst 10 mio. kr. pr. skade.

6. Varighed og opsigelse
6.1 Aftalen træder i kraft 1. februar 2025 og løber indtil den opsiges.
6.2 Aftalen kan tidligst opsiges til udløb 31. januar 2027. Herefter kan hver part opsige aftalen med 3 måneders varsel til udgangen af en måned.
6.3 Hver part kan ophæve aftalen ved væsentlig misligholdelse, som ikke er afhjulpet senest 14 dage efter skriftligt påkrav.

7. Fortrolighed og persondata
7.1 Parterne behandler oplysninger om hinandens forhold fortroligt. Leverandøren behandler alene persondata om beboere i det omfang, det er nødvendigt for at udføre ydelserne, og i overensstemmelse med databeskyttelsesforordningen.

8. Overdragelse
8.1 Ingen af parterne kan overdrage rettigheder og forpligtelser efter aftalen uden den anden parts skriftlige samtykke.

9. Underleverandører
9.1 Leverandøren kan anvende underleverandører til dele af ydelserne, f.eks. kranløft og elarbejde. Leverandøren er over for Kunden ansvarlig for underleverandørers ydelser som for sine egne.

10. Ændringer af anlæg
10.1 Udskifter eller tilføjer Kunden anlæg i aftaleperioden, optages de på anlægslisten i bilag 2 fra den førstkommende måned, og servicegebyret reguleres forholdsmæssigt efter priserne i bilag 1.
10.2 Fjernes et anlæg, nedsættes servicegebyret fra det efterfølgende kvartal. Allerede betalt gebyr tilbagebetales ikke for det påbegyndte kvartal.

11. Force majeure
11.1 Ingen af parterne er ansvarlige for forhold, som ligger uden for partens kontrol, og som parten ikke burde have forudset ved aftalens indgåelse, herunder krig, naturkatastrofer, epidemier, strejke og lockout, manglende leverancer fra underleverandører som følge af force majeure samt usædvanlige vejrforhold.
11.2 Den part, der ønsker at påberåbe sig force majeure, skal straks give den anden part skriftlig meddelelse herom. Varer force majeure i mere end 60 dage, kan hver part opsige aftalen med 14 dages varsel.

12. Meddelelser
12.1 Meddelelser efter denne aftale gives skriftligt pr. e-mail til de kontaktpersoner, som parterne har oplyst. Kunden kan melde fejl på vagttelefonen 70 22 41 41 eller via Leverandørens kundeportal.
12.2 Skift af kontaktperson meddeles den anden part uden ugrundet ophold.

13. Tvister
13.1 Aftalen er underlagt dansk ret. Tvister søges løst ved forhandling mellem parternes ledelser. Lykkes det ikke inden 30 dage, afgøres tvisten ved retten i Odense som første instans.

Bilag
Bilag 1: Priser
Bilag 2: Anlægsliste

Odense, den 15. januar 2025

For Fyns Varme & Energi ApS          For Boligforeningen Lindehøj
_______________________              _______________________
Rasmus Holt, direktør                Birthe Nørgaard, formand

Side 1 af 2

Bilag 1 – Priser (gældende 2025, ekskl. moms)
Årligt servicegebyr pr. anlæg op til 12 kW 2.450,00 kr.
Årligt servicegebyr pr. anlæg 12-20 kW 3.100,00 kr.
Timepris tekniker, hverdage 07-16 695,00 kr.
Timepris tekniker, udenfor normal arbejdstid 1.090,00 kr.
Kørsel ved udkald, pr. gang 395,00 kr.
Kølemiddel R32 pr. kg 780,00 kr.
Reservedele: listepris med 15 % rabat

Bilag 2 – Anlægsliste
Blok A: 4 stk. Vaillant aroTHERM plus 12 kW
Blok B: 4 stk. Vaillant aroTHERM plus 12 kW
Fælleshus: 1 stk. Nibe F2120-16

Side 2 af 2`,
  },
  {
    name: 'Lejekontrakt erhverv Havnegade 9.pdf', lang: 'da', category: 'contract', title: 'Lejekontrakt for erhvervslokaler',
    text: `LEJEKONTRAKT FOR ERHVERVSLOKALER
(Typeformular, tilpasset)

§ 1 Parterne og det lejede
Udlejer: Ejendomsselskabet Havnefronten ApS, CVR 38 22 17 41, Havnegade 9, 8900 Randers C
Lejer: Kragh Revision ApS, CVR 33 41 20 87
Det lejede: kontorlokaler på 1. sal, ca. 214 m2 BBR-areal, samt 4 p-pladser i gården. Lokalerne må kun anvendes til kontor og lignende erhverv.

§ 2 Lejeforholdets begyndelse og ophør
Lejeforholdet begynder den 1. maj 2025. Lejemålet kan af lejer opsiges med 6 måneders varsel til den 1. i en måned. Udlejer kan opsige med 1 års varsel i de tilfælde, som erhvervslejeloven angiver. Udlejer er uopsigelig i 5 år fra lejeforholdets begyndelse.

§ 3 Leje
Den årlige leje udgør 246.100,00 kr. ekskl. moms (1.150 kr. pr. m2). Lejen betales kvartalsvis forud den 1. januar, 1. april, 1. juli og 1. oktober. Der betales moms af lejen, da udlejer er frivilligt momsregistreret.
Aconto varme og vand: 21.400,00 kr. årligt ekskl. moms. Aconto fællesudgifter: 12.840,00 kr. årligt.
Lejen reguleres hvert år den 1. januar, første gang 1. januar 2026, med udviklingen i nettoprisindekset, dog mindst 2 % og højst 4 % årligt.

§ 4 Depositum og forudbetalt leje
Lejer betaler et depositum svarende til 6 måneders leje, 123.050,00 kr., samt forudbetalt leje svarende til 3 måneders leje. Beløbene skal være udlejer i hænde senest 1. april 2025 på konto reg. 7681 kontonr. 0001 223 344.

§ 5 Vedligeholdelse
Lejer har den indvendige vedligeholdelse, herunder maling af vægge, lofter og træværk samt vedligeholdelse af gulve. Udlejer har den udvendige vedligeholdelse og vedligeholdelse af tekniske installationer.

§ 6 Lokalernes stand ved fraflytning
Lejemålet afleveres i samme stand som ved overtagelsen, idet der dog ses bort fra almindeligt slid og ælde. Nymalet ved fraflytning.

§ 7 Fremleje og afståelse
Lejer har ret til afståelse efter erhvervslejelovens § 55 og til fremleje af op til halvdelen af lokalerne.

§ 8 Særlige vilkår
Udlejer etablerer inden overtagelsen nyt tekøkken og opsætter glasvæg mellem mødelokale og åbent kontor. Lejer må opsætte skilt ved hovedindgangen efter udlejers anvisning.

Randers, den 3. marts 2025

Som udlejer: ____________________   Som lejer: ____________________

Side 2 af 2`,
  },
  {
    name: 'DPA Kundeportal - databehandleraftale.pdf', lang: 'da', category: 'contract', title: 'Databehandleraftale',
    text: `Standardkontraktbestemmelser
i henhold til artikel 28, stk. 3, i forordning 2016/679 (databeskyttelsesforordningen) med henblik på databehandlerens behandling af personoplysninger

mellem

Tandklinikken Vestervang ApS
CVR 31 20 44 98
Vestervang 12, 8000 Aarhus C
herefter "den dataansvarlige"

og

Bookbar Systems ApS
CVR 40 99 12 67
Finlandsgade 25, 8200 Aarhus N
herefter "databehandleren"

der hver især er en "part" og sammen udgør "parterne",

HAR AFTALT følgende standardkontraktbestemmelser (Bestemmelserne) med henblik på at overholde databeskyttelsesforordningen og sikre beskyttelse af privatlivets fred og fysiske personers grundlæggende rettigheder og frihedsrettigheder.

1. Indholdsfortegnelse
2. Præambel 2
3. Den dataansvarliges rettigheder og forpligtelser 3
4. Databehandleren handler efter instruks 3
5. Fortrolighed 3
6. Behandlingssikkerhed 4
7. Anvendelse af underdatabehandlere 4

2. Præambel
1. Bestemmelserne fastsætter databehandlerens rettigheder og forpligtelser, når denne foretager behandling af personoplysninger på vegne af den dataansvarlige.
2. Bestemmelserne er udformet med henblik på parternes overholdelse af artikel 28, stk. 3, i databeskyttelsesforordningen.
3. I forbindelse med leveringen af online tidsbestilling og patientpåmindelser via sms behandler databehandleren personoplysninger på vegne af den dataansvarlige i overensstemmelse med Bestemmelserne.

4. Databehandleren handler efter instruks
1. Databehandleren må kun behandle personoplysninger efter dokumenteret instruks fra den dataansvarlige, medmindre det kræves i henhold til EU-retten eller medlemsstaternes nationale ret.

Bilag A Oplysninger om behandlingen
Formålet med databehandlerens behandling af personoplysninger på vegne af den dataansvarlige er: tidsbestilling, påmindelser og aflysninger.
Behandlingen omfatter følgende typer af personoplysninger: navn, telefonnummer, e-mail, tidspunkt for aftale, behandlertype. Der behandles ikke helbredsoplysninger ud over aftaletypen.
Kategorier af registrerede: klinikkens patienter.

Bilag B Underdatabehandlere
Microsoft Ireland Operations Ltd (hosting, Azure, Nordeuropa)
LINK Mobility A/S (afsendelse af sms)

Side 1 af 9`,
  },
  {
    name: 'Ansættelsesbevis_Nanna_Friis.pdf', lang: 'da', category: 'contract', title: 'Ansættelseskontrakt',
    text: `ANSÆTTELSESKONTRAKT
(funktionær)

Mellem undertegnede
Virksomhed: Bogholderiet Syd ApS, Jernbanegade 14, 6000 Kolding, CVR 37 71 09 44
og
Medarbejder: Nanna Friis, Grønløkken 31, 6000 Kolding

er der dags dato indgået følgende aftale om ansættelse:

1. Tiltrædelse
Ansættelsen starter den 1. april 2025. De første 3 måneder er prøvetid, hvor ansættelsesforholdet fra begge sider kan opsiges med 14 dages varsel.

2. Stilling og arbejdssted
Medarbejderen ansættes som bogholder med ansvar for debitor- og kreditorbogholderi, momsafregning og lønkørsel for virksomhedens kunder. Arbejdsstedet er virksomhedens adresse i Kolding. Der kan aftales hjemmearbejde op til 1 dag om ugen.

3. Arbejdstid
Den ugentlige arbejdstid er 37 timer ekskl. frokostpause. Arbejdstiden lægges normalt mandag-fredag mellem kl. 8 og 16.

4. Løn
Den månedlige løn udgør 36.500,00 kr., som udbetales bagud den sidste hverdag i måneden til medarbejderens NemKonto. Lønnen forhandles hvert år i april med virkning fra 1. maj.
Der indbetales pension med 4 % fra medarbejderen og 8 % fra virksomheden til virksomhedens pensionsordning efter 3 måneders ansættelse.

5. Ferie
Medarbejderen har ret til ferie med løn efter ferieloven samt 5 feriefridage om året.

6. Sygdom
Sygdom skal meddeles nærmeste leder senest kl. 9 på første sygedag. Funktionærlovens regler finder anvendelse, herunder 120-dages reglen.

7. Opsigelse
Opsigelse sker efter funktionærlovens regler.

8. Tavshedspligt
Medarbejderen har tavshedspligt om alt, hvad medarbejderen får kendskab til om virksomhedens og kundernes forhold, også efter ansættelsens ophør.

9. Overenskomst
Ansættelsen er ikke omfattet af en kollektiv overenskomst.

Kolding, den 10. marts 2025

For Bogholderiet Syd ApS: ____________________    Medarbejder: ____________________`,
  },
  {
    name: 'Mutual NDA - Fjordline Robotics.pdf', lang: 'en', category: 'contract', title: 'Mutual Non-Disclosure Agreement',
    text: `MUTUAL NON-DISCLOSURE AGREEMENT

This Mutual Non-Disclosure Agreement (the "Agreement") is entered into as of 20 February 2025 (the "Effective Date") by and between:

(1) Fjordline Robotics ApS, a company incorporated in Denmark with CVR no. 41 33 80 12, having its registered office at Diplomvej 381, 2800 Kgs. Lyngby, Denmark; and
(2) Meridian Packaging Solutions B.V., a company incorporated in the Netherlands with KvK no. 61229874, having its registered office at Westerkade 14, 3016 CL Rotterdam, the Netherlands,

each a "Party" and together the "Parties".

1. Purpose. The Parties wish to explore a possible collaboration on automated palletising cells (the "Purpose") and for that purpose may disclose Confidential Information to each other.

2. Confidential Information. "Confidential Information" means any information disclosed by a Party (the "Discloser") to the other Party (the "Recipient"), whether in writing, orally or by inspection, that is marked as confidential or that a reasonable person would understand to be confidential, including drawings, source code, pricing, customer lists and business plans.

3. Obligations. The Recipient shall (a) use the Confidential Information only for the Purpose; (b) not disclose it to any third party other than its employees and advisers who need to know it for the Purpose and are bound by obligations of confidentiality no less protective than this Agreement; and (c) protect it with at least the same degree of care it uses for its own confidential information, and no less than reasonable care.

4. Exceptions. The obligations in clause 3 do not apply to information that (a) is or becomes publicly available through no fault of the Recipient; (b) was lawfully known to the Recipient before disclosure; (c) is independently developed by the Recipient; or (d) must be disclosed by law or order of a court, provided the Recipient gives prompt notice where lawful.

5. No licence. Nothing in this Agreement grants any licence or right in the Confidential Information other than as expressly set out here. All information is provided "as is".

6. Return. On written request, the Recipient shall promptly return or destroy the Confidential Information, except copies kept in routine back-ups or required by law.

7. Term. This Agreement applies to disclosures made within two (2) years of the Effective Date, and the obligations of confidentiality survive for five (5) years from the date of each disclosure.

8. Governing law. This Agreement is governed by the laws of Denmark, and the courts of Copenhagen shall have exclusive jurisdiction.

IN WITNESS WHEREOF the Parties have signed this Agreement on the dates below.

Fjordline Robotics ApS                    Meridian Packaging Solutions B.V.
Name: Jakob Winther, CEO                   Name: Eva de Groot, Managing Director
Signature: ____________                    Signature: ____________
Date: ____________                         Date: ____________

Page 1 of 2`,
  },
  {
    name: 'Supply_Agreement_Signed.pdf', lang: 'en', category: 'contract', title: 'Framework Supply Agreement',
    text: `FRAMEWORK SUPPLY AGREEMENT
Agreement No. FSA-2025-07

Supplier: Nordic Cable Systems A/S, Kabelvej 4, 6400 Sønderborg, Denmark (CVR 25 11 90 47)
Buyer: Baltic Wind Services Sp. z o.o., ul. Portowa 8, 81-341 Gdynia, Poland

1. Scope
1.1 The Supplier shall supply, and the Buyer shall purchase, low-voltage and control cables as listed in Appendix 1 under individual call-off orders issued during the term of this Agreement.
1.2 This Agreement does not oblige the Buyer to purchase any minimum quantity, save as set out in clause 4.

2. Orders and delivery
2.1 Each call-off order shall state product numbers, quantities, requested delivery date and delivery address. The Supplier shall confirm or reject each order within two (2) working days.
2.2 Delivery is DAP Gdynia (Incoterms 2020). Standard lead time is 4 weeks from confirmed order.
2.3 If delivery is delayed for reasons attributable to the Supplier, the Buyer is entitled to liquidated damages of 0.5% of the value of the delayed goods per commenced week, capped at 7.5%.

3. Prices and payment
3.1 Prices are as stated in Appendix 1, fixed until 31 December 2025, and thereafter adjusted quarterly based on the LME copper price as set out in Appendix 2.
3.2 The Supplier shall invoice upon delivery. Payment terms are 45 days net from invoice date.

4. Volume commitment
4.1 The Buyer intends to purchase not less than 120 km of cable per calendar year. If actual volume falls below 80 km, the Supplier may renegotiate prices in good faith.

5. Warranty
5.1 The Supplier warrants that the goods conform to the specifications in Appendix 1 and to IEC 60502-1 and are free from defects in material and workmanship for 24 months from delivery.

6. Term and termination
6.1 This Agreement enters into force on 1 April 2025 and runs for three (3) years. Either Party may terminate it with six (6) months' written notice, or immediately in case of material breach not remedied within 30 days of notice.

7. Law and disputes
7.1 This Agreement is governed by Danish law. Disputes shall be settled by arbitration under the rules of the Danish Institute of Arbitration, seated in Copenhagen, in English.

Appendix 1 – Products and prices (EUR per metre, ex works value, excl. VAT)
NCS-CY 3G1.5 control cable 0.92
NCS-CY 7G1.5 control cable 1.84
NCS-N2XH 4x16 power cable 6.35
NCS-N2XH 4x35 power cable 12.10

Signed for the Supplier: ____________     Signed for the Buyer: ____________
Sønderborg / Gdynia, 18 March 2025`,
  },
];

const PRICE_LISTS: RealisticDocument[] = [
  {
    name: 'Prisliste_2025_Byggeplader.pdf', lang: 'da', category: 'price_list', title: 'Prisliste 2025',
    text: `BYGMA ENGROS SYD
Prisliste – plader og isolering
Gældende fra 1. januar 2025
Alle priser er i DKK ekskl. moms og afgifter. Der tages forbehold for trykfejl, prisændringer og udsolgte varer.
Varenr.
Beskrivelse
Enhed
Pris ekskl. moms
410010
Gipsplade standard 13x900x2400 mm
STK
79,95
410012
Gipsplade vådrum 13x900x2400 mm
STK
128,00
410020
Gipsplade brand 15x1200x2400 mm
STK
149,50
420101
OSB/3 plade 18x1220x2440 mm, not og fer
STK
239,00
420115
Krydsfiner birk 12 mm 1250x2500
STK
612,00
430300
Isolering A-batts 95 mm, 8,19 m2
PK
289,00
430305
Isolering A-batts 145 mm, 5,49 m2
PK
299,00
430320
Isolering A-batts 195 mm, 4,03 m2
PK
305,00
440011
Fibercementplade 8x1200x2500, grå
STK
398,00
Side 1 af 3
Bygma Engros Syd · Industrivej 41 · 6100 Haderslev · CVR 42 00 13 77 · ordre@bygmasyd.example
Kundespecifikke nettopriser kan ses i webshoppen efter login. Ved køb af hele paller ydes 5 % ekstra rabat.`,
  },
  {
    name: 'Priser rengøring erhverv 2025.pdf', lang: 'da', category: 'price_list', title: '',
    text: `RENT & PÆNT ERHVERVSRENGØRING
Priser 2025

Vores priser for fast rengøring af kontorer, klinikker og butikker.

Fast kontorrengøring (pr. time, ved fast aftale min. 2 timer/uge) 389 kr.
Fast kontorrengøring, weekend og helligdage 549 kr.
Vinduespudsning, pr. vindue (1-4 fag, indvendig + udvendig) 65 kr.
Vinduespudsning, ovenlys og glasfacader pr. m2 28 kr.
Hovedrengøring, pr. time 429 kr.
Tæpperens med maskine, pr. m2 (min. 40 m2) 39 kr.
Gulvbehandling, polish/voks, pr. m2 45 kr.
Flytterengøring erhverv, pr. m2 32 kr.

Tillæg
Kørsel pr. besøg udenfor Storkøbenhavn: 175 kr.
Rengøringsmidler og -udstyr er inkluderet. Toiletpapir, håndsæbe og affaldsposer leveres efter forbrug til dagspris.

Alle priser er ekskl. moms. Priserne reguleres 1. januar med nettoprisindekset.
Kontakt os for et uforpligtende tilbud.

Rent & Pænt ApS · Valby Langgade 142 · 2500 Valby · 31 22 40 90 · CVR 38 77 12 04`,
  },
  {
    name: 'Nettopriser marts 2025 VVS.pdf', lang: 'da', category: 'price_list', title: 'Nettopriser',
    text: `Nettoprisliste – gældende fra 01.03.2025 til 31.08.2025
Kunde: 33120 Frederiksen VVS ApS
Lemvig VVS & El-Engros A/S
Varenr. | VVS-nr. | Tekst | Enh. | Listepris | Rabat | Nettopris
1421034 | 607120034 | Geberit Duofix element 112 cm | STK | 2.895,00 | 38% | 1.794,90
1553210 | 612340010 | Ifö Spira toilet væghængt | STK | 3.249,00 | 35% | 2.111,85
7712005 | 199160205 | PEX-rør 16x2,0 i kappe, rød, rl. 50 m | M | 24,60 | 42% | 14,27
7712006 | 199160206 | PEX-rør 16x2,0 i kappe, blå, rl. 50 m | M | 24,60 | 42% | 14,27
4022117 | 231340117 | Danfoss RA-N ventil 1/2" lige | STK | 289,00 | 40% | 173,40
4022120 | 231340120 | Danfoss RA-N ventil 1/2" vinkel | STK | 289,00 | 40% | 173,40
5100881 | 370112881 | Grundfos Alpha2 25-60 180 mm | STK | 4.120,00 | 33% | 2.760,40
5100890 | 370112890 | Grundfos UPS3 25-65 180 | STK | 3.295,00 | 33% | 2.207,65
Priser i DKK ekskl. moms. Nettopriserne er personlige og må ikke videregives.
Side 1 af 12`,
  },
  {
    name: 'Trade_Price_List_2025_UK.pdf', lang: 'en', category: 'price_list', title: 'Trade Price List 2025',
    text: `WESSEX GARDEN SUPPLIES LTD
TRADE PRICE LIST 2025
Effective 1st February 2025 – supersedes all previous lists
All prices in GBP, exclusive of VAT, per pack unless stated. E&OE.
SKU
Description
Pack
Trade Price
RRP
WGS-1001
Multi-purpose compost, peat free 50L
1
£5.40
£9.99
WGS-1005
John Innes No. 2 compost 25L
1
£4.10
£7.49
WGS-2200
Galvanised wire 2.5mm x 100m
1
£11.75
£19.99
WGS-3104
Terracotta pot 30cm
6
£38.40
£11.99 each
WGS-3108
Terracotta pot 40cm
4
£47.20
£19.99 each
WGS-4410
Bamboo canes 1.5m, bundle of 20
10
£28.00
£4.99 each
Carriage paid on orders over £350 net to UK mainland. Orders below £350 incur a £24.50 delivery charge.
Payment terms 30 days for approved account holders. Prices subject to change without notice.
Page 2 of 9`,
  },
  {
    name: 'pricing-2025.pdf', lang: 'en', category: 'price_list', title: 'Plans & Pricing',
    text: `Plans & Pricing
Effective April 1, 2025. All prices per user per month, billed annually. Monthly billing available at +20%.

Starter
€9
per user / month
Up to 10 users
Shared inbox
Basic reporting
Email support

Growth
€24
per user / month
Everything in Starter, plus:
Automations (500 runs/month)
Custom fields and pipelines
Integrations: e-conomic, Dinero, HubSpot
Priority support

Enterprise
Contact sales
SSO/SAML, audit log
Dedicated success manager
Custom data residency (EU)

Add-ons
Extra automation runs: €15 per 1,000 runs
Additional storage: €5 per 100 GB per month
Onboarding package: €1,200 one-off

Prices exclude VAT. Non-profit and education discounts of 30% available on request.
Questions? sales@tidewise.example`,
  },
  {
    name: 'Rental rates - Aarhus Lift & Stillads.pdf', lang: 'en', category: 'price_list', title: '',
    text: `Aarhus Lift & Stillads ApS
Hasselager Allé 22, 8260 Viby J · +45 70 20 44 11 · CVR 36 12 88 40

Rental rates 2025 (English)
Prices in DKK excl. VAT. Day = 8 hours. Week = 5 working days. Weekend hire (Fri 12:00 – Mon 08:00) charged as 1 day.

Equipment · Day · Week · Month
Scissor lift, electric, 8 m working height · 695 · 2,085 · 5,400
Scissor lift, diesel 4WD, 12 m · 1,250 · 3,750 · 9,800
Articulated boom lift 16 m · 1,890 · 5,670 · 14,200
Telehandler 3.5 t / 13 m · 1,650 · 4,950 · 12,900
Mobile aluminium tower 6 m · 320 · 960 · 2,300
Facade scaffolding, per m2 (min. 4 weeks) · – · 18 · 62

Delivery and collection, Aarhus area: 750 per trip. Outside 25 km: 14 per km.
Insurance against damage: 9 % of rental. Fuel and cleaning charged if not returned full/clean.
Operators' certificate required for boom lifts. A deposit may be required for new customers.`,
  },
];

const SPECIFICATIONS: RealisticDocument[] = [
  {
    name: 'Bilag 2 Kravspecifikation - ESDH.pdf', lang: 'da', category: 'specification', title: 'Bilag 2 – Kravspecifikation',
    text: `Udbud af ESDH-løsning til Viborg Forsyning A/S
Bilag 2 – Kravspecifikation
Version 1.2 · 12.02.2025

1. Indledning
Dette bilag beskriver ordregivers krav til den udbudte løsning. Kravene er opdelt i mindstekrav (MK), som skal være opfyldt, og øvrige krav (K), som indgår i tildelingen under underkriteriet "Kvalitet". Tilbudsgiver skal besvare alle krav i kolonnen "Tilbudsgivers besvarelse".

2. Generelle krav
ID
Krav
Type
Vægt
MK-01
Løsningen skal leveres som SaaS og driftes i datacentre inden for EU/EØS.
MK
-
MK-02
Løsningen skal understøtte single sign-on via Microsoft Entra ID.
MK
-
K-03
Det ønskes, at løsningen kan integrere til ordregivers økonomisystem (Navision 2018) via REST API. Tilbudsgiver skal beskrive integrationens omfang.
K
3
K-04
Det ønskes, at brugergrænsefladen er tilgængelig på dansk og opfylder WCAG 2.1 AA.
K
2

3. Journalisering og sagsbehandling
MK-10
Løsningen skal kunne journalisere e-mails direkte fra Outlook med træk-og-slip.
MK
-
K-11
Det ønskes, at løsningen automatisk foreslår sagsnummer og journalplan (KLE) ud fra dokumentets indhold.
K
4
K-12
Tilbudsgiver bedes beskrive, hvordan løsningen understøtter frister og opfølgning på sager.
K
3

4. Sikkerhed og persondata
MK-20
Løsningen skal logge alle opslag i personoplysninger, og loggen skal opbevares i mindst 6 måneder.
MK
-
MK-21
Leverandøren skal kunne fremlægge en ISAE 3402 type 2 erklæring.
MK
-
Side 4 af 17`,
  },
  {
    name: 'Datablad_VEX-450H_dk.pdf', lang: 'da', category: 'specification', title: 'Teknisk datablad',
    text: `TEKNISK DATABLAD
Ventilationsaggregat VEX-450 H
Boligventilation med varmegenvinding, højre model

Anvendelse
Balanceret mekanisk ventilation med modstrømsveksler til boliger op til 250 m2.

Tekniske data
Luftmængde maks. 450 m3/h ved 100 Pa
Temperaturvirkningsgrad op til 93 % (EN 13141-7)
SEL-værdi 780 J/m3 ved 160 m3/h
Ventilatorer EC, 2 x 170 W
Filterklasse ISO Coarse 60 % / ISO ePM1 55 % (valgfrit)
Lydeffekt LwA 47 dB(A) ved 200 m3/h
Kanaltilslutning 4 x Ø160 mm
Kondensafløb Ø20 mm
Forsyning 230 V / 50 Hz / 10 A
Vægt 52 kg
Mål (B x H x D) 1.210 x 590 x 560 mm
Energiklasse A+ (med behovsstyring)

Styring
Betjeningspanel med touch-display. Modbus RTU/TCP. App via WiFi-modul (tilbehør).
Fugtføler og CO2-føler (tilbehør) til behovsstyring.

Installation
Aggregatet skal monteres frostfrit og i vater. Der skal etableres vandlås på kondensafløbet. Min. 600 mm fri plads foran for service.

Ret til ændringer forbeholdes. Udgave 03/2024.`,
  },
  {
    name: 'Kravspec ny hjemmeside v3.docx.pdf', lang: 'da', category: 'specification', title: 'Kravspecifikation – ny hjemmeside',
    text: `Kravspecifikation – ny hjemmeside for Skovly Dyreklinik
Udarbejdet af: Line Skovly, 4. marts 2025 (version 3)

Formål
Vores nuværende hjemmeside er 8 år gammel, virker dårligt på mobil og vi kan ikke selv rette i den. Vi vil have en ny side som vi selv kan opdatere, og hvor kunderne kan booke tid online.

Skal-krav
1. Siden skal virke på mobil, tablet og computer (responsivt design).
2. Vi skal selv kunne rette tekster, billeder, åbningstider og priser uden at ringe til nogen.
3. Online booking skal integreres med vores journalsystem VetVisor, så tider ikke dobbeltbookes.
4. Der skal være en side for hver af vores 3 klinikker med kort, adresse og telefon.
5. Cookiebanner og privatlivspolitik skal overholde GDPR.
6. Siden skal være på dansk. Engelsk er et "kan-krav".

Kan-krav / ønsker
- Nyhedsbrev-tilmelding (vi bruger Mailchimp)
- Blog med gode råd om kæledyr
- Chat-funktion i åbningstiden

Indhold der skal flyttes
Ca. 25 sider tekst, 140 billeder, 12 pdf-filer (prisliste, vaccinationsprogram mm.).

Design
Vores logo og farver (grøn #2E6B4F og sand #E8DCC2) skal bruges. Se vedhæftet designmanual.

Tidsplan
Siden skal være i luften senest 1. september 2025.

Vi ønsker tilbud fra 3 bureauer på baggrund af denne beskrivelse.`,
  },
  {
    name: 'TDS_FlexSeal_PU40.pdf', lang: 'en', category: 'specification', title: 'Technical Data Sheet FlexSeal PU 40',
    text: `TECHNICAL DATA SHEET
FlexSeal PU 40
One-component polyurethane joint sealant, low modulus
Issue 05/2024 · Version 3

Product description
FlexSeal PU 40 is a moisture-curing, one-component polyurethane sealant for expansion and connection joints in facades and floors, interior and exterior.

Typical properties
Chemical base: polyurethane, 1-component
Density (ISO 1183-1): 1.25 g/ml
Skin formation time (23 °C/50 % r.h.): approx. 60 min
Curing speed (23 °C/50 % r.h.): approx. 3 mm/24 h
Shore A hardness (ISO 868, after 28 days): approx. 25
Movement capability (ISO 11600): 25 %
Elongation at break (ISO 8339): > 600 %
Service temperature: -40 °C to +80 °C
Application temperature: +5 °C to +40 °C
Shelf life: 12 months in unopened packaging, stored dry between +5 °C and +25 °C

Classification
EN 15651-1: F-EXT-INT-CC 25LM
EN 15651-4: PW-EXT-INT-CC 25LM
EMICODE EC1 PLUS

Application
Substrates must be clean, dry, sound and free from oil, grease and dust. Porous substrates should be primed with FlexPrimer 10. Joint width 10–35 mm; joint depth approx. 0.5 x joint width. Use closed-cell PE backer rod.

Packaging
600 ml foil pack, 20 per box; colours grey, white, black, concrete grey.

The information in this data sheet is based on laboratory tests and practical experience and is given in good faith. Users must test the product for the intended application.`,
  },
  {
    name: 'SRS_Fleet_Portal_v0.9.pdf', lang: 'en', category: 'specification', title: 'Software Requirements Specification',
    text: `Software Requirements Specification
Fleet Service Portal
Version 0.9 (draft for review) – 27 Jan 2025
Author: Oliver Madsen, Trackline ApS

1 Introduction
1.1 Purpose
This document specifies the functional and non-functional requirements for the Fleet Service Portal, a web application in which customers' fleet managers book workshop appointments, see service history and approve repair estimates.
1.2 Scope
In scope: customer portal, workshop back office, integration to the DMS (Autodata Pro). Out of scope: invoicing (remains in e-conomic) and telematics.

2 Functional requirements
FR-01 The system shall let a fleet manager log in with email and password or via Microsoft SSO.
FR-02 The system shall list all vehicles of the fleet with registration number, VIN, model, mileage and next service date.
FR-03 The system shall allow booking of a workshop slot from the available capacity returned by the DMS.
FR-04 The system shall notify the fleet manager by email and SMS when a repair estimate awaits approval.
FR-05 The fleet manager shall be able to approve or reject each line of an estimate individually.
FR-06 The system shall keep an audit trail of approvals (user, time, lines).

3 Non-functional requirements
NFR-01 Performance: 95 % of page loads under 1.5 s at 200 concurrent users.
NFR-02 Availability: 99.5 % per month, excluding announced maintenance.
NFR-03 Security: OWASP ASVS level 2; all data encrypted in transit (TLS 1.2+) and at rest.
NFR-04 Data residency: all personal data stored in the EU.
NFR-05 Accessibility: WCAG 2.1 AA.

4 Open issues
- Does the DMS API expose capacity per bay or per technician?
- Should rejected estimate lines be sent back to the DMS?

Page 3 of 14`,
  },
  {
    name: 'MW-PSU-240-24_datasheet.pdf', lang: 'en', category: 'specification', title: '',
    text: `PSU-240-24
240 W Single Output DIN Rail Power Supply
Features
• Universal AC input 85–264 VAC
• Efficiency up to 94 %
• Active PFC, PF > 0.95
• Protections: short circuit / overload / over voltage / over temperature
• DC OK relay contact
• Cooling by free air convection
• 3 years warranty
SPECIFICATION
MODEL
PSU-240-24
OUTPUT
DC VOLTAGE
24 V
RATED CURRENT
10 A
RATED POWER
240 W
RIPPLE & NOISE (max.)
120 mVp-p
VOLTAGE ADJ. RANGE
24 – 28 V
INPUT
VOLTAGE RANGE
85 – 264 VAC 120 – 370 VDC
FREQUENCY RANGE
47 – 63 Hz
INRUSH CURRENT (Typ.)
COLD START 35 A / 230 VAC
ENVIRONMENT
WORKING TEMP.
-25 ~ +70 °C (refer to derating curve)
SAFETY & EMC
SAFETY STANDARDS
UL 61010-1, IEC 62368-1, EN 61558-2-16
DIMENSION
63 x 125.2 x 113.5 mm (WxHxD)
WEIGHT
0.9 kg
File name: PSU-240-SPEC 2024-09-10`,
  },
];

/*
 * Correspondence. A payment reminder (rykker) is labelled `correspondence`: a CRM user files it
 * as a letter about an invoice (the claim itself is the original invoice, filed as `invoice`),
 * and would not want reminders counted among the invoices.
 */
const CORRESPONDENCE: RealisticDocument[] = [
  {
    name: 'Faktura for marts.eml', lang: 'da', category: 'correspondence', title: 'Faktura for marts',
    text: `Fra: Jonas Berg <jonas@bergbogfoering.dk>
Til: Mette Lindholm <mette@lindholm-design.dk>
Emne: Faktura for marts
Dato: 1. apr. 2025 09.12

Hej Mette

Vedhæftet faktura for bogføring og momsindberetning i marts. Sig til hvis noget ser forkert ud.

Mvh Jonas`,
  },
  {
    name: 'Rykker 1 - faktura 2024-311.pdf', lang: 'da', category: 'correspondence', title: 'Betalingspåmindelse',
    text: `Klimahuset Ventilation ApS
Håndværkervej 9 · 4000 Roskilde · CVR 37 22 14 09

Café Domkirken ApS
Stændertorvet 2
4000 Roskilde

Roskilde, 10. januar 2025

Betalingspåmindelse (1. rykker)

Kære kunde

Vi kan ikke se, at vi har modtaget betaling for nedenstående faktura, som forfaldt den 20. december 2024.

Faktura nr. 2024-311 af 06.12.2024, beløb kr. 14.375,00

Vi beder Dem venligst indbetale beløbet senest den 20. januar 2025 på reg.nr. 5301 kontonr. 0245 887. Der er pålagt et rykkergebyr på kr. 100,00 i henhold til renteloven, så det samlede beløb udgør kr. 14.475,00.

Har De allerede betalt, bedes De se bort fra denne skrivelse. Har De spørgsmål til fakturaen, er De velkommen til at kontakte vores bogholderi på 46 32 22 10.

Med venlig hilsen
Bogholderiet
Klimahuset Ventilation ApS`,
  },
  {
    name: 'Reklamation levering uge 3.pdf', lang: 'da', category: 'correspondence', title: '',
    text: `Frederiksen VVS ApS
Bredgade 71 · 7620 Lemvig · CVR 29 10 45 66

Lemvig VVS & El-Engros A/S
Att.: Salgsafdelingen / Torben
Havnevej 2
7620 Lemvig

Lemvig, 21.01.2025

Reklamation – følgeseddel 7713289, ordre 5104477

Hej Torben

Ved udpakning af leverancen til vores sag på Kirkevej 8 har vi konstateret, at det ene af de tre Geberit Duofix-elementer har en revne i rammen, og at der mangler monteringsbeslag i to af kasserne. Der er taget billeder, som er vedlagt.

Vi beder jer sende et nyt element og de manglende beslag hurtigst mulig, da vores VVS'er skal montere toiletterne fredag i uge 5. Det defekte element kan hentes samtidig.

Samtidig vil vi gerne have bekræftet, hvornår restordren på toilettet leveres.

Vi ser frem til at høre fra jer.

Med venlig hilsen

Karsten Frederiksen
Frederiksen VVS ApS
Tlf. 21 44 80 12`,
  },
  {
    name: 'SV Levering uge 12.eml', lang: 'da', category: 'correspondence', title: 'SV: Levering uge 12',
    text: `Fra: Bent Kragh <bk@askogeg.dk>
Til: indkob@hotel-fjordgaarden.dk
Cc: lager@askogeg.dk
Emne: SV: Levering uge 12
Dato: 14. marts 2025 13:47

Hej Signe

Tak for din mail. Jeg har talt med vores lager, og vi kan desværre først levere de sidste 8 stole i uge 14, da læderet er forsinket fra vores leverandør i Italien. Bordene og de første 16 stole kommer som aftalt tirsdag i uge 12 ml. kl. 7 og 10. Chaufføren ringer ca. en halv time før.

Er det ok for jer, at vi deler leverancen? Der kommer ikke ekstra fragt på.

Venlig hilsen
Bent Kragh
Salgskonsulent, Møbelfabrikken Ask & Eg
Tlf. 75 82 44 16

-----Oprindelig meddelelse-----
Fra: Signe Holm <indkob@hotel-fjordgaarden.dk>
Sendt: 13. marts 2025 16:02
Til: Bent Kragh <bk@askogeg.dk>
Emne: Levering uge 12

Hej Bent
Kan du bekræfte at vi får alle stole og borde i uge 12? Vi åbner restauranten igen d. 28/3.
Mvh Signe`,
  },
  {
    name: 'RE Quote for the warehouse shelving.eml', lang: 'en', category: 'correspondence', title: 'RE: Quote for the warehouse shelving',
    text: `From: Daniel Price <daniel.price@harbourlogistics.example>
To: Søren Vad <sv@lagerinventar.dk>
Subject: RE: Quote for the warehouse shelving
Date: Tue, 18 Feb 2025 10:31:05 +0000

Hi Søren,

Thanks for sending the quote over so quikly. A couple of questions before I take it to our finance director:

1. Does the price for the pallet racking include installation, or is that the separate line at the bottom?
2. Can you do the 14 bays in two stages (8 now, 6 in June) at the same unit price?
3. What is the lead time if we confirm by the end of the month?

Also, could you resend the drawing as a PDF? The DWG won't open on my laptop.

Cheers,
Daniel

Daniel Price | Operations Manager | Harbour Logistics Ltd
+44 1752 660 412

From: Søren Vad <sv@lagerinventar.dk>
Sent: 17 February 2025 15:02
Subject: Quote for the warehouse shelving
Hi Daniel, please find attached our quote no. 4471 as discussed. Best regards, Søren`,
  },
  {
    name: 'Letter - change of bank details.pdf', lang: 'en', category: 'correspondence', title: 'Change of bank details',
    text: `Aalborg Sensor Systems ApS
Niels Jernes Vej 10, 9220 Aalborg Ø, Denmark
CVR 39 44 10 28 · www.aalborgsensor.example

To our customers and partners

Aalborg, 3 March 2025

Important: change of bank details

Dear customer,

As part of moving our banking to a new provider, our bank details will change with effect from 1 April 2025. From that date, please make all payments to:

Bank: Nykredit Bank A/S
Reg. no. 5470, account no. 1234 5678 90
IBAN: DK97 5470 0001 2345 67
SWIFT/BIC: NYKBDKKK

Invoices issued before 1 April 2025 may still be paid to our old account until 30 June 2025. Please update your supplier records accordingly. We will never ask you to change our bank details by email alone; if you receive such a request, please call us on +45 96 30 12 00 to verify it.

Thank you for your continued cooperation.

Yours sincerely,

Helle Bak
CFO, Aalborg Sensor Systems ApS`,
  },
];

const OTHER: RealisticDocument[] = [
  {
    name: 'Referat generalforsamling 2025.pdf', lang: 'da', category: 'other', title: 'Referat',
    text: `Referat af ordinær generalforsamling i Erhvervsforeningen Skanderborg
Afholdt tirsdag den 25. februar 2025 kl. 19.00 på Skanderborg Hotel

Til stede: 41 medlemmer, heraf 38 stemmeberettigede.

Dagsorden
1. Valg af dirigent og referent
2. Bestyrelsens beretning
3. Fremlæggelse af regnskab 2024 og budget 2025
4. Fastsættelse af kontingent
5. Indkomne forslag
6. Valg til bestyrelsen
7. Eventuelt

Ad 1. Advokat Lene Dahl blev valgt som dirigent og konstaterede, at generalforsamlingen var lovligt indkaldt. Kim Hansen blev valgt som referent.

Ad 2. Formanden, Peter Skov, aflagde beretning. Foreningen har haft et godt år med 6 netværksmøder, virksomhedsbesøg hos Skanderborg Bryghus og en velbesøgt julefrokost. Medlemstallet er steget fra 112 til 127. Beretningen blev godkendt.

Ad 3. Kassereren gennemgik regnskabet, som viste et overskud på 18.240 kr. Egenkapitalen udgør 96.310 kr. Regnskabet blev godkendt uden bemærkninger. Budget 2025 blev taget til efterretning.

Ad 4. Kontingentet fastholdes på 1.200 kr. pr. virksomhed ekskl. moms.

Ad 5. Der var indkommet ét forslag om at flytte møderne til kl. 16. Forslaget blev forkastet med 22 mod 14 stemmer, 2 undlod at stemme.

Ad 6. Genvalgt: Peter Skov og Anne Bjerg. Nyvalgt: Jesper Damgaard. Suppleant: Mona Lund.

Ad 7. Der blev opfordret til at holde et arrangement om cybersikkerhed.

Referent: Kim Hansen    Dirigent: Lene Dahl`,
  },
  {
    name: 'Nyhedsbrev april 2025.pdf', lang: 'da', category: 'other', title: 'Nyhedsbrev – april',
    text: `NYHEDSBREV · APRIL 2025
Bogholderiet Syd

Forårets vigtige frister
Husk at momsindberetningen for 1. kvartal skal være hos Skattestyrelsen senest 1. juni. Har du lønnet personale, skal feriepengene for ferieåret afregnes inden udgangen af måneden. Vi sender en påmindelse til alle vores kunder 14 dage før.

Ny kollega
Vi byder velkommen til Nanna Friis, som starter hos os 1. april som bogholder. Nanna kommer fra en stilling i et revisionsfirma i Vejle og skal primært arbejde med løn og moms.

Digitale bogføringssystemer – nye krav
Fra 2025 skal de fleste virksomheder bruge et registreret digitalt bogføringssystem. Vi har samlet de vigtigste spørgsmål og svar på vores hjemmeside. Bruger du allerede e-conomic, Dinero eller Billy, er du på den sikre side.

Tip: Husk kvitteringerne
Tag et billede af kvitteringen med det samme – så slipper du for skotøjsæsken i december.

Arrangement
Vi holder åbent hus torsdag den 15. maj kl. 15-18 med øl, pølser og en kort gennemgang af de nye regler. Tilmelding på bogholderietsyd.dk/arrangement.

Du modtager dette nyhedsbrev, fordi du er kunde hos Bogholderiet Syd ApS. Afmeld her.`,
  },
  {
    name: 'Medarbejderhåndbog 2025 uddrag.pdf', lang: 'da', category: 'other', title: 'Medarbejderhåndbog',
    text: `Medarbejderhåndbog
Hansens Tømrer & Snedker ApS
Gældende fra 1. januar 2025

Velkommen
Denne håndbog fortæller om de regler og vaner, vi har hos os. Den supplerer din ansættelseskontrakt og overenskomsten. Har du spørgsmål, så spørg Kim eller værkføreren.

Mødetid
Vi møder på pladsen kl. 7.00. Pause kl. 9.00-9.15 og frokost kl. 12.00-12.30. Fredag slutter vi kl. 12.30.

Sygdom
Ring til værkføreren inden kl. 6.45 på første sygedag. SMS er ikke nok. Er du syg mere end 3 dage, kan vi bede om en mulighedserklæring.

Firmabil og værktøj
Firmabiler må kun bruges til kørsel for firmaet. Der må ikke ryges i bilerne. Værktøj, som går i stykker, afleveres til værkføreren, så det kan repareres eller udskiftes.

Sikkerhed
Sikkerhedssko og høreværn skal altid bruges på pladsen. Ved arbejde over 2 meter skal der bruges faldsikring eller stillads. Arbejdsulykker og nærved-ulykker skal meldes samme dag.

Personalegoder
Vi giver frugt og kaffe på værkstedet, og firmaet betaler for sundhedsforsikring. Der holdes sommerfest i juni og julefrokost i december.

Side 3 af 11`,
  },
  {
    name: 'Årsrapport 2024 - ledelsesberetning.pdf', lang: 'da', category: 'other', title: 'Årsrapport 2024',
    text: `Pixelhuset ApS
CVR-nr. 40 22 19 87
Årsrapport for 2024
Årsrapporten er fremlagt og godkendt på selskabets ordinære generalforsamling den 28. maj 2025

Ledelsesberetning
Hovedaktivitet
Selskabets hovedaktivitet er udvikling af hjemmesider, webshops og digitale løsninger for små og mellemstore virksomheder.

Udvikling i aktiviteter og økonomiske forhold
Selskabets bruttofortjeneste udgør 6.412 t.kr. mod 5.880 t.kr. i 2023. Resultatet før skat udgør 842 t.kr. (2023: 611 t.kr.). Ledelsen anser årets resultat for tilfredsstillende. Antallet af medarbejdere er steget fra 9 til 11.

Begivenheder efter regnskabsårets afslutning
Der er efter regnskabsårets afslutning ikke indtruffet forhold, som væsentligt påvirker selskabets finansielle stilling.

Resultatopgørelse 1. januar – 31. december
Note 2024 kr. 2023 kr.
Bruttofortjeneste 6.411.904 5.880.122
Personaleomkostninger 1 -5.312.660 -4.998.310
Af- og nedskrivninger -121.400 -140.900
Resultat af ordinær primær drift 977.844 740.912
Finansielle omkostninger -135.220 -129.800
Resultat før skat 842.624 611.112
Skat af årets resultat -185.377 -134.445
Årets resultat 657.247 476.667

Side 4 af 14`,
  },
  {
    name: 'Minutes_Steering_Committee_2025-03-06.pdf', lang: 'en', category: 'other', title: 'Minutes – Steering Committee',
    text: `Fleet Service Portal – Steering Committee
Minutes of meeting 6 March 2025, 10:00–11:15, Teams

Attendees: Oliver Madsen (Trackline, PM), Karen Iversen (Trackline, CEO), Rune Dahl (Autodata Pro), Priya Nair (Harbour Fleet, customer rep)
Apologies: Thomas Kjeldsen
Minutes taken by: Oliver Madsen

1. Status
OM reported that sprint 4 is complete. Booking flow is in test with two pilot workshops. Estimate approval is 2 weeks behind because of the DMS API changes.

2. Budget
Spent to date DKK 612,000 of DKK 1,150,000 (53 %). Forecast at completion DKK 1,190,000. KI asked for a plan to absorb the overrun; OM to come back at next meeting.

3. Risks
R-07 DMS API capacity endpoint not ready – owner RD – due 20 March.
R-09 SMS provider contract expires in May – owner KI.

4. Decisions
- Go-live moved from 1 May to 19 May 2025.
- Norwegian language is postponed to phase 2.

Actions
A-21 OM: revised plan and budget – 20 March
A-22 RD: confirm capacity endpoint date – 13 March
A-23 PN: nominate three fleet managers for user test – 14 March

Next meeting: 20 March 2025, 10:00.`,
  },
  {
    name: 'CV_Emma_Thorsen_EN.pdf', lang: 'en', category: 'other', title: 'Curriculum Vitae',
    text: `EMMA THORSEN
Senior Project Manager
Copenhagen, Denmark · +45 28 11 90 42 · emma.thorsen@mail.example · linkedin.com/in/emmathorsen

PROFILE
Certified project manager (PRINCE2, PMP) with 9 years' experience delivering ERP and e-commerce implementations for retail and manufacturing clients in the Nordics. Calm under pressure, good at getting business and IT to agree on what "done" means.

EXPERIENCE
Senior Project Manager, Nordic Commerce Partners, Copenhagen — 2020–present
• Led 14 Microsoft Dynamics 365 Business Central implementations, budgets up to DKK 6m
• Introduced a standard cutover playbook that reduced go-live incidents by 40 %
• Managed a team of 6 consultants and 2 offshore developers

Project Manager, Jysk Retail IT, Aarhus — 2016–2020
• Ran the roll-out of a new POS system to 220 stores in 5 countries
• Coordinated vendors, store operations and finance

EDUCATION
MSc in Business Administration and Information Systems, Copenhagen Business School, 2016
BSc in Economics, Aarhus University, 2014

SKILLS
Project management: PRINCE2 Practitioner, PMP, Scrum Master (PSM I)
Tools: Jira, Azure DevOps, MS Project, Power BI
Languages: Danish (native), English (fluent), German (conversational)

References available on request.`,
  },
];

/**
 * The set: the documents in a fixed order (quotes, orders, invoices, credit notes, contracts,
 * price lists, specifications, correspondence, other), 6 per category.
 *
 * @example
 * const docs = realisticDocuments();
 * docs.filter((d) => d.category === 'invoice').length; // 6
 * docs.find((d) => d.name === 'Faktura_1297.pdf')?.category; // 'credit_note'
 */
export function realisticDocuments(): RealisticDocument[] {
  return [...QUOTES, ...ORDERS, ...INVOICES, ...CREDIT_NOTES, ...CONTRACTS, ...PRICE_LISTS, ...SPECIFICATIONS, ...CORRESPONDENCE, ...OTHER].map((d) => ({ ...d }));
}
