/**
 * Letters in other layouts than the strategy letter: "Voorstellen" 1., 2., 3.; no decisions at all;
 * the website version with "Ledenbrief nummer:"; PDF text with its artefacts; Markdown with bold
 * labels or front matter; decisions repeated in the summary; mixed sub-items; no Lbr.-nummer.
 * Each fixture in test/fixtures/letters/ is written for these tests (not a copy of a real letter).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decisionHash, parseLetter } from '../../electron/core/letters/parse';
import type { LetterDocument, Paragraph, Section } from '../../electron/shared/model';
import { letterDocumentSchema } from '../../electron/shared/schemas';

const FIXTURES = fileURLToPath(new URL('../fixtures/letters/', import.meta.url));

function fixtureBytes(name: string): Buffer {
  return readFileSync(FIXTURES + name);
}

function load(name: string): LetterDocument {
  return parseLetter(fixtureBytes(name), name);
}

function parseText(text: string, name: string): LetterDocument {
  return parseLetter(new TextEncoder().encode(text), name);
}

/**
 * The section tree as lines: `§level title`, then one line per paragraph,
 * `kind[ label][ stem][ >depth]: text`; sub-sections indented by two spaces.
 */
function outline(sections: Section[], depth = 0): string[] {
  const out: string[] = [];
  const pad = '  '.repeat(depth);
  for (const s of sections) {
    out.push(`${pad}§${s.level} ${s.title ?? '(geen kop)'}`);
    for (const p of s.paragraphs) {
      const label = p.decisionLabel ? ` ${p.decisionLabel}` : '';
      const stem = p.decisionStem ? ' stem' : '';
      const nested = p.depth ? ` >${p.depth}` : '';
      out.push(`${pad}  ${p.kind}${label}${stem}${nested}: ${p.text}`);
    }
    out.push(...outline(s.sections, depth + 1));
  }
  return out;
}

function paragraphs(doc: LetterDocument): Paragraph[] {
  const out: Paragraph[] = [];
  const walk = (sections: Section[]) => {
    for (const s of sections) {
      out.push(...s.paragraphs);
      walk(s.sections);
    }
  };
  walk(doc.sections);
  return out;
}

function paragraph(doc: LetterDocument, id: string): Paragraph {
  const found = paragraphs(doc).find((p) => p.id === id);
  if (!found) throw new Error(`no paragraph ${id}`);
  return found;
}

const FOOTER_TEXT = ['Nassaulaan', 'Postbus', 'info@vng.nl', 'vng.nl', '070 - 373', 'Pagina ', '2/3', '3/3'];

/** What holds for every imported letter, whatever its layout. */
function expectWellFormed(doc: LetterDocument): void {
  expect(() => letterDocumentSchema.parse(doc)).not.toThrow();
  const all = paragraphs(doc);
  expect(all.map((p) => p.id)).toEqual(all.map((_, i) => `p${String(i + 1).padStart(3, '0')}`));
  const sectionIds: string[] = [];
  const walk = (sections: Section[]) => {
    for (const s of sections) {
      sectionIds.push(s.id);
      walk(s.sections);
    }
  };
  walk(doc.sections);
  expect(new Set(sectionIds).size).toBe(sectionIds.length);
  for (const p of all) {
    expect(p.text).toBe(p.text.trim());
    expect(p.text).not.toMatch(/\s{2}|\*\*|^[-•*]\s|^\d+\.\s|^[a-z]\.\s/);
    for (const footer of FOOTER_TEXT) expect(p.text).not.toContain(footer);
    for (const mark of p.marks ?? []) {
      expect(mark.start).toBeGreaterThanOrEqual(0);
      expect(mark.end).toBeLessThanOrEqual(p.text.length);
      expect(mark.end).toBeGreaterThan(mark.start);
    }
  }
  const labels = doc.decisions.map((d) => d.label);
  expect(new Set(labels).size).toBe(labels.length);
  for (const decision of doc.decisions) {
    expect(decision.hash).toBe(decisionHash(decision.text));
    expect(decision.text).not.toMatch(/;$|^\s|^([a-z]|\d+)\.\s/);
    expect(decision.paragraphIds.length).toBeGreaterThan(0);
    for (const id of decision.paragraphIds) expect(paragraph(doc, id).decisionLabel).toBe(decision.label);
  }
  // Every paragraph that states a decision (not a stem) belongs to one.
  for (const p of all.filter((x) => x.decisionLabel && !x.decisionStem)) {
    expect(doc.decisions.find((d) => d.label === p.decisionLabel)?.paragraphIds).toContain(p.id);
  }
}

interface Expected {
  header: Pick<
    LetterDocument,
    'id' | 'title' | 'date' | 'reference' | 'kenmerk' | 'subject' | 'addressee' | 'attachments' | 'signatory'
  >;
  metadata: Array<[key: string, label: string, value: string]>;
  outline: string[];
  decisions: Array<{ label: string; text: string; stem?: string; paragraphIds: string[] }>;
}

