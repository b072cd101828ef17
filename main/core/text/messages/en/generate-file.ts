// The command line's own form problems (`pika-tray generate`): the file given to
// `--image FILE` (its path as typed). Apart from generateForm so the window, which has no
// such file, does not carry them.
import { defineCatalog } from '../../../i18n';

export const generateFileEn = defineCatalog({
  notAFile: (path: string) => `${path} is not a file.`,
  fileMissing: (path: string) => `${path} does not exist.`,
  fileUnreadable: (path: string, code: string) => `${path} could not be read (${code}).`,
});
