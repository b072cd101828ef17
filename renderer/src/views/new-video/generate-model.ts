// The form model lives in main/core/generate so the command line, this view and the tests build
// exactly the same request body. It is pure data code (no Node, no Electron, no I/O), so the
// renderer may run it; this file is the one place that crosses, keeping the lint exception to
// a single spot.
/* eslint-disable no-restricted-imports */
export { buildGenerateRequest } from '../../../../main/core/generate/build-request';
export {
  emptyForm,
  fieldFromServer,
  type FieldErrors,
  type GenerateField,
  type GenerateForm,
} from '../../../../main/core/generate/generate-form';
export {
  ASPECT_PRESETS,
  IMAGE_MAX_BYTES,
  IMAGE_TYPES,
  LIMITS,
  MODELS,
  PIKAFFECTS,
} from '../../../../main/core/generate/generate-options';
export {
  formatMegabytes,
  imageFromDataUrl,
  imageTooBig,
  type ImageInput,
} from '../../../../main/core/generate/image-input';
export {
  formProblem,
  FormProblemError,
  problemIn,
  type FormProblem,
} from '../../../../main/core/generate/form-problem';
export {
  parseSettings,
  settingsOf,
  type GenerateSettings,
} from '../../../../main/core/generate/generate-settings';
export { prefillFrom, type PrefillMode } from '../../../../main/core/generate/prefill';
