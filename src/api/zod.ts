import * as z from "zod/mini";

// No code generation at run time, so a strict CSP without 'unsafe-eval' works.
z.config({ jitless: true });

export { z };
