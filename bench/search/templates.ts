/**
 * Sentence and question templates for the search benchmark's corpus, by topic, in Danish
 * and English. `{slot}`s are filled by corpus.ts: {co} company, {trade}, {item}/{Item} the
 * passage's product or service, {item2} another one, {price}/{price2} its price (with unit),
 * {city}/{street}/{zip}/{region} the company's address, {city2} another town, {phone},
 * {email}, {web}, {person}, {day}, {month}, {date}, {n}, {n2}, {pct}, {years}, {weeks},
 * {months}, {days}, {km}, {kmprice}, {open}/{close}/{satopen}/{satclose}/{friclose},
 * {year}, {employees}, {cvr}, {assoc}, {role}, {count}, {week}, {rating}.
 */
export type Topic =
  | 'price' | 'hours' | 'delivery' | 'terms' | 'warranty' | 'support' | 'product'
  | 'about' | 'booking' | 'payment' | 'gdpr' | 'jobs' | 'case' | 'offer';

export interface TopicTemplates {
  weight: number;
  sourceTypes: string[];
  title: { da: string[]; en: string[] };
  da: string[];
  en: string[];
}

export const TOPICS: Record<Topic, TopicTemplates> = {
  price: {
    weight: 14, sourceTypes: ['web_page', 'document', 'knowledge'],
    title: { da: ['Priser på {item}', 'Prisliste', 'Hvad koster {item}?'], en: ['Prices for {item}', 'Price list', 'What does {item} cost?'] },
    da: [
      '{Item} koster {price}.', 'Prisen på {item} starter ved {price}, og du får altid et skriftligt tilbud, før vi går i gang.',
      'Vores pakke med {item} og {item2} koster samlet {price2}.', 'Vi giver {pct} % rabat på {item}, hvis du bestiller inden udgangen af {month}.',
      'Alle priser er inkl. moms, medmindre andet er angivet, og gælder for private kunder.',
      'Erhvervskunder får priser ekskl. moms og kan få en rammeaftale med fast pris på {item}.',
      'Kørsel uden for {city} koster kr. {kmprice} pr. km.', 'Et uforpligtende tilbud på {item} er gratis og gælder i {days} dage.',
      'Ved større opgaver betaler du {pct} % ved opstart og resten ved aflevering.',
      '{Item} i standardudførelse koster {price}, mens den udvidede udgave koster {price2}.',
      'Prisen afhænger af omfanget, men de fleste kunder betaler mellem {price} og {price2}.',
      'Materialer og bortskaffelse er med i prisen på {item}, så der kommer ingen skjulte gebyrer.',
      'Arbejde på lørdage og helligdage koster et tillæg på {pct} %.',
    ],
    en: [
      '{Item} costs {price}.', 'Prices for {item} start at {price}, and you always get a written quote before we start.',
      'Our package with {item} and {item2} costs {price2} in total.', 'We give a {pct}% discount on {item} if you order before the end of {month}.',
      'All prices include VAT unless otherwise stated and apply to private customers.',
      'Business customers get prices excluding VAT and can sign a framework agreement with a fixed price for {item}.',
      'Travel outside {city} is charged at DKK {kmprice} per km.', 'A free, no-obligation quote for {item} is valid for {days} days.',
      'For larger jobs you pay {pct}% at the start and the rest on completion.',
      'Standard {item} costs {price}, while the extended version costs {price2}.',
      'The price depends on the scope, but most customers pay between {price} and {price2}.',
      'Materials and disposal are included in the price of {item}, so there are no hidden fees.',
      'Work on Saturdays and public holidays carries a {pct}% surcharge.',
    ],
  },
  hours: {
    weight: 6, sourceTypes: ['web_page', 'knowledge'],
    title: { da: ['Åbningstider', 'Find os', 'Kontakt og åbningstider'], en: ['Opening hours', 'Find us', 'Contact and opening hours'] },
    da: [
      'Vi har åbent mandag til fredag fra kl. {open} til {close}.', 'Om lørdagen har vi åbent kl. {satopen}-{satclose}, og søndag er lukket.',
      'Telefonen er åben hverdage kl. {open}-{close} på {phone}.', 'I sommerferien holder vi lukket i uge {week}, men akutte opgaver klares stadig.',
      'På helligdage, juleaftensdag og nytårsaftensdag har vi lukket.', 'Uden for åbningstiden kan du skrive til {email}, så svarer vi næste hverdag.',
      'Fredag lukker vi allerede kl. {friclose}.', 'Du finder os på {street}, {zip} {city}, med gratis parkering foran døren.',
      'Der er kun fem minutters gang fra stationen i {city} til vores butik.', 'Vores udstilling af {item} kan ses i hele åbningstiden.',
      'Efter aftale kan vi også mødes tidligt om morgenen eller efter kl. 18.',
    ],
    en: [
      'We are open Monday to Friday from {open} to {close}.', 'On Saturdays we are open {satopen}-{satclose}, and we are closed on Sundays.',
      'The phone line is open on weekdays {open}-{close} on {phone}.', 'During the summer holiday we close in week {week}, but we still handle emergencies.',
      'We are closed on public holidays, Christmas Eve and New Year’s Eve.', 'Outside opening hours you can write to {email}, and we reply the next working day.',
      'On Fridays we close at {friclose}.', 'You will find us at {street}, {zip} {city}, with free parking right outside.',
      'It is only a five-minute walk from {city} station to our shop.', 'Our showroom with {item} is open during all opening hours.',
      'By appointment we can also meet early in the morning or after 6 pm.',
    ],
  },
  delivery: {
    weight: 7, sourceTypes: ['web_page', 'knowledge'],
    title: { da: ['Levering', 'Levering og serviceområde', 'Hvor kører vi?'], en: ['Delivery', 'Delivery and service area', 'Where do we work?'] },
    da: [
      'Vi leverer {item} i hele {region} inden for {n} hverdage.', 'Levering i {city} og omegn er gratis ved køb over kr. 2.000.',
      'Vi kører ud til kunder i en radius af {km} km fra {city}.', 'Leveringstiden på {item} er normalt {weeks} uger fra bestilling.',
      'Du kan også hente {item} selv på vores lager på {street} i {city}.', 'Når varen er sendt, får du en sms med et track-and-trace-nummer.',
      'Opgaver på Bornholm og småøerne aftales særskilt.', 'Vi arbejder også i {city2}, men der lægges kørsel til prisen.',
      'Ved levering skal der være fri adgang for vores bil, og nogen skal kvittere for modtagelsen.',
      'Har du travlt, kan vi levere {item} ekspres dagen efter mod et gebyr på {price}.',
      'Vi har fast kørsel til {city2} hver {day}.',
    ],
    en: [
      'We deliver {item} throughout {region} within {n} working days.', 'Delivery in {city} and the surrounding area is free on orders over DKK 2,000.',
      'We visit customers within a radius of {km} km from {city}.', 'The delivery time for {item} is normally {weeks} weeks from ordering.',
      'You can also collect {item} yourself from our warehouse on {street} in {city}.', 'When your order ships, you get a text message with a tracking number.',
      'Jobs on Bornholm and the small islands are agreed separately.', 'We also work in {city2}, but travel is added to the price.',
      'On delivery our van needs free access, and someone must sign for the goods.',
      'If you are in a hurry, we can deliver {item} by express the next day for a fee of {price}.',
      'We drive to {city2} every {day}.',
    ],
  },
  terms: {
    weight: 7, sourceTypes: ['knowledge', 'document'],
    title: { da: ['Handelsbetingelser', 'Opsigelse og afbestilling', 'Vilkår'], en: ['Terms and conditions', 'Cancellation', 'Terms of service'] },
    da: [
      'Aftalen om {item} kan opsiges med {months} måneds varsel til udgangen af en måned.', 'Opsigelse skal ske skriftligt til {email}.',
      'Som privatkunde har du 14 dages fortrydelsesret, når du køber online.', 'Vores almindelige salgs- og leveringsbetingelser gælder for alle ordrer.',
      'Ved afbestilling senere end {n} hverdage før aftalt tid opkræver vi et gebyr på {price}.',
      'Betalingsbetingelserne er netto {days} dage fra fakturadato.', 'Ved for sen betaling tilskrives rente efter renteloven og et rykkergebyr på kr. 100.',
      'Abonnementet på {item} fornyes automatisk, indtil det bliver opsagt.', 'For private kunder bruger vi AB-Forbruger som aftalegrundlag.',
      'Ændringer i opgaven aftales skriftligt og afregnes efter medgået tid.', 'Ejendomsretten til varen overgår først, når fakturaen er betalt.',
      'Tvister afgøres efter dansk ret ved retten i {city}.',
    ],
    en: [
      'The agreement for {item} can be cancelled with {months} months’ notice to the end of a month.', 'Cancellation must be made in writing to {email}.',
      'As a private customer you have a 14-day right of withdrawal when you buy online.', 'Our general terms of sale and delivery apply to all orders.',
      'If you cancel later than {n} working days before the appointment, we charge a fee of {price}.',
      'Payment terms are net {days} days from the invoice date.', 'Late payment incurs interest under the Danish Interest Act and a reminder fee of DKK 100.',
      'The subscription for {item} renews automatically until it is cancelled.', 'For private customers we use the AB-Forbruger standard terms.',
      'Changes to the job are agreed in writing and charged by the time spent.', 'Ownership of the goods passes to you only when the invoice has been paid.',
      'Disputes are settled under Danish law by the court in {city}.',
    ],
  },
  warranty: {
    weight: 6, sourceTypes: ['knowledge', 'web_page'],
    title: { da: ['Garanti og reklamation', 'Klager', 'Garanti på {item}'], en: ['Warranty and complaints', 'Complaints', 'Warranty on {item}'] },
    da: [
      'Der er {years} års garanti på {item}, og reklamationsretten er 2 år efter købeloven.',
      'Hvis der er fejl ved {item}, skal du kontakte os hurtigst muligt og senest {n} dage efter, du har opdaget fejlen.',
      'Send gerne billeder af skaden til {email}, så vurderer vi sagen inden for {n2} hverdage.',
      'Garantien dækker ikke skader, der skyldes forkert brug eller manglende vedligeholdelse.',
      'Er du ikke tilfreds med vores svar, kan du klage til Forbrugerklagenævnet.', 'Vi er medlem af {assoc}, og vores arbejde er dækket af en garantiordning.',
      'Ved en berettiget reklamation udbedrer vi fejlen uden beregning.', 'Husk at gemme fakturaen, da den gælder som garantibevis for {item}.',
      'Producentens garanti på {item2} følger med, når vi monterer den.', 'Vi laver et gratis eftersyn et år efter, at {item} er afleveret.',
    ],
    en: [
      'There is a {years}-year warranty on {item}, and you have the statutory 2-year right to complain.',
      'If {item} is faulty, contact us as soon as possible and no later than {n} days after you discovered the fault.',
      'Send photos of the damage to {email}, and we will assess the case within {n2} working days.',
      'The warranty does not cover damage caused by misuse or lack of maintenance.',
      'If you are not satisfied with our answer, you can complain to the Danish Consumer Complaints Board.', 'We are members of {assoc}, and our work is covered by a guarantee scheme.',
      'If a complaint is justified, we fix the fault free of charge.', 'Keep the invoice, as it is your proof of warranty for {item}.',
      'The manufacturer’s warranty on {item2} applies when we install it.', 'We do a free check one year after {item} was handed over.',
    ],
  },
  support: {
    weight: 12, sourceTypes: ['email', 'knowledge', 'chat'],
    title: { da: ['Ofte stillede spørgsmål', 'Svar fra kundeservice', 'Re: Spørgsmål om {item}'], en: ['Frequently asked questions', 'Answer from customer service', 'Re: Question about {item}'] },
    da: [
      'Tak for din henvendelse om {item}.', 'Mange kunder spørger, om vi kan hjælpe med {item} i weekenden, og det kan vi mod et tillæg på {pct} %.',
      'Hvis du har glemt dit kodeord, kan du nulstille det under Min konto på {web}.', 'Du kan altid følge status på din sag ved at logge ind med MitID.',
      'Vores kundeservice svarer typisk inden for {n} timer på hverdage.', 'Kontakt {person} på {phone}, hvis du har flere spørgsmål til {item}.',
      'Hvis {item} ikke virker efter hensigten, så prøv først vores vejledning på {web}.', 'Vi kan ikke give en præcis pris over telefonen, men vi kommer gerne forbi og ser på opgaven.',
      'Fakturaen sendes som PDF til din e-mail, og erhvervskunder kan modtage den via EAN.', 'Jeg har sat en tekniker på sagen, og han ringer til dig i morgen formiddag.',
      'Beklager ventetiden, vi har haft travlt efter stormen i sidste uge.', 'Du er velkommen til at svare på denne mail, hvis noget er uklart.',
      'Med venlig hilsen {person}, {co}.',
    ],
    en: [
      'Thank you for your enquiry about {item}.', 'Many customers ask whether we can help with {item} at the weekend, and we can for a {pct}% surcharge.',
      'If you have forgotten your password, you can reset it under My account on {web}.', 'You can always follow the status of your case by logging in.',
      'Our customer service usually replies within {n} hours on weekdays.', 'Contact {person} on {phone} if you have more questions about {item}.',
      'If {item} does not work as expected, please try our guide on {web} first.', 'We cannot give an exact price over the phone, but we are happy to come and look at the job.',
      'The invoice is sent as a PDF to your email, and business customers can receive it electronically.', 'I have assigned a technician to your case, and he will call you tomorrow morning.',
      'Sorry for the wait, we have been busy since the storm last week.', 'Feel free to reply to this email if anything is unclear.',
      'Kind regards, {person}, {co}.',
    ],
  },
  product: {
    weight: 14, sourceTypes: ['web_page', 'document'],
    title: { da: ['{Item}', 'Vores {item}', 'Alt om {item}'], en: ['{Item}', 'Our {item}', 'All about {item}'] },
    da: [
      '{Item} fra {co} er tilpasset danske forhold og holder i mange år.', 'Vi bruger kun materialer fra leverandører, vi har arbejdet med i over {years} år.',
      '{Item} fås i {n} varianter, så du kan vælge den løsning, der passer til dit behov og budget.',
      'Sammen med {item} anbefaler vi {item2}, som giver en bedre helhed.', 'Alt bliver kvalitetstjekket, inden det forlader vores værksted i {city}.',
      '{Item} er en af vores mest efterspurgte ydelser, og sidste år hjalp vi over {count} kunder med det.',
      'Vælger du {item}, får du en fast kontaktperson fra start til slut.', 'Vores {role}e har mange års erfaring med {item}.',
      'Vi rådgiver gerne om, hvilken løsning der giver mest for pengene.', 'Kvaliteten er høj, og vi går ikke på kompromis med sikkerheden.',
      'De fleste opgaver med {item} tager mellem {n} og {n2} dage.', 'Ring og hør, om {item} passer til netop din situation.',
    ],
    en: [
      '{Item} from {co} is designed for Danish conditions and lasts for many years.', 'We only use materials from suppliers we have worked with for over {years} years.',
      '{Item} comes in {n} versions, so you can choose the solution that fits your needs and budget.',
      'Together with {item} we recommend {item2} for a better overall result.', 'Everything is quality-checked before it leaves our workshop in {city}.',
      '{Item} is one of our most popular services, and last year we helped more than {count} customers with it.',
      'When you choose {item}, you get one contact person from start to finish.', 'Each {role} on our team has years of experience with {item}.',
      'We are happy to advise on which solution gives the best value for money.', 'Quality is high, and we never compromise on safety.',
      'Most jobs involving {item} take between {n} and {n2} days.', 'Give us a call to hear whether {item} suits your situation.',
    ],
  },
  about: {
    weight: 4, sourceTypes: ['web_page'],
    title: { da: ['Om {co}', 'Om os', 'Hvem er vi?'], en: ['About {co}', 'About us', 'Who we are'] },
    da: [
      '{co} blev grundlagt i {year} af {person} i {city}.', 'I dag er vi {employees} medarbejdere, og vi arbejder for private og virksomheder i {region}.',
      'Vores speciale er {item} og {item2}.', 'Vi er et lokalt {trade} med kort vej fra idé til handling.', 'CVR-nr.: {cvr}. Adresse: {street}, {zip} {city}.',
      'Vi er stolte af vores {rating} stjerner på Trustpilot.', 'Vi går op i bæredygtighed, sorterer vores affald og genbruger så meget som muligt.',
      'Vi er medlem af {assoc}.', 'Det er vores egne folk, der udfører arbejdet, og vi bruger ikke underleverandører.',
      'Siden starten har vi hjulpet mere end {count} kunder.', 'Vi tager hvert år lærlinge ind, fordi faget skal have nye hænder.',
    ],
    en: [
      '{co} was founded in {year} by {person} in {city}.', 'Today we are {employees} employees, working for homeowners and businesses in {region}.',
      'We specialise in {item} and {item2}.', 'We are a local {trade} with a short path from idea to action.', 'Company reg. no. (CVR): {cvr}. Address: {street}, {zip} {city}.',
      'We are proud of our {rating} stars on Trustpilot.', 'We care about sustainability, sort our waste and reuse as much as we can.',
      'We are members of {assoc}.', 'Our own people do the work, and we do not use subcontractors.',
      'Since we started, we have helped more than {count} customers.', 'We take on apprentices every year, because the trade needs new hands.',
    ],
  },
  booking: {
    weight: 7, sourceTypes: ['web_page', 'knowledge', 'chat'],
    title: { da: ['Book tid', 'Bestil et tilbud', 'Kontakt os'], en: ['Book an appointment', 'Request a quote', 'Contact us'] },
    da: [
      'Du kan booke tid til {item} online på {web} eller ringe på {phone}.', 'Skriv til {email}, hvis du vil have et tilbud på {item}.',
      'Vi bekræfter din booking med en e-mail og sender en sms dagen før.', 'Har du brug for akut hjælp, kan du ringe til vores vagttelefon døgnet rundt.',
      '{person} sidder i kundeservice og hjælper gerne med at finde en ledig tid.', 'Ved første besøg gennemgår vi dine ønsker og giver en pris på stedet.',
      'Lige nu er der cirka {weeks} ugers ventetid på {item}.', 'Du kan flytte eller aflyse din tid gratis indtil {n} hverdage før.',
      'Skriv gerne adresse, telefonnummer og en kort beskrivelse af opgaven.', 'Virksomheder kan få en fast kontaktperson og faste tider hver {day}.',
    ],
    en: [
      'You can book {item} online at {web} or call {phone}.', 'Write to {email} if you would like a quote for {item}.',
      'We confirm your booking by email and send a text message the day before.', 'If you need urgent help, you can call our emergency line around the clock.',
      '{person} works in customer service and is happy to help you find a free slot.', 'On the first visit we go through your wishes and give you a price on the spot.',
      'Right now there is a waiting time of about {weeks} weeks for {item}.', 'You can move or cancel your appointment free of charge up to {n} working days before.',
      'Please include your address, phone number and a short description of the job.', 'Businesses can get a dedicated contact and fixed times every {day}.',
    ],
  },
  payment: {
    weight: 5, sourceTypes: ['knowledge', 'web_page'],
    title: { da: ['Betaling', 'Betaling og finansiering', 'Faktura og betaling'], en: ['Payment', 'Payment and financing', 'Invoices and payment'] },
    da: [
      'Du kan betale med Dankort, Visa/Mastercard, MobilePay eller bankoverførsel.', 'Erhvervskunder kan betale på faktura med {days} dages kredit.',
      'Vi tilbyder finansiering af {item}, så du kan dele betalingen over {months} måneder.', 'Et depositum på {price} betales ved bestilling af {item}.',
      'Offentlige kunder skal oplyse EAN-nummer, så fakturerer vi elektronisk.', 'Vi tager ikke imod kontanter over kr. 20.000, jf. hvidvaskloven.',
      'Du kan få håndværkerfradrag for en del af arbejdslønnen på {item}.', 'Fakturaen viser arbejdsløn og materialer hver for sig.',
      'Betaler du med kreditkort, kan der blive opkrævet et gebyr.', 'Ved abonnement trækkes beløbet automatisk den første hverdag i måneden.',
    ],
    en: [
      'You can pay by Dankort, Visa/Mastercard, MobilePay or bank transfer.', 'Business customers can pay by invoice with {days} days’ credit.',
      'We offer financing for {item}, so you can spread the payment over {months} months.', 'A deposit of {price} is paid when you order {item}.',
      'Public-sector customers must give their EAN number, and we invoice electronically.', 'We do not accept cash over DKK 20,000 under the anti-money-laundering act.',
      'You may get the Danish home-improvement tax deduction for part of the labour on {item}.', 'The invoice shows labour and materials separately.',
      'If you pay by credit card, a card fee may be charged.', 'For subscriptions the amount is charged automatically on the first working day of the month.',
    ],
  },
  gdpr: {
    weight: 3, sourceTypes: ['knowledge', 'web_page'],
    title: { da: ['Privatlivspolitik', 'Persondata', 'Cookies og persondata'], en: ['Privacy policy', 'Personal data', 'Cookies and personal data'] },
    da: [
      'Vi behandler dine personoplysninger efter databeskyttelsesforordningen (GDPR).',
      'Vi gemmer navn, adresse, telefonnummer og e-mail, så længe det er nødvendigt for at levere {item}.',
      'Regnskabsmateriale opbevares i 5 år efter bogføringsloven.', 'Du har ret til indsigt, berigtigelse og sletning af dine oplysninger.',
      'Henvendelser om persondata sendes til {email}, og du kan klage til Datatilsynet.',
      'Vi deler ikke dine oplysninger med andre end de databehandlere, der hjælper os med IT og regnskab.',
      'Vores hjemmeside bruger kun nødvendige cookies, medmindre du giver samtykke til statistik.', 'Den dataansvarlige er {co}, CVR-nr. {cvr}.',
      'Optagelser fra telefonsamtaler gemmes ikke.', 'Vi sletter tilbud, der ikke bliver til en ordre, efter {months} måneder.',
    ],
    en: [
      'We process your personal data in accordance with the General Data Protection Regulation (GDPR).',
      'We keep your name, address, phone number and email for as long as needed to deliver {item}.',
      'Accounting records are kept for 5 years under the Danish Bookkeeping Act.', 'You have the right to access, correct and erase your data.',
      'Questions about personal data go to {email}, and you can complain to the Danish Data Protection Agency.',
      'We only share your data with the processors that help us with IT and accounting.',
      'Our website only uses necessary cookies unless you consent to statistics.', 'The data controller is {co}, CVR no. {cvr}.',
      'Phone calls are not recorded.', 'We delete quotes that do not become an order after {months} months.',
    ],
  },
  jobs: {
    weight: 3, sourceTypes: ['web_page'],
    title: { da: ['Job hos {co}', 'Ledige stillinger', 'Vi søger en {role}'], en: ['Jobs at {co}', 'Vacancies', 'We are hiring a {role}'] },
    da: [
      'Vi søger en {role} til vores afdeling i {city}.', 'Du får en fast løn, pension, sundhedsforsikring og frokostordning.',
      'Vi tilbyder efteruddannelse inden for {item} og gode muligheder for at udvikle dig.', 'Send din ansøgning og dit CV til {email} senest den {date}.',
      'Har du spørgsmål til stillingen, så ring til {person} på {phone}.', 'Vi har lige nu {n} elever og lærlinge, og vi tager gerne flere.',
      'Du har kørekort til almindelig bil og taler og skriver dansk.', 'Arbejdstiden er 37 timer om ugen, primært i dagtimerne.',
      'Vi holder samtaler løbende, så vent ikke med at søge.', 'Du bliver en del af et team på {employees} kolleger med godt humør.',
    ],
    en: [
      'We are looking for a {role} for our branch in {city}.', 'You get a fixed salary, pension, health insurance and a lunch scheme.',
      'We offer training in {item} and good opportunities to develop.', 'Send your application and CV to {email} by {date}.',
      'If you have questions about the position, call {person} on {phone}.', 'We currently have {n} apprentices and trainees, and we welcome more.',
      'You hold a driving licence and speak English; Danish is a plus.', 'Working hours are 37 hours a week, mainly during the day.',
      'We interview continuously, so do not wait to apply.', 'You will join a team of {employees} cheerful colleagues.',
    ],
  },
  case: {
    weight: 6, sourceTypes: ['web_page', 'document'],
    title: { da: ['Kundecase: {item} i {city2}', 'Det siger kunderne', 'Referencer'], en: ['Case study: {item} in {city2}', 'What our customers say', 'References'] },
    da: [
      'Familien i {city2} fik {item} i {month}, og opgaven blev løst på {n} dage.', '"Super service og god kommunikation hele vejen," skriver en kunde fra {city2}.',
      'For en virksomhed i {city2} leverede vi {item} og {item2} til en samlet pris på {price2}.', 'Kunden valgte os, fordi vi kunne starte allerede efter {weeks} uger.',
      'Resultatet blev en besparelse på {pct} % i forhold til den gamle løsning.', 'Undervejs fandt vi en skjult fejl, som vi udbedrede uden ekstra regning.',
      '{person} var projektleder og holdt kunden orienteret hver {day}.', 'Kunden gav os {rating} ud af 5 stjerner bagefter.',
      'Opgaven blev afleveret til tiden og inden for budgettet.', 'Se flere billeder fra opgaven på {web}.',
    ],
    en: [
      'The family in {city2} got {item} in {month}, and the job was done in {n} days.', '"Great service and good communication all the way," writes a customer from {city2}.',
      'For a company in {city2} we delivered {item} and {item2} for a total of {price2}.', 'The customer chose us because we could start after just {weeks} weeks.',
      'The result was a saving of {pct}% compared with the old solution.', 'Along the way we found a hidden fault, which we fixed at no extra cost.',
      '{person} managed the project and updated the customer every {day}.', 'The customer gave us {rating} out of 5 stars afterwards.',
      'The job was handed over on time and within budget.', 'See more photos of the job at {web}.',
    ],
  },
  offer: {
    weight: 6, sourceTypes: ['web_page', 'email'],
    title: { da: ['Nyheder', 'Tilbud på {item}', 'Nyhedsbrev {month}'], en: ['News', 'Offer on {item}', 'Newsletter {month}'] },
    da: [
      'Lige nu får du {pct} % rabat på {item} frem til den {date}.', 'Vi har åbnet en ny afdeling i {city2}.',
      'Fra {month} hæver vi prisen på {item} til {price} på grund af stigende materialepriser.',
      'Tilmeld dig vores nyhedsbrev og få gode tilbud på {item} først.', 'Vi holder åbent hus {day} den {date} med kaffe og rundvisning.',
      'Vi byder velkommen til {person}, som starter som {role} hos os.', 'Husk at bestille {item} i god tid før sæsonen.',
      'Som ny kunde får du gratis {item2} ved køb af {item}.', 'Tilbuddet gælder så længe lager haves og kan ikke kombineres med andre rabatter.',
      'Vi har fået nyt telefonnummer: {phone}.',
    ],
    en: [
      'Right now you get {pct}% off {item} until {date}.', 'We have opened a new branch in {city2}.',
      'From {month} the price of {item} rises to {price} because of rising material costs.',
      'Sign up for our newsletter and be the first to get offers on {item}.', 'We are holding an open house on {day} {date} with coffee and a tour.',
      'Please welcome {person}, who joins us as a {role}.', 'Remember to order {item} well before the season.',
      'As a new customer you get {item2} free when you buy {item}.', 'The offer applies while stocks last and cannot be combined with other discounts.',
      'We have a new phone number: {phone}.',
    ],
  },
};

