/** The shortest AUTH_SECRET accepted: 32 random characters carry well over 128 bits. */
export const AUTH_SECRET_MIN_LENGTH = 32;
