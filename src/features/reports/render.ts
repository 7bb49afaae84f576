import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";
import { stringify } from "csv-stringify/sync";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** The one font charts are drawn in, shipped with the app (DejaVu Sans: Latin with å, ä, ö), never the system's. */
export const CHART_FONT = "DejaVu Sans";
const FONT_FILE = [
  fileURLToPath(new URL("./fonts/DejaVuSans.ttf", import.meta.url)),
  fileURLToPath(new URL("../../../src/features/reports/fonts/DejaVuSans.ttf", import.meta.url)),
].find((path) => existsSync(path));

/** Bar charts' geometry in SVG units (the PNG is CHART_SCALE times this): the size follows from the bars alone. */
export const CHART = { width: 560, bar: 22, left: 190, right: 30, top: 44, bottom: 46 } as const;
/** At most this many bars in a chart (more, and a kind draws fewer: per team, or the lowest). */
export const CHART_MAX_BARS = 40;

/**
 * The frame every report's bar chart shares: fixed geometry (no autosize), so the PNG's size follows from
 * the number of bars alone; the shipped font; a title at the top left. The kind adds data and marks.
 */
export function barChartFrame(title: string, bars: number) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: CHART.width,
    height: CHART.bar * bars,
    autosize: { type: "none" },
    padding: { left: CHART.left, right: CHART.right, top: CHART.top, bottom: CHART.bottom },
    background: "white",
    config: { font: CHART_FONT, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 } },
    title: { text: title, fontSize: 14, anchor: "start", offset: 12 },
  } as const;
}

/** PNG pixels per SVG unit: sharp on a phone and a retina screen, still small. */
export const CHART_SCALE = 2;

export interface RenderedChart {
  png: Uint8Array;
  /** In pixels, as the PNG's header says. */
  width: number;
  height: number;
}

/**
 * A Vega-Lite spec drawn to PNG on the server, with no browser: Vega-Lite compiles it to Vega, a headless
 * Vega view (renderer "none") writes SVG, resvg rasterizes that with the shipped font only. The same spec
 * gives the same bytes on any machine: no system fonts, no clock, no randomness.
 */
export async function renderChart(spec: TopLevelSpec): Promise<RenderedChart> {
  if (!FONT_FILE) throw new Error("the chart font (fonts/DejaVuSans.ttf) is missing");
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none", logLevel: vega.Error });
  try {
    const svg = await view.toSVG();
    const image = new Resvg(svg, {
      font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: CHART_FONT },
      fitTo: { mode: "zoom", value: CHART_SCALE },
      background: "white",
    }).render();
    return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
  } finally {
    view.finalize();
  }
}

/** A CSV column: its header in the reader's language and a row's value. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
}

/** The full table as CSV (RFC 4180, a header row, UTF-8 with a BOM so spreadsheet programs read å, ä, ö). */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const records = [
    columns.map((c) => c.header),
    ...rows.map((row) => columns.map((c) => c.value(row) ?? "")),
  ];
  return stringify(records, { bom: true, record_delimiter: "windows" });
}
