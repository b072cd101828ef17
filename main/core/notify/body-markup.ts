// Linux notification daemons that support body markup (the freedesktop spec's `body-markup`
// capability: GNOME, KDE, dunst...) read the body as a small XML dialect, rendering <a>,
// <img>, <b>... A prompt or a server's error text must show as typed, so on Linux the
// characters that start markup are escaped. Other systems show the body as plain text.

/** The body with `&`, `<` and `>` escaped as markup entities. */
export function escapeBodyMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The body as the platform's notification service should receive it. */
export function notificationBodyFor(platform: NodeJS.Platform, body: string): string {
  return platform === 'linux' ? escapeBodyMarkup(body) : body;
}
