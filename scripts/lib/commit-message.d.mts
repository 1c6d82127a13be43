export declare const SUBJECT_MAX: number;
export declare function commitProblems(message: string): string[];