const EXPECTED: Record<string, Expected> = {
  'frontmatter-ledenbrief.md': {
    header: {
      id: 'lbr-24-051',
      title: 'Ledenraadpleging cao Gemeenten 2025-2026',
      date: '2024-11-28',
      reference: 'Lbr. 24/051',
      kenmerk: 'WGA/U202400913',
      subject: 'Ledenraadpleging onderhandelingsresultaat cao Gemeenten',
      addressee: null,
      attachments: '1',
      signatory: 'drs. L. Verbeek, Voorzitter Werkgeverscommissie',
    },
    metadata: [
      ['reference', 'lbr', 'Lbr. 24/051'],
      ['date', 'datum', '2024-11-28'],
      ['kenmerk', 'kenmerk', 'WGA/U202400913'],
      ['subject', 'onderwerp', 'Ledenraadpleging onderhandelingsresultaat cao Gemeenten'],
      ['attachments', 'bijlagen', '1'],
    ],
    outline: [
      '§0 (geen kop)',
      '  salutation: Geacht college,',
      '  paragraph: Op 21 november 2024 hebben de VNG en de vakbonden een onderhandelingsresultaat bereikt over een nieuwe cao voor medewerkers van gemeenten. Met deze brief vragen wij uw oordeel over dit resultaat.',
      '§1 Inhoud van het onderhandelingsresultaat',
      '  paragraph: De belangrijkste afspraken zijn:',
      '  list-item: een loonsverhoging van 3,5% per 1 januari 2025 en 3% per 1 januari 2026;',
      '  list-item: een eenmalige uitkering van 500 euro in maart 2025;',
      '  list-item: afspraken over duurzame inzetbaarheid en het terugdringen van werkdruk.',
      '§1 Gevraagd besluit',
      '  paragraph 1: Wij vragen u om uiterlijk 12 december 2024 via het stemformulier aan te geven of u instemt met het onderhandelingsresultaat.',
      '§1 Vervolg',
      '  paragraph: Als een meerderheid van de gemeenten instemt, wordt het resultaat omgezet in een cao. De Werkgeverscommissie informeert u over de uitslag.',
      '  closing: Met vriendelijke groet,',
      '  signature: Vereniging van Nederlandse Gemeenten',
      '  signature: drs. L. Verbeek',
      '  signature: Voorzitter Werkgeverscommissie',
    ],
    decisions: [
      {
        label: '1',
        text: 'Wij vragen u om uiterlijk 12 december 2024 via het stemformulier aan te geven of u instemt met het onderhandelingsresultaat.',
        paragraphIds: ['p007'],
      },
    ],
  },
  'gemengde-besluiten.txt': {
    header: {
      id: 'lbr-21-052',
      title: 'Kaderafspraken Regionale Energiestrategieën 2.0',
      date: '2021-10-06',
      reference: 'Lbr. 21/052',
      kenmerk: 'ECWGO/U202100644',
      subject: 'Kaderafspraken Regionale Energiestrategieën 2.0',
      addressee: 'Aan de leden',
      attachments: '1',
      signatory: 'ir. K. Bosman, Directeur Klimaat en Energie',
    },
    metadata: [
      ['addressee', 'Aan', 'Aan de leden'],
      ['date', 'Datum', '6 oktober 2021'],
      ['kenmerk', 'Ons kenmerk', 'ECWGO/U202100644'],
      ['reference', 'Lbr.', 'Lbr. 21/052'],
      ['phone', 'Telefoon', '070 373 8393'],
      ['attachments', 'Bijlage(n)', '1'],
      ['subject', 'Onderwerp', 'Kaderafspraken Regionale Energiestrategieën 2.0'],
    ],
    outline: [
      '§0 (geen kop)',
      '  salutation: Geacht college en gemeenteraad,',
      '  paragraph: Gemeenten, provincies en waterschappen werken sinds 2019 samen aan de Regionale Energiestrategieën (RES). De eerste versies zijn in 2021 vastgesteld. Met deze brief leggen wij u de kaderafspraken voor de volgende fase voor.',
      '§1 Achtergrond',
      "  paragraph: In de RES 1.0 hebben de dertig energieregio's aangegeven hoeveel duurzame elektriciteit zij in 2030 op land willen opwekken. Samen komen zij ruim boven het doel van het Klimaatakkoord uit. De uitvoering vraagt nu veel van gemeenten: vergunningverlening, participatie van inwoners en aansluiting op het elektriciteitsnet.",
      '§1 Gevraagde besluiten',
      '  decision 1 stem: In te stemmen met de kaderafspraken RES 2.0, met als belangrijkste onderdelen:',
      '  decision 1a >1: gemeenten krijgen tot 2030 een vergoeding voor de uitvoeringskosten;',
      '  decision 1b >1: netbeheerders maken per regio een investeringsplan;',
      '  decision 1c >1: er komt een landelijk loket voor vragen over participatie en lokaal eigendom;',
      '  decision 2: Het bestuur te vragen in 2023 te rapporteren over de voortgang van de afspraken;',
      '  decision 3 stem: Het bestuur op te dragen met het Rijk in overleg te gaan over:',
      '  decision 3a >1: de capaciteit van het elektriciteitsnet in landelijke gebieden;',
      '  decision 3b >1: de financiering van warmtenetten na 2026.',
      '  closing: Met vriendelijke groet,',
      '  signature: Vereniging van Nederlandse Gemeenten',
      '  signature: ir. K. Bosman',
      '  signature: Directeur Klimaat en Energie',
    ],
    decisions: [
      {
        label: '1a',
        text: 'gemeenten krijgen tot 2030 een vergoeding voor de uitvoeringskosten',
        stem: 'In te stemmen met de kaderafspraken RES 2.0, met als belangrijkste onderdelen:',
        paragraphIds: ['p005'],
      },
      {
        label: '1b',
        text: 'netbeheerders maken per regio een investeringsplan',
        stem: 'In te stemmen met de kaderafspraken RES 2.0, met als belangrijkste onderdelen:',
        paragraphIds: ['p006'],
      },
      {
        label: '1c',
        text: 'er komt een landelijk loket voor vragen over participatie en lokaal eigendom',
        stem: 'In te stemmen met de kaderafspraken RES 2.0, met als belangrijkste onderdelen:',
        paragraphIds: ['p007'],
      },
      {
        label: '2',
        text: 'Het bestuur te vragen in 2023 te rapporteren over de voortgang van de afspraken',
        paragraphIds: ['p008'],
      },
      {
        label: '3a',
        text: 'de capaciteit van het elektriciteitsnet in landelijke gebieden',
        stem: 'Het bestuur op te dragen met het Rijk in overleg te gaan over:',
        paragraphIds: ['p010'],
      },
      {
        label: '3b',
        text: 'de financiering van warmtenetten na 2026.',
        stem: 'Het bestuur op te dragen met het Rijk in overleg te gaan over:',
        paragraphIds: ['p011'],
      },
    ],
  },
  'informatief-hittestress.txt': {
    header: {
      id: 'lbr-24-022',
      title: 'Handreiking lokale aanpak hitte en droogte',
      date: '2024-06-03',
      reference: 'Lbr. 24/022',
      kenmerk: 'KEW/U202400412',
      subject: 'Handreiking lokale aanpak hitte en droogte',
      addressee: 'Brief aan de leden\nT.a.v. het college, de raad en de ambtelijke organisatie',
      attachments: null,
      signatory: 'H.M. Jansen-Bakker, Lid directieraad',
    },
    metadata: [
      ['addressee', 'Aan', 'Brief aan de leden\nT.a.v. het college, de raad en de ambtelijke organisatie'],
      ['date', 'Datum', '3 juni 2024'],
      ['kenmerk', 'Ons kenmerk', 'KEW/U202400412'],
      ['reference', 'Lbr.', 'Lbr. 24/022'],
      ['phone', 'Telefoon', '070 373 8393'],
      ['attachments', 'Bijlage(n)', '-'],
      ['subject', 'Onderwerp', 'Handreiking lokale aanpak hitte en droogte'],
    ],
    outline: [
      '§1 Samenvatting',
      '  paragraph: Zomers worden warmer en droger. Dat raakt de gezondheid van inwoners, de openbare ruimte en de drinkwatervoorziening. Met deze ledenbrief informeren wij u over de nieuwe handreiking voor een lokaal hitteplan en over de ondersteuning die de VNG de komende periode biedt. Deze brief vraagt geen besluit van u.',
      '§1 (geen kop)',
      '  salutation: Geacht college en gemeenteraad,',
      '§1 Waarom een hitteplan?',
      '  paragraph: Tijdens hittegolven overlijden meer ouderen en chronisch zieken dan gemiddeld. Ook nemen klachten over slaap, concentratie en overlast toe. Gemeenten hebben geen wettelijke plicht om een hitteplan op te stellen, maar een groeiend aantal gemeenten doet dat wel, vaak samen met de GGD.',
      '§1 Wat staat er in de handreiking?',
      '  paragraph: De handreiking is opgesteld met gemeenten, GGD GHOR Nederland en het Rode Kruis. Zij beschrijft in vier stappen hoe u tot een lokaal hitteplan komt:',
      '  list-item: breng in kaart waar de kwetsbare inwoners wonen en waar hitte-eilanden liggen;',
      '  list-item: maak afspraken met zorgaanbieders, woningcorporaties en buurtverenigingen;',
      '  list-item: zorg voor koele plekken en drinkwaterpunten in de openbare ruimte;',
      '  list-item: evalueer na elke zomer wat werkte en wat niet.',
      '§1 Voorbeelden uit gemeenten',
      '  paragraph: Drie gemeenten delen in de handreiking hun ervaringen:',
      '  list-item: Zwolle koppelt het hitteplan aan de buurtteams;',
      '  list-item: Tilburg legde groene schoolpleinen aan die in de zomer open blijven;',
      '  list-item: Súdwest-Fryslân werkt met een belrooster voor alleenstaande ouderen.',
      '§1 Ondersteuning door de VNG',
      '  §2 Webinars',
      '    paragraph: In september organiseren wij twee webinars voor beleidsmedewerkers gezondheid en klimaatadaptatie. U kunt zich aanmelden via de website van de VNG.',
      '  §2 Kennisnetwerk',
      '    paragraph: Het kennisnetwerk klimaatadaptatie wordt uitgebreid met een werkgroep hitte. Deze werkgroep verzamelt goede voorbeelden en maakt ze toegankelijk voor alle gemeenten.',
      '§1 Tot slot',
      '  paragraph: Heeft u vragen over deze brief of de handreiking? Neem dan contact op met het Informatiecentrum van de VNG.',
      '  closing: Met vriendelijke groet,',
      '  signature: Vereniging van Nederlandse Gemeenten',
      '  signature: H.M. Jansen-Bakker',
      '  signature: Lid directieraad',
    ],
    decisions: [],
  },
  'markdown-ledenbrief.md': {
    header: {
      id: 'lbr-22-033',
      title: 'Modelverordening Wet open overheid',
      date: '2022-05-17',
      reference: 'Lbr. 22/033',
      kenmerk: 'BB/U202200398',
      subject: null,
      addressee: null,
      attachments: '2',
      signatory: 'mr. drs. E. van den Berg, Voorzitter',
    },
    metadata: [
      ['reference', 'Ledenbrief', 'Lbr. 22/033'],
      ['date', 'Datum', '17 mei 2022'],
      ['kenmerk', 'Kenmerk', 'BB/U202200398'],
      ['attachments', 'Bijlagen', '2'],
    ],
    outline: [
      '§0 (geen kop)',
      '  salutation: Geacht college en gemeenteraad,',
      '  paragraph: Met deze brief bieden wij u de modelverordening voor de uitvoering van de Wet open overheid (Woo) aan. De Woo vervangt de Wet openbaarheid van bestuur en vraagt van gemeenten dat zij actief informatie openbaar maken.',
      '§1 Samenvatting',
      '  paragraph: De modelverordening helpt gemeenten om de nieuwe verplichtingen vast te leggen. Wij vragen de ALV om in te stemmen met de modelverordening en de bijbehorende toelichting.',
      '§1 Wat verandert er?',
      '  paragraph: De belangrijkste veranderingen voor gemeenten zijn:',
      '  list-item: informatie over elf categorieën moet actief openbaar worden gemaakt;',
      '  list-item: elke gemeente wijst een contactpersoon Woo aan;',
      '  list-item >1: in kleine gemeenten kan dat een gedeelde functie zijn;',
      '  list-item: verzoeken om informatie moeten binnen vier weken worden afgehandeld.',
      '  §2 Gevolgen voor de raad',
      '    paragraph: De raad stelt de verordening vast en houdt toezicht op de uitvoering. Het college legt jaarlijks verantwoording af over de afhandeling van Woo-verzoeken. Meer informatie vindt u op de themapagina Woo.',
      '  §2 Gevolgen voor de organisatie',
      '    paragraph: Voor de ambtelijke organisatie betekent de Woo een andere manier van werken:',
      '    numbered-item: documenten worden vanaf het begin zo opgesteld dat ze openbaar kunnen;',
      '    numbered-item: het archief wordt op orde gebracht;',
      '    numbered-item: medewerkers volgen een training.',
      '§1 Gevraagde besluiten',
      '  decision 1: In te stemmen met de Modelverordening Wet open overheid;',
      '  decision 2: In te stemmen met de toelichting bij de modelverordening;',
      '  decision 3: De modelverordening aan te bevelen bij de gemeenteraden.',
      '  closing: Met vriendelijke groet,',
      '  signature: Vereniging van Nederlandse Gemeenten',
      '  signature: mr. drs. E. van den Berg',
      '  signature: Voorzitter',
    ],
    decisions: [
      { label: '1', text: 'In te stemmen met de Modelverordening Wet open overheid', paragraphIds: ['p014'] },
      { label: '2', text: 'In te stemmen met de toelichting bij de modelverordening', paragraphIds: ['p015'] },
      { label: '3', text: 'De modelverordening aan te bevelen bij de gemeenteraden.', paragraphIds: ['p016'] },
    ],
  },
  'pdf-artefacten.txt': {
    header: {
      id: 'lbr-23-012',
      title: 'Uitvoering Wet inburgering: financiering 2023-2025',
      date: '2023-03-21',
      reference: 'Lbr. 23/012',
      kenmerk: 'SDO/U202300155',
      subject: 'Uitvoering Wet inburgering: financiering 2023-2025',
      addressee: 'Brief aan de leden\nT.a.v. het college en de raad',
      attachments: '1',
      signatory: 'drs. P.L.M. Hendriks, Directeur Beleid',
    },
    metadata: [
      ['addressee', 'Aan', 'Brief aan de leden\nT.a.v. het college en de raad'],
      ['date', 'Datum', '21 maart 2023'],
      ['kenmerk', 'Ons kenmerk', 'SDO/U202300155'],
      ['reference', 'Lbr.', 'Lbr. 23/012'],
      ['phone', 'Telefoon', '070 373 8393'],
      ['attachments', 'Bijlage(n)', '1'],
      ['subject', 'Onderwerp', 'Uitvoering Wet inburgering: financiering 2023-2025'],
    ],
    outline: [
      '§1 Samenvatting',
      '  paragraph: Sinds 1 januari 2022 voeren gemeenten de Wet inburgering 2021 uit. De gemeentelijke uitvoering loopt goed, maar de middelen die het Rijk beschikbaar stelt zijn niet toereikend. Met deze brief informeren wij u over de uitkomst van het onderzoek naar de uitvoeringskosten en vragen wij u in te stemmen met de inzet van de VNG in het bestuurlijk overleg met het ministerie.',
      '§1 Gevraagd besluit',
      '  decision 1: In te stemmen met de inzet van de VNG om met het Rijk structurele compensatie van de uitvoeringskosten van de Wet inburgering af te spreken;',
      '  decision 2: De VNG te vragen de uitkomst van het bestuurlijk overleg vóór 1 oktober 2023 aan de leden voor te leggen.',
      '§1 (geen kop)',
      '  salutation: Geacht college en gemeenteraad,',
      '§1 Aanleiding',
      '  paragraph: Bij de invoering van de wet is afgesproken dat het Rijk de kosten na twee jaar opnieuw zou bezien. Een onafhankelijk bureau heeft daarom in opdracht van de VNG en het ministerie van Sociale Zaken en Werkgelegenheid onderzocht wat de uitvoering gemeenten werkelijk kost. De uitkomsten zijn duidelijk: gemeenten besteden gemiddeld ruim een kwart meer aan de begeleiding van inburgeraars dan waarmee bij de vaststelling van het budget rekening werd gehouden. Vooral de kosten van de brede intake en het persoonlijk plan inburgering en participatie blijken hoger.',
      '§1 Wat betekent dit voor gemeenten?',
      '  paragraph: Gemeenten vullen het tekort nu aan uit eigen middelen. Voor kleinere gemeenten is dat lastig, omdat het aantal inburgeraars per jaar sterk wisselt. Een aantal gemeenten heeft laten weten dat zij zonder extra middelen de ontzorging van inburgeraars niet langer volledig kunnen uitvoeren.',
      '  paragraph: De VNG vindt dat het Rijk de kosten van deze wettelijke taak volledig moet dekken. Daarbij gaat het niet alleen om de begeleiding zelf, maar ook om de samenwerking met taalaanbieders, werkgevers en maatschappelijke organisaties die nodig is om inburgeraars snel aan het werk te helpen.',
      '§1 Vervolg',
      '  paragraph: Het bestuurlijk overleg met het ministerie vindt in mei plaats. Wij informeren u over de uitkomst en leggen deze, als daar aanleiding toe is, aan u voor.',
      '§1 Gevraagd besluit',
      '  decision 1: In te stemmen met de inzet van de VNG om met het Rijk structurele compensatie van de uitvoeringskosten van de Wet inburgering af te spreken;',
      '  decision 2: De VNG te vragen de uitkomst van het bestuurlijk overleg vóór 1 oktober 2023 aan de leden voor te leggen.',
      '  closing: Met vriendelijke groet,',
      '  signature: Vereniging van Nederlandse Gemeenten',
      '  signature: drs. P.L.M. Hendriks',
      '  signature: Directeur Beleid',
    ],
    decisions: [
      {
        label: '1',
        text: 'In te stemmen met de inzet van de VNG om met het Rijk structurele compensatie van de uitvoeringskosten van de Wet inburgering af te spreken',
        paragraphIds: ['p002', 'p009'],
      },
      {
        label: '2',
        text: 'De VNG te vragen de uitkomst van het bestuurlijk overleg vóór 1 oktober 2023 aan de leden voor te leggen.',
        paragraphIds: ['p003', 'p010'],
      },
    ],
  },
  'pdftotext-doorlopend.txt': {
    header: {
      id: 'lbr-21-047',
      title: 'Uitvoering Wet kwaliteitsborging voor het bouwen: uitstel en overgangsrecht',
      date: '2021-09-09',
      reference: 'Lbr. 21/047',
      kenmerk: 'TLO/U202100702',
      subject: 'Uitvoering Wet kwaliteitsborging voor het bouwen: uitstel en overgangsrecht',
      addressee: 'Aan de leden',
      attachments: '2',
      signatory: 'mr. R.P. Vermeulen, Lid directieraad',
    },
    metadata: [
      ['addressee', 'Aan', 'Aan de leden'],
      ['date', 'Datum', '9 september 2021'],
      ['kenmerk', 'Ons kenmerk', 'TLO/U202100702'],
      ['reference', 'Lbr.', 'Lbr. 21/047'],
      ['phone', 'Telefoon', '070 373 8393'],
      ['attachments', 'Bijlage(n)', '2'],
      ['subject', 'Onderwerp', 'Uitvoering Wet kwaliteitsborging voor het bouwen: uitstel en overgangsrecht'],
    ],
    outline: [
      '§1 Samenvatting',
      '  paragraph: Het kabinet heeft besloten de inwerkingtreding van de Wet kwaliteitsborging voor het bouwen (Wkb) te koppelen aan de Omgevingswet. In deze ledenbrief informeren wij u over de gevolgen voor de gemeentelijke bouw- en woningtoezichttaken en over de ondersteuning die de VNG biedt. Deze brief vraagt geen besluit van u.',
      '§1 (geen kop)',
      '  salutation: Geacht college en gemeenteraad,',
      '§1 Aanleiding',
      "  paragraph: Met de Wkb verschuift de toets op de bouwtechnische regels van de gemeente naar een kwaliteitsborger die de opdrachtgever zelf inschakelt. Gemeenten blijven bevoegd gezag voor het toezicht en de handhaving. De VNG heeft steeds gewezen op de risico's voor de aansprakelijkheid van gemeenten en op de gevolgen voor de leges- en personeelsinkomsten van de afdelingen bouw- en woningtoezicht. Samen met de provincies Noord-Holland en Zuid-Holland is onderzocht welke taken bij gemeenten blijven. Daarbij gaat het ook om de samenwerking met de veiligheidsregio en de politie-inzet bij calamiteiten op bouwplaatsen.",
      '§1 Wat betekent dit voor gemeenten?',
      '  paragraph: De gemeente krijgt bij de bouwmelding een beperktere rol. Toch verwachten wij dat de vraag naar informatie en advies groot blijft, omdat inwoners en bedrijven de gemeente als eerste aanspreekpunt zien. Wij adviseren u daarom de werkprocessen van de afdeling vergunningen tijdig aan te passen en daarover afspraken te maken met de GGD-regio en de omgevingsdienst. VNG-leden die al met een kwaliteitsborger werken, delen hun ervaringen in het netwerk bouw- en woningtoezicht. De loon- en prijsontwikkeling van de leges volgt de gebruikelijke systematiek.',
      '§1 Financiële gevolgen',
      '  paragraph: Het Rijk compenseert gemeenten voor de tijdelijke dubbele lasten in de overgangsperiode. De hoogte van de compensatie wordt in het voorjaar van 2022 vastgesteld.',
      '  closing: Met vriendelijke groet,',
      '  signature: Vereniging van Nederlandse Gemeenten',
      '  signature: mr. R.P. Vermeulen',
      '  signature: Lid directieraad',
    ],
    decisions: [],
  },
  'samenvatting-herhaalt.txt': {
    header: {
      id: 'lbr-25-018',
      title: 'Resoluties voor de ALV van juni 2025',
      date: '2025-04-25',
      reference: 'Lbr. 25/018',
      kenmerk: 'VNG/U202500302',
      subject: 'Resoluties voor de ALV van juni 2025',
      addressee: 'Aan de leden',
      attachments: '3',
      signatory: 'S. Öztürk, Voorzitter',
    },
    metadata: [
      ['addressee', 'Aan', 'Aan de leden'],
      ['date', 'Datum', '25 april 2025'],
      ['kenmerk', 'Ons kenmerk', 'VNG/U202500302'],
      ['reference', 'Lbr.', 'Lbr. 25/018'],
      ['phone', 'Telefoon', '070 373 8393'],
      ['attachments', 'Bijlage(n)', '3'],
      ['subject', 'Onderwerp', 'Resoluties voor de ALV van juni 2025'],
    ],
    outline: [
      '§1 Samenvatting',
      '  paragraph: Op de Algemene Ledenvergadering van 12 juni 2025 bespreken we de resultaten van de ledenraadpleging over de financiële verhoudingen. Het bestuur stelt u voor om de volgende besluiten te nemen.',
      '§1 Gevraagde besluiten',
      "  decision 1 stem: De resolutie 'Financiële ruimte voor gemeenten' aan te nemen, met daarin de volgende opdrachten aan het bestuur:",
      '  decision 1a >1: Het bestuur zet zich in voor een eigen belastinggebied van gemeenten vanaf 2027;',
      '  decision 1b >1: Het bestuur maakt met het Rijk afspraken over een stabiele groei van het gemeentefonds;',
      '  decision 1c >1: Het bestuur rapporteert jaarlijks aan de ALV over de voortgang.',
      '§1 (geen kop)',
      '  salutation: Geacht college en gemeenteraad,',
      '§1 Inleiding',
      '  paragraph: Gemeenten staan voor grote opgaven in het sociaal domein, de energietransitie en de woningbouw. Tegelijk neemt de financiële ruimte af. Een meerderheid van de gemeenten verwacht in 2026 een tekort op de begroting.',
      '§1 De ledenraadpleging',
      '  paragraph: Aan de ledenraadpleging deden 318 gemeenten mee. Zij onderschrijven vrijwel unaniem de wens om minder afhankelijk te worden van de uitkering uit het gemeentefonds. Over de manier waarop verschillen de meningen. Een ruime meerderheid wil dat het bestuur de mogelijkheden van een eigen belastinggebied verkent.',
      '§1 Gevraagde besluiten',
      "  decision 1 stem: De resolutie 'Financiële ruimte voor gemeenten' aan te nemen, met daarin de volgende opdrachten aan het bestuur:",
      '  decision 1a >1: Het bestuur zet zich in voor een eigen belastinggebied van gemeenten vanaf 2027;',
      '  decision 1b >1: Het bestuur maakt met het Rijk afspraken over een stabiele groei van het gemeentefonds;',
      '  decision 1c >1: Het bestuur rapporteert jaarlijks aan de ALV over de voortgang.',
      '  closing: Met vriendelijke groet,',
      '  signature: Vereniging van Nederlandse Gemeenten',
      '  signature: S. Öztürk',
      '  signature: Voorzitter',
    ],
    decisions: [
      {
        label: '1a',
        text: 'Het bestuur zet zich in voor een eigen belastinggebied van gemeenten vanaf 2027',
        stem: "De resolutie 'Financiële ruimte voor gemeenten' aan te nemen, met daarin de volgende opdrachten aan het bestuur:",
        paragraphIds: ['p003', 'p010'],
      },
      {
        label: '1b',
        text: 'Het bestuur maakt met het Rijk afspraken over een stabiele groei van het gemeentefonds',
        stem: "De resolutie 'Financiële ruimte voor gemeenten' aan te nemen, met daarin de volgende opdrachten aan het bestuur:",
        paragraphIds: ['p004', 'p011'],
      },
      {
        label: '1c',
        text: 'Het bestuur rapporteert jaarlijks aan de ALV over de voortgang.',
        stem: "De resolutie 'Financiële ruimte voor gemeenten' aan te nemen, met daarin de volgende opdrachten aan het bestuur:",
        paragraphIds: ['p005', 'p012'],
      },
    ],
  },
  'voorstellen-contributie.txt': {
    header: {
      id: 'lbr-22-061',
      title: 'Voorstellen contributie en begroting 2023',
      date: '2022-11-14',
      reference: 'Lbr. 22/061',
      kenmerk: 'FIN/U202200871',
      subject: 'Voorstellen contributie en begroting 2023',
      addressee: 'Aan de leden',
      attachments: '2',
      signatory: 'drs. A.B. de Vries, Algemeen directeur',
    },
    metadata: [
      ['addressee', 'Aan', 'Aan de leden'],
      ['date', 'Datum', '14 november 2022'],
      ['kenmerk', 'Ons kenmerk', 'FIN/U202200871'],
      ['reference', 'Lbr.', 'Lbr. 22/061'],
      ['phone', 'Telefoon', '070 373 8393'],
      ['attachments', 'Bijlage(n)', '2'],
      ['subject', 'Onderwerp', 'Voorstellen contributie en begroting 2023'],
    ],
    outline: [
      '§0 (geen kop)',
      '  salutation: Geacht college en gemeenteraad,',
      '  paragraph: Op de buitengewone Algemene Ledenvergadering (BALV) van 9 december 2022 legt het bestuur u de begroting en de contributie voor 2023 voor. Met deze brief lichten wij de voorstellen toe, zodat u zich kunt voorbereiden en uw vertegenwoordiger een stemadvies kunt meegeven.',
      '§1 Aanleiding',
      '  paragraph: De kosten van de vereniging stijgen door de hoge inflatie, vooral de loonkosten en de huur van de kantoren. Het bestuur heeft de afgelopen maanden gezocht naar besparingen, maar wil de dienstverlening aan gemeenten op peil houden. Daarom stellen wij een beperkte verhoging van de contributie voor.',
      '§1 Begroting 2023',
      '  paragraph: De begroting 2023 sluit met een klein tekort van 0,4 miljoen euro, dat wordt gedekt uit de algemene reserve. De belangrijkste uitgaven zijn:',
      '  list-item: belangenbehartiging richting het Rijk en de Tweede Kamer;',
      '  list-item: ondersteuning van gemeenten bij de uitvoering van nieuwe wetten;',
      '  list-item: het programma Samen Organiseren.',
      '  paragraph: Het volledige overzicht vindt u in bijlage 1.',
      '§1 Voorstellen',
      '  decision 1: De contributie voor 2023 vast te stellen op 1,53 euro per inwoner, op basis van het inwonertal per 1 januari 2022;',
      '  decision 2: In te stemmen met de begroting 2023 van de vereniging, zoals opgenomen in bijlage 1;',
      '  decision 3: Het bestuur te machtigen de contributie vanaf 2024 jaarlijks te indexeren met de loon- en prijsontwikkeling.',
      '  closing: Met vriendelijke groet,',
      '  signature: Vereniging van Nederlandse Gemeenten',
      '  signature: drs. A.B. de Vries',
      '  signature: Algemeen directeur',
    ],
    decisions: [
      {
        label: '1',
        text: 'De contributie voor 2023 vast te stellen op 1,53 euro per inwoner, op basis van het inwonertal per 1 januari 2022',
        paragraphIds: ['p009'],
      },
      {
        label: '2',
        text: 'In te stemmen met de begroting 2023 van de vereniging, zoals opgenomen in bijlage 1',
        paragraphIds: ['p010'],
      },
      {
        label: '3',
        text: 'Het bestuur te machtigen de contributie vanaf 2024 jaarlijks te indexeren met de loon- en prijsontwikkeling.',
        paragraphIds: ['p011'],
      },
    ],
  },
  'website-ledenbrief.txt': {
    header: {
      id: 'lbr-20-045',
      title: 'Ledenraadpleging verlenging steunpakket lokale cultuur',
      date: '2020-07-02',
      reference: 'Lbr. 20/045',
      kenmerk: null,
      subject: 'Ledenraadpleging verlenging steunpakket lokale cultuur',
      addressee: 'colleges van burgemeester en wethouders en gemeenteraden',
      attachments: null,
      signatory: 'J. Kramer, Algemeen directeur',
    },
    metadata: [
      ['reference', 'Ledenbrief nummer', 'Lbr. 20/045'],
      ['date', 'Datum', '2 juli 2020'],
      ['subject', 'Onderwerp', 'Ledenraadpleging verlenging steunpakket lokale cultuur'],
      ['addressee', 'Aan', 'colleges van burgemeester en wethouders en gemeenteraden'],
    ],
    outline: [
      '§1 Samenvatting',
      '  paragraph: Het kabinet en de VNG hebben afspraken gemaakt over een tweede steunpakket voor lokale culturele voorzieningen, zoals bibliotheken, poppodia en muziekscholen. Voordat het bestuur met deze afspraken instemt, leggen wij ze aan u voor in een ledenraadpleging. U kunt tot en met 20 juli 2020 uw stem uitbrengen.',
      '§1 Gevraagd besluit',
      '  paragraph 1: Wij vragen u in te stemmen met het onderhandelingsresultaat over het tweede steunpakket lokale cultuur.',
      '§1 Toelichting',
      '  paragraph: De coronamaatregelen hebben grote gevolgen voor culturele instellingen. Veel van deze instellingen worden door gemeenten gesubsidieerd of zijn eigendom van de gemeente. In het voorjaar stelde het Rijk al een eerste bedrag beschikbaar. Dat bleek niet genoeg om de gederfde inkomsten op te vangen.',
      '  paragraph: Het onderhandelingsresultaat bevat de volgende afspraken:',
      '  list-item: het Rijk stelt 120 miljoen euro extra beschikbaar via het gemeentefonds;',
      '  list-item: de verdeling sluit aan bij de verdeling van het eerste pakket;',
      '  list-item: gemeenten leggen verantwoording af via de gebruikelijke SiSa-systematiek.',
      '§1 Stemmen',
      '  paragraph: Elke gemeente heeft één stem. Het college brengt de stem uit via het stemformulier op de website. Wij raden u aan de gemeenteraad te informeren over de stem die het college uitbrengt.',
      '  closing: Met vriendelijke groet,',
      '  signature: Vereniging van Nederlandse Gemeenten',
      '  signature: J. Kramer',
      '  signature: Algemeen directeur',
    ],
    decisions: [
      {
        label: '1',
        text: 'Wij vragen u in te stemmen met het onderhandelingsresultaat over het tweede steunpakket lokale cultuur.',
        paragraphIds: ['p002'],
      },
    ],
  },
  'zonder-lbr-nummer.txt': {
    header: {
      id: 'doc-408e0cf0b36e',
      title: 'Uitnodiging regiobijeenkomsten Omgevingswet',
      date: '2024-01-19',
      reference: null,
      kenmerk: 'JZ/U202400027',
      subject: 'Uitnodiging regiobijeenkomsten Omgevingswet',
      addressee: 'Aan het college van burgemeester en wethouders',
      attachments: null,
      signatory: 'M. de Graaf, Programmamanager Omgevingswet',
    },
    metadata: [
      ['addressee', 'Aan', 'Aan het college van burgemeester en wethouders'],
      ['date', 'Datum', '19 januari 2024'],
      ['kenmerk', 'Ons kenmerk', 'JZ/U202400027'],
      ['subject', 'Onderwerp', 'Uitnodiging regiobijeenkomsten Omgevingswet'],
    ],
    outline: [
      '§0 (geen kop)',
      '  salutation: Geacht college,',
      '  paragraph: In februari en maart organiseert de VNG in elke provincie een regiobijeenkomst over de eerste ervaringen met de Omgevingswet. Wij nodigen bestuurders en medewerkers van uw gemeente van harte uit om daaraan deel te nemen.',
      '§1 Programma',
      '  paragraph: Tijdens de bijeenkomsten bespreken we:',
      '  list-item: de eerste ervaringen met vergunningverlening onder de nieuwe wet;',
      '  list-item: de samenwerking met de omgevingsdiensten;',
      '  list-item: de werking van het Digitaal Stelsel Omgevingswet.',
      '§1 Aanmelden',
      '  paragraph: Aanmelden kan tot twee weken voor de bijeenkomst via de evenementenpagina van de VNG. Deelname is kosteloos.',
      '  closing: Met vriendelijke groet,',
      '  signature: Vereniging van Nederlandse Gemeenten',
      '  signature: M. de Graaf',
      '  signature: Programmamanager Omgevingswet',
    ],
    decisions: [],
  },
};

