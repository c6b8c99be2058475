// @vitest-environment node
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Finding } from '@/utils/schema/finding';
import {
  analysePixels,
  checkPhoto,
  checkPhotoHeader,
  PHOTO_THRESHOLDS,
  readImageSize,
  sniffImageFormat,
  WATERMARK_TEXT,
  type PhotoInput,
  type PhotoMetrics,
} from '@/utils/rules/photo';
import { fromJpeg, fromPng, scene, toJpeg, toPng, type Img, type Scene } from './photo-images';

/*
 * The photo thresholds in photo.ts were set from these generated pictures. Run with
 * PHOTO_MEASURE=1 to print the measured metrics again after changing the generator or the metrics.
 */

const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

interface Measured {
  bytes: Uint8Array;
  width: number;
  height: number;
  metrics: PhotoMetrics | null;
}

/** Draws a scene, encodes it like a camera or an editor would, decodes it again and measures it. */
function measure(s: Scene, via: 'jpeg' | 'png' = 'jpeg'): Measured {
  const img = scene(s);
  const bytes = via === 'jpeg' ? toJpeg(img) : toPng(img);
  const decoded: Img = via === 'jpeg' ? fromJpeg(bytes) : fromPng(bytes);
  return { bytes, width: decoded.width, height: decoded.height, metrics: analysePixels(decoded) };
}

const card = (x: number, y: number, width: number) => ({ x, y, width });
const GLARE = { cx: 0.35, cy: 0.45, rx: 0.25, ry: 0.3 };
const SPOT = { cx: 0.35, cy: 0.45, rx: 0.04, ry: 0.05 };
/** 1200×900 unless noted, the card 840 px wide (characters ≈ 42 px high), JPEG quality 90 unless PNG. */
const scenes = {
  sharp: [{}, 'jpeg'],
  blur2: [{ blur: 2 }, 'jpeg'],
  blur3: [{ blur: 3 }, 'jpeg'],
  blur4: [{ blur: 4 }, 'jpeg'],
  blur6: [{ blur: 6 }, 'jpeg'],
  blur6Png: [{ blur: 6 }, 'png'],
  noisyBlur4: [{ blur: 4, noise: 10 }, 'jpeg'],
  smallCard: [{ card: card(330, 280, 540) }, 'jpeg'],
  glare: [{ glare: GLARE }, 'jpeg'],
  spot: [{ glare: SPOT }, 'jpeg'],
  cutRight: [{ card: card(525, 225, 825) }, 'jpeg'],
  cutTopLeft: [{ card: card(-112, -75, 825) }, 'jpeg'],
  thumb: [{ thumb: true }, 'jpeg'],
  croppedToCard: [{ card: card(0, 0, 1200), height: 757 }, 'jpeg'],
  tiny: [{ width: 400, height: 300 }, 'jpeg'],
  // PNG keeps the noise, so this one is a real file of more than 5 MB
  huge: [{ width: 2400, height: 1800 }, 'png'],
} satisfies Record<string, [Scene, 'jpeg' | 'png']>;
type SceneName = keyof typeof scenes;
const measured = new Map<SceneName, Measured>();
beforeAll(() => {
  for (const name of Object.keys(scenes) as SceneName[]) measured.set(name, measure(...(scenes[name] as [Scene, 'jpeg' | 'png'])));
}, 120_000);
const get = (name: SceneName) => measured.get(name)!;
const metrics = (name: SceneName) => get(name).metrics!;

