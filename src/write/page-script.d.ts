/** The HTML page's script, built from src/page/ by the build (see tsup.config.ts). */
declare module 'page-script' {
  /** The script, minified, ready to go inside a <script> element. */
  export const script: string;
  /** Its SHA-256 in base64, for the page's Content-Security-Policy. */
  export const scriptHash: string;
  /** The licences of the packages bundled into the script, ready for an HTML comment. */
  export const notices: string;
}