describe('every fixture letter imports to its exact structure', () => {
  it.each(Object.keys(EXPECTED))('%s', (name) => {
    const expected = EXPECTED[name]!;
    const doc = load(name);
    expectWellFormed(doc);
    const { id, title, date, reference, kenmerk, subject, addressee, attachments, signatory } = doc;
    expect({ id, title, date, reference, kenmerk, subject, addressee, attachments, signatory }).toEqual(
      expected.header,
    );
    expect(doc.metadata.map((m) => [m.key, m.label, m.value])).toEqual(expected.metadata);
    expect(outline(doc.sections)).toEqual(expected.outline);
    expect(doc.decisions.map(({ label, text, stem, paragraphIds }) => ({ label, text, stem, paragraphIds }))).toEqual(
      expected.decisions.map((d) => ({ ...d, stem: d.stem })),
    );
    expect(doc.source).toMatchObject({ fileName: name, format: name.endsWith('.md') ? 'markdown' : 'text' });
  });
});

describe('(a) "Voorstellen" numbered 1., 2., 3. without sub-items', () => {
  const doc = load('voorstellen-contributie.txt');

  it('labels the proposals 1, 2, 3, without stem, markers kept on the paragraphs', () => {
    expect(doc.decisions.map((d) => d.label)).toEqual(['1', '2', '3']);
    expect(doc.decisions.every((d) => d.stem === undefined)).toBe(true);
    const markers = doc.decisions.map((d) => paragraph(doc, d.paragraphIds[0]!).marker);
    expect(markers).toEqual(['1.', '2.', '3.']);
  });

  it('keeps the bullets outside the proposals as an ordinary list', () => {
    const list = paragraphs(doc).filter((p) => p.kind === 'list-item');
    expect(list).toHaveLength(3);
    expect(list.every((p) => p.marker === '-' && p.depth === 0 && p.decisionLabel === undefined)).toBe(true);
  });

  it('keeps "loon- en prijsontwikkeling" as written', () => {
    expect(doc.decisions[2]!.text).toContain('met de loon- en prijsontwikkeling.');
  });
});

