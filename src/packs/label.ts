/**
 * How a pack is named in lists that span regions (outputs, annotations, the step's line):
 * `region/name` when the run waits in several regions, the plain name in one.
 */
export function packLabel(region: string, name: string, severalRegions: boolean): string {
  return severalRegions ? `${region}/${name}` : name
}
