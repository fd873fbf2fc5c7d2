/** Bytes of `gzip -9 -c` for `source`, the measure DESIGN.md budgets use. */
export declare function gzipSize(source: string | Uint8Array): number;
