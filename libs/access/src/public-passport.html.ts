import type { PublicCriticalMaterial, PublicPassportView } from './public-passport.view';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** Tagged template that escapes every interpolated value unless it is already-rendered `Html`. */
class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

function render(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(strings.reduce((out, text, i) => out + render(values[i - 1]) + text));
}

/** The Content-Security-Policy of the pages below: no scripts, no external resources. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 42rem; padding: 1rem; color: #1d2a1d; }
  h1 { font-size: 1.6rem; margin: 0.5rem 0 0; }
  .maker { margin: 0 0 1rem; color: #4a5a4a; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #d8e0d8; }
  .status-ARCHIVED { color: #8a4b00; }
  .qr svg { width: 10rem; height: 10rem; }
  footer { margin-top: 2rem; font-size: 0.85rem; color: #4a5a4a; }
`;

function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${new Html(STYLE)}</style>
</head>
<body>
${body}
</body>
</html>
`.text;
}

const STATUS_TEXT: Record<PublicPassportView['status'], string> = {
  DRAFT: 'Draft',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived: this passport is no longer kept up to date',
};

const percent = (share: number) => `${(share * 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`;

/**
 * The page a consumer sees after scanning a passport's QR code: product, manufacturer, cluster, critical raw
 * materials present, recycled content, circularity, environmental impact, substances of concern, battery data and status. Built from the public view only, every value escaped.
 * `qrSvg` is the passport's QR code (markup produced by the QR library, not by users).
 */
export function renderPublicPassportPage(view: PublicPassportView, qrSvg: string | null): string {
  const identifier = [
    html`GTIN ${view.gtin}`,
    view.batchNumber ? html`, batch ${view.batchNumber}` : '',
    view.serialNumber ? html`, serial ${view.serialNumber}` : '',
  ];
  const critical =
    view.criticalMaterials.length === 0
      ? html`<p>No critical raw material is declared in this product.</p>`
      : html`<table>
<thead><tr><th>Material</th><th>Above 0.1 % by weight</th><th>Listed as critical by</th></tr></thead>
<tbody>
${view.criticalMaterials.map(
  (material) =>
    html`<tr data-element="${material.element}"><td>${material.elementName} (${material.element})</td><td>${material.aboveReportingThreshold ? 'yes' : 'no'}</td><td>${material.lists
      .map((list) => `${list.listId} (${list.listVersion}): ${list.materialName}${formNote(list)}`)
      .join('; ')}</td></tr>
`,
)}</tbody>
</table>`;
  const recycled =
    view.recycledContent.recycledContentPct === null
      ? html`<p>No recycled content is declared.</p>`
      : html`<p>${view.recycledContent.recycledContentPct.toLocaleString('en', { maximumFractionDigits: 2 })} % recycled content in the
materials that declare it (${percent(view.recycledContent.declaredShareOfMass)} of the product by weight); at least
${percent(view.recycledContent.recycledShareOfMass)} of the whole product is recycled material.</p>`;
  const circularity = view.circularity
    ? html`<p>Material Circularity Indicator: <strong>${view.circularity.materialCircularityIndicator.toFixed(2)}</strong>
(0 is fully linear, 1 fully circular).</p>`
    : html`<p>Not calculated yet.</p>`;

  return page(
    `${view.productName}: circular material passport`,
    html`<main>
<p>Circular material passport</p>
<h1>${view.productName}</h1>
<p class="maker">by <span id="manufacturer">${view.manufacturer.name}</span></p>
<dl>
<dt>Product cluster</dt><dd id="cluster">${view.cluster.name}</dd>
<dt>Identifier</dt><dd>${identifier}</dd>
<dt>Status</dt><dd id="status" class="status-${view.status}">${STATUS_TEXT[view.status]}</dd>
<dt>Revision</dt><dd>${view.revision}, updated ${view.updatedAt.slice(0, 10)}</dd>
</dl>
<section id="critical-materials"><h2>Critical raw materials present</h2>
${critical}
</section>
<section id="recycled-content"><h2>Recycled content</h2>
${recycled}
</section>
<section id="circularity"><h2>Circularity</h2>
${circularity}
</section>
${environmentalImpactSection(view)}
${substancesSection(view)}
${view.battery ? batterySection(view.battery) : ''}
${qrSvg ? html`<p class="qr" aria-label="QR code of this passport">${new Html(qrSvg)}</p>` : ''}
</main>
<footer>
<p>Digital Link: <a href="${view.digitalLink}">${view.digitalLink}</a></p>
<p>Passport ${view.passportId}. Machine-readable: request this address with <code>Accept: application/json</code>.
Composition details are shared with recyclers and authorities only.</p>
</footer>`,
  );
}

const number = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 3 });
const UNIT_TEXT = { PRODUCT: 'per product', KWH: 'per kWh', KG: 'per kg' } as const;

