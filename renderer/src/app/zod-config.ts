// Imported first by main.tsx: zod must not compile parsers with `new Function` in the renderer, whose CSP
// forbids eval. Its probe for `new Function` runs when the first object schema is created (at module load of
// the shared schemas), and even caught it is reported as a CSP violation, so jitless is set before any schema.
import { z } from 'zod';

z.config({ jitless: true });