describe('analysePixels on generated ID-card pictures', () => {
  it.runIf(process.env.PHOTO_MEASURE)('prints the measurements', () => {
    console.table(
      (Object.keys(scenes) as SceneName[]).map((name) => {
        const m = get(name);
        return {
          name,
          bytes: m.bytes.length,
          sharpness: Math.round(m.metrics!.sharpness),
          glare: m.metrics!.glare.toFixed(4),
          ...Object.fromEntries(Object.entries(m.metrics!.edgeContent).map(([k, v]) => [k, v.toFixed(3)])),
          cropped: m.metrics!.croppedToCard,
        };
      }),
    );
  }, 120_000);

  it('works on a copy at most 512 pixels long', () => {
    expect([metrics('sharp').workWidth, metrics('sharp').workHeight]).toEqual([512, 384]);
    expect([metrics('huge').workWidth, metrics('huge').workHeight]).toEqual([512, 384]);
    expect([metrics('tiny').workWidth, metrics('tiny').workHeight]).toEqual([400, 300]);
  });

  it('tells sharp from blurred, in order of the blur', () => {
    const { minSharpness } = PHOTO_THRESHOLDS;
    const order = ['sharp', 'blur2', 'blur3', 'blur4', 'blur6'] as const;
    const values = order.map((n) => metrics(n).sharpness);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]);
    // legible (blur radius ≤ 7 % of the character height) above the threshold, smeared below
    for (const n of ['sharp', 'blur2', 'blur3', 'smallCard', 'tiny', 'huge'] as const) expect(metrics(n).sharpness, n).toBeGreaterThan(minSharpness);
    for (const n of ['blur4', 'blur6', 'blur6Png', 'noisyBlur4'] as const) expect(metrics(n).sharpness, n).toBeLessThan(minSharpness);
  });

  it('does not let sensor noise pass for sharpness', () => {
    // noise σ 10 instead of 3 adds no apparent detail once the noise is subtracted
    expect(metrics('noisyBlur4').sharpness).toBeLessThan(metrics('blur4').sharpness);
  });

  it('measures the same whatever the resolution or the encoding', () => {
    expect(Math.abs(metrics('huge').sharpness / metrics('sharp').sharpness - 1)).toBeLessThan(0.15);
    expect(Math.abs(metrics('blur6Png').sharpness / metrics('blur6').sharpness - 1)).toBeLessThan(0.2);
  });

  it('measures glare as the share of blown-out pixels', () => {
    const { maxGlare } = PHOTO_THRESHOLDS;
    expect(metrics('sharp').glare).toBe(0);
    expect(metrics('spot').glare).toBeGreaterThan(0);
    expect(metrics('spot').glare).toBeLessThan(maxGlare);
    expect(metrics('glare').glare).toBeGreaterThan(maxGlare * 3);
  });

  it('finds content at the edges of the frame', () => {
    expect(metrics('sharp').touchedSides).toEqual([]);
    expect(metrics('blur6').touchedSides).toEqual([]);
    expect(metrics('glare').touchedSides).toEqual([]);
    expect(metrics('cutRight').touchedSides).toEqual(['right']);
    expect(metrics('cutTopLeft').touchedSides).toEqual(['top', 'left']);
    expect(metrics('thumb').touchedSides).toEqual(['bottom']);
    expect(metrics('thumb').edgeContent.bottom).toBeLessThan(0.2); // only the thumb's width
  });

  it('accepts a picture cropped to the card itself', () => {
    const m = metrics('croppedToCard');
    expect(Math.min(...Object.values(m.edgeContent))).toBeGreaterThan(PHOTO_THRESHOLDS.croppedEdgeContent);
    expect(m.croppedToCard).toBe(true);
    expect(m.touchedSides).toEqual([]);
  });

  it('returns null for pixels that cannot be an image', () => {
    const ok = { width: 4, height: 4, data: new Uint8ClampedArray(64) };
    expect(analysePixels(ok)).not.toBeNull();
    for (const bad of [
      null,
      undefined,
      {},
      { ...ok, width: 0 },
      { ...ok, height: -1 },
      { ...ok, width: Number.NaN },
      { ...ok, width: 2.5 },
      { ...ok, data: new Uint8ClampedArray(10) },
      { ...ok, data: [1, 2, 3] },
      { width: 1, height: 1, data: new Uint8ClampedArray(4) },
    ]) {
      expect(analysePixels(bad as never)).toBeNull();
    }
  });

  it('gives a flat picture zero sharpness and no touched edges', () => {
    const data = new Uint8ClampedArray(100 * 80 * 4).fill(128);
    const m = analysePixels({ width: 100, height: 80, data })!;
    expect(m.sharpness).toBe(0);
    expect(m.glare).toBe(0);
    expect(m.touchedSides).toEqual([]);
  });
});

