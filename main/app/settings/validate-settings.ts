// Checks a settings patch against the current settings as a whole, so a bad field never
// half-applies. Messages are written for the person who typed the value.
import { isAbsolute } from 'node:path';
import { downloadFolderProblemRef } from '../../core/download/folder-rules';
import { isLanguageSetting } from '../../core/i18n/locale';
import { NETWORK_MODES, type NetworkSetting, type Settings } from '../../core/settings';
import type { SettingLimits } from '../../../preload/contract';
import { readMessageRef, renderMessage, say, type MessageRef } from '../../core/text/message-ref';

/** Bounds for the numeric settings: fast enough to be useful, slow enough to be polite. */
export const SETTING_LIMITS: SettingLimits = {
  pollFloorSec: { min: 2, max: 600 },
  pollCapSec: { min: 5, max: 3600 },
  stalledAfterMin: { min: 5, max: 24 * 60 },
  pollMaxPerMin: { min: 0, max: 6000 },
};

/**
 * A refused field. `message` is English; `ref` (when the words are ours or the cause had
 * one) renders in the reader's language, see textOf.
 */
export class SettingsError extends Error {
  readonly ref: MessageRef | undefined;

  constructor(
    readonly field: keyof Settings,
    why: MessageRef | Error,
  ) {
    super(why instanceof Error ? why.message : renderMessage(why, 'en'));
    this.name = 'SettingsError';
    this.ref = why instanceof Error ? refOf(why) : why;
  }
}

function refOf(error: Error): MessageRef | undefined {
  const ref = (error as { ref?: unknown }).ref;
  return readMessageRef(ref);
}

export interface SettingsRules {
  /** Turns a typed base URL into the canonical one, or throws with a message for people. */
  normalizeBaseUrl(url: string): string;
  /** Checks a typed proxy URL (scheme, host, port), or throws with a message for people. */
  normalizeProxyUrl(url: string): string;
}

function checkNumber(field: keyof typeof SETTING_LIMITS, value: number): number {
  const { min, max } = SETTING_LIMITS[field];
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new SettingsError(field, say('settings.outOfRange', say(`settings.${field}`), min, max));
  }
  return Math.round(value);
}

/** Highest low-credit warning accepted, in dollars. */
export const LOW_CREDIT_MAX_USD = 10_000;

function checkLowCredit(value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > LOW_CREDIT_MAX_USD) {
    throw new SettingsError('lowCreditUsd', say('settings.lowCredit', LOW_CREDIT_MAX_USD));
  }
  return Math.round(value * 100) / 100;
}

export function checkDownloadDir(dir: string): string {
  const trimmed = dir.trim();
  if (trimmed === '' || trimmed.includes('\0')) {
    throw new SettingsError('downloadDir', say('settings.folderNotAbsolute'));
  }
  // Shares, device paths and roots first: their message says more than "not absolute".
  const problem = downloadFolderProblemRef(trimmed);
  if (problem !== null) throw new SettingsError('downloadDir', problem);
  if (!isAbsolute(trimmed)) {
    throw new SettingsError('downloadDir', say('settings.folderNotAbsolute'));
  }
  return trimmed;
}

/** The network setting as saved: a known mode, and a proxy URL that is empty or valid. */
export function checkNetwork(
  value: unknown,
  rules: Pick<SettingsRules, 'normalizeProxyUrl'>,
): NetworkSetting {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const mode = NETWORK_MODES.find((m) => m === record['mode']);
  if (!mode) throw new SettingsError('network', say('settings.networkMode'));
  const typed = typeof record['proxyUrl'] === 'string' ? record['proxyUrl'].trim() : '';
  if (typed === '') {
    if (mode === 'manual') {
      throw new SettingsError('network', say('settings.proxyUrlMissing'));
    }
    return { mode, proxyUrl: '' };
  }
  try {
    return { mode, proxyUrl: rules.normalizeProxyUrl(typed) };
  } catch (error) {
    throw new SettingsError(
      'network',
      error instanceof Error ? error : say('settings.proxyUrlInvalid'),
    );
  }
}

/** Returns the settings with the patch applied, or throws SettingsError naming the field. */
export function applySettingsPatch(
  current: Settings,
  patch: Partial<Settings>,
  rules: SettingsRules,
): Settings {
  const next: Settings = { ...current };
  if (patch.baseUrl !== undefined) {
    try {
      next.baseUrl = rules.normalizeBaseUrl(patch.baseUrl);
    } catch (error) {
      throw new SettingsError(
        'baseUrl',
        error instanceof Error ? error : say('settings.baseUrlInvalid'),
      );
    }
  }
  if (patch.downloadDir !== undefined) next.downloadDir = checkDownloadDir(patch.downloadDir);
  if (patch.network !== undefined) next.network = checkNetwork(patch.network, rules);
  for (const flag of ['autoDownload', 'notifications', 'launchAtLogin', 'autoUpdate'] as const) {
    const value = patch[flag];
    if (value !== undefined) next[flag] = value;
  }
  for (const field of ['pollFloorSec', 'pollCapSec', 'stalledAfterMin', 'pollMaxPerMin'] as const) {
    const value = patch[field];
    if (value !== undefined) next[field] = checkNumber(field, value);
  }
  if (patch.lowCreditUsd !== undefined) next.lowCreditUsd = checkLowCredit(patch.lowCreditUsd);
  if (patch.taskLayout !== undefined) {
    if (patch.taskLayout !== 'list' && patch.taskLayout !== 'grid') {
      throw new SettingsError('taskLayout', say('settings.taskLayout'));
    }
    next.taskLayout = patch.taskLayout;
  }
  if (patch.language !== undefined) {
    if (!isLanguageSetting(patch.language)) {
      throw new SettingsError('language', say('settings.language'));
    }
    next.language = patch.language;
  }
  if (next.pollCapSec < next.pollFloorSec) {
    throw new SettingsError('pollCapSec', say('settings.capBelowFloor'));
  }
  return next;
}

/**
 * Reads stored settings field by field: a value that is missing or no longer valid (an old
 * version, a hand edit) falls back to its default instead of losing the rest.
 */
export function repairSettings(
  stored: unknown,
  defaults: Settings,
  rules: SettingsRules,
): Settings {
  let settings = { ...defaults };
  if (typeof stored !== 'object' || stored === null) return settings;
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(defaults) as (keyof Settings)[]) {
    const value = record[key];
    if (typeof value !== typeof defaults[key]) continue;
    try {
      settings = applySettingsPatch(settings, { [key]: value }, rules);
    } catch {
      // keep the default for this field
    }
  }
  if (settings.pollCapSec < settings.pollFloorSec) settings.pollCapSec = defaults.pollCapSec;
  if (settings.pollCapSec < settings.pollFloorSec) settings.pollFloorSec = defaults.pollFloorSec;
  return settings;
}
