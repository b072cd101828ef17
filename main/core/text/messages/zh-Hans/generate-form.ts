// “新建视频”表单的问题。特效名（Levitate、Squish…）与模型名保持原样。
import type { Catalog } from '../../../i18n';
import type { generateFormEn } from '../en/generate-form';
import { ASPECT_PRESETS, MODELS, PIKAFFECTS } from '../../../generate/generate-options';

export const generateFormZh = {
  promptEmpty: '请描述你想要的视频。',
  promptTooLong: (max: number, length: number) =>
    `提示词不能超过 ${max} 个字符（当前 ${length} 个）。`,
  model: `请选择模型 ${MODELS.join(' 或 ')}。`,
  pikaffect: (effect: string) => `没有“${effect}”这个特效。可选：${PIKAFFECTS.join('、')}。`,
  frameRate: (min: number, max: number) => `帧率须为 ${min}–${max} 的整数（帧/秒）。`,
  motion: (min: number, max: number) => `运动强度须为 ${min}–${max} 的整数。`,
  guidanceScale: (min: number, max: number) => `引导系数须为 ${min}–${max} 的整数。`,
  negativeTooLong: (max: number) => `反向提示词不能超过 ${max} 个字符。`,
  imageWithExtend: '延长视频沿用原视频的画面：请移除图片，或改为新建视频。',
  aspectRatio: `请选择画面比例：${ASPECT_PRESETS.join('、')}。`,
  imageNotHttps: '图片链接须以 https:// 开头。',
  videoNotHttps: '要延长的视频链接须以 https:// 开头。',
  notReadableImage: (name: string) => `无法将 ${name} 读取为图片。`,
  notAnImage: (name: string) => `${name} 不是 PNG、JPEG 或 WebP 图片。`,
  imageEmpty: (name: string) => `${name} 是空文件。`,
  imageTooBig: (name: string, size: string, limit: string) =>
    `${name} 为 ${size}，超过图片上限 ${limit}。`,
  fileUnreadable: (name: string) => `无法读取 ${name}。`,
  noFinishedVideo: (taskId: string) => `任务 ${taskId} 还没有可延长的已完成视频。`,
} satisfies Catalog<typeof generateFormEn>;
