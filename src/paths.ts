import { fileURLToPath } from 'node:url';

// This module sits one folder below the package root both as source (src/) and as bundle (dist/).
export const bundledLadderPath = fileURLToPath(new URL('../ladder.yaml', import.meta.url));
