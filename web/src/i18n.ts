import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Lang = 'nl' | 'en';

/** Every text of the interface, in Dutch and English. */
const TEXT = {
  appTitle: { en: 'Circular material passports', nl: 'Circulaire materiaalpaspoorten' },
  skip: { en: 'Skip to content', nl: 'Naar de inhoud' },
  navMap: { en: 'Programme map', nl: 'Programmakaart' },
  navWorkspace: { en: "Manufacturer's workspace", nl: 'Werkplaats fabrikant' },
  navSearch: { en: "Recycler's search", nl: 'Zoeken voor recyclers' },
  language: { en: 'Language', nl: 'Taal' },
  apiKey: { en: 'API key', nl: 'API-sleutel' },
  apiKeyHint: { en: 'Kept in this browser tab only, until you close it.', nl: 'Alleen bewaard in dit browsertabblad, tot u het sluit.' },
  useKey: { en: 'Use key', nl: 'Sleutel gebruiken' },
  forgetKey: { en: 'Forget key', nl: 'Sleutel vergeten' },
  keyInUse: { en: 'A key is in use for this tab.', nl: 'Er is een sleutel in gebruik voor dit tabblad.' },
  noKey: { en: 'No key: public data only.', nl: 'Geen sleutel: alleen openbare gegevens.' },
  loading: { en: 'Loading…', nl: 'Laden…' },
  error: { en: 'Error', nl: 'Fout' },
  all: { en: 'All', nl: 'Alle' },
  cluster: { en: 'Cluster', nl: 'Cluster' },
  element: { en: 'Element', nl: 'Element' },
  criticalList: { en: 'Critical material list', nl: 'Lijst kritieke materialen' },
  measure: { en: 'Mass of', nl: 'Massa van' },
  region: { en: 'COROP region', nl: 'COROP-gebied' },
  mass: { en: 'Mass (kg)', nl: 'Massa (kg)' },
  passports: { en: 'Passports', nl: 'Paspoorten' },
  products: { en: 'Products', nl: 'Producten' },
  noData: { en: 'no data', nl: 'geen gegevens' },
  regionBasis: { en: 'Region', nl: 'Gebied' },
  basisCOROP: { en: "The manufacturer's region", nl: 'Gebied van de fabrikant' },
  basisINSTALLED_COROP: { en: 'Installed region', nl: 'Gebied van installatie' },
  mapTitleCOROP: { en: 'Mass by COROP region of the manufacturer', nl: 'Massa per COROP-gebied van de fabrikant' },
  mapTitleINSTALLED_COROP: { en: 'Mass by COROP region where installed', nl: 'Massa per COROP-gebied van installatie' },
  legendCOROP: { en: "Mass (kg) by the manufacturer's region", nl: 'Massa (kg) per gebied van de fabrikant' },
  legendINSTALLED_COROP: { en: 'Mass (kg) by installed region', nl: 'Massa (kg) per gebied van installatie' },
  regionCOROP: { en: "Manufacturer's COROP region", nl: 'COROP-gebied van de fabrikant' },
  regionINSTALLED_COROP: { en: 'Installed COROP region', nl: 'COROP-gebied van installatie' },
  notInstalled: { en: 'Not installed (no INSTALLED event)', nl: 'Niet geïnstalleerd (geen INSTALLED-gebeurtenis)' },
  mapNoteCOROP: {
    en: 'Each product counts in the region of its manufacturer. Published passports; mass counts every product a passport stands for.',
    nl: 'Elk product telt in het gebied van de fabrikant. Gepubliceerde paspoorten; de massa telt elk product waarvoor een paspoort staat.',
  },
  mapNoteINSTALLED_COROP: {
    en: 'Each product counts in the region of its last INSTALLED lifecycle event; products never installed are listed apart, recycled products are left out. Published passports; mass counts every product a passport stands for.',
    nl: 'Elk product telt in het gebied van de laatste INSTALLED-gebeurtenis; nooit geïnstalleerde producten staan apart, gerecyclede producten tellen niet mee. Gepubliceerde paspoorten; de massa telt elk product waarvoor een paspoort staat.',
  },
  mapNeedsKey: {
    en: 'The map needs an API key: a RECYCLER or AUDITOR key totals every manufacturer, a MANUFACTURER key its own passports.',
    nl: 'De kaart vraagt een API-sleutel: een RECYCLER- of AUDITOR-sleutel telt alle fabrikanten, een MANUFACTURER-sleutel de eigen paspoorten.',
  },
  tableTitle: { en: 'The same figures as a table', nl: 'Dezelfde cijfers als tabel' },
  unknownRegion: { en: 'Region not given', nl: 'Gebied niet opgegeven' },
  attribution: {
    en: 'Boundaries: CBS, COROP regions 2024 (CC BY 4.0), simplified by cartomap/nl.',
    nl: 'Grenzen: CBS, COROP-gebieden 2024 (CC BY 4.0), vereenvoudigd door cartomap/nl.',
  },
  factSheet: { en: 'Cluster fact sheet', nl: 'Factsheet per cluster' },
  byStatus: { en: 'Passports by status', nl: 'Paspoorten per status' },
  productMass: { en: 'Mass of all published products', nl: 'Massa van alle gepubliceerde producten' },
  productUnits: { en: 'Product units', nl: 'Producteenheden' },
  averageMci: { en: 'Average MCI', nl: 'Gemiddelde MCI' },
  reuseValue: { en: 'Reuse value', nl: 'Hergebruikwaarde' },
  criticalMaterials: { en: 'Critical materials', nl: 'Kritieke materialen' },
  needsKey: { en: 'needs a RECYCLER or AUDITOR key', nl: 'vraagt een RECYCLER- of AUDITOR-sleutel' },
  status: { en: 'Status', nl: 'Status' },
  DRAFT: { en: 'Draft', nl: 'Concept' },
  PUBLISHED: { en: 'Published', nl: 'Gepubliceerd' },
  ARCHIVED: { en: 'Archived', nl: 'Gearchiveerd' },
  BATTERY: { en: 'Batteries', nl: 'Batterijen' },
  HEAT_AS_A_SERVICE: { en: 'Heat as a service', nl: 'Warmte als dienst' },
  HIGH_TECH_EQUIPMENT: { en: 'High-tech equipment', nl: 'Hightech-apparatuur' },
  SOLAR_PV: { en: 'Solar PV', nl: 'Zonnepanelen' },
  WIND_PARK: { en: 'Wind parks', nl: 'Windparken' },
  needManufacturerKey: {
    en: 'Enter a MANUFACTURER key above to see and edit your passports.',
    nl: 'Vul hierboven een MANUFACTURER-sleutel in om uw paspoorten te zien en te bewerken.',
  },
  yourPassports: { en: 'Your passports', nl: 'Uw paspoorten' },
  passportsOf: { en: 'Passports of', nl: 'Paspoorten van' },
  notManufacturerKey: {
    en: 'This key does not belong to a manufacturer: its organization registers no passports.',
    nl: 'Deze sleutel is niet van een fabrikant: de organisatie registreert geen paspoorten.',
  },
  notYours: {
    en: 'This passport belongs to another manufacturer: it cannot be edited here.',
    nl: 'Dit paspoort is van een andere fabrikant: het kan hier niet bewerkt worden.',
  },
  newPassport: { en: 'New passport', nl: 'Nieuw paspoort' },
  filter: { en: 'Filter', nl: 'Filteren' },
  gtin: { en: 'GTIN', nl: 'GTIN' },
  productName: { en: 'Product name', nl: 'Productnaam' },
  revision: { en: 'Revision', nl: 'Revisie' },
  open: { en: 'Open', nl: 'Openen' },
  next: { en: 'Next page', nl: 'Volgende pagina' },
  first: { en: 'First page', nl: 'Eerste pagina' },
  total: { en: 'in all', nl: 'in totaal' },
  granularity: { en: 'Granularity', nl: 'Granulariteit' },
  serialNumber: { en: 'Serial number', nl: 'Serienummer' },
  batchNumber: { en: 'Batch number', nl: 'Batchnummer' },
  productMassKg: { en: 'Product mass (kg)', nl: 'Productmassa (kg)' },
  unitCount: { en: 'Unit count', nl: 'Aantal eenheden' },
  components: { en: 'Components', nl: 'Componenten' },
  component: { en: 'Component', nl: 'Component' },
  key: { en: 'Key', nl: 'Sleutel' },
  name: { en: 'Name', nl: 'Naam' },
  quantity: { en: 'Quantity', nl: 'Aantal' },
  massKg: { en: 'Mass of one unit (kg)', nl: 'Massa van één eenheid (kg)' },
  location: { en: 'Location', nl: 'Plaats' },
  materials: { en: 'Materials', nl: 'Materialen' },
  material: { en: 'Material', nl: 'Materiaal' },
  formula: { en: 'Formula', nl: 'Formule' },
  casNumber: { en: 'CAS number', nl: 'CAS-nummer' },
  recycledContentPct: { en: 'Recycled content (%)', nl: 'Gerecycled gehalte (%)' },
  dismantling: { en: 'Dismantling', nl: 'Demontage' },
  fastening: { en: 'Fastening', nl: 'Bevestiging' },
  toolRequired: { en: 'Tool required', nl: 'Benodigd gereedschap' },
  timeMinutes: { en: 'Time (minutes)', nl: 'Tijd (minuten)' },
  addComponent: { en: 'Add component', nl: 'Component toevoegen' },
  addSubComponent: { en: 'Add sub-component', nl: 'Subcomponent toevoegen' },
  addMaterial: { en: 'Add material', nl: 'Materiaal toevoegen' },
  remove: { en: 'Remove', nl: 'Verwijderen' },
  saveDraft: { en: 'Save as draft', nl: 'Opslaan als concept' },
  saveRevision: { en: 'Save revision', nl: 'Revisie opslaan' },
  publish: { en: 'Publish', nl: 'Publiceren' },
  archive: { en: 'Archive', nl: 'Archiveren' },
  close: { en: 'Close', nl: 'Sluiten' },
  saved: { en: 'Saved as revision', nl: 'Opgeslagen als revisie' },
  published: { en: 'Published.', nl: 'Gepubliceerd.' },
  archived: { en: 'Archived.', nl: 'Gearchiveerd.' },
  invalid: { en: 'Not saved: fix the fields marked below.', nl: 'Niet opgeslagen: verbeter de gemarkeerde velden.' },
  conflict: {
    en: 'Someone else saved a newer revision first. Reload the passport to see it, then make your change again.',
    nl: 'Iemand anders heeft eerst een nieuwere revisie opgeslagen. Laad het paspoort opnieuw en breng uw wijziging daarna opnieuw aan.',
  },
  reload: { en: 'Reload passport', nl: 'Paspoort opnieuw laden' },
  qrLabel: { en: 'QR label', nl: 'QR-label' },
  printLabel: { en: 'Print label', nl: 'Label afdrukken' },
  qrOnlyPublished: { en: 'The QR label is available once the passport is published.', nl: 'Het QR-label is beschikbaar zodra het paspoort gepubliceerd is.' },
  importTitle: { en: 'Import a file', nl: 'Bestand importeren' },
  importHint: {
    en: 'NDJSON, CSV or XLSX (templates at /imports/templates/<CLUSTER>.xlsx). Rows that are invalid are reported; the others are stored.',
    nl: 'NDJSON, CSV of XLSX (sjablonen op /imports/templates/<CLUSTER>.xlsx). Ongeldige rijen worden gemeld; de andere worden opgeslagen.',
  },
  importFile: { en: 'File', nl: 'Bestand' },
  importMode: { en: 'Mode', nl: 'Modus' },
  dryRun: { en: 'Dry run (store nothing)', nl: 'Proefdraai (niets opslaan)' },
  startImport: { en: 'Start import', nl: 'Import starten' },
  uploading: { en: 'Uploading', nl: 'Uploaden' },
  progress: { en: 'Progress', nl: 'Voortgang' },
  searchTitle: { en: 'Find components holding a material', nl: 'Componenten met een materiaal zoeken' },
  searchBy: { en: 'Search by', nl: 'Zoeken op' },
  minMass: { en: 'Minimum mass per product (kg)', nl: 'Minimale massa per product (kg)' },
  search: { en: 'Search', nl: 'Zoeken' },
  downloadCsv: { en: 'Download CSV', nl: 'CSV downloaden' },
  product: { en: 'Product', nl: 'Product' },
  componentPath: { en: 'Component path', nl: 'Componentpad' },
  elementMass: { en: 'Element mass per product (kg)', nl: 'Elementmassa per product (kg)' },
  materialMass: { en: 'Material mass per product (kg)', nl: 'Materiaalmassa per product (kg)' },
  noHits: { en: 'No components found.', nl: 'Geen componenten gevonden.' },
  sortBy: { en: 'Sort by', nl: 'Sorteren op' },
  hits: { en: 'hits on this page', nl: 'treffers op deze pagina' },
  chooseOne: { en: 'Give an element, a CAS number or a critical list.', nl: 'Geef een element, een CAS-nummer of een lijst kritieke materialen.' },
  none: { en: '(none)', nl: '(geen)' },
} satisfies Record<string, Record<Lang, string>>;

export const TEXT_ATTRIBUTION = TEXT.attribution;

export type TextKey = keyof typeof TEXT;

export const LangContext = createContext<Lang>('en');

export function useT(): (key: TextKey) => string {
  const lang = useContext(LangContext);
  return (key) => TEXT[key][lang];
}

export function useLang(): Lang {
  return useContext(LangContext);
}

export function initialLang(): Lang {
  const stored = localStorage.getItem('registry.lang');
  if (stored === 'nl' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumSignificantDigits: 4 }).format(value);
}