describe('(b) an informative letter without decisions', () => {
  const doc = load('informatief-hittestress.txt');

  it('has no decisions and no decision paragraphs', () => {
    expect(doc.decisions).toEqual([]);
    expect(paragraphs(doc).some((p) => p.kind === 'decision' || p.decisionLabel)).toBe(false);
  });

  it('nests the sub-headings under "Ondersteuning door de VNG"', () => {
    const support = doc.sections.find((s) => s.title === 'Ondersteuning door de VNG')!;
    expect(support.level).toBe(1);
    expect(support.sections.map((s) => [s.title, s.level])).toEqual([
      ['Webinars', 2],
      ['Kennisnetwerk', 2],
    ]);
  });

  it('reads both "-" and "•" bullets as list items', () => {
    expect(paragraphs(doc).filter((p) => p.kind === 'list-item')).toHaveLength(7);
  });

  it('reads "Bijlage(n) -" as no attachments, while the metadata keeps the dash as written', () => {
    expect(doc.attachments).toBeNull();
    expect(doc.metadata.find((m) => m.key === 'attachments')?.value).toBe('-');
  });
});

describe('(c) the website version with "Ledenbrief nummer:" and one-line labels', () => {
  const doc = load('website-ledenbrief.txt');

  it('reads the header lines as metadata, not as text', () => {
    expect(doc.reference).toBe('Lbr. 20/045');
    expect(doc.id).toBe('lbr-20-045');
    expect(doc.date).toBe('2020-07-02');
    expect(paragraphs(doc).some((p) => /Ledenbrief nummer|Datum:|Onderwerp:/.test(p.text))).toBe(false);
  });

  it('takes a decision stated as prose under "Gevraagd besluit" as decision 1', () => {
    expect(doc.decisions).toHaveLength(1);
    const p = paragraph(doc, doc.decisions[0]!.paragraphIds[0]!);
    expect(p.kind).toBe('paragraph');
    expect(p.decisionLabel).toBe('1');
  });

  it('does not mistake the bullet list in a later section for the decision list', () => {
    const list = paragraphs(doc).filter((p) => p.kind === 'list-item');
    expect(list).toHaveLength(3);
    expect(list.every((p) => p.decisionLabel === undefined)).toBe(true);
  });

  it('splits a closing written without blank lines into closing and signature lines', () => {
    const tail = paragraphs(doc).slice(-4);
    expect(tail.map((p) => [p.kind, p.text])).toEqual([
      ['closing', 'Met vriendelijke groet,'],
      ['signature', 'Vereniging van Nederlandse Gemeenten'],
      ['signature', 'J. Kramer'],
      ['signature', 'Algemeen directeur'],
    ]);
  });
});