/** Carbon footprint, water and energy use, as declared (the programme's guideline; ESPR 2024/1781 Annex I, carbon and environmental footprint). */
function environmentalImpactSection(view: PublicPassportView): Html {
  const impact = view.environmentalImpact;
  if (!impact) return html`<section id="environmental-impact"><h2>Environmental impact</h2><p>No environmental impact is declared.</p></section>`;
  const footprint = impact.carbonFootprint;
  const rows = [
    footprint
      ? html`<dt>Carbon footprint</dt><dd id="carbon-footprint">${number(footprint.kgCO2e)} kg CO2e ${UNIT_TEXT[footprint.declaredUnit]}${
          footprint.lifecycleStages.length > 0 ? `, stages ${footprint.lifecycleStages.join(', ')}` : ''
        }${footprint.method ? `, ${footprint.method}` : ''}${footprint.verifiedBy ? `, verified by ${footprint.verifiedBy}` : ''}</dd>`
      : '',
    impact.carbonFootprintKgCO2ePerProduct !== null && footprint?.declaredUnit !== 'PRODUCT'
      ? html`<dt>Per product</dt><dd>${number(impact.carbonFootprintKgCO2ePerProduct)} kg CO2e</dd>`
      : '',
    impact.waterUse ? html`<dt>Water use</dt><dd>${number(impact.waterUse.m3)} m³ ${UNIT_TEXT[impact.waterUse.declaredUnit]}</dd>` : '',
    impact.energyUse ? html`<dt>Energy use</dt><dd>${number(impact.energyUse.mj)} MJ ${UNIT_TEXT[impact.energyUse.declaredUnit]}</dd>` : '',
    impact.components.map(
      (component) =>
        html`<dt>${component.componentName}</dt><dd>${component.carbonFootprint ? `${number(component.carbonFootprint.kgCO2e)} kg CO2e ${UNIT_TEXT[component.carbonFootprint.declaredUnit]}` : 'declared'}</dd>`,
    ),
  ];
  return html`<section id="environmental-impact"><h2>Environmental impact</h2>
<dl>${rows}</dl>
${footprint?.studyUrl ? html`<p>Study: <a href="${footprint.studyUrl}">${footprint.studyUrl}</a></p>` : ''}
</section>`;
}

/** Which substances of concern the product holds and where (ESPR Art. 7(5)); never their concentrations. */
function substancesSection(view: PublicPassportView): Html {
  if (view.substancesOfConcern.length === 0) {
    return html`<section id="substances-of-concern"><h2>Substances of concern</h2><p>No substance of concern is declared in this product.</p></section>`;
  }
  return html`<section id="substances-of-concern"><h2>Substances of concern</h2>
<table>
<thead><tr><th>Substance</th><th>Where</th><th>REACH Candidate List</th><th>Safe use and end of life</th></tr></thead>
<tbody>
${view.substancesOfConcern.map(
  (substance) =>
    html`<tr><td>${substance.name}${substance.casNumber ? ` (CAS ${substance.casNumber})` : ''}${substance.ecNumber ? ` (EC ${substance.ecNumber})` : ''}</td><td>${
      substance.location ?? ''
    }</td><td>${substance.candidateList ? `${substance.candidateList.entryName} (${substance.candidateList.listId})` : substance.svhc ? 'declared SVHC' : 'no'}</td><td>${[
      substance.safeUse,
      substance.endOfLife,
    ]
      .filter(Boolean)
      .join(' ')}</td></tr>
`,
)}</tbody>
</table>
</section>`;
}

/** The battery passport's public data (Regulation (EU) 2023/1542, Annex XIII point 1). */
function batterySection(battery: NonNullable<PublicPassportView['battery']>): Html {
  const entry = (label: string, value: string | null) => (value === null ? '' : html`<dt>${label}</dt><dd>${value}</dd>`);
  const unit = (value: number | null, suffix: string) => (value === null ? null : `${number(value)} ${suffix}`);
  const recycled = battery.recycledContent;
  const shares = recycled
    ? (
        [
          ['cobalt', recycled.cobaltPct],
          ['lithium', recycled.lithiumPct],
          ['nickel', recycled.nickelPct],
          ['lead', recycled.leadPct],
        ] as const
      )
        .filter(([, pct]) => pct !== null)
        .map(([name, pct]) => `${name} ${number(pct!)} %`)
        .join(', ')
    : '';
  return html`<section id="battery"><h2>Battery</h2>
<dl>
${entry('Chemistry', battery.chemistry)}${entry('Category', battery.batteryCategory)}${entry('Status', battery.status)}
${entry('Rated capacity', unit(battery.nominalCapacityAh, 'Ah'))}${entry('Energy', unit(battery.energyKWh, 'kWh'))}
${entry('Voltage (min / nominal / max)', [battery.minimalVoltageV, battery.nominalVoltageV, battery.maximalVoltageV].some((v) => v !== null) ? [battery.minimalVoltageV, battery.nominalVoltageV, battery.maximalVoltageV].map((v) => (v === null ? '–' : number(v))).join(' / ') + ' V' : null)}
${entry('Original power capability', unit(battery.originalPowerCapabilityW, 'W'))}${entry('Expected lifetime', unit(battery.expectedLifetimeCycles, 'cycles'))}
${entry('Temperature range', battery.temperatureRange ? `${number(battery.temperatureRange.minC)} to ${number(battery.temperatureRange.maxC)} °C` : null)}
${entry('Carbon footprint', battery.carbonFootprint ? `${number(battery.carbonFootprint.kgCO2ePerKWh)} kg CO2e per kWh${battery.carbonFootprint.performanceClass ? `, class ${battery.carbonFootprint.performanceClass}` : ''}` : null)}
${entry('Recycled content', shares || null)}${entry('Renewable content', unit(battery.renewableContentPct, '%'))}
${entry('Hazardous substances', battery.hazardousSubstances.length > 0 ? battery.hazardousSubstances.map((s) => s.name).join(', ') : null)}
${entry('Commercial warranty', unit(battery.warrantyYears, 'years'))}
</dl>
</section>`;
}

/** A small page for errors (unknown product, malformed link), for people who opened a link in a browser. */
export function renderErrorPage(status: number, message: string): string {
  const title = status === 404 ? 'Passport not found' : 'This link cannot be read';
  return page(title, html`<main><h1>${title}</h1><p id="message">${message}</p></main>`);
}

/** For a list entry naming a form: whether a material of the product meets it or only contains the element. */
function formNote(list: PublicCriticalMaterial['lists'][number]): string {
  if (list.form === null) return '';
  return list.match === 'FORM' ? ' (in that form)' : ' (contains the element, not in that form)';
}
