// Types of runLog.mjs (a plain script, run by `npm test` without a TypeScript loader).
export declare const SIGNS_OF_LOST_WORK: { pattern: RegExp; what: string }[];
export declare function signsOfLostWork(log: string): { line: string; what: string }[];
