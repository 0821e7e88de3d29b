import { stringify } from 'yaml';

export function renderYaml(value: unknown): string {
  // Shared sub-objects (a track named by many levels) are written out in full, not as YAML anchors.
  return stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 });
}
