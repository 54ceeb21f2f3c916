/** See plan-schema.mjs. */
export declare function renderPlanSchema(): string;
