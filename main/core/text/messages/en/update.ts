// Why a check for updates failed, as the "Could not check for updates" notification says it.
import { defineCatalog } from '../../../i18n';

export const updateEn = defineCatalog({
  feedNotYaml: (why: string) => `The update feed is not valid YAML: ${why}`,
  configNotYaml: (why: string) => `app-update.yml is not valid YAML: ${why}`,
  noFeedConfigured: 'app-update.yml names no GitHub or generic update feed.',
  feedMalformed: (detail: string) => `The update feed is malformed (${detail}).`,
  feedHttp: (status: number) => `The update feed answered HTTP ${status}.`,
  feedUnreachable: (why: string) => `The update feed could not be reached (${why}).`,
  noAnswerWithin: (seconds: number) => `no answer within ${seconds} s`,
});