describe('(d) PDF extraction artefacts', () => {
  const doc = load('pdf-artefacten.txt');

  it('joins words hyphenated at a line end', () => {
    const all = paragraphs(doc).map((p) => p.text);
    const text = all.join('\n');
    expect(text).toContain('De gemeentelijke uitvoering loopt goed');
    expect(text).toContain('na twee jaar opnieuw zou bezien');
    expect(text).toContain('onderzocht wat de uitvoering gemeenten werkelijk kost');
    expect(text).toContain('de ontzorging van inburgeraars niet langer');
    expect(text).not.toMatch(/\p{L}- \p{Ll}/u);
  });

  it('drops the footer in the middle of a paragraph and continues the sentence after it', () => {
    const p = paragraphs(doc).find((x) => x.text.startsWith('Bij de invoering van de wet'))!;
    expect(p.text).toContain(
      'gemiddeld ruim een kwart meer aan de begeleiding van inburgeraars dan waarmee bij de vaststelling van het budget rekening werd gehouden.',
    );
    expect(p.text.endsWith('participatie blijken hoger.')).toBe(true);
  });

  it('drops page numbers and joins the sentence split across the page break', () => {
    const p = paragraphs(doc).find((x) => x.text.startsWith('De VNG vindt dat'))!;
    expect(p.text).toBe(
      'De VNG vindt dat het Rijk de kosten van deze wettelijke taak volledig moet dekken. Daarbij gaat het niet alleen om de begeleiding zelf, maar ook om de samenwerking met taalaanbieders, werkgevers en maatschappelijke organisaties die nodig is om inburgeraars snel aan het werk te helpen.',
    );
    expect(paragraphs(doc).some((x) => /^(met taalaanbieders|bij de vaststelling)/.test(x.text))).toBe(false);
  });

  it('keeps the salutation after the repeated page header', () => {
    expect(
      paragraphs(doc)
        .filter((p) => p.kind === 'salutation')
        .map((p) => p.text),
    ).toEqual(['Geacht college en gemeenteraad,']);
  });

  it('joins decision items wrapped over two lines and keeps one set for summary and end', () => {
    expect(doc.decisions.map((d) => [d.label, d.paragraphIds])).toEqual([
      ['1', ['p002', 'p009']],
      ['2', ['p003', 'p010']],
    ]);
  });
});

