// The app's identity, shared by the main process, the CLI and packaging. APP_ID is also the
// Windows AppUserModelId: notifications only show (and group) under the installed Start Menu
// shortcut when the running app calls app.setAppUserModelId(APP_ID) with this same value,
// which electron-builder stamps on that shortcut from electron-builder.yml's appId.

export const APP_ID = 'art.pikatray.app';
export const PRODUCT_NAME = 'Pika Tray';
/** The custom URL scheme (`pika-tray://task/<id>`) registered by every installer. */
export const URL_SCHEME = 'pika-tray';
/** Linux executable and .desktop file base name; also Electron's app_id / WM_CLASS there. */
export const LINUX_APP_NAME = 'pika-tray';
