import { geoMercator, geoPath } from 'd3-geo';
import { scaleQuantize } from 'd3-scale';
import { schemeBlues } from 'd3-scale-chromatic';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useMemo, useState } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { formatNumber, useLang, useT } from '../i18n';

export interface RegionProps {
  statcode: string;
  statnaam: string;
}

export type Region = Feature<Geometry, RegionProps>;

/** CBS COROP regions 2024 (CC BY 4.0) as GeoJSON features, from the TopoJSON shipped with the app. */
export async function loadRegions(): Promise<Region[]> {
  const response = await fetch(`${import.meta.env.BASE_URL}geo/coropgebied_2024.topojson`);
  const topology = (await response.json()) as Topology<{ coropgebied_2024: GeometryCollection<RegionProps> }>;
  const collection = feature(topology, topology.objects.coropgebied_2024) as FeatureCollection<Geometry, RegionProps>;
  return collection.features;
}

export const NO_DATA_COLOUR = '#f2f2f2';
const COLOURS = schemeBlues[6].slice(1);

/** The colour classes of a map: five equal steps from 0 to the largest value. */
export function colourScale(max: number) {
  return scaleQuantize<string>()
    .domain([0, max || 1])
    .range(COLOURS);
}

const WIDTH = 560;
const HEIGHT = 640;

/** A choropleth of the 40 COROP regions with a legend and the value of a region on hover or keyboard focus. */
export function CoropMap({ regions, values, title, legendTitle }: { regions: Region[]; values: Map<string, number>; title: string; legendTitle: string }) {
  const t = useT();
  const lang = useLang();
  const [active, setActive] = useState<{ code: string; x: number; y: number } | null>(null);
  const path = useMemo(() => {
    const projection = geoMercator().fitSize([WIDTH, HEIGHT], { type: 'FeatureCollection', features: regions });
    return geoPath(projection);
  }, [regions]);
  const max = Math.max(0, ...values.values());
  const scale = colourScale(max);
  const colourOf = (value: number | undefined) => (value && value > 0 ? scale(value) : NO_DATA_COLOUR);
  const label = (region: Region) => {
    const value = values.get(region.properties.statcode);
    return `${region.properties.statnaam} (${region.properties.statcode}): ${value ? `${formatNumber(value, lang)} kg` : t('noData')}`;
  };
  const activeRegion = active && regions.find((region) => region.properties.statcode === active.code);
  return (
    <div class="map-wrap">
      <svg id="corop-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={title}>
        {regions.map((region) => {
          const value = values.get(region.properties.statcode);
          const show = () => {
            const [x, y] = path.centroid(region);
            setActive({ code: region.properties.statcode, x, y });
          };
          return (
            <path
              key={region.properties.statcode}
              class={`region${active?.code === region.properties.statcode ? ' active' : ''}`}
              d={path(region) ?? ''}
              fill={colourOf(value)}
              data-code={region.properties.statcode}
              data-mass={value ?? 0}
              tabIndex={0}
              role="img"
              aria-label={label(region)}
              onMouseEnter={show}
              onFocus={show}
              onMouseLeave={() => setActive(null)}
              onBlur={() => setActive(null)}
            >
              <title>{label(region)}</title>
            </path>
          );
        })}
      </svg>
      {activeRegion && active && (
        <div class="map-tooltip" id="map-tooltip" role="status" style={{ left: `${(active.x / WIDTH) * 100}%`, top: `${(active.y / HEIGHT) * 100}%` }}>
          {label(activeRegion)}
        </div>
      )}
      <p class="legend-title" id="map-legend-title">
        {legendTitle}
      </p>
      <ul class="legend" id="map-legend" aria-labelledby="map-legend-title">
        {scale.range().map((colour) => {
          const [low, high] = scale.invertExtent(colour);
          return (
            <li key={colour} data-colour={colour} data-min={low} data-max={high}>
              <svg width="18" height="14" aria-hidden="true">
                <rect width="18" height="14" fill={colour} />
              </svg>
              {formatNumber(low, lang)} – {formatNumber(high, lang)} kg
            </li>
          );
        })}
        <li data-colour={NO_DATA_COLOUR} data-min={0} data-max={0}>
          <svg width="18" height="14" aria-hidden="true">
            <rect width="18" height="14" fill={NO_DATA_COLOUR} class="no-data" />
          </svg>
          {t('noData')}
        </li>
      </ul>
    </div>
  );
}