describe('sniffImageFormat', () => {
  const jpegBytes = () => get('tiny').bytes;
  it.each<[string, () => Uint8Array, string]>([
    ['JPEG from jpeg-js', jpegBytes, 'jpeg'],
    ['PNG from pngjs', () => toPng(scene({ width: 40, height: 30 })), 'png'],
    ['WebP', () => bytesOf('RIFF\x24\x00\x00\x00WEBPVP8 '), 'webp'],
    ['HEIC from an iPhone', () => bytesOf('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic'), 'heic'],
    ['HEIF with the mif1 brand', () => bytesOf('\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1heic'), 'heic'],
    ['AVIF is not HEIC', () => bytesOf('\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1'), 'unknown'],
    ['GIF', () => bytesOf('GIF89a\x10\x00\x10\x00'), 'gif'],
    ['PDF', () => bytesOf('%PDF-1.7\n%âãÏÓ\n'), 'pdf'],
    ['PDF after leading junk', () => bytesOf('\x00\x00junk\n%PDF-1.4\n'), 'pdf'],
    ['BMP', () => bytesOf('BM' + '\x00'.repeat(30)), 'bmp'],
    ['a Word file', () => bytesOf('PK\x03\x04\x14\x00\x06\x00'), 'unknown'],
    ['three bytes of a JPEG', () => new Uint8Array([0xff, 0xd8, 0xff]), 'unknown'],
    ['nothing', () => new Uint8Array(0), 'unknown'],
  ])('%s', (_name, bytes, expected) => expect(sniffImageFormat(bytes())).toBe(expected));

  it('never throws on anything', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (b) => typeof sniffImageFormat(b) === 'string'));
    expect(sniffImageFormat(null as never)).toBe('unknown');
    expect(sniffImageFormat('ÿØÿ' as never)).toBe('unknown');
  });
});

describe('readImageSize', () => {
  /** A JPEG with a 60 KiB APP1 segment (like EXIF with a thumbnail) before the frame header. */
  function withBigExif(jpegBytes: Uint8Array): Uint8Array {
    const length = 60 * 1024;
    const app1 = new Uint8Array(2 + length);
    app1.set([0xff, 0xe1, length >> 8, length & 0xff]);
    app1.set(bytesOf('Exif\x00\x00'), 4);
    const out = new Uint8Array(jpegBytes.length + app1.length);
    out.set(jpegBytes.subarray(0, 2));
    out.set(app1, 2);
    out.set(jpegBytes.subarray(2), 2 + app1.length);
    return out;
  }
  it.each<[string, () => Uint8Array, { width: number; height: number } | null]>([
    ['JPEG', () => get('tiny').bytes, { width: 400, height: 300 }],
    ['JPEG with big EXIF', () => withBigExif(get('tiny').bytes), { width: 400, height: 300 }],
    ['PNG', () => toPng(scene({ width: 40, height: 30 })), { width: 40, height: 30 }],
    ['GIF', () => bytesOf('GIF89a\x80\x02\xe0\x01'), { width: 640, height: 480 }],
    ['BMP (top-down)', () => bytesOf('BM' + '\x00'.repeat(16) + '\x20\x03\x00\x00' + '\x38\xfe\xff\xff'), { width: 800, height: 456 }],
    ['WebP lossy', () => bytesOf('RIFF\x00\x00\x00\x00WEBPVP8 \x00\x00\x00\x00\x00\x00\x00\x9d\x01\x2a\x80\x02\xe0\x01'), { width: 640, height: 480 }],
    ['WebP lossless', () => new Uint8Array([...bytesOf('RIFF\x00\x00\x00\x00WEBPVP8L\x00\x00\x00\x00\x2f'), 0x7f, 0xc2, 0x77, 0x00, 0, 0, 0, 0, 0]), { width: 640, height: 480 }],
    ['WebP extended', () => bytesOf('RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00\x7f\x02\x00\xdf\x01\x00'), { width: 640, height: 480 }],
    ['JPEG cut before its frame header', () => withBigExif(get('tiny').bytes).subarray(0, 4000), null],
    ['HEIC', () => bytesOf('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic'), null],
    ['nothing', () => new Uint8Array(0), null],
  ])('%s', (_name, bytes, expected) => expect(readImageSize(bytes())).toEqual(expected));

  it('never throws on anything', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), (tail) => {
      for (const prefix of [[0xff, 0xd8, 0xff], [...bytesOf('\x89PNG\r\n\x1a\n')], [...bytesOf('RIFF\x00\x00\x00\x00WEBPVP8X')]]) {
        readImageSize(new Uint8Array([...prefix, ...tail]));
      }
    }));
  });
});