/** Customer questions by topic, as a chat visitor or a search box would get them. */
export const QUESTIONS: Record<Topic, { da: string[]; en: string[] }> = {
  price: {
    da: ['Hvad koster {item}?', 'Hvad er prisen på {item} inkl. moms?', 'hvad koster {item} ca', 'Giver I rabat på {item}?', 'Er jeres priser med moms?', 'Hvad koster det at få jer ud til {city2}?'],
    en: ['How much does {item} cost?', 'What is the price of {item} including VAT?', 'price for {item}', 'Do you give a discount on {item}?', 'Do your prices include VAT?', 'What do you charge for travel to {city2}?'],
  },
  hours: {
    da: ['Hvornår har I åbent om lørdagen?', 'Hvad er jeres åbningstider?', 'Har I åbent om {day}en?', 'Holder I sommerlukket?', 'Hvornår kan jeg ringe til jer?'],
    en: ['When are you open on Saturdays?', 'What are your opening hours?', 'Are you open on {day}?', 'Do you close for the summer?', 'When can I call you?'],
  },
  delivery: {
    da: ['Leverer I til {city2}?', 'Hvor lang er leveringstiden på {item}?', 'Er levering gratis?', 'Kan jeg selv hente {item}?', 'Kører I ud til {region}?'],
    en: ['Do you deliver to {city2}?', 'How long is the delivery time for {item}?', 'Is delivery free?', 'Can I collect {item} myself?', 'Do you cover {region}?'],
  },
  terms: {
    da: ['Hvordan opsiger jeg min aftale?', 'Hvad er opsigelsesvarslet på {item}?', 'Kan jeg fortryde mit køb?', 'Hvad koster det at aflyse en tid?', 'Hvad er jeres betalingsbetingelser?'],
    en: ['How do I cancel my agreement?', 'What is the notice period for {item}?', 'Can I withdraw from my purchase?', 'What does it cost to cancel an appointment?', 'What are your payment terms?'],
  },
  warranty: {
    da: ['Er der garanti på {item}?', 'Hvordan klager jeg over {item}?', 'Hvad gør jeg, hvis {item} går i stykker?', 'Hvor lang er reklamationsretten?'],
    en: ['Is there a warranty on {item}?', 'How do I complain about {item}?', 'What do I do if {item} breaks?', 'How long can I complain about a fault?'],
  },
  support: {
    da: ['Jeg har glemt mit kodeord', 'Hvordan kontakter jeg kundeservice?', 'Hvor hurtigt svarer I på mails?', 'Kan I hjælpe med {item} i weekenden?', 'Hvordan får jeg min faktura som PDF?'],
    en: ['I forgot my password', 'How do I contact customer service?', 'How fast do you answer emails?', 'Can you help with {item} at the weekend?', 'How do I get my invoice as a PDF?'],
  },
  product: {
    da: ['Hvilke slags {item} har I?', 'Hvad anbefaler I sammen med {item}?', 'Hvor lang tid tager {item}?', 'Har I erfaring med {item}?'],
    en: ['What kinds of {item} do you offer?', 'What do you recommend together with {item}?', 'How long does {item} take?', 'Do you have experience with {item}?'],
  },
  about: {
    da: ['Hvor ligger I?', 'Hvor mange ansatte har {co}?', 'Hvad er jeres CVR-nummer?', 'Bruger I underleverandører?'],
    en: ['Where are you located?', 'How many employees does {co} have?', 'What is your CVR number?', 'Do you use subcontractors?'],
  },
  booking: {
    da: ['Hvordan booker jeg tid til {item}?', 'Kan jeg få et tilbud på {item}?', 'Har I en vagttelefon?', 'Hvor lang er ventetiden på {item}?'],
    en: ['How do I book {item}?', 'Can I get a quote for {item}?', 'Do you have an emergency line?', 'How long is the waiting time for {item}?'],
  },
  payment: {
    da: ['Kan jeg betale med MobilePay?', 'Kan jeg dele betalingen op på {item}?', 'Skal jeg betale depositum?', 'Kan jeg få håndværkerfradrag?'],
    en: ['Can I pay with MobilePay?', 'Can I pay for {item} in instalments?', 'Do I have to pay a deposit?', 'Can I get a tax deduction for the work?'],
  },
  gdpr: {
    da: ['Hvordan behandler I mine persondata?', 'Hvor længe gemmer I mine oplysninger?', 'Hvordan får jeg slettet mine data?'],
    en: ['How do you handle my personal data?', 'How long do you keep my data?', 'How do I get my data deleted?'],
  },
  jobs: {
    da: ['Søger I nye medarbejdere?', 'Har I ledige elevpladser?', 'Hvordan søger jeg job som {role}?'],
    en: ['Are you hiring?', 'Do you take apprentices?', 'How do I apply for a job as a {role}?'],
  },
  case: {
    da: ['Har I lavet {item} i {city2} før?', 'Hvad siger jeres kunder om {item}?'],
    en: ['Have you done {item} in {city2} before?', 'What do your customers say about {item}?'],
  },
  offer: {
    da: ['Har I nogen tilbud på {item} lige nu?', 'Holder I åbent hus?', 'Har I fået nyt telefonnummer?'],
    en: ['Do you have any offers on {item} right now?', 'Are you holding an open house?', 'Did you change your phone number?'],
  },
};
