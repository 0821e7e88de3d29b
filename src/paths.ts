import { fileURLToPath } from 'node:url';

// This module sits one folder below the package root both as source (src/) and as bundle (dist/).
export const bundledLadderPath = fileURLToPath(new URL('../ladder.yaml', import.meta.url));

/** The JSON Schema shipped with the package, which `init --schema` copies beside the ladder. */
export const schemaPath = fileURLToPath(new URL('../schema/ladder.schema.json', import.meta.url));

/** The assessment file's JSON Schema, which `assess new --schema` copies beside the file. */
export const assessmentSchemaPath = fileURLToPath(new URL('../schema/assessment.schema.json', import.meta.url));

/** The starter organisation that `init --org` copies: a folder of ladder files. */
export const exampleOrganisationPath = fileURLToPath(new URL('../examples/organisation/', import.meta.url));

/** The set of English words the spelling rule of `lint` reads (scripts/compile-dictionary.mjs writes it; the build puts it in dist/). */
export const englishWordsPath = fileURLToPath(new URL('../dist/english-words.bin', import.meta.url));
