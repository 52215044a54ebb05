/** How the webhook platform writes a user (`ana`, `ana@example.org`) and a channel (`#sg20`). */
export const WEBHOOK_USER = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/;
export const WEBHOOK_CHANNEL = /^#[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
