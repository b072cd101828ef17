// The choices POST /pika/generate offers (shared/pika-api.md), with the ranges we allow. Pure
// data with no Node or DOM use: the renderer's form, the command line and the tests all read
// the same lists.

export const MODELS = ['1.5', '2.0'] as const;
export type Model = (typeof MODELS)[number];
export const DEFAULT_MODEL: Model = '2.0';

/** Effects the API documents; an effect adds audio. Empty = no effect. */
export const PIKAFFECTS = [
  'Levitate',
  'Decapitate',
  'Eye-pop',
  'Ta-da',
  'Deflate',
  'Crumble',
  'Dissolve',
  'Squish',
  'Inflate',
  'Melt',
  'Crush',
  'Cake-ify',
  'Explode',
] as const;
export type Pikaffect = (typeof PIKAFFECTS)[number];

/** Aspect presets as width:height; the API wants the ratio as one number. */
export const ASPECT_RATIOS = {
  '16:9': [16, 9],
  '9:16': [9, 16],
  '1:1': [1, 1],
  '4:5': [4, 5],
  '5:4': [5, 4],
  '4:3': [4, 3],
  '3:4': [3, 4],
} as const satisfies Record<string, readonly [number, number]>;
export type AspectPreset = keyof typeof ASPECT_RATIOS;
export const ASPECT_PRESETS = Object.keys(ASPECT_RATIOS) as AspectPreset[];
export const DEFAULT_ASPECT: AspectPreset = '16:9';

/** Integer ranges, after Pika's own parameter ranges (-fps 8-24, -motion 0-4, -gs 8-24). */
export const LIMITS = {
  frameRate: { min: 8, max: 24, default: 24 },
  motion: { min: 0, max: 4, default: 1 },
  guidanceScale: { min: 8, max: 24, default: 12 },
} as const;

export const PROMPT_MAX = 2000;
export const NEGATIVE_PROMPT_MAX = 1000;

/** Largest image file we send inline (base64 grows it by a third; IPC takes 20 MB of text). */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
