// Types of buildRendererIfStale.mjs (a plain script, run by npm before the browser host starts).
export declare const RENDERER_SOURCES: string[];
export declare function rendererIsStale(options: { root: string; outDir?: string; sources?: string[] }): boolean;
