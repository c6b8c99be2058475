import { describe, expect, it } from 'vitest';
import { statedSizeLimit } from '@/utils/content/checks/size-limit';

const MB = 1024 * 1024;

describe('statedSizeLimit', () => {
  it.each<[string, number | null]>([
    ['请上传jpg、png、jpeg格式，大小不超过2M', 2 * MB],
    ['文件小于 5MB', 5 * MB],
    ['图片大小请勿超过3M', 3 * MB],
    ['单个文件不超过500KB', 500 * 1024],
    ['2M以内', 2 * MB],
    ['最大 20MB', 20 * MB],
    ['大小 ≤ 1.5 MB', 1.5 * MB],
    ['不超过２Ｍ', 2 * MB],
    // Several limits: the smallest is the one that holds for every file.
    ['jpg不超过2M，pdf不超过10M', 2 * MB],
    ['请上传jpg、png、jpeg格式', null],
    ['分辨率不低于600像素', null],
    ['', null],
  ])('%s → %s', (text, bytes) => expect(statedSizeLimit(text)).toBe(bytes === null ? null : Math.round(bytes)));
});
