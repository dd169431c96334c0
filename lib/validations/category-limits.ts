// Kept apart from the zod schemas so client forms can read the limits without bundling zod.
export const CATEGORY_NAME_MAX = 120;
export const CATEGORY_DESCRIPTION_MAX = 500;