describe('(d) PDF text without blank lines around the footer', () => {
  const doc = load('pdftotext-doorlopend.txt');
  const text = paragraphs(doc)
    .map((p) => p.text)
    .join('\n');

  it('splits the addressee from the labels and joins a subject wrapped over two lines', () => {
    expect(doc.addressee).toBe('Aan de leden');
    expect(doc.subject).toBe('Uitvoering Wet kwaliteitsborging voor het bouwen: uitstel en overgangsrecht');
    expect(doc.reference).toBe('Lbr. 21/047');
  });

  it('mends hyphenation, but keeps hyphens that belong to the word', () => {
    expect(text).toContain('de leges- en personeelsinkomsten');
    expect(text).toContain('de provincies Noord-Holland en Zuid-Holland');
    expect(text).toContain('de politie-inzet bij calamiteiten');
    expect(text).toContain('met de GGD-regio en de omgevingsdienst');
    expect(text).toContain('De loon- en prijsontwikkeling');
    expect(text).toContain('in de overgangsperiode.');
  });

  it('removes the footer lines glued into the paragraph and keeps the sentence whole', () => {
    expect(text).toContain(
      'tijdig aan te passen en daarover afspraken te maken met de GGD-regio en de omgevingsdienst. VNG-leden die al met een kwaliteitsborger werken',
    );
    expect(text).not.toContain('Vereniging van Nederlandse Gemeenten Nassaulaan');
  });
});

