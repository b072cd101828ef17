export { HIDDEN_ARG, getLaunchAtLogin, setLaunchAtLogin, startedAtLogin } from './launch-at-login';
export type { LaunchAtLoginOptions, LoginItemApp } from './launch-at-login';