describe('checkPhoto', () => {
  const input = (name: SceneName, over: Partial<PhotoInput> = {}): PhotoInput => {
    const m = get(name);
    return { fileName: 'front.jpg', fileSize: m.bytes.length, head: m.bytes.subarray(0, 64), width: m.width, height: m.height, metrics: m.metrics, ...over };
  };
  const ruleAndSeverity = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.severity}`);

  it('passes a sharp, complete photo of the card, in JPEG or PNG', () => {
    expect(checkPhoto(input('sharp'))).toEqual([]);
    expect(checkPhoto(input('huge', { fileName: 'front.png', fileSize: 1_000_000 }))).toEqual([]);
    expect(checkPhoto(input('sharp', { fileName: 'FRONT.JPEG' }))).toEqual([]);
    expect(checkPhoto(input('croppedToCard'))).toEqual([]);
  });

  describe('realname.photo.format', () => {
    const disguised = (head: Uint8Array) => input('sharp', { head, metrics: null });
    it.each<[string, Uint8Array, string]>([
      ['WebP', bytesOf('RIFF\x24\x00\x00\x00WEBPVP8 '), 'WebP'],
      ['HEIC', bytesOf('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic'), 'HEIC'],
      ['PDF', bytesOf('%PDF-1.7\n'), 'PDF'],
      ['GIF', bytesOf('GIF89a\x10\x00\x10\x00'), 'GIF'],
    ])('a %s file named .jpg is an error', (_name, head, real) => {
      const fs = checkPhoto(disguised(head));
      expect(ruleAndSeverity(fs)).toEqual(['realname.photo.format:error']);
      expect(fs[0].message).toContain(`文件实际是 ${real} 格式（文件名为 .jpg）`);
    });

    it.each<[string, Partial<PhotoInput>, string[]]>([
      ['unknown bytes', { head: bytesOf('PK\x03\x04\x14\x00'), metrics: null }, ['realname.photo.format:error']],
      ['an empty file', { head: new Uint8Array(0), fileSize: 0, metrics: null }, ['realname.photo.format:error']],
      ['a PNG named .jpg', { head: toPng(scene({ width: 8, height: 8 })).subarray(0, 64) }, ['realname.photo.format:warning']],
      ['a JPEG named .jfif', { fileName: 'front.jfif' }, ['realname.photo.format:warning']],
      ['a JPEG without extension', { fileName: 'front' }, ['realname.photo.format:warning']],
      ['a JPEG that does not decode', { metrics: null }, ['realname.photo.format:error']],
    ])('%s', (_name, over, expected) => expect(ruleAndSeverity(checkPhoto(input('sharp', over)))).toEqual(expected));

    it('reports a truncated JPEG: the format is right, the decoder fails', () => {
      const bytes = get('sharp').bytes.subarray(0, 20_000);
      let decoded: Img | null = null;
      try {
        decoded = fromJpeg(bytes);
      } catch {
        decoded = null;
      }
      const size = readImageSize(bytes);
      const fs = checkPhoto({ fileName: 'front.jpg', fileSize: bytes.length, head: bytes.subarray(0, 64), width: size?.width ?? 0, height: size?.height ?? 0, metrics: decoded && analysePixels(decoded) });
      expect(size).toEqual({ width: 1200, height: 900 });
      expect(ruleAndSeverity(fs)).toEqual(['realname.photo.format:error']);
      expect(fs[0].message).toContain('无法解码');
    });
  });

  describe('realname.photo.size', () => {
    it.each<[string, SceneName, Partial<PhotoInput>, string[]]>([
      ['a real file over 5 MB', 'huge', { fileName: 'front.png' }, ['realname.photo.size:warning']],
      ['over the limit the page states', 'sharp', { fileSize: 3_000_000, sizeLimitBytes: 2 * 1024 * 1024 }, ['realname.photo.size:warning']],
      ['4 MB with no stated limit', 'sharp', { fileSize: 4 * 1024 * 1024 }, []],
      ['too small to read: 400×300', 'tiny', {}, ['realname.photo.size:warning']],
      ['599 pixels on the shorter side', 'sharp', { width: 800, height: 599 }, ['realname.photo.size:warning']],
      ['600 pixels on the shorter side', 'sharp', { width: 800, height: 600 }, []],
      ['a 3:1 strip', 'sharp', { width: 3000, height: 1000 }, ['realname.photo.size:warning']],
      ['a 20:9 phone photo', 'sharp', { width: 2400, height: 1080 }, []],
      ['a portrait handheld photo', 'sharp', { width: 3000, height: 4000 }, []],
    ])('%s', (_name, scene, over, expected) => expect(ruleAndSeverity(checkPhoto(input(scene, over)))).toEqual(expected));

    it('states the sizes in the message', () => {
      expect(get('huge').bytes.length).toBeGreaterThan(5 * 1024 * 1024);
      const [f] = checkPhoto(input('huge', { fileName: 'front.png' }));
      expect(f.message).toMatch(/文件 \d+\.\d MB，超过 5\.0 MB 的限制/);
    });
  });

  describe('realname.photo.quality', () => {
    it.each<[string, SceneName, Partial<PhotoInput>, string[]]>([
      ['blurred', 'blur6', {}, ['模糊']],
      ['blurred and noisy', 'noisyBlur4', {}, ['模糊']],
      ['slightly soft but legible', 'blur3', {}, []],
      ['glare', 'glare', {}, ['反光']],
      ['a small specular spot', 'spot', {}, []],
      ['cut at the right', 'cutRight', {}, ['右边超出画面或被遮挡']],
      ['cut at top and left', 'cutTopLeft', {}, ['上、左边超出画面或被遮挡']],
      ['a thumb over the edge', 'thumb', {}, ['下边超出画面或被遮挡']],
      ['a handheld photo reaches the edges by nature', 'cutRight', { kind: 'handheld' }, []],
    ])('%s', (_name, scene, over, words) => {
      const fs = checkPhoto(input(scene, over));
      expect(fs).toHaveLength(words.length);
      words.forEach((w, i) => {
        expect(fs[i]).toMatchObject({ rule: 'realname.photo.quality', severity: 'warning' });
        expect(fs[i].message).toContain(w);
      });
    });

    it('carries the key of the upload', () => {
      expect(checkPhoto(input('blur6', { key: 'idFront' }))[0].key).toBe('idFront');
    });
  });

  it('never throws, whatever it is given', () => {
    const anyMetrics = fc.oneof(
      fc.constant(null),
      fc.record({
        workWidth: fc.integer(),
        workHeight: fc.integer(),
        sharpness: fc.double(),
        glare: fc.double(),
        edgeContent: fc.record({ top: fc.double(), right: fc.double(), bottom: fc.double(), left: fc.double() }),
        croppedToCard: fc.boolean(),
        touchedSides: fc.subarray(['top', 'right', 'bottom', 'left'] as const),
      }),
    );
    fc.assert(
      fc.property(
        fc.record(
          { fileName: fc.oneof(fc.string(), fc.anything()), fileSize: fc.oneof(fc.double(), fc.anything()), head: fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.anything()), width: fc.oneof(fc.double(), fc.anything()), height: fc.double(), metrics: anyMetrics, sizeLimitBytes: fc.oneof(fc.double(), fc.anything()), kind: fc.anything() },
          { requiredKeys: [] },
        ),
        (p) => {
          for (const f of checkPhoto(p as PhotoInput)) Finding.parse(f);
        },
      ),
    );
    expect(() => checkPhoto(undefined as never)).not.toThrow();
  });
});

describe('the header verdict, shown while the pixels decode', () => {
  const sharp = () => measure({});
  const base = (over: Partial<PhotoInput> = {}): PhotoInput => {
    const m = sharp();
    return { fileName: 'front.jpg', fileSize: m.bytes.length, head: m.bytes.subarray(0, 64), width: m.width, height: m.height, metrics: m.metrics, ...over };
  };

  it('gives a file over the size limit its finding before any decoding', () => {
    const header = checkPhotoHeader({ ...base(), fileSize: 20 * 1024 * 1024 });
    expect(header.findings.map((f) => f.rule)).toEqual(['realname.photo.size']);
    expect(header.decode).toBe(true);
  });

  it('is the whole verdict for a refused format or an empty file: nothing to decode', () => {
    for (const over of [{ head: bytesOf('%PDF-1.7\n'), metrics: null }, { head: new Uint8Array(0), fileSize: 0, metrics: null }]) {
      const header = checkPhotoHeader(base(over));
      expect(header.decode).toBe(false);
      expect(header.findings).toEqual(checkPhoto(base(over)));
    }
  });

  it('never contradicts the final verdict: its findings are the final ones, first and in order', () => {
    const metrics = fc.oneof(fc.constant(null), fc.constant(sharp().metrics), fc.constant(measure({ blur: 6 }).metrics), fc.constant(measure({ thumb: true }).metrics));
    fc.assert(
      fc.property(
        fc.record({
          fileName: fc.constantFrom('front.jpg', 'front.png', 'front.JPEG', 'front', 'front.webp'),
          fileSize: fc.integer({ min: 0, max: 30 * 1024 * 1024 }),
          head: fc.constantFrom(sharp().bytes.subarray(0, 64), toPng(scene({ width: 8, height: 8 })).subarray(0, 64), bytesOf('GIF89a\x10\x00'), new Uint8Array(0)),
          // The header may lack the size the decoded picture then gives.
          headerSize: fc.option(fc.record({ width: fc.integer({ min: 1, max: 6000 }), height: fc.integer({ min: 1, max: 6000 }) })),
          decodedSize: fc.record({ width: fc.integer({ min: 1, max: 6000 }), height: fc.integer({ min: 1, max: 6000 }) }),
          metrics,
          sizeLimitBytes: fc.option(fc.integer({ min: 1, max: 10 * 1024 * 1024 }), { nil: undefined }),
          kind: fc.constantFrom('card' as const, 'handheld' as const),
        }),
        ({ headerSize, decodedSize, metrics: m, ...rest }) => {
          const header = checkPhotoHeader({ ...rest, width: headerSize?.width ?? 0, height: headerSize?.height ?? 0 });
          const size = headerSize ?? decodedSize;
          const final = checkPhoto({ ...rest, ...size, metrics: m });
          expect(final.slice(0, header.findings.length)).toEqual(header.findings);
          if (!header.decode) expect(final).toEqual(header.findings);
        },
      ),
    );
  });
});

describe('realname.photo.watermark', () => {
  it('has the wording the center asks for', () => {
    expect(WATERMARK_TEXT).toBe('仅供办理中国版权保护中心各项申请使用');
  });
});