describe('(e) Markdown', () => {
  const doc = load('markdown-ledenbrief.md');

  it('takes the single H1 as the title and shifts the other headings up one level', () => {
    expect(doc.title).toBe('Modelverordening Wet open overheid');
    expect(doc.sections.map((s) => [s.title, s.level])).toEqual([
      [null, 0],
      ['Samenvatting', 1],
      ['Wat verandert er?', 1],
      ['Gevraagde besluiten', 1],
    ]);
  });

  it('keeps emphasis as marks, not as asterisks', () => {
    const intro = paragraphs(doc).find((p) => p.text.startsWith('Met deze brief'))!;
    expect(intro.marks?.map((m) => [intro.text.slice(m.start, m.end), m.type])).toEqual([
      ['modelverordening', 'em'],
      ['actief', 'strong'],
    ]);
    const decision = paragraph(doc, doc.decisions[0]!.paragraphIds[0]!);
    expect(decision.marks?.map((m) => decision.text.slice(m.start, m.end))).toEqual([
      'Modelverordening Wet open overheid',
    ]);
    expect(paragraphs(doc).some((p) => /[*_]/.test(p.text))).toBe(false);
  });

  it('keeps a link text and drops its address', () => {
    expect(paragraphs(doc).map((p) => p.text)).toContain(
      'De raad stelt de verordening vast en houdt toezicht op de uitvoering. Het college legt jaarlijks verantwoording af over de afhandeling van Woo-verzoeken. Meer informatie vindt u op de themapagina Woo.',
    );
  });

  it('tells numbered lists in the text from the numbered decisions', () => {
    expect(paragraphs(doc).filter((p) => p.kind === 'numbered-item')).toHaveLength(3);
    expect(paragraphs(doc).filter((p) => p.kind === 'decision')).toHaveLength(3);
  });
});

describe('(e) Markdown with front matter', () => {
  const doc = load('frontmatter-ledenbrief.md');

  it('reads the front matter as metadata and never as text', () => {
    expect(doc.id).toBe('lbr-24-051');
    expect(doc.title).toBe('Ledenraadpleging cao Gemeenten 2025-2026');
    expect(doc.date).toBe('2024-11-28');
    expect(paragraphs(doc).some((p) => /titel:|datum:|kenmerk:/.test(p.text))).toBe(false);
  });

  it('takes the H1 after the front matter as the title, not as a section', () => {
    expect(doc.sections.map((s) => s.title)).toEqual([
      null,
      'Inhoud van het onderhandelingsresultaat',
      'Gevraagd besluit',
      'Vervolg',
    ]);
  });

  it('reads "*" bullets and _emphasis_', () => {
    const item = paragraphs(doc).find((p) => p.text.startsWith('een eenmalige'))!;
    expect(item.kind).toBe('list-item');
    expect(item.marks).toEqual([{ start: 4, end: 13, type: 'em' }]);
  });
});

describe('(f) decisions repeated in the summary, wrapped differently', () => {
  const doc = load('samenvatting-herhaalt.txt');

  it('keeps one set of decisions, each pointing at both copies', () => {
    expect(doc.decisions.map((d) => [d.label, d.paragraphIds])).toEqual([
      ['1a', ['p003', 'p010']],
      ['1b', ['p004', 'p011']],
      ['1c', ['p005', 'p012']],
    ]);
  });

  it('reads both copies as the same text once whitespace and wrapping are set aside', () => {
    for (const decision of doc.decisions) {
      const [summary, end] = decision.paragraphIds.map((id) => paragraph(doc, id));
      expect(summary!.text).toBe(end!.text);
    }
  });

  it('stays one set when the summary copy differs in spaces, tabs and line breaks only', () => {
    const source = fixtureBytes('samenvatting-herhaalt.txt').toString('utf8');
    const variant = source
      .replace('Het bestuur zet zich in voor', 'Het  bestuur\tzet zich in voor')
      .replace('rapporteert  jaarlijks aan de ALV', 'rapporteert\n   jaarlijks aan de ALV');
    expect(variant).not.toBe(source);
    const again = parseText(variant, 'samenvatting-herhaalt.txt');
    expect(again.decisions.map((d) => [d.label, d.hash, d.paragraphIds.length])).toEqual(
      doc.decisions.map((d) => [d.label, d.hash, 2]),
    );
  });

  it('hashes text insensitive to whitespace and case', () => {
    expect(decisionHash('Het bestuur  rapporteert\njaarlijks')).toBe(decisionHash('het bestuur rapporteert jaarlijks'));
    expect(decisionHash('Het bestuur rapporteert jaarlijks')).not.toBe(decisionHash('Het bestuur rapporteert'));
  });
});

