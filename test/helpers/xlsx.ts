import { strToU8, zipSync } from 'fflate';

/** A cell of a test workbook: text (a shared string), or a number, formula or date written as XML. */
export type TestCell = string | { xml: string };

export interface TestSheet {
  name: string;
  rows: TestCell[][];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const letters = (col: number) => (col < 26 ? String.fromCharCode(65 + col) : String.fromCharCode(64 + Math.floor(col / 26)) + String.fromCharCode(65 + (col % 26)));

/**
 * A small XLSX as a spreadsheet program writes one: texts in the shared-strings table, a style
 * with a date format (style 1), and `parts` to add or replace any part (a hostile one, say).
 */
export function testWorkbook(sheets: TestSheet[], parts: Record<string, string | Uint8Array> = {}): Uint8Array {
  const strings: string[] = [];
  const index = (text: string) => {
    const at = strings.indexOf(text);
    return at >= 0 ? at : strings.push(text) - 1;
  };
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets>${sheets.map((sheet, i) => `<sheet name="${escape(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
    'xl/styles.xml': strToU8(`<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`),
  };
  sheets.forEach((sheet, s) => {
    const rows = sheet.rows.map((cells, r) => {
      const xml = cells.map((cell, c) => {
        const ref = `${letters(c)}${r + 1}`;
        if (typeof cell !== 'string') return `<c r="${ref}"${cell.xml}</c>`;
        return cell === '' ? '' : `<c r="${ref}" t="s"><v>${index(cell)}</v></c>`;
      });
      return `<row r="${r + 1}">${xml.join('')}</row>`;
    });
    files[`xl/worksheets/sheet${s + 1}.xml`] = strToU8(`<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`);
  });
  files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0"?><sst xmlns="${MAIN}" count="${strings.length}">${strings.map((text) => `<si><t xml:space="preserve">${escape(text)}</t></si>`).join('')}</sst>`);
  for (const [name, part] of Object.entries(parts)) files[name] = typeof part === 'string' ? strToU8(part) : part;
  return zipSync(files);
}

/** A formula cell with its cached value, as a spreadsheet saves it: the value is what `import` reads. */
export const formula = (expression: string, cached: string): TestCell => ({ xml: ` t="str"><f>${escape(expression)}</f><v>${escape(cached)}</v>` });
/** A day number shown as a date (style 1). */
export const dateCell = (serial: number): TestCell => ({ xml: ` s="1"><v>${serial}</v>` });
export const numberCell = (value: string): TestCell => ({ xml: `><v>${value}</v>` });
