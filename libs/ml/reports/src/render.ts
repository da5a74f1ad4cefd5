import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite spec to an SVG document, headless. This is the only file that touches vega,
 * so swapping the renderer later means changing one function. The 'none' renderer skips the
 * canvas/DOM entirely; toSVG() builds the markup from the scenegraph alone.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