describe('(g) numbered decisions where only some have sub-items', () => {
  const doc = load('gemengde-besluiten.txt');

  it('labels the leaves 1a, 1b, 1c, 2, 3a, 3b', () => {
    expect(doc.decisions.map((d) => d.label)).toEqual(['1a', '1b', '1c', '2', '3a', '3b']);
  });

  it('gives the stem only to the sub-items', () => {
    expect(doc.decisions.map((d) => [d.label, d.stem ?? null])).toEqual([
      ['1a', 'In te stemmen met de kaderafspraken RES 2.0, met als belangrijkste onderdelen:'],
      ['1b', 'In te stemmen met de kaderafspraken RES 2.0, met als belangrijkste onderdelen:'],
      ['1c', 'In te stemmen met de kaderafspraken RES 2.0, met als belangrijkste onderdelen:'],
      ['2', null],
      ['3a', 'Het bestuur op te dragen met het Rijk in overleg te gaan over:'],
      ['3b', 'Het bestuur op te dragen met het Rijk in overleg te gaan over:'],
    ]);
  });

  it('marks the stems, which are not decisions themselves', () => {
    const stems = paragraphs(doc).filter((p) => p.decisionStem);
    expect(stems.map((p) => [p.decisionLabel, p.marker])).toEqual([
      ['1', '1.'],
      ['3', '3.'],
    ]);
    expect(doc.decisions.some((d) => d.label === '1' || d.label === '3')).toBe(false);
  });

  it('reads bullets under a numbered stem as its sub-items', () => {
    const letter = `Datum: 1 maart 2022
Onderwerp: Proef

Gevraagde besluiten

1. In te stemmen met de volgende onderdelen:
- de begroting;
- de contributie.
2. Het bestuur te machtigen.
`;
    const mixed = parseText(letter, 'proef.txt');
    expect(mixed.decisions.map((d) => [d.label, d.text, d.stem ?? null])).toEqual([
      ['1a', 'de begroting', 'In te stemmen met de volgende onderdelen:'],
      ['1b', 'de contributie.', 'In te stemmen met de volgende onderdelen:'],
      ['2', 'Het bestuur te machtigen.', null],
    ]);
  });
});

describe('(h) a letter without Lbr.-nummer', () => {
  const source = fixtureBytes('zonder-lbr-nummer.txt').toString('utf8');

  it('gets an id from a hash of title and date, the same on every parse', () => {
    const first = load('zonder-lbr-nummer.txt');
    const second = parseText(source, 'andere-naam.txt');
    expect(first.id).toMatch(/^doc-[0-9a-f]{12}$/);
    expect(second.id).toBe(first.id);
  });

  it('keeps its id when only the text of the letter changes', () => {
    const edited = source.replace('Deelname is kosteloos.', 'Deelname is kosteloos. Er is een lunch.');
    expect(parseText(edited, 'zonder-lbr-nummer.txt').id).toBe(load('zonder-lbr-nummer.txt').id);
  });

  it('gets another id when the date changes', () => {
    const redated = source.replace('19 januari 2024', '26 januari 2024');
    const doc = parseText(redated, 'zonder-lbr-nummer.txt');
    expect(doc.date).toBe('2024-01-26');
    expect(doc.id).toMatch(/^doc-[0-9a-f]{12}$/);
    expect(doc.id).not.toBe(load('zonder-lbr-nummer.txt').id);
  });

  it('takes the id from pack.json when given', () => {
    expect(parseLetter(fixtureBytes('zonder-lbr-nummer.txt'), 'x.txt', { id: 'uitnodiging-ow' }).id).toBe(
      'uitnodiging-ow',
    );
  });
});

describe('other layouts', () => {
  it('keeps a Markdown table as rows of text instead of dropping it as a footer', () => {
    const doc = parseText(
      `# Verdeling middelen\n\n**Datum:** 3 april 2023\n\nGeacht college,\n\nDe verdeling:\n\n| Jaar | Bedrag |\n|------|-------:|\n| 2023 | 1,2 mln |\n| 2024 | 1,5 mln |\n\nMet vriendelijke groet,\n\nVNG\n`,
      'tabel.md',
    );
    expect(doc.date).toBe('2023-04-03');
    expect(outline(doc.sections)).toEqual([
      '§0 (geen kop)',
      '  salutation: Geacht college,',
      '  paragraph: De verdeling:',
      '  paragraph: Jaar | Bedrag',
      '  paragraph: 2023 | 1,2 mln',
      '  paragraph: 2024 | 1,5 mln',
      '  closing: Met vriendelijke groet,',
      '  signature: VNG',
    ]);
  });

  it('prefers a listed set of decisions over a prose one in the summary', () => {
    const doc = parseText(
      `Onderwerp: Resolutie\n\nGevraagd besluit\n\nWij vragen u in te stemmen met de resolutie.\n\nToelichting\n\nUitleg bij de resolutie.\n\nGevraagde besluiten\n\n1. In te stemmen met de resolutie;\n2. Het bestuur te vragen te rapporteren.\n`,
      'resolutie.txt',
    );
    expect(doc.decisions.map((d) => [d.label, d.text, d.paragraphIds])).toEqual([
      ['1', 'In te stemmen met de resolutie', ['p003']],
      ['2', 'Het bestuur te vragen te rapporteren.', ['p004']],
    ]);
    expect(paragraph(doc, 'p001').decisionLabel).toBeUndefined();
  });

  it('keeps a "Bijlagen" heading in the text as text, not as letterhead', () => {
    const doc = parseText(
      `Datum: 1 maart 2022\nOnderwerp: Proef\n\nAanleiding\n\nDe aanleiding staat hier.\n\nBijlagen\n\n- Begroting 2023;\n- Contributieoverzicht.\n`,
      'bijlagen.txt',
    );
    expect(doc.attachments).toBeNull();
    expect(outline(doc.sections)).toEqual([
      '§1 Aanleiding',
      '  paragraph: De aanleiding staat hier.',
      '§1 Bijlagen',
      '  list-item: Begroting 2023;',
      '  list-item: Contributieoverzicht.',
    ]);
  });

  it('reads a salutation and a closing that have no blank line after them', () => {
    const doc = parseText(
      `Datum: 1 maart 2022\nOnderwerp: Proef\n\nGeacht college en gemeenteraad,\nHierbij informeren wij u over de proef.\nDe proef duurt een jaar.\n\nAanleiding\n\nNamens het bestuur van de VNG stellen wij\nvoor om te beginnen.\n\nNamens het bestuur,\nJ. Jansen\nVoorzitter\n`,
      'zonder-witregels.txt',
    );
    expect(outline(doc.sections)).toEqual([
      '§0 (geen kop)',
      '  salutation: Geacht college en gemeenteraad,',
      '  paragraph: Hierbij informeren wij u over de proef. De proef duurt een jaar.',
      '§1 Aanleiding',
      '  paragraph: Namens het bestuur van de VNG stellen wij voor om te beginnen.',
      '  closing: Namens het bestuur,',
      '  signature: J. Jansen',
      '  signature: Voorzitter',
    ]);
    expect(doc.signatory).toBe('J. Jansen, Voorzitter');
  });

  it("keeps a contact person's e-mail address and phone number, which are not a footer", () => {
    const doc = parseText(
      `Datum: 1 maart 2022\nOnderwerp: Proef\n\nMeer informatie\n\nVoor vragen kunt u terecht bij:\nJ. Jansen\nj.jansen@example.nl\n070 123 45 67\n`,
      'contact.txt',
    );
    expect(outline(doc.sections)).toEqual([
      '§1 Meer informatie',
      '  paragraph: Voor vragen kunt u terecht bij: J. Jansen j.jansen@example.nl 070 123 45 67',
    ]);
  });

  it('does not take "Namens …" in a sentence for the closing', () => {
    const doc = parseText(
      `Datum: 1 maart 2022\nOnderwerp: Proef\n\nAanleiding\n\nNamens gemeenten nam de VNG deel.\n\nDe tweede alinea loopt gewoon door.\n`,
      'namens.txt',
    );
    expect(paragraphs(doc).map((p) => p.kind)).toEqual(['paragraph', 'paragraph']);
    expect(doc.signatory).toBe('');
  });
});
